from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bridgework.core.importing import IdMap, Percent, Row, new_id, parse, restore

from .models import Attempt, Step

PATH = "data.ladder"


class AttemptRow(Row):
    id: int | None = None
    happened_on: date
    discomfort_before: Percent
    discomfort_peak: Percent
    discomfort_after: Percent
    feared_happened: str
    response: str
    what_happened: str = ""
    learned: str = ""
    created_at: datetime | None = None


class StepRow(Row):
    id: int | None = None
    what: str
    kind: str
    who: str = ""
    person_id: int | None = None
    expected_discomfort: Percent
    feared_outcome: str = ""
    feared_likelihood: Percent
    position: int = 0
    # Worked out from the attempts and the override; the export shows them for reading.
    status: str | None = None
    mastered_on: date | None = None
    override: str = ""
    override_at: datetime | None = None
    template: str = ""
    created_at: datetime | None = None
    attempts: list[AttemptRow] = []


class LadderData(Row):
    steps: list[StepRow] = []


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    """Steps in their order with their attempts; ``person_id`` through ``ids["circle.person"]``.

    Import the circle first so the people a step names exist.
    """
    ladder = parse(LadderData, data, PATH)
    ids = {} if ids is None else ids
    steps = ids.setdefault("ladder.step", {})
    created = 0
    for index, row in enumerate(ladder.steps):
        path = f"{PATH}.steps[{index}]"
        step = Step(
            user=user,
            what=row.what.strip(),
            kind=row.kind,
            who=row.who.strip(),
            person_id=new_id(ids, "circle.person", row.person_id, f"{path}.person_id"),
            expected_discomfort=row.expected_discomfort,
            feared_outcome=row.feared_outcome.strip(),
            feared_likelihood=row.feared_likelihood,
            position=row.position,
            override=row.override,
            override_at=row.override_at,
            template_slug=row.template,
        )
        restore(
            step,
            path,
            keys={"person": "person_id", "template_slug": "template"},
            created_at=row.created_at,
        )
        if row.id is not None:
            steps[row.id] = step.pk
        created += 1
        for number, item in enumerate(row.attempts):
            attempt = Attempt(
                step=step,
                happened_on=item.happened_on,
                discomfort_before=item.discomfort_before,
                discomfort_peak=item.discomfort_peak,
                discomfort_after=item.discomfort_after,
                feared_happened=item.feared_happened,
                response=item.response,
                what_happened=item.what_happened,
                learned=item.learned,
            )
            restore(attempt, f"{path}.attempts[{number}]", created_at=item.created_at)
            if item.id is not None:  # messages in the voice app refer to attempts
                ids.setdefault("ladder.attempt", {})[item.id] = attempt.pk
            created += 1
    return created
