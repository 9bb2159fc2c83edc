from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from bridgework.core.access import owned_or_404

from .models import CheckIn


def get_checkin_for_user(user: User, pk: object) -> CheckIn:
    """The user's own check-in; a missing, foreign or malformed id is a 404, never a 403."""
    return owned_or_404(CheckIn.objects.filter(user=user), pk)


def get_checkin_on_day(user: User, day: dt.date) -> CheckIn | None:
    return CheckIn.objects.filter(user=user, date=day).first()
