"""Messages, feedback and scripts as JSON, mounted at ``/api/v1/voice/`` (session auth + CSRF).

Input is bound to the same forms as the pages (``bind``) and saved by the same services;
another user's message is a 404. A save that stored free text returns the message plus
``"screening"``. Lists are ``{"items": [...], "count": n}`` with ``?limit=&offset=``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Router, Schema, Status
from ninja.pagination import paginate

from bridgework.api.forms import bind
from bridgework.api.pagination import Page
from bridgework.api.schemas import ErrorOut, ScreeningOut
from bridgework.core.http import AuthedRequest

from . import services
from .access import get_message_for_user
from .feedback import Feedback, check
from .forms import CheckForm, DebriefForm, DismissForm, MessageForm
from .library import scripts
from .models import Message
from .schemas import MessageFields

router = Router()



class MessageIn(MessageFields, Schema):
    pass


class MessagePatch(Schema):
    title: str | None = None
    to_name: str | None = None
    situation: str | None = None
    feeling: str | None = None
    need: str | None = None
    request: str | None = None
    offer: str | None = None
    draft: str | None = None
    send_to: str | None = None
    # null unlinks; leaving it out keeps the link.
    person_id: int | None = None
    step_id: int | None = None


class IssueOut(Schema):
    id: str
    label: str
    evidence: list[str]
    note: str
    alternative: str
    dismissed: bool = False


class FeedbackOut(Schema):
    has_feeling: bool
    has_need: bool
    has_request: bool
    issues: list[IssueOut]


class MessageOut(Schema):
    id: int
    title: str
    to_name: str
    situation: str
    feeling: str
    need: str
    request: str
    offer: str
    draft: str
    send_to: str
    person_id: int | None
    step_id: int | None
    attempt_id: int | None
    script_slug: str
    text: str
    dismissed: list[str]
    prediction: str
    predicted_discomfort: int | None
    sent_at: datetime | None
    debriefed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class MessageDetail(MessageOut):
    feedback: FeedbackOut


class MessageSaved(MessageOut):
    screening: ScreeningOut


class CheckIn(Schema):
    text: str


class DismissIn(Schema):
    issue: str
    undo: bool = False


class DismissedOut(Schema):
    dismissed: list[str]


class DebriefIn(Schema):
    step_id: int
    happened_on: date
    discomfort_before: int
    discomfort_peak: int
    discomfort_after: int
    feared_happened: str
    response: str
    what_happened: str = ""
    learned: str = ""


class DebriefSaved(Schema):
    attempt_id: int
    step_id: int
    what_happened: str
    screening: ScreeningOut


class ScriptOut(Schema):
    slug: str
    area: str
    kind: str
    title: str
    when: str
    gentler: str
    firmer: str


def _form_data(payload: Schema) -> dict[str, Any]:
    """The payload as form data: ``person_id``/``step_id`` are the form's ``person``/``step``."""
    data = payload.model_dump(exclude_unset=True)
    for key in ("person", "step"):
        if f"{key}_id" in data:
            value = data.pop(f"{key}_id")
            data[key] = "" if value is None else str(value)
    return data


def _feedback_out(result: Feedback, dismissed: list[str] | None = None) -> dict[str, Any]:
    dismissed = dismissed or []
    return {
        "has_feeling": result.has_feeling,
        "has_need": result.has_need,
        "has_request": result.has_request,
        "issues": [
            {
                "id": i.id,
                "label": i.label,
                "evidence": i.evidence,
                "note": i.note,
                "alternative": i.alternative,
                "dismissed": i.id in dismissed,
            }
            for i in result.issues
        ],
    }


def _out(message: Message) -> dict[str, Any]:
    return {**MessageOut.from_orm(message).model_dump(), "text": message.text}


# --------------------------------------------------------------------------- messages


@router.get("/messages", response=list[MessageOut])
@paginate(Page)
def list_messages(request: AuthedRequest) -> Any:
    """Latest first; only the requested page is read and decrypted."""
    return Message.objects.filter(user=request.user).order_by("-updated_at", "-id")


@router.post("/messages", response={201: MessageSaved, 422: ErrorOut})
def create_message(request: AuthedRequest, payload: MessageIn) -> Status[dict[str, Any]]:
    form = bind(MessageForm, _form_data(payload), user=request.user)
    message, screening = services.message_create(user=request.user, **form.cleaned_data)
    return Status(201, {**_out(message), "screening": ScreeningOut.of(screening)})


@router.get("/messages/{message_id}", response={200: MessageDetail, 404: ErrorOut})
def get_message(request: AuthedRequest, message_id: int) -> dict[str, Any]:
    message = get_message_for_user(request.user, message_id)
    result, dismissed = services.message_feedback(message)
    return {**_out(message), "feedback": _feedback_out(result, dismissed)}


@router.patch("/messages/{message_id}", response={200: MessageSaved, 404: ErrorOut, 422: ErrorOut})
def update_message(request: AuthedRequest, message_id: int, payload: MessagePatch) -> dict[str, Any]:
    message = get_message_for_user(request.user, message_id)
    form = bind(MessageForm, _form_data(payload), instance=message, partial=True, user=request.user)
    message, screening = services.message_update(user=request.user, message=message, **form.cleaned_data)
    return {**_out(message), "screening": ScreeningOut.of(screening)}


@router.delete("/messages/{message_id}", response={204: None, 404: ErrorOut})
def delete_message(request: AuthedRequest, message_id: int) -> Status[None]:
    services.message_delete(user=request.user, message=get_message_for_user(request.user, message_id))
    return Status(204, None)


@router.post("/messages/{message_id}/dismissals", response={200: DismissedOut, 404: ErrorOut, 422: ErrorOut})
def dismiss_note(request: AuthedRequest, message_id: int, payload: DismissIn) -> dict[str, Any]:
    message = get_message_for_user(request.user, message_id)
    form = bind(DismissForm, payload.model_dump())
    dismissed = services.message_dismiss(
        user=request.user, message=message, issue=form.cleaned_data["issue"], undo=form.cleaned_data["undo"]
    )
    return {"dismissed": dismissed}


@router.post("/messages/{message_id}/debrief", response={201: DebriefSaved, 404: ErrorOut, 422: ErrorOut})
def debrief_message(request: AuthedRequest, message_id: int, payload: DebriefIn) -> Status[dict[str, Any]]:
    """Record what happened as an attempt on the (own) ladder step ``step_id``."""
    message = get_message_for_user(request.user, message_id)
    data = _form_data(payload)
    data["happened_on"] = payload.happened_on.isoformat()
    form = bind(DebriefForm, data, user=request.user)
    attempt, screening = services.message_debrief(user=request.user, message=message, **form.cleaned_data)
    return Status(
        201,
        {
            "attempt_id": attempt.pk,
            "step_id": attempt.step_id,
            "what_happened": attempt.what_happened,
            "screening": ScreeningOut.of(screening),
        },
    )


# --------------------------------------------------------------------------- feedback and scripts


@router.post("/check", response={200: FeedbackOut, 422: ErrorOut})
def check_text(request: AuthedRequest, payload: CheckIn) -> dict[str, Any]:
    """Feedback on any text; nothing is saved."""
    form = bind(CheckForm, payload.model_dump())
    return _feedback_out(check(form.cleaned_data["text"]))


@router.get("/scripts", response=list[ScriptOut])
@paginate(Page)
def list_scripts(request: AuthedRequest) -> list[dict[str, Any]]:
    return [s.model_dump() for s in scripts()]
