"""What the ledger page shows: balances per person and over time, as charts with tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString

from bridgework.core.charts import Point, bar_chart, line_chart

from .models import Exchange, Person
from .observations import ExchangeFact, Tally, WeekRow, tallies_by_person, tally, weekly_balance

RECENT_LIMIT = 30
WEEKS_SHOWN = 12


@dataclass(frozen=True)
class PersonRow:
    label: str
    person: Person | None
    tally: Tally


def tally_of(facts: list[ExchangeFact]) -> Tally:
    return tally(facts)


def person_rows(people: list[Person], facts: list[ExchangeFact]) -> list[PersonRow]:
    """One row per person with at least one exchange, in name order; removed people last."""
    by_person = tallies_by_person(facts)
    rows = [
        PersonRow(person.name, person, by_person[person.pk])
        for person in people
        if person.pk in by_person
    ]
    if None in by_person:
        rows.append(PersonRow("Someone you removed", None, by_person[None]))
    return rows


def _week_label(row: WeekRow) -> str:
    return f"{row.start.day} {row.start:%b}"


def balance_over_time_chart(weeks: list[WeekRow]) -> SafeString:
    values = [row.running_balance for row in weeks]
    low, high = min(0, *values), max(0, *values)
    if low == high:
        high = low + 1
    return line_chart(
        "Running balance (received minus given), week by week",
        [Point(_week_label(row), row.running_balance) for row in weeks],
        minimum=low,
        maximum=high,
    )


def per_person_chart(rows: list[PersonRow]) -> SafeString:
    points = []
    for row in rows:
        points.append(Point(f"{row.label[:18]} · gave", row.tally.given))
        points.append(Point(f"{row.label[:18]} · received", row.tally.received))
    highest = max((point.value or 0 for point in points), default=1) or 1
    return bar_chart("Given and received, per person", points, maximum=highest)


def ledger_context(people: list[Person], facts: list[ExchangeFact]) -> dict[str, Any]:
    rows = person_rows(people, facts)
    weeks = weekly_balance(facts, timezone.localdate(), WEEKS_SHOWN)
    return {
        "overall": tally(facts),
        "person_rows": rows,
        "person_chart": per_person_chart(rows) if rows else "",
        "weeks": weeks,
        "weeks_chart": balance_over_time_chart(weeks) if facts else "",
        "exchange_total": len(facts),
    }


def recent_exchanges(user: User) -> list[Exchange]:
    """The latest exchanges with their people (one query; decrypts each name and note)."""
    return list(Exchange.objects.filter(user=user).select_related("person")[:RECENT_LIMIT])


@dataclass(frozen=True)
class ExchangeRow:
    """One line of an exchange table, with its date and links worked out in Python."""

    exchange: Exchange
    occurred: str
    person_url: str
    edit_url: str
    delete_url: str


_PLACEHOLDER = 987654321


def _url_for_pk(name: str) -> Callable[[int | None], str]:
    # Reversing three URLs per row was most of the table's render time: reverse once
    # with a placeholder pk and put each row's pk in its place.
    head, tail = reverse(name, args=[_PLACEHOLDER]).split(str(_PLACEHOLDER))
    return lambda pk: "" if pk is None else f"{head}{pk}{tail}"


def exchange_rows(exchanges: Iterable[Exchange]) -> list[ExchangeRow]:
    """Rows for ``circle/_exchange_table.html``; reads ``exchange.person`` (select it)."""
    person_url = _url_for_pk("circle:person")
    edit_url = _url_for_pk("circle:exchange_edit")
    delete_url = _url_for_pk("circle:exchange_delete")
    return [
        ExchangeRow(
            exchange=exchange,
            occurred=dateformat.format(exchange.occurred_on, "j M Y"),
            person_url=person_url(exchange.person_id),
            edit_url=edit_url(exchange.pk),
            delete_url=delete_url(exchange.pk),
        )
        for exchange in exchanges
    ]


def ladder_step_count(person: Person) -> int:
    """How many ladder steps name this person (0 while the ladder has no such link)."""
    total = 0
    for relation in person._meta.related_objects:
        model = relation.related_model
        if model._meta.app_label == "ladder":
            total += model._default_manager.filter(**{relation.field.name: person}).count()
    return total
