from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import User

from .models import Message


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_user_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Every message of the user's, decrypted, oldest first."""
    return {
        "messages": [
            {
                "id": m.pk,
                "title": m.title,
                "to_name": m.to_name,
                "situation": m.situation,
                "feeling": m.feeling,
                "need": m.need,
                "request": m.request,
                "offer": m.offer,
                "draft": m.draft,
                "send_to": m.send_to,
                "person_id": m.person_id,
                "step_id": m.step_id,
                "attempt_id": m.attempt_id,
                "script": m.script_slug,
                "dismissed": list(m.dismissed),
                "prediction": m.prediction,
                "predicted_discomfort": m.predicted_discomfort,
                "sent_at": _iso(m.sent_at),
                "debriefed_at": _iso(m.debriefed_at),
                "created_at": _iso(m.created_at),
            }
            for m in Message.objects.filter(user=user).order_by("created_at", "id")
        ]
    }
