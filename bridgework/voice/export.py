from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from bridgework.core.rawrows import plain_rows

from .models import Message

# The export's names for the columns that are named differently on the model.
RENAMED = {"script_slug": "script"}
FIELDS = (
    "id",
    "title",
    "to_name",
    "situation",
    "feeling",
    "need",
    "request",
    "offer",
    "draft",
    "send_to",
    "person_id",
    "step_id",
    "attempt_id",
    "script_slug",
    "dismissed",
    "prediction",
    "predicted_discomfort",
    "sent_at",
    "debriefed_at",
    "created_at",
)


def export_user_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Every message of the user's, decrypted, oldest first (plain rows:
    ``core.rawrows.plain_rows``)."""
    messages = []
    for row in plain_rows(Message.objects.filter(user=user).order_by("created_at", "id"), *FIELDS):
        message = {RENAMED.get(name, name): value for name, value in row.items()}
        message["dismissed"] = list(message["dismissed"])
        messages.append(message)
    return {"messages": messages}
