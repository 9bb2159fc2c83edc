from __future__ import annotations

from collections import defaultdict
from typing import Any

from bridgework.core.rawrows import PlainQuery

from .models import Response, Sitting

# What this part of the export reads (core.exporting keeps it until one changes): its own
# rows only.
AREAS = ["assess"]


def _or_none(value: str) -> str | None:
    return value or None


# Built once per process (core.rawrows.PlainQuery): plain rows, no model instances or
# prefetch machinery (the answers are most of the export's rows); the dicts as exported
# but for "responses", added to each.
_ANSWERS = PlainQuery(
    lambda user_id: Response.objects.filter(sitting__user_id=user_id).order_by("sitting_id", "id"),
    "sitting_id",
    "item_id",
    "value",
)
_SITTINGS = PlainQuery(
    lambda user_id: Sitting.objects.filter(user_id=user_id).order_by("started_at"),
    "id",
    ("instrument", "instrument_id"),
    "instrument_version",
    "started_at",
    "submitted_at",
    "total",
    ("band", "band", _or_none),
    "subscales",
    "prorated",
    ("safety_flag", "flagged"),
)


def export_user_data(user: Any) -> dict[str, Any]:
    """Every sitting with its answers and scores; two queries of plain rows."""
    answers: dict[int, dict[str, int | None]] = defaultdict(dict)
    for sitting_id, item_id, value in _ANSWERS.tuples(user.pk):
        answers[sitting_id][item_id] = value
    sittings = _SITTINGS.rows(user.pk)
    for sitting in sittings:
        sitting["responses"] = answers.get(sitting["id"], {})
    return {"sittings": sittings}
