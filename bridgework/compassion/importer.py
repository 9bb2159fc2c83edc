from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from pydantic import Field

from bridgework.core.importing import IdMap, ImportProblem, Row, new_id, parse, restore

from .content import exercises
from .models import ANSWER_MAX, FROM_MAX, Kindness, PracticeSession

PATH = "data.compassion"


class SessionRow(Row):
    exercise: str
    date: date
    answer_1: str = Field(default="", max_length=ANSWER_MAX)
    answer_2: str = Field(default="", max_length=ANSWER_MAX)
    answer_3: str = Field(default="", max_length=ANSWER_MAX)
    harsh_before: int | None = Field(default=None, ge=0, le=10)
    harsh_after: int | None = Field(default=None, ge=0, le=10)
    created_at: datetime | None = None


class KindnessRow(Row):
    date: date
    kind: str
    what: str = Field(max_length=ANSWER_MAX)
    person_id: int | None = None
    from_name: str = Field(default="", max_length=FROM_MAX)
    response: str
    created_at: datetime | None = None
    updated_at: datetime | None = None


class CompassionData(Row):
    sessions: list[SessionRow] = []
    kindness: list[KindnessRow] = []


def import_user_data(user: User, data: dict[str, Any], *, ids: IdMap) -> int:
    """Recreate sessions and kindness entries; circle people map to their new ids."""
    parsed = parse(CompassionData, data, PATH)
    known = exercises()
    for index, row in enumerate(parsed.sessions):
        where = f"{PATH}.sessions[{index}]"
        if row.exercise not in known:
            raise ImportProblem(f"{where}.exercise: unknown exercise {row.exercise!r}")
        session = PracticeSession(user=user, **row.model_dump(exclude={"created_at"}))
        restore(session, where, created_at=row.created_at)
    for index, krow in enumerate(parsed.kindness):
        where = f"{PATH}.kindness[{index}]"
        person_id = new_id(ids, "circle.person", krow.person_id, f"{where}.person_id")
        kindness = Kindness(
            user=user,
            person_id=person_id,
            **krow.model_dump(exclude={"person_id", "created_at", "updated_at"}),
        )
        restore(
            kindness,
            where,
            keys={"person": "person_id"},
            created_at=krow.created_at,
            updated_at=krow.updated_at,
        )
    return len(parsed.sessions) + len(parsed.kindness)
