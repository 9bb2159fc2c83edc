"""People and exchanges as JSON, mounted at ``/api/v1/circle/`` (session auth + CSRF).

Input is validated by the same forms as the HTML pages and saved by the same services,
so a bad value gets the same message here as there (as a 422 with ``errors`` per field).
Another user's person or exchange is a 404, as everywhere. Lists are paginated:
``?limit=&offset=`` (default and maximum 100) give ``{"items": [...], "count": n}``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from bridgework.core.http import AuthedRequest

from .access import get_exchange_for_user, get_person_for_user
from .forms import ExchangeForm, PersonForm
from .models import Exchange, Person
from .services import (
    exchange_create,
    exchange_delete,
    exchange_update,
    people_for,
    person_create,
    person_delete,
    person_update,
)

router = Router()

PAGE_MAX = 100


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


class Saved(Schema):
    # True when the text suggested a crisis: show the help at /safety/help/ at once.
    crisis: bool
    help_url: str | None = None


class PersonSaved(PersonOut, Saved):
    pass


class ExchangeSaved(ExchangeOut, Saved):
    pass


class Errors(Schema):
    detail: str
    errors: dict[str, list[str]]


def _invalid(form: Any) -> Status[dict[str, Any]]:
    """A 422 listing each field's messages, exactly as the form shows them."""
    errors = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
    return Status(422, {"detail": "Please correct the fields listed.", "errors": errors})


def _person_data(payload: PersonIn) -> dict[str, Any]:
    return payload.dict()


def _exchange_data(payload: ExchangeIn) -> dict[str, Any]:
    data = payload.dict()
    data["person"] = "" if data.pop("person_id") is None else str(payload.person_id)
    data["discomfort"] = "" if payload.discomfort is None else str(payload.discomfort)
    data["occurred_on"] = payload.occurred_on.isoformat()
    return data


def _person_out(person: Person, crisis: bool) -> dict[str, Any]:
    return {**PersonOut.from_orm(person).dict(), **_saved(crisis)}


def _exchange_out(exchange: Exchange, crisis: bool) -> dict[str, Any]:
    return {**ExchangeOut.from_orm(exchange).dict(), **_saved(crisis)}


def _saved(crisis: bool) -> dict[str, Any]:
    return {"crisis": crisis, "help_url": "/safety/help/" if crisis else None}


# --------------------------------------------------------------------------- people


@router.get("/people", response=list[PersonOut])
@paginate(LimitOffsetPagination, max_limit=PAGE_MAX)
def list_people(request: AuthedRequest) -> list[Person]:
    return people_for(request.user)


@router.post("/people", response={201: PersonSaved, 422: Errors})
def create_person(request: AuthedRequest, payload: PersonIn) -> Status[dict[str, Any]]:
    form = PersonForm(data=_person_data(payload))
    if not form.is_valid():
        return _invalid(form)
    person, screening = person_create(user=request.user, **form.cleaned_data)
    return Status(201, _person_out(person, screening.crisis))


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: AuthedRequest, person_id: int) -> Person:
    return get_person_for_user(request.user, person_id)


@router.put("/people/{person_id}", response={200: PersonSaved, 422: Errors})
def update_person(
    request: AuthedRequest, person_id: int, payload: PersonIn
) -> Status[dict[str, Any]]:
    person = get_person_for_user(request.user, person_id)
    form = PersonForm(data=_person_data(payload), instance=person)
    if not form.is_valid():
        return _invalid(form)
    _, screening = person_update(person=person, **form.cleaned_data)
    return Status(200, _person_out(person, screening.crisis))


@router.delete("/people/{person_id}", response={204: None})
def delete_person(request: AuthedRequest, person_id: int) -> Status[None]:
    """Exchanges with the person are kept, unlinked (``person_id`` becomes null)."""
    person_delete(person=get_person_for_user(request.user, person_id))
    return Status(204, None)


# --------------------------------------------------------------------------- exchanges


@router.get("/exchanges", response=list[ExchangeOut])
@paginate(LimitOffsetPagination, max_limit=PAGE_MAX)
def list_exchanges(request: AuthedRequest) -> Any:
    """Latest first; only the requested page is read and decrypted."""
    user: Any = request.user  # authenticated: the router requires a session
    return Exchange.objects.filter(user=user).order_by("-occurred_on", "-created_at", "-id")


@router.post("/exchanges", response={201: ExchangeSaved, 422: Errors})
def create_exchange(request: AuthedRequest, payload: ExchangeIn) -> Status[dict[str, Any]]:
    form = ExchangeForm(data=_exchange_data(payload), people=people_for(request.user))
    if not form.is_valid():
        return _invalid(form)
    exchange, screening = exchange_create(user=request.user, **form.cleaned_data)
    return Status(201, _exchange_out(exchange, screening.crisis))


@router.get("/exchanges/{exchange_id}", response=ExchangeOut)
def get_exchange(request: AuthedRequest, exchange_id: int) -> Exchange:
    return get_exchange_for_user(request.user, exchange_id)


@router.put("/exchanges/{exchange_id}", response={200: ExchangeSaved, 422: Errors})
def update_exchange(
    request: AuthedRequest, exchange_id: int, payload: ExchangeIn
) -> Status[dict[str, Any]]:
    exchange = get_exchange_for_user(request.user, exchange_id)
    form = ExchangeForm(
        data=_exchange_data(payload), instance=exchange, people=people_for(request.user)
    )
    if not form.is_valid():
        return _invalid(form)
    _, screening = exchange_update(exchange=exchange, **form.cleaned_data)
    return Status(200, _exchange_out(exchange, screening.crisis))


@router.delete("/exchanges/{exchange_id}", response={204: None})
def delete_exchange(request: AuthedRequest, exchange_id: int) -> Status[None]:
    exchange_delete(exchange=get_exchange_for_user(request.user, exchange_id))
    return Status(204, None)
