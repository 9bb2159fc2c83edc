"""The ladder's JSON API, mounted at ``/api/v1/ladder/`` (session auth with CSRF).

Every endpoint goes through the same access helpers and service functions as the pages,
so validation and ownership are identical: bad values are a 422 naming the field, another
user's step or attempt is a 404. Lists are paginated: ``?limit=&offset=`` (default and
maximum 100) give ``{"items": [...], "count": n}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from bridgework.screening.crisis import Screening

from . import services
from .access import get_attempt_for_user, get_step_for_user
from .models import Attempt

router = Router()

PAGE_MAX = 100


@contextmanager
def _invalid_is_422() -> Iterator[None]:
    """The services validate (as for the forms); their ValidationError becomes a 422."""
    try:
        yield
    except ValidationError as exc:
        raise HttpError(422, _message(exc)) from None


def _message(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return " ".join(exc.messages)


class ScreeningOut(Schema):
    level: str
    crisis: bool
    help_url: str = "/safety/help/"


def _screening(screening: Screening) -> ScreeningOut:
    return ScreeningOut(level=screening.level, crisis=screening.crisis)


# --------------------------------------------------------------------------- steps


class StepIn(Schema):
    what: str
    kind: str
    who: str = ""
    person_id: int | None = None
    expected_discomfort: int
    feared_outcome: str = ""
    feared_likelihood: int


class StepPatch(Schema):
    what: str | None = None
    kind: str | None = None
    who: str | None = None
    # null unlinks the person; leaving it out keeps the link.
    person_id: int | None = None
    expected_discomfort: int | None = None
    feared_outcome: str | None = None
    feared_likelihood: int | None = None
    override: str | None = None


class StepOut(Schema):
    id: int
    what: str
    kind: str
    who: str
    person_id: int | None
    expected_discomfort: int
    feared_outcome: str
    feared_likelihood: int
    position: int
    status: str
    override: str
    attempt_count: int
    qualifying_attempts: int
    mastered_on: date | None
    is_next: bool


class StepWriteOut(Schema):
    step: StepOut
    screening: ScreeningOut


class DeletedOut(Schema):
    deleted_attempts: int


def _step_out(row: services.StepRow) -> StepOut:
    step = row.step
    return StepOut(
        id=step.pk,
        what=step.what,
        kind=step.kind,
        who=step.who,
        person_id=step.person_id,
        expected_discomfort=step.expected_discomfort,
        feared_outcome=step.feared_outcome,
        feared_likelihood=step.feared_likelihood,
        position=step.position,
        status=row.status,
        override=step.override,
        attempt_count=row.attempt_count,
        qualifying_attempts=row.qualifying,
        mastered_on=row.mastered_on,
        is_next=row.is_next,
    )


def _person(user: Any, person_id: int | None) -> Any:
    """The user's own circle person for ``person_id``; a 422 (as in the form) otherwise."""
    if person_id is None:
        return None
    from bridgework.circle.models import Person

    try:
        return Person.objects.get(pk=person_id, user=user)
    except (Person.DoesNotExist, ValueError, OverflowError):
        raise HttpError(422, "person_id: Choose someone from your circle.") from None


def _row_for(user: Any, step_id: int) -> services.StepRow:
    row = next((row for row in services.ladder_rows(user) if row.step.pk == step_id), None)
    assert row is not None
    return row


@router.get("/steps", response=list[StepOut], summary="Your ladder, in your order")
@paginate(LimitOffsetPagination, max_limit=PAGE_MAX)
def list_steps(request: HttpRequest) -> list[StepOut]:
    # The whole ladder is read: status and the next step depend on every step.
    return [_step_out(row) for row in services.ladder_rows(request.user)]


@router.post("/steps", response={201: StepWriteOut}, summary="Add a step")
def create_step(request: HttpRequest, payload: StepIn) -> Status[StepWriteOut]:
    data = payload.dict()
    data["person"] = _person(request.user, data.pop("person_id"))
    with _invalid_is_422():
        step, screening = services.step_create(user=request.user, **data)
    return Status(201, StepWriteOut(step=_step_out(_row_for(request.user, step.pk)), screening=_screening(screening)))


@router.get("/steps/{step_id}", response=StepOut, summary="One step")
def get_step(request: HttpRequest, step_id: int) -> StepOut:
    step = get_step_for_user(request.user, step_id)
    return _step_out(_row_for(request.user, step.pk))


