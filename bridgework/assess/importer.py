from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AliasChoices, Field

from bridgework.core.importing import IdMap, ImportProblem, Row, parse, restore

from .instruments import get_instrument
from .models import Response, Sitting

PATH = "data.assess"


class SittingRow(Row):
    id: int | None = None
    instrument: str
    instrument_version: str
    started_at: datetime
    submitted_at: datetime | None = None
    total: float | None = None
    band: str | None = None
    subscales: dict[str, Any] = {}
    prorated: bool = False
    safety_flag: bool = False
    responses: dict[str, int | None] = {}


class AssessData(Row):
    # Exports written before "sitting" became the one word called them "administrations".
    sittings: list[SittingRow] = Field(
        default=[], validation_alias=AliasChoices("sittings", "administrations")
    )


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    """Each sitting as it was, scores included (not re-scored: the instrument may have changed)."""
    assess = parse(AssessData, data, PATH)
    created = 0
    for index, row in enumerate(assess.sittings):
        path = f"{PATH}.sittings[{index}]"
        instrument = get_instrument(row.instrument)
        if instrument is None:
            raise ImportProblem(f"{path}.instrument: unknown instrument {row.instrument!r}")
        for item_id, value in row.responses.items():
            where = f"{path}.responses.{item_id}"
            if item_id not in {item.id for item in instrument.items}:
                raise ImportProblem(f"{where}: {instrument.id} has no such item")
            if value is not None and value not in instrument.values:
                low, high = instrument.min_value, instrument.max_value
                raise ImportProblem(f"{where}: must be {low}–{high}")
        sitting = Sitting(
            user=user,
            instrument_id=instrument.id,
            instrument_version=row.instrument_version,
            submitted_at=row.submitted_at,
            total=row.total,
            band=row.band or "",
            subscales=row.subscales,
            prorated=row.prorated,
            flagged=row.safety_flag,
        )
        restore(
            sitting,
            path,
            keys={"instrument_id": "instrument", "flagged": "safety_flag"},
            started_at=row.started_at,
        )
        Response.objects.bulk_create(
            Response(sitting=sitting, item_id=item_id, value=value)
            for item_id, value in row.responses.items()
        )
        created += 1 + len(row.responses)
    return created
