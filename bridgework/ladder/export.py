from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from bridgework.core.rawrows import PlainQuery, iso_date

from . import mastery
from .models import Attempt
from .services import _counted_steps, counted_mastered_on

# What this part of the export reads (core.exporting keeps it until one changes): its steps
# name circle people (set to none when one is deleted).
AREAS = ["ladder", "circle"]

# Built once per process (core.rawrows.PlainQuery): plain rows, no model instances; the
# steps counted by the database as on the ladder page (``services.ladder_rows_for``).
# "status" and "mastered_on" hold the override and the rule's date until
# export_user_data works them out; the counts are taken out again.
_STEPS = PlainQuery(
    _counted_steps,
    "id", "what", "kind", "who", "person_id", "expected_discomfort", "feared_outcome",
    "feared_likelihood", "position", ("status", "override"), "override", "override_at",
    ("mastered_on", "rule_mastered_on"), ("template", "template_slug"), "created_at",
    "attempt_count", "qualifying",
)
_ATTEMPTS = PlainQuery(
    lambda user_id: Attempt.objects.filter(step__user_id=user_id).order_by(
        "happened_on", "created_at", "id"
    ),
    "id", "step_id", "happened_on", "discomfort_before", "discomfort_peak",
    "discomfort_after", "feared_happened", "response", "what_happened", "learned",
    "created_at",
)


def export_user_data(user: Any) -> dict[str, Any]:
    """Every step and attempt of the user's ladder, decrypted, in ladder order."""
    attempts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for attempt in _ATTEMPTS.rows(user.pk):
        attempts[attempt.pop("step_id")].append(attempt)
    steps = _STEPS.rows(user.pk)
    for step in steps:
        override, at = step["override"], step["override_at"]
        step["status"] = mastery.status_from_counts(
            step.pop("attempt_count"), step.pop("qualifying"), override
        )
        done = counted_mastered_on(
            override, datetime.fromisoformat(at) if at else None, step["mastered_on"]
        )
        step["mastered_on"] = iso_date(done)
        step["attempts"] = attempts.get(step["id"], [])
    return {"steps": steps}
