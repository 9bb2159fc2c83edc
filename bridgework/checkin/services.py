from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from bridgework.safety.services import screen_texts, screening_record
from bridgework.screening.crisis import Screening

from .models import CheckIn

SOURCE = "checkin.checkin"


def checkin_create(
    *,
    user: User,
    date: dt.date,
    mood: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    sleep_hours: Decimal | None = None,
    sleep_quality: int | None = None,
    body_signs: list[str] | None = None,
    numbness: int | None = None,
    alone: int | None = None,
    help_asked: int | None = None,
    help_accepted: int | None = None,
    feelings: list[str] | None = None,
    note: str = "",
) -> tuple[CheckIn, Screening]:
    """Save a day's check-in (validated by ``CheckInForm``) and screen its note."""
    screening = screen_texts(note)
    with transaction.atomic():
        checkin = CheckIn.objects.create(
            user=user,
            date=date,
            mood=mood,
            stress=stress,
            energy=energy,
            sleep_hours=sleep_hours,
            sleep_quality=sleep_quality,
            body_signs=list(body_signs or []),
            numbness=numbness,
            alone=alone,
            help_asked=help_asked,
            help_accepted=help_accepted,
            feelings=list(feelings or []),
            note=note,
        )
        screening_record(user=user, screening=screening, source=SOURCE)
    return checkin, screening


def checkin_update(
    *,
    user: User,
    checkin: CheckIn,
    date: dt.date,
    mood: int | None = None,
    stress: int | None = None,
    energy: int | None = None,
    sleep_hours: Decimal | None = None,
    sleep_quality: int | None = None,
    body_signs: list[str] | None = None,
    numbness: int | None = None,
    alone: int | None = None,
    help_asked: int | None = None,
    help_accepted: int | None = None,
    feelings: list[str] | None = None,
    note: str = "",
) -> tuple[CheckIn, Screening]:
    """Replace a check-in's values (the form gives every field) and screen its note."""
    screening = screen_texts(note)
    checkin.date = date
    checkin.mood = mood
    checkin.stress = stress
    checkin.energy = energy
    checkin.sleep_hours = sleep_hours
    checkin.sleep_quality = sleep_quality
    checkin.body_signs = list(body_signs or [])
    checkin.numbness = numbness
    checkin.alone = alone
    checkin.help_asked = help_asked
    checkin.help_accepted = help_accepted
    checkin.feelings = list(feelings or [])
    checkin.note = note
    with transaction.atomic():
        checkin.save(update_fields=[*UPDATABLE, "updated_at"])
        screening_record(user=user, screening=screening, source=SOURCE)
    return checkin, screening


UPDATABLE = [
    "date",
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
]


def checkin_delete(*, user: User, checkin: CheckIn) -> None:
    if checkin.user_id != user.pk:  # the access helper already guarantees it
        raise PermissionError("not the owner")
    checkin.delete()
