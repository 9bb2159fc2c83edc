"""A person's data in every area, for the clinician views and the report."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from bridgework.assess.instruments import get_instrument
from bridgework.assess.models import Response, Sitting
from bridgework.assess.scoring import score
from bridgework.checkin.models import CheckIn
from bridgework.circle.models import Exchange
from bridgework.circle.services import person_create
from bridgework.journal.models import Entry
from bridgework.ladder.library import templates
from bridgework.ladder.services import attempt_log, step_adopt
from bridgework.safety.models import SafetyPlan


def sitting(user: Any, instrument_id: str, value: int, *, days_ago: int = 0) -> Sitting:
    """A submitted sitting with every item answered ``value``."""
    instrument = get_instrument(instrument_id)
    assert instrument is not None
    answers = {item.id: value for item in instrument.items}
    result = score(instrument, answers)
    at = timezone.now() - timedelta(days=days_ago)
    made = Sitting.objects.create(
        user=user,
        instrument_id=instrument_id,
        instrument_version=instrument.version,
        submitted_at=at,
        total=result.total,
        band=result.band.label if result.band else "",
        subscales=result.subscales,
    )
    Sitting.objects.filter(pk=made.pk).update(started_at=at)
    Response.objects.bulk_create(
        Response(sitting=made, item_id=k, value=v) for k, v in answers.items()
    )
    return made


def fill(user: Any) -> dict[str, Any]:
    today = timezone.localdate()
    sitting(user, "phq9", 2, days_ago=60)
    phq9 = sitting(user, "phq9", 1, days_ago=1)
    step, _ = step_adopt(user=user, template=templates()[0])
    attempt_log(
        step=step,
        happened_on=today,
        discomfort_before=30,
        discomfort_peak=20,
        discomfort_after=10,
        feared_happened="no",
        response="better",
        what_happened="Secret ladder note",
        learned="It went fine",
    )
    person, _ = person_create(user=user, name="Secret Friend Name", ring="close", comfort=70)
    Exchange.objects.create(
        user=user, person=person, direction="gave", kind="practical", size="small", occurred_on=today
    )
    # Thirty days of check-ins, a check-in every day but every third: mood falls as stress rises.
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=today - timedelta(days=d), stress=d % 10, mood=5 - (d % 10) // 2,
                sleep_hours=Decimal("7.5"))
        for d in range(30)
        if d % 3 != 2
    )
    plan = SafetyPlan.objects.create(user=user, warning_signs="Secret warning sign")
    shared = Entry.objects.create(user=user, body="Entry I chose to share", date=today)
    private = Entry.objects.create(user=user, body="Private journal words", date=today)
    return {"phq9": phq9, "step": step, "plan": plan, "shared": shared, "private": private}
