"""What the ledger page shows: balances per person and over time, as charts with tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Case, Count, IntegerField, Max, Q, QuerySet, Sum, Value, When
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from bridgework.core.charts import Point, bar_chart, line_chart
from bridgework.core.links import url_for_pk
from bridgework.core.rawrows import Prepared, PreparedObjects

from .models import (
    DIRECTION_CHOICES,
    KIND_LABELS,
    SIZE_CHOICES,
    DismissedObservation,
    Exchange,
    Person,
)
from .observations import (
    EASIER_LOOKBACK,
    OVER_GIVING_WINDOW_DAYS,
    SIZE_WEIGHTS,
    ExchangeFact,
    Observation,
    Tally,
    WeekRow,
    drifting,
    over_giving,
    receiving_easier,
    tallies_by_person,
    tally,
    visible,
    weekly_balance,
)
from .services import person_facts

RECENT_LIMIT = 30
WEEKS_SHOWN = 12


@dataclass(frozen=True)
class PersonRow:
    label: str
    person: Person | None
    tally: Tally
    url: str = ""  # the person's page ("" for someone removed)


def tally_of(facts: list[ExchangeFact]) -> Tally:
    return tally(facts)


# ----------------------------------------------------------------- SQL aggregates
# The ledger and the home page show fixed-size summaries of a history that grows for
# years, so the database adds up the weights; Python only sees a handful of rows.

_WEIGHT = Case(
    *(When(size=size, then=Value(weight)) for size, weight in SIZE_WEIGHTS.items()),
    default=Value(1),
    output_field=IntegerField(),
)
_TALLY = {
    "given": Sum(_WEIGHT, filter=Q(direction="gave"), default=0),
    "received": Sum(_WEIGHT, filter=Q(direction="received"), default=0),
    "count": Count("id"),
}


def _tally(row: dict[str, Any]) -> Tally:
    return Tally(given=row["given"] or 0, received=row["received"] or 0, count=row["count"])


def tally_sql(exchanges: QuerySet[Exchange]) -> Tally:
    """Given and received weight and the count over ``exchanges``: one aggregate query."""
    return _tally(exchanges.order_by().aggregate(**_TALLY))


def tallies_by_person_sql(user: Any) -> tuple[dict[int | None, Tally], dict[int, dt.date]]:
    """``tallies_by_person`` over all the user's exchanges, grouped in SQL (one query),
    and the date of the latest exchange with each person."""
    tallies: dict[int | None, Tally] = {}
    last: dict[int, dt.date] = {}
    for person_id, given, received, count, latest in _tallies_by_person.rows(user.pk):
        tallies[person_id] = Tally(given=given or 0, received=received or 0, count=count)
        if person_id is not None:
            last[person_id] = latest
    return tallies, last


# Built once per process (core.rawrows.Prepared): the ORM took ~2 ms to build this query.
_tallies_by_person = Prepared(
    lambda user_id: Exchange.objects.filter(user_id=user_id)
    .order_by()
    .values_list("person_id")
    .annotate(**_TALLY, last=Max("occurred_on"))
)


def _facts(rows: QuerySet[Exchange]) -> list[ExchangeFact]:
    return [
        ExchangeFact(person_id=p, direction=d, size=s, occurred_on=o, discomfort=c)
        for p, d, s, o, c in rows.values_list(
            "person_id", "direction", "size", "occurred_on", "discomfort"
        )
    ]


def window_start(today: dt.date, weeks: int) -> dt.date:
    """The Monday that starts the first of the last ``weeks`` weeks."""
    return today - dt.timedelta(days=today.weekday()) - dt.timedelta(weeks=weeks - 1)


def window_facts(user: Any, since: dt.date, today: dt.date) -> list[ExchangeFact]:
    """The exchanges from ``since`` to ``today`` as plain facts (one query, nothing decrypted)."""
    return [ExchangeFact(*row) for row in _window.rows(_user_id(user), since, today)]


def close_people(user: Any, today: dt.date) -> tuple[list[Person], dict[int, dt.date]]:
    """The close ring (names decrypted, notes not) and the date of the latest exchange
    with each of them up to ``today``: one query."""
    close: list[Person] = _close.objects(_user_id(user), today)
    last = {p.pk: p.last for p in close if p.last is not None}  # type: ignore[attr-defined]
    return close, last


def observations_sql(
    user: Any,
    close: list[Person],
    last_contact: dict[int, dt.date],
    today: dt.date,
    *,
    window: list[ExchangeFact] | None = None,
) -> list[Observation]:
    """What ``observations.observations`` finds, reading only what each rule looks at.

    ``close`` and ``last_contact`` as from ``close_people``; ``window`` the exchanges of at
    least the last 8 weeks if the caller has them. One or two small queries (the last
    scored receipts, the 8 weeks unless given) and one for the dismissals.
    """
    since = today - dt.timedelta(days=OVER_GIVING_WINDOW_DAYS - 1)
    found: list[Observation] = []
    # receiving_easier sorts by date (stably) and keeps the last few: the newest days,
    # and within a day the list's own order (newest created first), so read them reversed.
    scored = [ExchangeFact(*row) for row in _scored_receipts.rows(_user_id(user))]
    easier = receiving_easier(scored[::-1])
    if easier is not None:
        found.append(easier)
    giving = over_giving(window if window is not None else window_facts(user, since, today), today)
    if giving is not None:
        found.append(giving)
    contacts = [
        ExchangeFact(person_id=pk, direction="gave", size="small", occurred_on=day)
        for pk, day in last_contact.items()
        if day <= today
    ]
    found.extend(drifting(person_facts(close), contacts, today))
    dismissed = {key: timezone.localdate(at) for key, at in _dismissals.rows(_user_id(user))}
    return visible(found, dismissed, today)


def _user_id(user: Any) -> int:
    return user if isinstance(user, int) else int(user.pk)


# Built once per process (core.rawrows.Prepared): the exchanges of a window, the close
# ring with each one's latest exchange up to a day, the last scored receipts, newest first
# (receiving_easier reads them oldest first), and the dismissals.
_window = Prepared(
    lambda user_id, since, today: Exchange.objects.filter(
        user_id=user_id, occurred_on__gte=since, occurred_on__lte=today
    )
    .order_by()
    .values_list("person_id", "direction", "size", "occurred_on", "discomfort"),
    dates=2,
)
_close = PreparedObjects(
    lambda user_id, today: Person.objects.filter(user_id=user_id, ring="close")
    .defer("note")
    .annotate(last=Max("exchanges__occurred_on", filter=Q(exchanges__occurred_on__lte=today))),
    dates=1,
)
_scored_receipts = Prepared(
    lambda user_id: Exchange.objects.filter(
        user_id=user_id, direction="received", discomfort__isnull=False
    )
    .order_by("-occurred_on", "created_at", "id")
    .values_list("person_id", "direction", "size", "occurred_on", "discomfort")[:EASIER_LOOKBACK]
)
_dismissals = Prepared(
    lambda user_id: DismissedObservation.objects.filter(user_id=user_id).values_list("key", "dismissed_at")
)


# ----------------------------------------------------------------- page parts


def person_rows(
    people: list[Person], facts: list[ExchangeFact] | dict[int | None, Tally]
) -> list[PersonRow]:
    """One row per person with at least one exchange, in name order; removed people last.

    ``facts`` may be the exchanges themselves or their tallies by person already.
    """
    by_person = facts if isinstance(facts, dict) else tallies_by_person(facts)
    url = url_for_pk("circle:person")  # one reverse() for every row
    rows = [
        PersonRow(person.name, person, by_person[person.pk], url(person.pk))
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


def ledger_context(user: Any, people: list[Person]) -> dict[str, Any]:
    """Everything the ledger page shows but the recent exchanges, in three or four
    queries whatever the history: totals per person (with the last contact), the weeks
    shown, the last scored receipts and the dismissals.

    The opening balance of the weeks shown is the overall total minus those weeks.
    """
    today = timezone.localdate()
    by_person, last_contact = tallies_by_person_sql(user)
    overall = Tally(
        given=sum(t.given for t in by_person.values()),
        received=sum(t.received for t in by_person.values()),
        count=sum(t.count for t in by_person.values()),
    )
    # Twelve weeks reach further back than the 8 weeks over-giving looks at.
    window = window_facts(user, window_start(today, WEEKS_SHOWN), today)
    shown = tally(window)
    opening = Tally(
        given=overall.given - shown.given,
        received=overall.received - shown.received,
        count=overall.count - shown.count,
    )
    weeks = weekly_balance(window, today, WEEKS_SHOWN, opening=opening)
    rows = person_rows(people, by_person)
    close = [person for person in people if person.ring == "close"]
    return {
        "overall": overall,
        "person_rows": rows,
        "person_chart": per_person_chart(rows) if rows else "",
        "weeks": weeks,
        "weeks_chart": balance_over_time_chart(weeks) if overall.count else "",
        "exchange_total": overall.count,
        "observations": observations_sql(user, close, last_contact, today, window=window),
    }


def recent_exchanges(user: User) -> list[Exchange]:
    """The latest exchanges with their people (one query; decrypts each exchange's note
    and person's name, not the person's own note)."""
    return _recent.objects(user.pk)  # type: ignore[no-any-return]


# Built once per process (core.rawrows.PreparedObjects): ~3 ms of the ORM's on every miss.
_recent = PreparedObjects(
    lambda user_id: Exchange.objects.filter(user_id=user_id)
    .select_related("person")
    .defer("person__note")[:RECENT_LIMIT]
)


@dataclass(frozen=True)
class ExchangeRow:
    """One line of an exchange table, with its date and links worked out in Python."""

    exchange: Exchange
    occurred: str
    person_url: str
    edit_url: str
    delete_url: str
    # The choices' labels by dict lookup (get_FOO_display() cost ~0.1 ms each, three a row).
    direction: str = ""
    kind: str = ""
    size: str = ""


_DIRECTIONS, _SIZES = dict(DIRECTION_CHOICES), dict(SIZE_CHOICES)


def exchange_rows(exchanges: Iterable[Exchange]) -> list[ExchangeRow]:
    """Rows for ``exchange_table``; reads ``exchange.person`` (select it)."""
    person_url = url_for_pk("circle:person")
    edit_url = url_for_pk("circle:exchange_edit")
    delete_url = url_for_pk("circle:exchange_delete")
    return [
        ExchangeRow(
            exchange=exchange,
            occurred=dateformat.format(exchange.occurred_on, "j M Y"),
            person_url=person_url(exchange.person_id),
            edit_url=edit_url(exchange.pk),
            delete_url=delete_url(exchange.pk),
            direction=_DIRECTIONS.get(exchange.direction, exchange.direction),
            kind=KIND_LABELS.get(exchange.kind, exchange.kind),
            size=_SIZES.get(exchange.size, exchange.size),
        )
        for exchange in exchanges
    ]


def _row_html(row: ExchangeRow, hide_person: bool) -> str:
    exchange = row.exchange
    occurred = escape(row.occurred)
    if hide_person:
        with_cell = ""
    elif exchange.person is not None:
        with_cell = (
            f'<td data-label="With"><a href="{escape(row.person_url)}">'
            f"{escape(exchange.person.name)}</a></td>"
        )
    else:
        with_cell = f'<td data-label="With"><span class="muted">{escape(exchange.person_label)}</span></td>'
    discomfort = "—" if exchange.discomfort is None else escape(str(exchange.discomfort))
    note = escape(Truncator(exchange.note).chars(80))
    return (
        f'\n    <tr>\n      <td data-label="Date">{occurred}</td>\n      {with_cell}'
        f'\n      <td data-label="Which way">{escape(str(row.direction))}</td>'
        f'\n      <td data-label="Kind">{escape(str(row.kind))}</td>'
        f'\n      <td data-label="Size">{escape(str(row.size))}</td>'
        f'\n      <td class="number" data-label="Discomfort">{discomfort}</td>'
        f'\n      <td data-label="Note">{note}</td>'
        f'\n      <td class="row-actions"><a href="{escape(row.edit_url)}">Edit<span class="visually-hidden"> the exchange on {occurred}</span></a>'
        f'\n        · <a href="{escape(row.delete_url)}">Delete<span class="visually-hidden"> the exchange on {occurred}</span></a></td>'
        "\n    </tr>\n  "
    )


def exchange_table(rows: Sequence[ExchangeRow], caption: str, *, hide_person: bool = False) -> SafeString:
    """The table of exchanges (ledger and person pages), written in Python: as a template
    (a loop of ~15 variables a row) it was a quarter of the ledger's time when rendered
    from the database. Every value is escaped; a test compares it character for character
    with the template it replaced."""
    with_head = "" if hide_person else '<th scope="col">With</th>'
    body = "".join(_row_html(row, hide_person) for row in rows)
    return mark_safe(  # noqa: S308
        '<table class="stack-table">\n'
        f"  <caption>{escape(caption)}</caption>\n"
        f'  <thead><tr><th scope="col">Date</th>{with_head}<th scope="col">Which way</th>'
        '<th scope="col">Kind</th><th scope="col">Size</th><th scope="col" class="number">Discomfort</th>'
        '<th scope="col">Note</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>\n'
        f"  <tbody>\n  {body}\n  </tbody>\n</table>\n"
    )


def ladder_step_count(person: Person) -> int:
    """How many ladder steps name this person (0 while the ladder has no such link)."""
    total = 0
    for relation in person._meta.related_objects:
        model = relation.related_model
        if model._meta.app_label == "ladder":
            total += model._default_manager.filter(**{relation.field.name: person}).count()
    return total
