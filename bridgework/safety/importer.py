from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from bridgework.core.importing import (
    IdMap,
    ImportProblem,
    Row,
    clean,
    new_id,
    parse,
    restore,
)

from .forms import MAX_FIELD_CHARS
from .models import SafetyPlan, ScreeningEvent

PATH = "data.safety"


class Helper(Row):
    id: int
    # The name is shown in the export for reading; it comes from the circle person.
    name: str = ""


class Plan(Row):
    warning_signs: str = Field(default="", max_length=MAX_FIELD_CHARS)
    coping_alone: str = Field(default="", max_length=MAX_FIELD_CHARS)
    distractions: str = Field(default="", max_length=MAX_FIELD_CHARS)
    helpers: str = Field(default="", max_length=MAX_FIELD_CHARS)
    professionals: str = Field(default="", max_length=MAX_FIELD_CHARS)
    environment: str = Field(default="", max_length=MAX_FIELD_CHARS)
    reasons: str = Field(default="", max_length=MAX_FIELD_CHARS)
    contact_name: str = Field(default="", max_length=MAX_FIELD_CHARS)
    contact_phone: str = Field(default="", max_length=MAX_FIELD_CHARS)
    contact_email: str = Field(default="", max_length=MAX_FIELD_CHARS)
    contact_message: str = Field(default="", max_length=MAX_FIELD_CHARS)
    circle_helpers: list[Helper] = []


class Event(Row):
    level: str
    source: str
    created_at: datetime
    acknowledged_at: datetime | None = None


class SafetyData(Row):
    safety_plan: Plan | None = None
    screening_events: list[Event] = []


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    """The plan (its circle people through ``ids["circle.person"]``) and the screening history.

    The history is restored as recorded; the imported text itself is not screened again.
    """
    safety = parse(SafetyData, data, PATH)
    ids = {} if ids is None else ids
    created = 0
    if safety.safety_plan is not None:
        path = f"{PATH}.safety_plan"
        if SafetyPlan.objects.filter(user=user).exists():
            raise ImportProblem(f"{path}: this account already has a safety plan")
        fields = safety.safety_plan.model_dump(include=set(SafetyPlan.TEXT_FIELDS))
        plan = SafetyPlan(user=user, **fields)
        clean(plan, path)
        people = [
            new_id(ids, "circle.person", helper.id, f"{path}.circle_helpers[{index}].id")
            for index, helper in enumerate(safety.safety_plan.circle_helpers)
        ]
        plan.save()
        plan.circle_helpers.set(people)
        created += 1
    for index, item in enumerate(safety.screening_events):
        event = ScreeningEvent(
            user=user, level=item.level, source=item.source, acknowledged_at=item.acknowledged_at
        )
        restore(event, f"{PATH}.screening_events[{index}]", created_at=item.created_at)
        created += 1
    return created
