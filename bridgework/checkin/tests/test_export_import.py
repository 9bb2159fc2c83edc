from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from bridgework.checkin import demo, export, importer
from bridgework.checkin.models import CheckIn, Delivery, Reminder
from bridgework.core.importing import ImportProblem


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    return {
        **data,
        "checkins": [{k: v for k, v in row.items()} for row in data["checkins"]],
    }


def test_round_trip_keeps_every_value(user: Any, other_user: Any) -> None:
    today = dt.date(2026, 11, 29)
    demo.create_demo_data(user, years=0.2, rng=random.Random(1), today=today)
    Delivery.objects.create(user=user, day=today, status="sent", attempts=1)
    CheckIn.objects.filter(user=user).update(note="")
    first = CheckIn.objects.filter(user=user).order_by("date").first()
    assert first is not None
    first.note = "a private note"
    first.save(update_fields=["note"])
    exported = export.export_user_data(user)
    assert exported["checkins"] and exported["reminder"]["time"] == "20:30"
    created = importer.import_user_data(other_user, exported, ids={})
    assert created == len(exported["checkins"]) + 2
    again = export.export_user_data(other_user)
    assert comparable(again) == comparable(exported)
    assert Reminder.objects.get(user=other_user).feed_token != Reminder.objects.get(user=user).feed_token


def test_a_bad_value_names_its_path(user: Any) -> None:
    data = {"checkins": [{"date": "2026-01-01", "stress": 3}, {"date": "2026-01-02", "stress": 12}]}
    with pytest.raises(ImportProblem, match=r"data.checkin.checkins\[1\].*stress"):
        importer.import_user_data(user, data, ids={})


def test_an_unknown_feeling_word_is_refused(user: Any) -> None:
    data = {"checkins": [{"date": "2026-01-01", "feelings": ["fine"]}]}
    with pytest.raises(ImportProblem, match="feelings"):
        importer.import_user_data(user, data, ids={})


def test_a_repeated_day_is_refused(user: Any) -> None:
    data = {"checkins": [{"date": "2026-01-01", "stress": 1}, {"date": "2026-01-01", "stress": 2}]}
    with pytest.raises(ImportProblem, match=r"checkins\[1\]"):
        importer.import_user_data(user, data, ids={})
