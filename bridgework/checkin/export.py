from __future__ import annotations

from typing import Any

from bridgework.core.rawrows import plain_rows

from .models import CheckIn, Delivery, Reminder
from .services import UPDATABLE


def export_user_data(user: Any) -> dict[str, Any]:
    """All of the user's check-ins (notes decrypted), reminder settings and reminder
    e-mail history. The calendar link's secret is left out: a restored account gets a
    new one. Check-ins are read as plain rows (``core.rawrows.plain_rows``: no model
    instances, no ORM converter chain; notes decrypted, dates straight to ISO text)."""
    reminder = Reminder.objects.filter(user=user).first()
    return {
        "checkins": [
            {
                "date": c["date"],
                "mood": c["mood"],
                "stress": c["stress"],
                "energy": c["energy"],
                "sleep_hours": None if c["sleep_hours"] is None else float(c["sleep_hours"]),
                "sleep_quality": c["sleep_quality"],
                "body_signs": list(c["body_signs"]),
                "numbness": c["numbness"],
                "alone": c["alone"],
                "help_asked": c["help_asked"],
                "help_accepted": c["help_accepted"],
                "feelings": list(c["feelings"]),
                "note": c["note"],
                "created_at": c["created_at"],
                "updated_at": c["updated_at"],
            }
            for c in plain_rows(
                CheckIn.objects.filter(user=user).order_by("date"),
                *UPDATABLE,
                "created_at",
                "updated_at",
            )
        ],
        "reminder": None
        if reminder is None
        else {
            "time": reminder.time.strftime("%H:%M"),
            "days": list(reminder.days),
            "email": reminder.email,
        },
        "deliveries": [
            {
                "day": d.day.isoformat(),
                "status": d.status,
                "attempts": d.attempts,
                "sent_at": d.sent_at.isoformat() if d.sent_at else None,
                "last_error": d.last_error,
            }
            for d in Delivery.objects.filter(user=user).order_by("day")
        ],
    }
