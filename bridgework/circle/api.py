"""People and exchanges as JSON, mounted at ``/api/v1/circle/`` (session auth + CSRF).

Input is validated by the same forms as the HTML pages (``bind``) and saved by the same
services, so a bad value gets the same message here as there (the one error body: a 422
with ``errors`` per field). Updates are PATCH: only the fields given change.
Another user's person or exchange is a 404, as everywhere. Lists are paginated:
``?limit=&offset=`` (default and maximum 100) give ``{"items": [...], "count": n}``.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import QuerySet
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from bridgework.api.forms import bind
from bridgework.api.pagination import Page
from bridgework.api.schemas import ERRORS, ScreeningOut
from bridgework.core.http import AuthedRequest
from bridgework.screening.crisis import Screening

from .access import get_exchange_for_user, get_person_for_user
from .forms import ExchangeForm, PersonForm
from .models import Exchange, Person
from .services import (
    exchange_create,
    exchange_delete,
    exchange_update,
    exchanges_for,
    people_for,
    person_create,
    person_delete,
    person_update,
)

router = Router()



class PersonIn(Schema):
    name: str
    ring: str
    helps_with: list[str] = []
    comfort: int
    note: str = ""


class PersonOut(Schema):
    id: int
    name: str
    ring: str
    helps_with: list[str]
    comfort: int
    note: str
    created_at: datetime
    updated_at: datetime


class ExchangeIn(Schema):
    person_id: int | None = None
    direction: str
    kind: str
    size: str = "small"
    discomfort: int | None = None
    occurred_on: date
    note: str = ""


class ExchangeOut(Schema):
    id: int
    person_id: int | None
    direction: str
    kind: str
    size: str
    discomfort: int | None
    occurred_on: date
    note: str
    created_at: datetime


class PersonPatch(Schema):
    name: str | None = None
    ring: str | None = None
    helps_with: list[str] | None = None
    comfort: int | None = None
    note: str | None = None


class ExchangePatch(Schema):
    # null unlinks the person; leaving it out keeps the link.
    person_id: int | None = None
    direction: str | None = None
    kind: str | None = None
    size: str | None = None
    discomfort: int | None = None
    occurred_on: date | None = None
    note: str | None = None


class PersonWriteOut(PersonOut):
    screening: ScreeningOut


class ExchangeWriteOut(ExchangeOut):
    screening: ScreeningOut


# The API says person_id; the form's field is person.
PERSON = {"person_id": "person"}


def _person_written(person: Person, screening: Screening) -> PersonWriteOut:
    return PersonWriteOut(**PersonOut.from_orm(person).model_dump(), screening=ScreeningOut.of(screening))


def _exchange_written(exchange: Exchange, screening: Screening) -> ExchangeWriteOut:
    return ExchangeWriteOut(
        **ExchangeOut.from_orm(exchange).model_dump(), screening=ScreeningOut.of(screening)
    )


# --------------------------------------------------------------------------- people


@router.get("/people", response=list[PersonOut])
@paginate(Page)
def list_people(request: AuthedRequest) -> list[Person]:
    return people_for(request.user)


@router.post("/people", response={201: PersonWriteOut, **ERRORS})
def create_person(request: AuthedRequest, payload: PersonIn) -> Status[PersonWriteOut]:
    form = bind(PersonForm, payload)
    person, screening = person_create(user=request.user, **form.cleaned_data)
    return Status(201, _person_written(person, screening))


@router.get("/people/{person_id}", response={200: PersonOut, **ERRORS})
def get_person(request: AuthedRequest, person_id: int) -> Person:
    return get_person_for_user(request.user, person_id)


@router.patch("/people/{person_id}", response={200: PersonWriteOut, **ERRORS})
def update_person(request: AuthedRequest, person_id: int, payload: PersonPatch) -> PersonWriteOut:
    person = get_person_for_user(request.user, person_id)
    form = bind(PersonForm, payload, instance=person, partial=True)
    person, screening = person_update(person=person, **form.cleaned_data)
    return _person_written(person, screening)


@router.delete("/people/{person_id}", response={204: None, **ERRORS})
def delete_person(request: AuthedRequest, person_id: int) -> Status[None]:
    """Exchanges with the person are kept, unlinked (``person_id`` becomes null)."""
    person_delete(person=get_person_for_user(request.user, person_id))
    return Status(204, None)


# --------------------------------------------------------------------------- exchanges


@router.get("/exchanges", response=list[ExchangeOut])
@paginate(Page)
def list_exchanges(request: AuthedRequest) -> QuerySet[Exchange]:
    """Latest first; only the requested page is read and decrypted."""
    return exchanges_for(request.user)


@router.post("/exchanges", response={201: ExchangeWriteOut, **ERRORS})
def create_exchange(request: AuthedRequest, payload: ExchangeIn) -> Status[ExchangeWriteOut]:
    form = bind(ExchangeForm, payload, rename=PERSON, people=people_for(request.user))
    exchange, screening = exchange_create(user=request.user, **form.cleaned_data)
    return Status(201, _exchange_written(exchange, screening))


@router.get("/exchanges/{exchange_id}", response={200: ExchangeOut, **ERRORS})
def get_exchange(request: AuthedRequest, exchange_id: int) -> Exchange:
    return get_exchange_for_user(request.user, exchange_id)


@router.patch("/exchanges/{exchange_id}", response={200: ExchangeWriteOut, **ERRORS})
def update_exchange(
    request: AuthedRequest, exchange_id: int, payload: ExchangePatch
) -> ExchangeWriteOut:
    exchange = get_exchange_for_user(request.user, exchange_id)
    form = bind(
        ExchangeForm,
        payload,
        instance=exchange,
        partial=True,
        rename=PERSON,
        people=people_for(request.user),
    )
    exchange, screening = exchange_update(exchange=exchange, **form.cleaned_data)
    return _exchange_written(exchange, screening)


@router.delete("/exchanges/{exchange_id}", response={204: None, **ERRORS})
def delete_exchange(request: AuthedRequest, exchange_id: int) -> Status[None]:
    exchange_delete(exchange=get_exchange_for_user(request.user, exchange_id))
    return Status(204, None)
