"""The questionnaires page's newest sittings, found per questionnaire through the index."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from bridgework.assess.models import Sitting
from bridgework.assess.services import latest_sittings_for, latest_submitted_for

pytestmark = pytest.mark.django_db


def _sitting(user: Any, instrument_id: str, *, submitted_days_ago: int | None) -> Sitting:
    now = timezone.now()
    return Sitting.objects.create(
        user=user,
        instrument_id=instrument_id,
        instrument_version="1",
        submitted_at=None if submitted_days_ago is None else now - dt.timedelta(days=submitted_days_ago),
        total=1,
    )


def test_it_finds_the_newest_result_and_the_unfinished_sitting_of_each(
    user: Any, other_user: Any
) -> None:
    _sitting(user, "phq9", submitted_days_ago=30)
    newest = _sitting(user, "phq9", submitted_days_ago=2)
    _sitting(user, "phq9", submitted_days_ago=9)
    draft = _sitting(user, "phq9", submitted_days_ago=None)
    gad = _sitting(user, "gad7", submitted_days_ago=5)
    _sitting(other_user, "phq9", submitted_days_ago=0)  # someone else's: never mine
    _sitting(other_user, "bii", submitted_days_ago=None)
    latest, drafts = latest_sittings_for(user)
    assert {key: sitting.pk for key, sitting in latest.items()} == {"phq9": newest.pk, "gad7": gad.pk}
    assert {key: sitting.pk for key, sitting in drafts.items()} == {"phq9": draft.pk}
    # The home panel's: each questionnaire's newest result, the most recent first.
    assert [sitting.pk for sitting in latest_submitted_for(user)] == [newest.pk, gad.pk]


def test_it_reads_nothing_for_someone_with_no_sittings(user: Any) -> None:
    assert latest_sittings_for(user) == ({}, {})
    assert latest_submitted_for(user) == []
