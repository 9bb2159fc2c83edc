from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from django.conf import settings
from django.db import models

from bridgework.core.fields import EncryptedTextField


@cache
def timezone_choices() -> list[tuple[str, str]]:
    # Scanning the tz database on disk takes ~10 ms; it cannot change while running.
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class Profile(models.Model):
    """What the app needs to know about a person beyond their login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # Encrypted: a name is personal, and a database copy should not list who uses the app.
    display_name = EncryptedTextField(
        max_length=60, blank=True, help_text="What the app calls you. Leave empty for none."
    )
    timezone = models.CharField(max_length=64, default="UTC")
    country = models.CharField(
        max_length=2,
        blank=True,
        help_text="Used only to show crisis lines for where you are.",
    )
    hide_scores = models.BooleanField(
        default=False,
        verbose_name="Hide questionnaire scores on the home page",
        help_text="For when someone might glance at your screen. The scores stay in Recognise.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Goes up by one after every change the person makes (any POST, PUT, PATCH or DELETE
    # of theirs: accounts.middleware), so fixed-size pages can cache what they show per
    # person and version (the home page does). Read with the user at no extra query.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        return self.display_name or f"profile {self.pk}"


def profile_for(user: Any) -> Profile:
    """The user's profile, created on first use (accounts made before profiles existed).

    No query when the user was loaded with it (the request's user is: see backends.py).
    """
    try:
        return user.profile
    except (Profile.DoesNotExist, AttributeError):
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def data_changed(user_id: int) -> None:
    """Mark the person's data as changed (one UPDATE): caches keyed on ``data_version``
    stop matching. The middleware calls it after each of the person's own writes; code
    that changes someone else's data (a clinician's note, a background task) calls it too.
    """
    Profile.objects.filter(user_id=user_id).update(data_version=models.F("data_version") + 1)
