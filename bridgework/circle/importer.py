from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from bridgework.core.importing import IdMap, Percent, Row, clean, new_id, parse, restore

from .models import NAME_MAX, NOTE_MAX, DismissedObservation, Exchange, Person
from .observations import KINDS

PATH = "data.circle"


def _kinds(value: list[str]) -> list[str]:
    unknown = [kind for kind in value if kind not in KINDS]
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r} (use {', '.join(KINDS)})")
    return value


class PersonRow(Row):
    id: int
    name: str = Field(min_length=1, max_length=NAME_MAX)
    ring: str
    helps_with: Annotated[list[str], AfterValidator(_kinds)] = []
    comfort: Percent
    note: str = Field(default="", max_length=NOTE_MAX)
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ExchangeRow(Row):
    id: int | None = None
    person_id: int | None = None
    direction: str
    kind: str
    size: str = "small"
    discomfort: Percent | None = None
    occurred_on: date
    note: str = Field(default="", max_length=NOTE_MAX)
    created_at: datetime | None = None


class Dismissal(Row):
    key: str
    dismissed_at: datetime


class CircleData(Row):
    people: list[PersonRow] = []
    exchanges: list[ExchangeRow] = []
    dismissed_observations: list[Dismissal] = []


def _mapped_key(key: str, people: dict[int, int]) -> str | None:
    """A dismissal's key with the new person id: ``drifting:<old id>`` names a person, so it
    becomes ``drifting:<new id>`` (None when that person is not in the file)."""
    kind, _, old = key.partition(":")
    if kind != "drifting" or not old.isdigit():
        return key
    new = people.get(int(old))
    return None if new is None else f"drifting:{new}"


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    """People first (their new ids go into ``ids["circle.person"]``), then the ledger."""
    circle = parse(CircleData, data, PATH)
    ids = {} if ids is None else ids
    people = ids.setdefault("circle.person", {})
    created = 0
    for index, row in enumerate(circle.people):
        path = f"{PATH}.people[{index}]"
        person = Person(
            user=user,
            name=row.name.strip(),
            ring=row.ring,
            helps_with=row.helps_with,
            comfort=row.comfort,
            note=row.note,
        )
        restore(person, path, created_at=row.created_at, updated_at=row.updated_at)
        people[row.id] = person.pk
        created += 1
    for index, item in enumerate(circle.exchanges):
        path = f"{PATH}.exchanges[{index}]"
        exchange = Exchange(
            user=user,
            person_id=new_id(ids, "circle.person", item.person_id, f"{path}.person_id"),
            direction=item.direction,
            kind=item.kind,
            size=item.size,
            discomfort=item.discomfort,
            occurred_on=item.occurred_on,
            note=item.note,
        )
        restore(exchange, path, keys={"person": "person_id"}, created_at=item.created_at)
        created += 1
    for index, dismissal in enumerate(circle.dismissed_observations):
        key = _mapped_key(dismissal.key, people)
        if key is None:
            continue  # about someone no longer in the circle: nothing left to hide
        observation = DismissedObservation(user=user, key=key, dismissed_at=dismissal.dismissed_at)
        clean(observation, f"{PATH}.dismissed_observations[{index}]")
        observation.save()
        created += 1
    return created
