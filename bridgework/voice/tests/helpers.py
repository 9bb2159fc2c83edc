"""Voice test helpers: a message for Alice (``user``) or Bob (``other_user``)."""

from __future__ import annotations

from typing import Any

from bridgework.voice.models import Message

BUILDER = {
    "title": "Lift to the clinic",
    "to_name": "Sam",
    "situation": "My appointment is on Tuesday at 9 and the buses are unreliable",
    "feeling": "nervous",
    "need": "to get there calmly",
    "request": "Could you drive me on Tuesday at 8:30",
    "offer": "I'll buy the coffee",
    "draft": "",
    "send_to": "",
}


def make_message(user: Any, **fields: Any) -> Message:
    values = {k: v for k, v in BUILDER.items()} | fields
    return Message.objects.create(user=user, **values)
