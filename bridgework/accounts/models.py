from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models, transaction

from bridgework.core.fields import EncryptedTextField
from bridgework.core.fragments import EVERYTHING


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
    # The same, per area of the person's data (a module, by the URL namespace of the
    # request that wrote; core.fragments.EVERYTHING for writes that could touch any): a
    # page that shows one area (the ledger, the ladder, the journal list) stays cached
    # through writes to the others. Also read with the user at no extra query.
    area_versions = models.JSONField(default=dict, editable=False)

    def __str__(self) -> str:
        return self.display_name or f"profile {self.pk}"


class Session(AbstractBaseSession):
    """Django's database session, plus whose it is as a column (``accounts.sessions``).

    Every request of a logged-in person reads the session, the user and their profile;
    with the user's id in a column of its own, one query joins all three. The column is
    written from the session's own data each time the session is saved (a login, a
    logout, ``cycle_key``), and the user and their rows are still read on every request,
    so a logout, a password change or a deactivation is seen at once, as before.
    Deleting the user deletes their sessions (the foreign key cascades).
    """

    # No database constraint: a session saved in the instant its user is deleted must not
    # fail the request (it joins to no user: nobody is logged in). Deleting a user still
    # deletes their sessions (Django cascades in Python).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
    )

    @classmethod
    def get_session_store_class(cls) -> type[Any]:
        from .sessions import SessionStore

        return SessionStore


def profile_for(user: Any) -> Profile:
    """The user's profile, created on first use (accounts made before profiles existed).

    No query when the user was loaded with it (the request's user is: see backends.py).
    """
    try:
        return user.profile
    except (Profile.DoesNotExist, AttributeError):
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def data_changed(user_id: int, *areas: str) -> None:
    """Mark the person's data as changed: caches keyed on ``data_version`` (the home
    page) stop matching, and so do those keyed on the versions of ``areas`` (with no area:
    on every area's, through ``EVERYTHING``). The middleware calls it after each of the
    person's own writes, naming the modules written to; code that changes someone else's
    data (a clinician's note, a background task) calls it with no area.

    Two queries in one short transaction: the row is locked while it is read (SQLite's
    ``BEGIN IMMEDIATE``, PostgreSQL's ``SELECT … FOR UPDATE``), so two writes at once
    cannot both count from the same version.
    """
    rows = Profile.objects.filter(user_id=user_id)
    with transaction.atomic():
        versions = rows.select_for_update().values_list("area_versions", flat=True).first()
        if versions is None:
            return  # no profile (yet), or the account was just deleted
        versions = dict(versions)
        for name in areas or (EVERYTHING,):
            versions[name] = versions.get(name, 0) + 1
        rows.update(data_version=models.F("data_version") + 1, area_versions=versions)
