from __future__ import annotations

from typing import Any

from .models import SafetyPlan, ScreeningEvent


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
        "screening_events": [
            {
                "level": event.level,
                "source": event.source,
                "created_at": event.created_at.isoformat(),
                "acknowledged_at": event.acknowledged_at.isoformat()
                if event.acknowledged_at
                else None,
            }
            for event in ScreeningEvent.objects.filter(user=user).order_by("created_at")
        ],
    }
