from __future__ import annotations

from typing import Any

from bridgework.core.rawrows import PlainQuery, PreparedObjects

from .models import CheckIn, Delivery, Reminder
from .services import UPDATABLE

# What this part of the export reads (core.exporting keeps it until one changes): its own
# rows only (the reminder e-mails' worker bumps "checkin" too).
AREAS = ["checkin"]

# Built once per process (core.rawrows.PlainQuery): plain rows, the dicts as exported.
# Sleep is read as the float the export writes, without a Decimal first.
_CHECKINS = PlainQuery(
    lambda user_id: CheckIn.objects.filter(user_id=user_id).order_by("date"),
    *UPDATABLE,
    "created_at",
    "updated_at",
    floats=("sleep_hours",),
)
_DELIVERIES = PlainQuery(
    lambda user_id: Delivery.objects.filter(user_id=user_id).order_by("day"),
    "day",
    "status",
    "attempts",
    "sent_at",
    "last_error",
)
_REMINDER = PreparedObjects(lambda user_id: Reminder.objects.filter(user_id=user_id).order_by("pk")[:1])


def export_user_data(user: Any) -> dict[str, Any]:
    """All of the user's check-ins (notes decrypted), reminder settings and reminder
    e-mail history. The calendar link's secret is left out: a restored account gets a
    new one. Check-ins are read as plain rows (``core.rawrows.PlainQuery``: no model
    instances, no ORM converter chain; notes decrypted, dates straight to ISO text, the
    lists of body signs and feelings as decoded from their JSON)."""
    reminder = _REMINDER.first(user.pk)
    return {
        "checkins": _CHECKINS.rows(user.pk),
        "reminder": None
        if reminder is None
        else {
            "time": reminder.time.strftime("%H:%M"),
            "days": list(reminder.days),
            "email": reminder.email,
        },
        "deliveries": _DELIVERIES.rows(user.pk),
    }
