from __future__ import annotations

from typing import Any

from bridgework.core.rawrows import PlainQuery

from .models import SafetyPlan, ScreeningEvent

# Built once per process (core.rawrows.PlainQuery): the dicts as exported.
_EVENTS = PlainQuery(
    lambda user_id: ScreeningEvent.objects.filter(user_id=user_id).order_by("created_at"),
    "level",
    "source",
    "created_at",
    "acknowledged_at",
)


def export_user_data(user: Any) -> dict[str, Any]:
    plan = SafetyPlan.objects.filter(user=user).prefetch_related("circle_helpers").first()
    return {
        "safety_plan": {
            **{name: getattr(plan, name) for name in SafetyPlan.TEXT_FIELDS},
            "circle_helpers": [
                {"id": person.pk, "name": person.name} for person in plan.chosen_people
            ],
        }
        if plan
        else None,
        "screening_events": _EVENTS.rows(user.pk),
    }
