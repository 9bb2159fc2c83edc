from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from pydantic import Field

from bridgework.core.importing import IdMap, Row, new_id, parse, restore

from .feedback import ISSUE_IDS
from .models import Message
from .schemas import MessageFields

PATH = "data.voice"


class MessageRow(MessageFields, Row):
    id: int | None = None
    attempt_id: int | None = None
    script: str = ""
    dismissed: list[str] = []
    prediction: str = ""
    predicted_discomfort: int | None = Field(default=None, ge=0, le=100)
    sent_at: datetime | None = None
    debriefed_at: datetime | None = None
    created_at: datetime | None = None


class VoiceData(Row):
    messages: list[MessageRow] = []


def import_user_data(user: User, data: dict[str, object], *, ids: IdMap | None = None) -> int:
    """The messages, linked to the circle people, ladder steps and attempts imported before them.

    An attempt link is kept when the ladder importer recorded its attempts' new ids;
    otherwise the message keeps everything but that link.
    """
    voice = parse(VoiceData, data, PATH)
    ids = {} if ids is None else ids
    created = 0
    for index, row in enumerate(voice.messages):
        path = f"{PATH}.messages[{index}]"
        attempt_id = None
        if row.attempt_id is not None and row.attempt_id in ids.get("ladder.attempt", {}):
            attempt_id = new_id(ids, "ladder.attempt", row.attempt_id, f"{path}.attempt_id")
        message = Message(
            user=user,
            title=row.title,
            to_name=row.to_name,
            situation=row.situation,
            feeling=row.feeling,
            need=row.need,
            request=row.request,
            offer=row.offer,
            draft=row.draft,
            send_to=row.send_to,
            person_id=new_id(ids, "circle.person", row.person_id, f"{path}.person_id"),
            step_id=new_id(ids, "ladder.step", row.step_id, f"{path}.step_id"),
            attempt_id=attempt_id,
            script_slug=row.script,
            dismissed=[i for i in row.dismissed if i in ISSUE_IDS],
            prediction=row.prediction,
            predicted_discomfort=row.predicted_discomfort,
            sent_at=row.sent_at,
            debriefed_at=row.debriefed_at,
        )
        restore(
            message,
            path,
            keys={"person": "person_id", "step": "step_id", "attempt": "attempt_id", "script_slug": "script"},
            created_at=row.created_at,
        )
        ids.setdefault("voice.message", {})
        if row.id is not None:
            ids["voice.message"][row.id] = message.pk
        created += 1
    return created
