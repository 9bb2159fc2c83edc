"""``core.rawrows.PlainQuery``: the rows ``plain_rows`` gives for the same query, keyed and
converted as its specs say, built once per process; and the exports built on it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from bridgework.checkin.models import CheckIn
from bridgework.circle.models import Exchange
from bridgework.core import encryption
from bridgework.core.rawrows import PlainQuery, _decrypt_column, _row_maker, plain_rows
from bridgework.journal.models import Entry
from bridgework.ladder import export as ladder_export
from bridgework.ladder.models import Override
from bridgework.ladder.services import ladder_rows_for
from bridgework.ladder.tests.conftest import make_attempt, make_step

from .fill import fill_user

pytestmark = pytest.mark.django_db

ENTRY_FIELDS = ["id", "date", "mood", "prompt_id", "body", "dismissed_patterns", "created_at", "updated_at"]
ENTRIES = PlainQuery(lambda user_id: Entry.objects.filter(user_id=user_id).order_by("pk"), *ENTRY_FIELDS)


def test_it_gives_what_plain_rows_gives_for_the_same_query(user: Any, other_user: Any) -> None:
    fill_user(user)
    fill_user(other_user)
    expected = plain_rows(Entry.objects.filter(user=user).order_by("pk"), *ENTRY_FIELDS)
    assert expected
    assert ENTRIES.rows(user.pk) == expected
    # Built once, run for anyone: the other person's rows, not the first one's.
    assert ENTRIES.rows(other_user.pk) == plain_rows(
        Entry.objects.filter(user=other_user).order_by("pk"), *ENTRY_FIELDS
    )


def test_it_names_keys_applies_functions_and_keeps_their_order(user: Any) -> None:
    fill_user(user)
    query = PlainQuery(
        lambda user_id: Exchange.objects.filter(user_id=user_id).order_by("pk"),
        ("when", "occurred_on"),
        "kind",
        ("loud_kind", "kind", str.upper),
        ("text", "note"),
    )
    rows = query.rows(user.pk)
    expected = [
        {"when": e.occurred_on.isoformat(), "kind": e.kind, "loud_kind": e.kind.upper(), "text": e.note}
        for e in Exchange.objects.filter(user=user).order_by("pk")
    ]
    assert rows == expected
    assert [list(row) for row in rows] == [["when", "kind", "loud_kind", "text"]] * len(rows)
    assert query.tuples(user.pk) == [tuple(row.values()) for row in expected]


def test_it_reads_decimals_as_floats_when_asked(user: Any) -> None:
    for day, hours in [(1, Decimal("7.5")), (2, Decimal("7")), (3, Decimal("0.1")), (4, None)]:
        CheckIn.objects.create(user=user, date=dt.date(2026, 1, day), sleep_hours=hours)
    query = PlainQuery(
        lambda user_id: CheckIn.objects.filter(user_id=user_id).order_by("date"),
        "sleep_hours",
        floats=("sleep_hours",),
    )
    assert query.tuples(user.pk) == [(7.5,), (7.0,), (0.1,), (None,)]
    assert [type(value) for (value,) in query.tuples(user.pk)[:3]] == [float] * 3


def test_it_gives_nothing_for_nobody(user: Any) -> None:
    assert ENTRIES.rows(user.pk) == []
    assert ENTRIES.tuples(user.pk) == []


def test_a_row_maker_refuses_repeated_keys() -> None:
    assert _row_maker(("a", "b"))(1, "x") == {"a": 1, "b": "x"}
    with pytest.raises(ValueError, match="repeated"):
        _row_maker(("a", "a"))


def test_a_column_with_nulls_or_an_unknown_key_is_decrypted_one_by_one() -> None:
    token = encryption.encrypt("hello")
    assert list(_decrypt_column((token, None, token))) == ["hello", None, "hello"]
    # A key added by a rotation in another process: the key file is read again.
    keyring = encryption.get_keyring()
    from bridgework.core import encryption_keys

    new_id = encryption_keys.new_key_id()
    rotated = encryption_keys.Keyring(
        keys={new_id: encryption_keys.new_key(), **keyring.keys}, current=new_id
    )
    encryption_keys.write_key_file(encryption.key_file_path(), rotated)
    try:
        written = rotated.encrypt("from the future")
        assert list(_decrypt_column((token, written))) == ["hello", "from the future"]
    finally:
        encryption_keys.write_key_file(encryption.key_file_path(), keyring)
        encryption.get_keyring.cache_clear()


@pytest.mark.parametrize("override", [Override.MASTERED, Override.PRACTISING])
def test_the_ladder_export_says_what_the_ladder_page_says(user: Any, override: str) -> None:
    chosen = make_step(user, override=override, override_at=dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC))
    for _ in range(3):
        make_attempt(chosen)
    counted = make_step(user)
    for _ in range(3):
        make_attempt(counted)
    make_step(user, what="Not tried yet")
    with timezone.override(ZoneInfo("Pacific/Auckland")):  # already 2 March there
        steps = ladder_export.export_user_data(user)["steps"]
        rows = ladder_rows_for(user)
    assert [s["id"] for s in steps] == [row.step.pk for row in rows]
    assert [s["status"] for s in steps] == [row.status for row in rows]
    assert [s["mastered_on"] for s in steps] == [
        row.mastered_on.isoformat() if row.mastered_on else None for row in rows
    ]
    if override == Override.MASTERED:
        assert steps[0]["mastered_on"] == "2026-03-02"
    assert [len(s["attempts"]) for s in steps] == [3, 3, 0]
    assert "attempt_count" not in steps[0] and "step_id" not in steps[0]["attempts"][0]


def test_prepared_objects_are_what_the_orm_gives(user: Any, other_user: Any) -> None:
    """Instances with their annotations (a window function's rank, filtered in an outer
    query) and their select_related objects, deferred fields left unread."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    from bridgework.assess.models import Sitting
    from bridgework.core.rawrows import PreparedObjects

    fill_user(user)
    fill_user(other_user)

    def ranked(user_id: int) -> Any:
        return (
            Sitting.objects.filter(user_id=user_id)
            .annotate(rank=Window(RowNumber(), partition_by=[F("instrument_id")], order_by=[F("id").desc()]))
            .filter(rank=1)
            .order_by("-id")
        )

    latest = PreparedObjects(ranked)
    for person in (user, other_user):
        expected = list(ranked(person.pk))
        found = latest.objects(person.pk)
        assert [(s.pk, s.instrument_id, s.total, s.submitted_at, s.rank) for s in found] == [  # type: ignore[attr-defined]
            (s.pk, s.instrument_id, s.total, s.submitted_at, s.rank) for s in expected  # type: ignore[attr-defined]
        ]

    def recent(user_id: int) -> Any:
        return Exchange.objects.filter(user_id=user_id).select_related("person").defer("person__note")[:30]

    exchanges = PreparedObjects(recent).objects(user.pk)
    expected_exchanges = list(recent(user.pk))
    assert exchanges == expected_exchanges
    assert [(e.note, e.person.name if e.person else None) for e in exchanges] == [
        (e.note, e.person.name if e.person else None) for e in expected_exchanges
    ]
    named = next(e for e in exchanges if e.person is not None)
    assert "note" in named.person.get_deferred_fields()
    assert PreparedObjects(recent).first(other_user.pk) == expected_first(other_user.pk)


