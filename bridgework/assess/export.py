from __future__ import annotations

from typing import Any

from .models import Sitting


def export_user_data(user: Any) -> dict[str, Any]:
    """Every sitting with its answers and scores; two queries."""
    sittings = (
        Sitting.objects.filter(user=user)
        .prefetch_related("responses")
        .order_by("started_at")
    )
    return {
        "sittings": [
            {
                "id": a.pk,
                "instrument": a.instrument_id,
                "instrument_version": a.instrument_version,
                "started_at": a.started_at.isoformat(),
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
                "total": a.total,
                "band": a.band or None,
                "subscales": a.subscales,
                "prorated": a.prorated,
                "safety_flag": a.flagged,
                "responses": {row.item_id: row.value for row in a.responses.all()},
            }
            for a in sittings
        ]
    }
