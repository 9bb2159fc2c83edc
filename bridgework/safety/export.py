from __future__ import annotations

from typing import Any

from django.apps import apps

from bridgework.core.rawrows import PlainQuery, PreparedObjects

from .models import SafetyPlan, ScreeningEvent, easiest_to_ask_first

# Built once per process (core.rawrows.PlainQuery): the dicts as exported.
_EVENTS = PlainQuery(
    lambda user_id: ScreeningEvent.objects.filter(user_id=user_id).order_by("created_at"),
    "level",
    "source",
    "created_at",
    "acknowledged_at",
)


# The plan and its chosen people, from SQL compiled once per process (read again after
# every write of the person's: this part has no AREAS, so building the queries each time
# was most of a kept export's cost).
_PLAN = PreparedObjects(lambda user_id: SafetyPlan.objects.filter(user_id=user_id).order_by("pk")[:1])
_HELPERS = PreparedObjects(
    # circle's Person by name: circle imports safety, so safety does not import circle.
    lambda plan_id: apps.get_model("circle", "Person")
    ._default_manager.filter(safety_plans=plan_id)
    .order_by("pk")
)


def export_user_data(user: Any) -> dict[str, Any]:
    plan = _PLAN.first(user.pk)
    return {
        "safety_plan": {
            **{name: getattr(plan, name) for name in SafetyPlan.TEXT_FIELDS},
            "circle_helpers": [
                {"id": person.pk, "name": person.name}
                for person in easiest_to_ask_first(_HELPERS.objects(plan.pk))
            ],
        }
        if plan
        else None,
        "screening_events": _EVENTS.rows(user.pk),
    }
