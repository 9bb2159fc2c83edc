"""``core.rawrows.plain_rows`` gives what ``values()`` gives, dates as their ISO text, and the
export's JSON is byte for byte what Django's encoder writes."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Model, QuerySet

from bridgework.assess.models import Sitting
from bridgework.checkin.models import CheckIn
from bridgework.circle.models import Exchange
from bridgework.core.exporting import export_json
from bridgework.core.rawrows import plain_rows
from bridgework.journal.models import Entry
from bridgework.ladder.models import Attempt
from bridgework.voice.models import Message

from .fill import fill_user

pytestmark = pytest.mark.django_db


def as_values(queryset: QuerySet[Any], names: list[str]) -> list[dict[str, Any]]:
    """``values()``, with each date and datetime as ``isoformat()`` (what the export writes)."""
    return [
        {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
        for row in queryset.values(*names)
    ]


def every_column(model: type[Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def more_rows(user: Any) -> None:
    """Rows ``fill_user`` leaves out: a check-in with every answer, a sent message."""
    CheckIn.objects.create(
        user=user, date=dt.date(2026, 1, 3), mood=3, stress=4, sleep_hours=Decimal("7.5"),
        body_signs=["tense"], feelings=["calm", "tired"], note="Slept well.",
    )
    Message.objects.create(
        user=user, title="To Sam", draft="Could we talk?", dismissed=["long"],
        sent_at=dt.datetime(2026, 1, 3, 9, 30, tzinfo=dt.UTC),
    )


@pytest.mark.parametrize("model", [Entry, CheckIn, Exchange, Attempt, Sitting, Message])
def test_it_gives_what_values_gives_with_dates_as_iso_text(user: Any, model: type[Model]) -> None:
    fill_user(user)
    more_rows(user)
    queryset = model._default_manager.order_by("pk")
    names = every_column(model)
    rows = plain_rows(queryset, *names)
    assert rows, model
    assert rows == as_values(queryset, names)


def test_it_reads_a_datetime_stored_with_fewer_digits(user: Any) -> None:
    """SQLite's own clock (``Now()``) writes milliseconds; the ORM reads them as any other."""
    entry = Entry.objects.create(user=user, date=dt.date(2026, 1, 2), body="text")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Entry._meta.db_table} SET updated_at = '2026-01-02 03:04:05.120' WHERE id = %s",
                [entry.pk],
            )
    queryset = Entry.objects.filter(pk=entry.pk)
    assert plain_rows(queryset, "updated_at", "date", "body") == as_values(
        queryset, ["updated_at", "date", "body"]
    )


def test_it_keeps_nulls(user: Any) -> None:
    CheckIn.objects.create(user=user, date=dt.date(2026, 1, 2))
    queryset = CheckIn.objects.filter(user=user)
    names = every_column(CheckIn)
    assert plain_rows(queryset, *names) == as_values(queryset, names)


def test_the_export_json_is_what_djangos_encoder_writes() -> None:
    data = {
        "when": dt.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=dt.UTC),
        "day": dt.date(2026, 1, 2),
        "plain": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        "text": 'Zoë said "hi" \u2028 \n \t <b> / \\ 🙂',
        "numbers": [0, -1, 2**40, 7.5, 0.1, 123.25, None, True, False],
        "keys": {1: "one", "two": 2},
        "nested": [{"a": []}, {}],
        "decimal": Decimal("7.5"),
    }
    expected = json.dumps(data, cls=DjangoJSONEncoder, separators=(",", ":"), ensure_ascii=False)
    assert export_json(data) == expected.encode()


def test_the_export_json_writes_exponents_shorter_but_the_same_numbers() -> None:
    data = [1e-7, 1e22, 2.5e-300]
    assert export_json(data) == b"[1e-7,1e+22,2.5e-300]"
    assert json.loads(export_json(data)) == data
