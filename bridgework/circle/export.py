from __future__ import annotations

from typing import Any

from bridgework.core.rawrows import PlainQuery

from .models import DismissedObservation, Exchange, Person

# What this part of the export reads (core.exporting keeps it until one changes): its own
# rows only.
AREAS = ["circle"]

# Built once per process (core.rawrows.PlainQuery): plain rows, no model instance per
# exchange (the bulk of the app), decrypted text, dates as ISO text; the dicts as exported.
_PEOPLE = PlainQuery(
    lambda user_id: Person.objects.filter(user_id=user_id).order_by("created_at", "pk"),
    "id", "name", "ring", "helps_with", "comfort", "note", "created_at", "updated_at",
)
_EXCHANGES = PlainQuery(
    lambda user_id: Exchange.objects.filter(user_id=user_id).order_by("occurred_on", "pk"),
    "id", "person_id", "direction", "kind", "size", "discomfort", "occurred_on", "note",
    "created_at",
)
_DISMISSED = PlainQuery(
    lambda user_id: DismissedObservation.objects.filter(user_id=user_id).order_by("dismissed_at"),
    "key", "dismissed_at",
)


def export_user_data(user: Any) -> dict[str, Any]:
    """Everything in the circle app, decrypted (it is the user's own data)."""
    return {
        "people": _PEOPLE.rows(user.pk),
        "exchanges": _EXCHANGES.rows(user.pk),
        "dismissed_observations": _DISMISSED.rows(user.pk),
    }
