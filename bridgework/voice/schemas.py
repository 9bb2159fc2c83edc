"""The fields a person writes in a message, shared by the API (``MessageIn``) and the
importer (``MessageRow``) so the two cannot drift apart."""

from __future__ import annotations

from pydantic import BaseModel


class MessageFields(BaseModel):
    title: str
    to_name: str = ""
    situation: str = ""
    feeling: str = ""
    need: str = ""
    request: str = ""
    offer: str = ""
    draft: str = ""
    send_to: str = ""
    person_id: int | None = None
    step_id: int | None = None
