from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from bridgework.circle.models import Person

from .models import SafetyPlan, ScreeningEvent
from bridgework.screening.crisis import Screening, screen


def screening_record(*, user: Any, text: str | None, source: str) -> Screening:
    """Screen free text the user is saving and record the level (not the text).

    Call it from every write path that saves free text, after or beside the save — it
    never raises on odd input and never blocks the save. Show
    ``safety/_crisis_help.html`` with the returned screening when ``screening.crisis``.
    """
    result = screen(text or "")
    if result.crisis:
        ScreeningEvent.objects.create(user=user, level=result.level, source=source)
    return result


# A crisis result survives the redirect after a save, to be shown once on the next page.
_CARRY_KEY = "bridgework_screening"


def screening_carry(request: Any, screening: Screening) -> None:
    """Keep a crisis result in the session across the post/redirect/get of a save.

    Only what the help panel needs is kept: the level, whether it is under way, and
    whose risk it is (never the text or the phrases).
    """
    if screening.crisis:
        request.session[_CARRY_KEY] = {
            "level": screening.level,
            "in_progress": screening.in_progress,
            "about": screening.about,
        }


def screening_carried(request: Any) -> Screening | None:
    """The crisis result carried from the last save, once (it is removed as it is read)."""
    carried = request.session.pop(_CARRY_KEY, None)
    if isinstance(carried, str):  # a session written before in_progress/about existed
        carried = {"level": carried}
    if not isinstance(carried, dict) or carried.get("level") not in ("concern", "urgent"):
        return None
    return Screening(
        level=carried["level"],
        in_progress=carried.get("in_progress") is True,
        about="other" if carried.get("about") == "other" else "self",
    )


def screening_record_many(*, user: Any, texts: list[str | None], source: str) -> Screening:
    """Screen several fields of one save as one text; one event at most."""
    return screening_record(user=user, text="\n".join(t for t in texts if t), source=source)


@transaction.atomic
def safety_plan_save(*, user: Any, data: dict[str, Any]) -> tuple[SafetyPlan, Screening]:
    """Create or update the user's safety plan and screen everything they wrote.

    ``data["circle_helpers"]`` (optional) is an iterable of circle people; any that are
    not the user's own are ignored, so a caller that skipped the form cannot link them.
    """
    plan, _ = SafetyPlan.objects.get_or_create(user=user)
    changed = [name for name in SafetyPlan.TEXT_FIELDS if name in data]
    for name in changed:
        setattr(plan, name, data[name] or "")
    plan.save(update_fields=[*changed, "updated_at"])
    if "circle_helpers" in data:
        ids = [person.pk for person in data["circle_helpers"] or []]
        plan.circle_helpers.set(Person.objects.filter(user=user, pk__in=ids))
    screening = screening_record_many(
        user=user,
        # The contact's name and the pre-written message are the person's own words too.
        texts=[data.get(name) for name in SafetyPlan.SCREENED_FIELDS],
        source="safety.plan",
    )
    return plan, screening


def recent_screening_events(user: Any, *, days: int = 7) -> list[ScreeningEvent]:
    """Unanswered screening events of the last ``days`` days, newest first (one query)."""
    since = timezone.now() - dt.timedelta(days=days)
    return list(
        ScreeningEvent.objects.filter(
            user=user, created_at__gte=since, acknowledged_at__isnull=True
        )
    )


@transaction.atomic
def checkin_acknowledge(*, user: Any) -> int:
    """Mark the user's open screening events as answered; returns how many."""
    return ScreeningEvent.objects.filter(user=user, acknowledged_at__isnull=True).update(
        acknowledged_at=timezone.now()
    )
