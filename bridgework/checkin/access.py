from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.http import Http404

from .models import CheckIn

# Primary keys are signed 64-bit integers in SQLite and PostgreSQL.
_PK_MAX = 2**63 - 1


def get_checkin_for_user(user: User, pk: object) -> CheckIn:
    """The user's own check-in; a missing, foreign or malformed id is a 404, never a 403."""
    text = str(pk).strip()
    if isinstance(pk, bool) or not text.isdigit() or int(text) > _PK_MAX:
        raise Http404("Not found.")
    try:
        return CheckIn.objects.get(pk=int(text), user=user)
    except CheckIn.DoesNotExist:
        raise Http404("Not found.") from None


def get_checkin_on_day(user: User, day: dt.date) -> CheckIn | None:
    return CheckIn.objects.filter(user=user, date=day).first()
