"""Write paths (``<thing>_<action>``) and the read helpers the views share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NotRequired, TypedDict, Unpack

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from bridgework.core.rawrows import PreparedObjects
from bridgework.safety.services import screen_texts, screening_record
from bridgework.screening.crisis import Screening

from .models import DismissedObservation, Exchange, Person
from .observations import (
    ExchangeFact,
    Observation,
    PersonFact,
    observations,
    visible,
)
from .suggest import Candidate, suggest

PERSON_FIELDS = ["name", "ring", "helps_with", "comfort", "note"]
EXCHANGE_FIELDS = ["person", "direction", "kind", "size", "discomfort", "occurred_on", "note"]


# --------------------------------------------------------------------------- people


class PersonFields(TypedDict):
    """Someone in the circle (``PersonForm.cleaned_data``)."""

    name: str
    ring: str
    comfort: int
    helps_with: NotRequired[list[str] | None]
    note: NotRequired[str]


def _person_save(
    person: Person, fields: PersonFields, *, update_fields: list[str] | None
) -> tuple[Person, Screening]:
    person.name = fields["name"].strip()
    person.ring = fields["ring"]
    person.comfort = fields["comfort"]
    person.helps_with = list(fields.get("helps_with") or [])
    person.note = fields.get("note") or ""
    screening = screen_texts(person.name, person.note)
    with transaction.atomic():
        person.save(update_fields=update_fields)
        screening_record(user=person.user, screening=screening, source="circle.person")
    return person, screening


def person_create(*, user: User, **fields: Unpack[PersonFields]) -> tuple[Person, Screening]:
    return _person_save(Person(user=user), fields, update_fields=None)


def person_update(*, person: Person, **fields: Unpack[PersonFields]) -> tuple[Person, Screening]:
    return _person_save(person, fields, update_fields=[*PERSON_FIELDS, "updated_at"])


def person_delete(*, person: Person) -> None:
    """Remove someone from the circle. Their exchanges (and ladder steps) stay, unlinked."""
    person.delete()


def people_for(user: User) -> list[Person]:
    """The user's people sorted by name (in memory: names are encrypted). One query."""
    return sorted(_people.objects(user.pk), key=lambda person: (person.name.casefold(), person.pk))


# Built once per process (core.rawrows.PreparedObjects): read by most circle pages.
_people = PreparedObjects(lambda user_id: Person.objects.filter(user_id=user_id))


# --------------------------------------------------------------------------- exchanges


class ExchangeFields(TypedDict):
    """One give or take (``ExchangeForm.cleaned_data``)."""

    person: Person | None
    direction: str
    kind: str
    occurred_on: date
    size: NotRequired[str]
    discomfort: NotRequired[int | None]
    note: NotRequired[str]


def _exchange_save(
    exchange: Exchange, fields: ExchangeFields, *, update_fields: list[str] | None
) -> tuple[Exchange, Screening]:
    person = fields["person"]
    if person is not None and person.user_id != exchange.user_id:
        raise ValueError("An exchange can only name someone from the same user's circle")
    exchange.person = person
    exchange.direction = fields["direction"]
    exchange.kind = fields["kind"]
    exchange.size = fields.get("size", "small")
    exchange.discomfort = fields.get("discomfort")
    exchange.occurred_on = fields["occurred_on"]
    exchange.note = fields.get("note") or ""
    screening = screen_texts(exchange.note)
    with transaction.atomic():
        exchange.save(update_fields=update_fields)
        screening_record(user=exchange.user, screening=screening, source="circle.exchange")
    return exchange, screening


def exchange_create(*, user: User, **fields: Unpack[ExchangeFields]) -> tuple[Exchange, Screening]:
    return _exchange_save(Exchange(user=user), fields, update_fields=None)


def exchange_update(
    *, exchange: Exchange, **fields: Unpack[ExchangeFields]
) -> tuple[Exchange, Screening]:
    return _exchange_save(exchange, fields, update_fields=EXCHANGE_FIELDS)


def exchange_delete(*, exchange: Exchange) -> None:
    exchange.delete()


def exchanges_for(user: User) -> QuerySet[Exchange]:
    """The user's exchanges, latest first (lazy: slice before reading, notes decrypt)."""
    return Exchange.objects.filter(user=user).order_by("-occurred_on", "-created_at", "-id")


def exchange_facts_for(user: User, *, person: Person | None = None) -> list[ExchangeFact]:
    """The numbers behind the ledger, without decrypting any note. One query."""
    rows = Exchange.objects.filter(user=user)
    if person is not None:
        rows = rows.filter(person=person)
    return [
        ExchangeFact(
            person_id=row["person_id"],
            direction=row["direction"],
            size=row["size"],
            occurred_on=row["occurred_on"],
            discomfort=row["discomfort"],
        )
        for row in rows.values("person_id", "direction", "size", "occurred_on", "discomfort")
    ]


# --------------------------------------------------------------------------- observations


def person_facts(people: list[Person]) -> list[PersonFact]:
    return [
        PersonFact(
            id=person.pk,
            name=person.name,
            ring=person.ring,
            added_on=timezone.localdate(person.created_at),
        )
        for person in people
    ]


def observations_for(
    user: User, *, people: list[Person], facts: list[ExchangeFact]
) -> list[Observation]:
    """What the user has not dismissed recently. One query (the dismissals)."""
    today = timezone.localdate()
    dismissed = {
        row.key: timezone.localdate(row.dismissed_at)
        for row in DismissedObservation.objects.filter(user=user)
    }
    return visible(observations(person_facts(people), facts, today), dismissed, today)


def observation_dismiss(*, user: User, key: str) -> None:
    DismissedObservation.objects.update_or_create(
        user=user, key=key, defaults={"dismissed_at": timezone.now()}
    )


@dataclass(frozen=True)
class CircleSummary:
    people: list[Person]
    by_ring: dict[str, list[Person]]


def summary(people: list[Person]) -> CircleSummary:
    by_ring: dict[str, list[Person]] = {"close": [], "middle": [], "outer": []}
    for person in people:
        by_ring[person.ring].append(person)
    return CircleSummary(people=people, by_ring=by_ring)


# --------------------------------------------------------------------------- for other apps


def person_choices_for(user: User, step_kind: str | None) -> list[Any]:
    """Choices for a "someone from my circle" select on a ladder step (one query).

    The people easiest to ask for this kind of step come first (``suggest.py``), then
    everyone else by name. Values are person ids; the caller still validates against an
    owner-scoped queryset.
    """
    people = people_for(user)
    if not people:
        return [("", "Nobody yet: add people on the Circle page")]
    candidates = [
        Candidate(p.pk, p.name, p.comfort, tuple(p.helps_with)) for p in people
    ]
    suggested = [c.id for c in suggest(candidates, step_kind)]
    by_id = {p.pk: p for p in people}

    def label(person: Person) -> str:
        return f"{person.name} ({person.ring_label.lower()} ring, comfort {person.comfort})"

    rest = [(p.pk, label(p)) for p in people if p.pk not in suggested]
    choices: list[Any] = [("", "No one from my circle")]
    if suggested:
        choices.append(
            ("Easiest to ask for this kind of step", [(pk, label(by_id[pk])) for pk in suggested])
        )
        if rest:
            choices.append(("Everyone else in your circle", rest))
    else:
        choices.extend(rest)
    return choices
