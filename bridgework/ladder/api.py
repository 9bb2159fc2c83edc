"""The ladder's JSON API, mounted at ``/api/v1/ladder/`` (session auth with CSRF).

Every endpoint binds the same forms and calls the same services as the pages, so
validation and ownership are identical: bad values are a 422 naming the field (the one
error body, ``bridgework.api.errors``), another user's step or attempt is a 404. Lists
are paginated: ``?limit=&offset=`` (default and maximum 100) give ``{"items": [...],
"count": n}``. Writes that save text return the object plus ``screening``.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from bridgework.api.forms import bind
from bridgework.api.pagination import Page
from bridgework.api.schemas import ERRORS, ScreeningOut
from bridgework.core.http import AuthedRequest
from bridgework.screening.crisis import Screening

from . import services
from .access import get_attempt_for_user, get_step_for_user
from .forms import AttemptForm, OverrideForm, StepForm
from .models import Attempt

router = Router()

# The API says person_id; the form's field is person.
PERSON = {"person_id": "person"}


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
    # "mastered", "practising", or "" to follow the rule again.
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


class StepWriteOut(StepOut):
    screening: ScreeningOut


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


def _step_written(request: AuthedRequest, step_id: int, screening: Screening) -> StepWriteOut:
    # is_next depends on the whole ladder, so the step is read back as part of it.
    row = next(row for row in services.ladder_rows_for(request.user) if row.step.pk == step_id)
    return StepWriteOut(**_step_out(row).model_dump(), screening=ScreeningOut.of(screening))


@router.get("/steps", response=list[StepOut], summary="Your ladder, in your order")
@paginate(Page)
def list_steps(request: AuthedRequest) -> list[StepOut]:
    # The whole ladder is read: status and the next step depend on every step.
    return [_step_out(row) for row in services.ladder_rows_for(request.user)]


@router.post("/steps", response={201: StepWriteOut, **ERRORS}, summary="Add a step")
def create_step(request: AuthedRequest, payload: StepIn) -> Status[StepWriteOut]:
    form = bind(StepForm, payload, rename=PERSON, user=request.user)
    step, screening = services.step_create(user=request.user, **form.cleaned_data)
    return Status(201, _step_written(request, step.pk, screening))


@router.get("/steps/{step_id}", response={200: StepOut, **ERRORS}, summary="One step")
def get_step(request: AuthedRequest, step_id: int) -> StepOut:
    step = get_step_for_user(request.user, step_id)
    row = next(row for row in services.ladder_rows_for(request.user) if row.step.pk == step.pk)
    return _step_out(row)


@router.patch(
    "/steps/{step_id}",
    response={200: StepWriteOut, **ERRORS},
    summary="Change a step (only the fields given; its attempts are kept)",
)
def update_step(request: AuthedRequest, step_id: int, payload: StepPatch) -> StepWriteOut:
    step = get_step_for_user(request.user, step_id)
    changes = payload.model_dump(exclude_unset=True)
    override = {"choice": changes.pop("override")} if "override" in changes else None
    form = bind(StepForm, changes, instance=step, partial=True, rename=PERSON, user=request.user)
    # Both are checked before anything is saved: a bad request changes nothing.
    choice = bind(OverrideForm, override).cleaned_data["choice"] if override else None
    step, screening = services.step_update(step=step, **form.cleaned_data)
    if choice is not None:
        services.step_override_set(step=step, choice=choice)
    return _step_written(request, step.pk, screening)


@router.delete(
    "/steps/{step_id}", response={204: None, **ERRORS}, summary="Delete a step and its attempts"
)
def delete_step(request: AuthedRequest, step_id: int) -> Status[None]:
    services.step_delete(step=get_step_for_user(request.user, step_id))
    return Status(204, None)


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


class AttemptWriteOut(AttemptOut):
    # The step's status after this attempt ("practising", "mastered", ...).
    step_status: str
    screening: ScreeningOut


def _attempt_written(attempt: Attempt, screening: Screening) -> AttemptWriteOut:
    return AttemptWriteOut(
        **AttemptOut.from_orm(attempt).model_dump(),
        step_status=services.step_row(attempt.step).status,
        screening=ScreeningOut.of(screening),
    )


@router.get(
    "/steps/{step_id}/attempts",
    response={200: list[AttemptOut], **ERRORS},
    summary="A step's attempts, oldest first",
)
@paginate(Page)
def list_attempts(request: AuthedRequest, step_id: int) -> QuerySet[Attempt]:
    """Only the requested page is read and decrypted."""
    return get_step_for_user(request.user, step_id).attempts.all()


@router.post(
    "/steps/{step_id}/attempts", response={201: AttemptWriteOut, **ERRORS}, summary="Log an attempt"
)
def create_attempt(request: AuthedRequest, step_id: int, payload: AttemptIn) -> Status[AttemptWriteOut]:
    step = get_step_for_user(request.user, step_id)
    form = bind(AttemptForm, payload)
    attempt, screening = services.attempt_log(step=step, **form.cleaned_data)
    return Status(201, _attempt_written(attempt, screening))


@router.get("/attempts/{attempt_id}", response={200: AttemptOut, **ERRORS}, summary="One attempt")
def get_attempt(request: AuthedRequest, attempt_id: int) -> Attempt:
    return get_attempt_for_user(request.user, attempt_id)


@router.patch(
    "/attempts/{attempt_id}",
    response={200: AttemptWriteOut, **ERRORS},
    summary="Change an attempt (only the fields given)",
)
def update_attempt(request: AuthedRequest, attempt_id: int, payload: AttemptPatch) -> AttemptWriteOut:
    attempt = get_attempt_for_user(request.user, attempt_id)
    form = bind(AttemptForm, payload, instance=attempt, partial=True)
    attempt, screening = services.attempt_update(attempt=attempt, **form.cleaned_data)
    return _attempt_written(attempt, screening)


@router.delete("/attempts/{attempt_id}", response={204: None, **ERRORS}, summary="Delete an attempt")
def delete_attempt(request: AuthedRequest, attempt_id: int) -> Status[None]:
    services.attempt_delete(attempt=get_attempt_for_user(request.user, attempt_id))
    return Status(204, None)
