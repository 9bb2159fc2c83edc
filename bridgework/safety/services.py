from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import fields

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from bridgework.screening.crisis import LEVELS, Screening, screen

from .models import SafetyPlan, ScreeningEvent


def screen_texts(*texts: str | None) -> Screening:
    """Screen the free text of one save. Pure and the slow part: call it BEFORE
    ``transaction.atomic()`` so SQLite's write lock is held briefly.

    Each field is read on its own (a safety plan's "when I want to die" is not diluted by
    the coping list beside it) and, when there are several, all of them together as
    separate sentences (risk spread over two fields); the most serious reading counts.
    """
    parts = [text.strip() for text in texts if text and text.strip()]
    readings = [screen(part) for part in parts]
    if len(parts) > 1:
        readings.append(screen("\n".join(p if p[-1] in ".!?…" else p + "." for p in parts)))
    return max(readings, key=lambda s: (LEVELS.index(s.level), s.in_progress), default=screen(""))


# Answers read under a heading: a list of warning signs ("Not sleeping, skipping meals")
# is calm where it is asked for. The heading is written for the reader, not the form's
# label: the learned reader took "My warning signs: when I want to die" for a calm list
# too, and "Things I can do on my own to feel a little better" for the person's own words
# (a concern), so other answers are read on their own. Tests hold both directions.
_HEADINGS = {"warning_signs": "Signs a crisis may be coming"}


def _under_heading(name: str, text: str | None) -> str | None:
    heading = _HEADINGS.get(name)
    if not text or not text.strip() or heading is None:
        return text
    return f"{heading}: {text}"


def screening_record(*, user: User, screening: Screening, source: str) -> ScreeningEvent | None:
    """Record that crisis language was seen (the level and where, never the text).

    Call it inside the save's transaction with the result of ``screen_texts``; it records
    nothing when there was no crisis. It never blocks the save.
    """
    if not screening.crisis:
        return None
    return ScreeningEvent.objects.create(user=user, level=screening.level, source=source)


# A crisis result survives the redirect after a save, to be shown once on the next page
# (``base.html`` renders it through ``bridgework.safety.context_processors.crisis_help``).
_CARRY_KEY = "bridgework_screening"
_CARRIED_FIELDS = ("level", "in_progress", "about")


def screening_carry(request: HttpRequest, screening: Screening) -> None:
    """Keep a crisis result in the session across the post/redirect/get of a save."""
    if screening.crisis:
        request.session[_CARRY_KEY] = {
            name: getattr(screening, name) for name in _CARRIED_FIELDS if hasattr(screening, name)
        }


def screening_is_carried(request: HttpRequest) -> bool:
    """Whether a result waits to be shown (without taking it, unlike ``screening_carried``)."""
    session = getattr(request, "session", None)
    return session is not None and _CARRY_KEY in session


def screening_carried(request: HttpRequest) -> Screening | None:
    """The crisis result carried from the last save, once (it is removed as it is read)."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    carried = session.pop(_CARRY_KEY, None)
    if isinstance(carried, str):  # carried by an older version: just the level
        carried = {"level": carried}
    if not isinstance(carried, dict) or carried.get("level") not in ("concern", "urgent"):
        return None
    known = {f.name for f in fields(Screening)}
    return Screening(**{name: value for name, value in carried.items() if name in known})


def safety_plan_for(user: User) -> SafetyPlan:
    """The user's plan with its chosen people, or a blank unsaved one (looking at the plan
    must not create a row)."""
    plans = SafetyPlan.objects.filter(user=user).prefetch_related("circle_helpers")
    return plans.first() or SafetyPlan(user=user)


def safety_plan_save(
    *,
    user: User,
    warning_signs: str | None = None,
    coping_alone: str | None = None,
    distractions: str | None = None,
    helpers: str | None = None,
    professionals: str | None = None,
    environment: str | None = None,
    reasons: str | None = None,
    contact_name: str | None = None,
    contact_phone: str | None = None,
    contact_email: str | None = None,
    contact_message: str | None = None,
    circle_helpers: Iterable[Model] | None = None,
) -> tuple[SafetyPlan, Screening]:
    """Create or update the user's safety plan (from ``SafetyPlanForm.cleaned_data``) and
    screen everything they wrote. A field left as None is kept as it is.

    ``circle_helpers`` are circle people; any that are not the user's own are ignored, so
    a caller that skipped the form cannot link them.
    """
    texts = {
        "warning_signs": warning_signs,
        "coping_alone": coping_alone,
        "distractions": distractions,
        "helpers": helpers,
        "professionals": professionals,
        "environment": environment,
        "reasons": reasons,
        "contact_name": contact_name,
        "contact_phone": contact_phone,
        "contact_email": contact_email,
        "contact_message": contact_message,
    }
    changed = {name: value for name, value in texts.items() if value is not None}
    # The contact's name and the pre-written message are the person's own words too. The
    # warning signs are read under their heading, as a person reading the plan would: "Not
    # sleeping, skipping meals" is a calm list of warning signs here, not a crisis now.
    screening = screen_texts(
        *(_under_heading(name, changed.get(name)) for name in SafetyPlan.SCREENED_FIELDS)
    )
    with transaction.atomic():
        plan, _ = SafetyPlan.objects.get_or_create(user=user)
        for name, value in changed.items():
            setattr(plan, name, value)
        plan.save(update_fields=[*changed, "updated_at"])
        if circle_helpers is not None:
            people = plan.circle_helpers.model._default_manager.filter(
                user=user, pk__in=[person.pk for person in circle_helpers]
            )
            plan.circle_helpers.set(people)
        screening_record(user=user, screening=screening, source="safety.plan")
    return plan, screening


def recent_screening_events_for(user: User, *, days: int = 7) -> list[ScreeningEvent]:
    """Unanswered screening events of the last ``days`` days, newest first (one query)."""
    since = timezone.now() - dt.timedelta(days=days)
    return list(
        ScreeningEvent.objects.filter(
            user=user, created_at__gte=since, acknowledged_at__isnull=True
        )
    )


@transaction.atomic
def followup_acknowledge(*, user: User) -> int:
    """Mark the user's open screening events as answered (the follow-up); returns how many."""
    return ScreeningEvent.objects.filter(user=user, acknowledged_at__isnull=True).update(
        acknowledged_at=timezone.now()
    )
