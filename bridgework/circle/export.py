from __future__ import annotations

from datetime import date
from typing import Any

from bridgework.core.rawrows import plain_rows

from .models import DismissedObservation, Exchange, Person


def _iso(value: date | None) -> str | None:
    # The contract is JSON-ready data: callers may json.dumps() it without Django's encoder.
    return value.isoformat() if value is not None else None


def export_user_data(user: Any) -> dict[str, Any]:
    """Everything in the circle app, decrypted (it is the user's own data)."""
    return {
        "people": [
            {
                "id": person.pk,
                "name": person.name,
                "ring": person.ring,
                "helps_with": list(person.helps_with),
                "comfort": person.comfort,
                "note": person.note,
                "created_at": _iso(person.created_at),
                "updated_at": _iso(person.updated_at),
            }
            for person in Person.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "exchanges": [
            {
                "id": exchange["id"],
                "person_id": exchange["person_id"],
                "direction": exchange["direction"],
                "kind": exchange["kind"],
                "size": exchange["size"],
                "discomfort": exchange["discomfort"],
                "occurred_on": exchange["occurred_on"],
                "note": exchange["note"],
                "created_at": exchange["created_at"],
            }
            # Plain rows (core.rawrows.plain_rows): no model instance per exchange, the
            # bulk of the app.
            for exchange in plain_rows(
                Exchange.objects.filter(user=user).order_by("occurred_on", "pk"),
                "id", "person_id", "direction", "kind", "size", "discomfort", "occurred_on",
                "note", "created_at",
            )
        ],
        "dismissed_observations": [
            {"key": row.key, "dismissed_at": _iso(row.dismissed_at)}
            for row in DismissedObservation.objects.filter(user=user).order_by("dismissed_at")
        ],
    }
