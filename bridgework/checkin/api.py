"""``/api/v1/checkin/``: daily check-ins in the one API shape (validation in the same form
as the page, PATCH for partial updates, one error body, the screening of the note on
every write)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import QuerySet
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from bridgework.api.errors import ErrorOut
from bridgework.api.forms import bind
from bridgework.api.pagination import Page
from bridgework.api.schemas import ScreeningOut
from bridgework.core.http import AuthedRequest

from . import services
from .access import get_checkin_for_user
from .forms import CheckInForm
from .models import CheckIn

router = Router()
ERRORS: dict[int, type[ErrorOut]] = {404: ErrorOut, 422: ErrorOut}


class CheckInOut(Schema):
    id: int
    date: dt.date
    mood: int | None
    stress: int | None
    energy: int | None
    sleep_hours: Decimal | None
    sleep_quality: int | None
    body_signs: list[str]
    numbness: int | None
    alone: int | None
    help_asked: int | None
    help_accepted: int | None
    feelings: list[str]
    note: str
    created_at: dt.datetime
    updated_at: dt.datetime


class CheckInWriteOut(CheckInOut):
    screening: ScreeningOut


class CheckInIn(Schema):
    date: dt.date
    mood: int | None = None
    stress: int | None = None
    energy: int | None = None
    sleep_hours: Decimal | None = None
    sleep_quality: int | None = None
    body_signs: list[str] = []
    numbness: int | None = None
    alone: int | None = None
    help_asked: int | None = None
    help_accepted: int | None = None
    feelings: list[str] = []
    note: str = ""


class CheckInPatch(Schema):
    date: dt.date | None = None
    mood: int | None = None
    stress: int | None = None
    energy: int | None = None
    sleep_hours: Decimal | None = None
    sleep_quality: int | None = None
    body_signs: list[str] | None = None
    numbness: int | None = None
    alone: int | None = None
    help_asked: int | None = None
    help_accepted: int | None = None
    feelings: list[str] | None = None
    note: str | None = None


def _form_data(data: dict[str, object]) -> dict[str, object]:
    """JSON values as the form reads them: None is an empty field."""
    return {key: ("" if value is None else value) for key, value in data.items()}


def _written(checkin: CheckIn, screening: object) -> dict[str, object]:
    return {
        **CheckInOut.model_validate(checkin).model_dump(),
        "screening": ScreeningOut.of(screening),  # type: ignore[arg-type]
    }


@router.get("/checkins", response=list[CheckInOut])
@paginate(Page)
def checkin_list(request: AuthedRequest) -> QuerySet[CheckIn]:
    """Newest first."""
    return CheckIn.objects.filter(user=request.user).order_by("-date")


@router.get("/checkins/{checkin_id}", response={200: CheckInOut, **ERRORS})
def checkin_detail(request: AuthedRequest, checkin_id: int) -> CheckIn:
    return get_checkin_for_user(request.user, checkin_id)


@router.post("/checkins", response={201: CheckInWriteOut, **ERRORS})
def checkin_create(request: AuthedRequest, payload: CheckInIn) -> Status[dict[str, object]]:
    form = bind(CheckInForm, _form_data(payload.model_dump()), user=request.user)
    checkin, screening = services.checkin_create(user=request.user, **form.cleaned_data)
    return Status(201, _written(checkin, screening))


@router.patch("/checkins/{checkin_id}", response={200: CheckInWriteOut, **ERRORS})
def checkin_update(
    request: AuthedRequest, checkin_id: int, payload: CheckInPatch
) -> Status[dict[str, object]]:
    checkin = get_checkin_for_user(request.user, checkin_id)
    given = _form_data(payload.model_dump(exclude_unset=True))
    form = bind(CheckInForm, given, instance=checkin, partial=True, user=request.user)
    checkin, screening = services.checkin_update(
        user=request.user, checkin=checkin, **form.cleaned_data
    )
    return Status(200, _written(checkin, screening))


@router.delete("/checkins/{checkin_id}", response={204: None, **ERRORS})
def checkin_delete(request: AuthedRequest, checkin_id: int) -> Status[None]:
    services.checkin_delete(user=request.user, checkin=get_checkin_for_user(request.user, checkin_id))
    return Status(204, None)
