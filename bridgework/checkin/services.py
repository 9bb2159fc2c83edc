from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NotRequired, TypedDict, Unpack

from django.contrib.auth.models import User
from django.db import transaction

from bridgework.safety.services import screen_texts, screening_record
from bridgework.screening.crisis import Screening

from .models import CheckIn

SOURCE = "checkin.checkin"


# Everything a check-in can record; one of them is enough (``CheckInForm.clean``).
ANSWERS = (
    "mood",
    "stress",
    "energy",
    "sleep_hours",
    "sleep_quality",
    "body_signs",
    "numbness",
    "alone",
    "help_asked",
    "help_accepted",
    "feelings",
    "note",
)
UPDATABLE = ("date", *ANSWERS)


class CheckInFields(TypedDict):
    """One day's values (``CheckInForm.cleaned_data``); a value left out is empty."""

    date: dt.date
    mood: NotRequired[int | None]
    stress: NotRequired[int | None]
    energy: NotRequired[int | None]
    sleep_hours: NotRequired[Decimal | None]
    sleep_quality: NotRequired[int | None]
    body_signs: NotRequired[list[str] | None]
    numbness: NotRequired[int | None]
    alone: NotRequired[int | None]
    help_asked: NotRequired[int | None]
    help_accepted: NotRequired[int | None]
    feelings: NotRequired[list[str] | None]
    note: NotRequired[str]


def _values(fields: CheckInFields) -> dict[str, object]:
    """Every updatable field: what was given, the rest empty (a save replaces the whole day)."""
    values: dict[str, object] = {name: None for name in UPDATABLE}
    values.update(fields)
    values["body_signs"] = list(fields.get("body_signs") or [])
    values["feelings"] = list(fields.get("feelings") or [])
    values["note"] = fields.get("note", "")
    return values


def checkin_create(*, user: User, **fields: Unpack[CheckInFields]) -> tuple[CheckIn, Screening]:
    """Save a day's check-in and screen its note."""
    screening = screen_texts(fields.get("note", ""))
    with transaction.atomic():
        checkin = CheckIn.objects.create(user=user, **_values(fields))
        screening_record(user=user, screening=screening, source=SOURCE)
    return checkin, screening


def checkin_update(
    *, user: User, checkin: CheckIn, **fields: Unpack[CheckInFields]
) -> tuple[CheckIn, Screening]:
    """Replace a check-in's values (the form gives every field) and screen its note."""
    screening = screen_texts(fields.get("note", ""))
    for name, value in _values(fields).items():
        setattr(checkin, name, value)
    with transaction.atomic():
        checkin.save(update_fields=[*UPDATABLE, "updated_at"])
        screening_record(user=user, screening=screening, source=SOURCE)
    return checkin, screening


def checkin_delete(*, user: User, checkin: CheckIn) -> None:
    if checkin.user_id != user.pk:  # the access helper already guarantees it
        raise PermissionError("not the owner")
    checkin.delete()