@router.patch("/steps/{step_id}", response=StepWriteOut, summary="Change a step (its attempts are kept)")
def update_step(request: HttpRequest, step_id: int, payload: StepPatch) -> StepWriteOut:
    step = get_step_for_user(request.user, step_id)
    changes = payload.dict(exclude_unset=True)
    override = changes.pop("override", None)
    if override is not None and override not in ("", "mastered", "practising"):
        raise HttpError(422, 'override: use "", "mastered" or "practising".')
    linking = "person_id" in changes
    person = _person(request.user, changes.pop("person_id", None))
    changes = {name: value for name, value in changes.items() if value is not None}
    if linking:
        changes["person"] = person
    with _invalid_is_422():
        step, screening = services.step_update(step=step, **changes)
    if override is not None:
        services.step_override_set(step=step, choice=override)
    return StepWriteOut(step=_step_out(_row_for(request.user, step.pk)), screening=_screening(screening))


@router.delete("/steps/{step_id}", response=DeletedOut, summary="Delete a step and its attempts")
def delete_step(request: HttpRequest, step_id: int) -> DeletedOut:
    step = get_step_for_user(request.user, step_id)
    return DeletedOut(deleted_attempts=services.step_delete(step=step))


# --------------------------------------------------------------------------- attempts


class AttemptIn(Schema):
    happened_on: date
    discomfort_before: int
    discomfort_peak: int
    discomfort_after: int
    feared_happened: str
    response: str
    what_happened: str = ""
    learned: str = ""


class AttemptPatch(Schema):
    happened_on: date | None = None
    discomfort_before: int | None = None
    discomfort_peak: int | None = None
    discomfort_after: int | None = None
    feared_happened: str | None = None
    response: str | None = None
    what_happened: str | None = None
    learned: str | None = None


class AttemptOut(Schema):
    id: int
    step_id: int
    happened_on: date
    discomfort_before: int
    discomfort_peak: int
    discomfort_after: int
    feared_happened: str
    response: str
    what_happened: str
    learned: str


class AttemptWriteOut(Schema):
    attempt: AttemptOut
    step_status: str
    screening: ScreeningOut


def _attempt_out(attempt: Attempt) -> AttemptOut:
    return AttemptOut(
        id=attempt.pk,
        step_id=attempt.step_id,
        happened_on=attempt.happened_on,
        discomfort_before=attempt.discomfort_before,
        discomfort_peak=attempt.discomfort_peak,
        discomfort_after=attempt.discomfort_after,
        feared_happened=attempt.feared_happened,
        response=attempt.response,
        what_happened=attempt.what_happened,
        learned=attempt.learned,
    )


def _attempt_written(attempt: Attempt, screening: Screening) -> AttemptWriteOut:
    return AttemptWriteOut(
        attempt=_attempt_out(attempt),
        step_status=services.step_row(attempt.step).status,
        screening=_screening(screening),
    )


@router.get("/steps/{step_id}/attempts", response=list[AttemptOut], summary="A step's attempts, oldest first")
@paginate(LimitOffsetPagination, max_limit=PAGE_MAX)
def list_attempts(request: HttpRequest, step_id: int) -> Any:
    """Only the requested page is read and decrypted."""
    step = get_step_for_user(request.user, step_id)
    return step.attempts.all()


@router.post("/steps/{step_id}/attempts", response={201: AttemptWriteOut}, summary="Log an attempt")
def create_attempt(request: HttpRequest, step_id: int, payload: AttemptIn) -> Status[AttemptWriteOut]:
    step = get_step_for_user(request.user, step_id)
    with _invalid_is_422():
        attempt, screening = services.attempt_log(step=step, **payload.dict())
    return Status(201, _attempt_written(attempt, screening))


@router.get("/attempts/{attempt_id}", response=AttemptOut, summary="One attempt")
def get_attempt(request: HttpRequest, attempt_id: int) -> AttemptOut:
    return _attempt_out(get_attempt_for_user(request.user, attempt_id))


@router.patch("/attempts/{attempt_id}", response=AttemptWriteOut, summary="Change an attempt")
def update_attempt(request: HttpRequest, attempt_id: int, payload: AttemptPatch) -> AttemptWriteOut:
    attempt = get_attempt_for_user(request.user, attempt_id)
    changes = {name: value for name, value in payload.dict(exclude_unset=True).items() if value is not None}
    with _invalid_is_422():
        attempt, screening = services.attempt_update(attempt=attempt, **changes)
    return _attempt_written(attempt, screening)


@router.delete("/attempts/{attempt_id}", response={204: None}, summary="Delete an attempt")
def delete_attempt(request: HttpRequest, attempt_id: int) -> Status[None]:
    services.attempt_delete(attempt=get_attempt_for_user(request.user, attempt_id))
    return Status(204, None)
