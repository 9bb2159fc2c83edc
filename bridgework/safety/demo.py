"""Demo data for safety: a filled-in safety plan naming circle people, and a few past follow-ups."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bridgework.core.demo import bulk_create, moment, span_days

from .models import SafetyPlan, ScreeningEvent

PLAN = {
    "warning_signs": 'Not sleeping, cancelling plans, answering every message with "all good".\n'
    "Working late every night so I don't have to stop and feel anything.",
    "coping_alone": "A long walk by the river. A hot shower. Writing it down in the journal.",
    "distractions": "The library, the climbing wall, the allotment. Sitting in the café on the corner.",
    "helpers": "My sister Maya. Jonas. Dev next door if I just need someone around.",
    "professionals": "My GP surgery (Mill Road), the therapist I see on Tuesdays.",
    "environment": "Keep evenings free of work email. Ask Jonas to come over when a week gets heavy.",
    "reasons": "Maya's kids. The garden in spring. Finishing the course I started.",
    "contact_name": "Maya",
    "contact_phone": "+44 7700 900123",
    "contact_email": "maya@example.org",
}


def create_demo_data(user: Any, *, years: float, rng: random.Random, today: dt.date) -> None:
    plan = SafetyPlan.objects.create(user=user, **PLAN)
    people = plan.circle_helpers.model._default_manager  # circle's Person (no import: see models.py)
    close = people.filter(user=user, ring="close").order_by("-comfort")[:2]
    plan.circle_helpers.set(close)
    # A few moments over the years when words in a journal or a step brought up help; all
    # answered long ago, so the home page shows no follow-up today.
    start = today - dt.timedelta(days=span_days(years))
    events = []
    for _ in range(max(1, round(1.5 * years))):
        day = start + dt.timedelta(days=rng.randint(0, max(0, (today - start).days - 30)))
        when = moment(rng, day)
        events.append(
            ScreeningEvent(
                user=user,
                level="concern",
                source=rng.choice(["journal.entry", "ladder.attempt"]),
                created_at=when,
                acknowledged_at=when + dt.timedelta(minutes=rng.randint(2, 90)),
            )
        )
    bulk_create(ScreeningEvent, events)