def expected_first(user_id: int) -> Any:
    return Exchange.objects.filter(user_id=user_id).first()


def test_a_prepared_query_takes_dates_as_parameters(user: Any) -> None:
    from django.db.models import Count, Q

    from bridgework.core.rawrows import Prepared

    for day in range(1, 11):
        CheckIn.objects.create(user=user, date=dt.date(2026, 1, day), mood=3)

    def build(user_id: int, since: dt.date, today: dt.date) -> Any:
        return (
            CheckIn.objects.filter(user_id=user_id, date__range=(since, today))
            .order_by()
            .values_list("user_id")
            .annotate(days=Count("id"), today=Count("id", filter=Q(date=today)))
        )

    week = Prepared(build, dates=2)
    for since, today in [(dt.date(2026, 1, 1), dt.date(2026, 1, 7)), (dt.date(2026, 1, 8), dt.date(2026, 1, 20))]:
        assert week.rows(user.pk, since, today) == list(build(user.pk, since, today))
    assert week.rows(user.pk, dt.date(2026, 1, 8), dt.date(2026, 1, 20)) == [(user.pk, 3, 0)]
    with pytest.raises(TypeError):
        week.rows(user.pk, dt.date(2026, 1, 8))
    computed = Prepared(lambda user_id, today: CheckIn.objects.filter(user_id=user_id, date__gte=today - dt.timedelta(days=1)), dates=1)
    with pytest.raises(ValueError, match="parameter"):
        computed.rows(user.pk, dt.date(2026, 1, 8))
