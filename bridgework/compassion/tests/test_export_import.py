"""Export → import of the kindness area keeps every row, with circle people remapped."""

from __future__ import annotations

from typing import Any

import pytest

from bridgework.circle.models import Person
from bridgework.compassion.export import export_user_data
from bridgework.compassion.importer import import_user_data
from bridgework.compassion.models import Kindness, PracticeSession
from bridgework.core.importing import ImportProblem

pytestmark = pytest.mark.django_db


def test_a_round_trip_keeps_sessions_and_kindness(user: Any, other_user: Any) -> None:
    sam = Person.objects.create(user=user, name="Sam", ring="close", comfort=70)
    PracticeSession.objects.create(user=user, exercise="friend", answer_1="harsh", answer_2="kind", harsh_before=7, harsh_after=4)
    Kindness.objects.create(user=user, kind="help", what="lift to work", person=sam, response="accepted")
    data = export_user_data(user)
    new_sam = Person.objects.create(user=other_user, name="Sam", ring="close", comfort=70)
    created = import_user_data(other_user, data, ids={"circle.person": {sam.pk: new_sam.pk}})
    assert created == 2
    copy = export_user_data(other_user)
    assert copy["kindness"][0]["person_id"] == new_sam.pk
    for section in ("sessions", "kindness"):
        for row in (*data[section], *copy[section]):
            row.pop("person_id", None)
    assert copy == data


def test_it_names_a_bad_value_by_its_path(other_user: Any) -> None:
    with pytest.raises(ImportProblem, match=r"data\.compassion\.sessions\[0\]\.harsh_before"):
        import_user_data(other_user, {"sessions": [{"exercise": "break", "date": "2026-01-02", "harsh_before": 11}]}, ids={})
    with pytest.raises(ImportProblem, match=r"data\.compassion\.kindness\[0\]\.response"):
        import_user_data(
            other_user, {"kindness": [{"date": "2026-01-02", "kind": "help", "what": "x", "response": "shrugged"}]}, ids={}
        )
    with pytest.raises(ImportProblem, match=r"unknown exercise"):
        import_user_data(other_user, {"sessions": [{"exercise": "juggling", "date": "2026-01-02"}]}, ids={})
