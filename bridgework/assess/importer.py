from __future__ import annotations

from datetime import datetime
from typing import Any

from bridgework.core.importing import IdMap, ImportProblem, Row, parse, restore

from .instruments import get_instrument
from .models import Administration, Response

PATH = "data.assess"


class Sitting(Row):
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
    administrations: list[Sitting] = []


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    """Each sitting as it was, scores included (not re-scored: the instrument may have changed)."""
    assess = parse(AssessData, data, PATH)
    created = 0
    for index, sitting in enumerate(assess.administrations):
        path = f"{PATH}.administrations[{index}]"
        instrument = get_instrument(sitting.instrument)
        if instrument is None:
            raise ImportProblem(f"{path}.instrument: unknown instrument {sitting.instrument!r}")
        for item_id, value in sitting.responses.items():
            where = f"{path}.responses.{item_id}"
            if item_id not in {item.id for item in instrument.items}:
                raise ImportProblem(f"{where}: {instrument.id} has no such item")
            if value is not None and value not in instrument.values:
                low, high = instrument.min_value, instrument.max_value
                raise ImportProblem(f"{where}: must be {low}–{high}")
        administration = Administration(
            user=user,
            instrument_id=instrument.id,
            instrument_version=sitting.instrument_version,
            submitted_at=sitting.submitted_at,
            total=sitting.total,
            band=sitting.band or "",
            subscales=sitting.subscales,
            prorated=sitting.prorated,
            flagged=sitting.safety_flag,
        )
        restore(
            administration,
            path,
            keys={"instrument_id": "instrument", "flagged": "safety_flag"},
            started_at=sitting.started_at,
        )
        Response.objects.bulk_create(
            Response(administration=administration, item_id=item_id, value=value)
            for item_id, value in sitting.responses.items()
        )
        created += 1 + len(sitting.responses)
    return created
