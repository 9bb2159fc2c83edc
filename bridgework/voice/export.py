from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from bridgework.core.rawrows import PlainQuery

from .models import Message

# What this part of the export reads (core.exporting keeps it until one changes): messages
# name circle people, ladder steps and attempts.
AREAS = ["voice", "ladder", "circle"]

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


# Built once per process (core.rawrows.PlainQuery): the dicts as exported.
_MESSAGES = PlainQuery(
    lambda user_id: Message.objects.filter(user_id=user_id).order_by("created_at", "id"),
    *((RENAMED.get(name, name), name) for name in FIELDS),
)


def export_user_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Every message of the user's, decrypted, oldest first (plain rows:
    ``core.rawrows.PlainQuery``)."""
    return {"messages": _MESSAGES.rows(user.pk)}
