from __future__ import annotations

from collections import defaultdict
from typing import Any

from bridgework.core.rawrows import plain_rows

from .models import Response, Sitting


def export_user_data(user: Any) -> dict[str, Any]:
    """Every sitting with its answers and scores; two queries of plain rows (no model
    instances or prefetch machinery: the answers are most of the export's rows)."""
    answers: dict[int, dict[str, int | None]] = defaultdict(dict)
    for sitting_id, item_id, value in (
        Response.objects.filter(sitting__user=user)
        .order_by("sitting_id", "id")
        .values_list("sitting_id", "item_id", "value")
    ):
        answers[sitting_id][item_id] = value
    return {
        "sittings": [
            {
                "id": a["id"],
                "instrument": a["instrument_id"],
                "instrument_version": a["instrument_version"],
                "started_at": a["started_at"],
                "submitted_at": a["submitted_at"],
                "total": a["total"],
                "band": a["band"] or None,
                "subscales": a["subscales"],
                "prorated": a["prorated"],
                "safety_flag": a["flagged"],
                "responses": answers.get(a["id"], {}),
            }
            for a in plain_rows(
                Sitting.objects.filter(user=user).order_by("started_at"),
                "id",
                "instrument_id",
                "instrument_version",
                "started_at",
                "submitted_at",
                "total",
                "band",
                "subscales",
                "prorated",
                "flagged",
            )
        ]
    }
