"""``/api/v1/compassion/``: practice sessions and the kindness log, in the one API shape
(validation in the same forms as the pages, PATCH for partial updates, one error body,
the screening envelope on every write that saves text)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from bridgework.api.errors import ApiValidationError, ErrorOut
from bridgework.api.forms import bind
from bridgework.api.pagination import Page
from bridgework.api.schemas import ScreeningOut
from bridgework.core.http import AuthedRequest

from . import services
from .access import get_kindness_for_user, get_session_for_user
from .content import get_exercise
from .forms import KindnessForm, PracticeForm
from .models import Kindness, PracticeSession

router = Router()
ERRORS: dict[int, type[ErrorOut]] = {404: ErrorOut, 422: ErrorOut}


class SessionOut(Schema):
    id: int
    exercise: str
    date: dt.date
    answer_1: str
    answer_2: str
    answer_3: str
    harsh_before: int | None
    harsh_after: int | None


class SessionWriteOut(SessionOut):
    screening: ScreeningOut


class SessionIn(Schema):
    exercise: str
    answer_1: str = ""
    answer_2: str = ""
    answer_3: str = ""
    harsh_before: int | None = None
    harsh_after: int | None = None



class KindnessOut(Schema):
    id: int
    date: dt.date
    kind: str
    what: str
    person_id: int | None
    from_name: str
    response: str
    accepted: bool


class KindnessWriteOut(KindnessOut):
    screening: ScreeningOut


class KindnessIn(Schema):
    date: dt.date
    kind: str
    what: str
    response: str
    person: int | None = None
    from_name: str = ""


class KindnessPatch(Schema):
    date: dt.date | None = None
    kind: str | None = None
    what: str | None = None
    response: str | None = None
    person: int | None = None
    from_name: str | None = None





@router.get("/sessions", response=list[SessionOut])
@paginate(Page)
def session_list(request: AuthedRequest) -> QuerySet[PracticeSession]:
    return PracticeSession.objects.filter(user=request.user)


@router.get("/sessions/{session_id}", response={200: SessionOut, **ERRORS})
def session_detail(request: AuthedRequest, session_id: int) -> PracticeSession:
    return get_session_for_user(request.user, session_id)


@router.post("/sessions", response={201: SessionWriteOut, **ERRORS})
def session_create(request: AuthedRequest, payload: SessionIn) -> Status[dict[str, object]]:
    exercise = get_exercise(payload.exercise)
    if exercise is None:
        raise ApiValidationError({"exercise": ["No exercise has that id."]})
    data = payload.model_dump(exclude={"exercise"})
    form = bind(PracticeForm, data, exercise=exercise)
    session, screening = services.session_create(
        user=request.user, exercise=exercise.id, **form.cleaned_data
    )
    return Status(201, {**SessionOut.model_validate(session).model_dump(), "screening": ScreeningOut.of(screening)})


@router.delete("/sessions/{session_id}", response={204: None, **ERRORS})
def session_delete(request: AuthedRequest, session_id: int) -> Status[None]:
    get_session_for_user(request.user, session_id).delete()
    return Status(204, None)


@router.get("/kindness", response=list[KindnessOut])
@paginate(Page)
def kindness_list(request: AuthedRequest) -> QuerySet[Kindness]:
    return Kindness.objects.filter(user=request.user)


@router.get("/kindness/{kindness_id}", response={200: KindnessOut, **ERRORS})
def kindness_detail(request: AuthedRequest, kindness_id: int) -> Kindness:
    return get_kindness_for_user(request.user, kindness_id)


@router.post("/kindness", response={201: KindnessWriteOut, **ERRORS})
def kindness_create(request: AuthedRequest, payload: KindnessIn) -> Status[dict[str, object]]:
    form = bind(KindnessForm, payload, user=request.user)
    kindness, screening = services.kindness_create(user=request.user, **form.cleaned_data)
    return Status(201, {**KindnessOut.model_validate(kindness).model_dump(), "screening": ScreeningOut.of(screening)})


@router.patch("/kindness/{kindness_id}", response={200: KindnessWriteOut, **ERRORS})
def kindness_update(
    request: AuthedRequest, kindness_id: int, payload: KindnessPatch
) -> dict[str, object]:
    kindness = get_kindness_for_user(request.user, kindness_id)
    form = bind(KindnessForm, payload, instance=kindness, partial=True, user=request.user)
    kindness, screening = services.kindness_update(kindness=kindness, **form.cleaned_data)
    return {**KindnessOut.model_validate(kindness).model_dump(), "screening": ScreeningOut.of(screening)}


@router.delete("/kindness/{kindness_id}", response={204: None, **ERRORS})
def kindness_delete(request: AuthedRequest, kindness_id: int) -> Status[None]:
    get_kindness_for_user(request.user, kindness_id).delete()
    return Status(204, None)


__all__ = ["router"]
