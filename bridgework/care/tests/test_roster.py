"""The client list: right numbers, and a fixed number of queries whatever the clients."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bridgework.conftest import make_user
from bridgework.ladder.library import templates
from bridgework.ladder.models import Step
from bridgework.ladder.services import attempt_log, step_adopt

from ..roster import mastered_this_month, roster_for
from .data import sitting
from .helpers import link_between

pytestmark = pytest.mark.django_db


def _client_with_history(n: int, clinician: Any) -> Any:
    person = make_user(f"client{n}@example.org", display_name=f"Client {n}")
    sitting(person, "phq9", 2, days_ago=90)
    sitting(person, "phq9", 0, days_ago=1)
    sitting(person, "gad7", 1, days_ago=3)
    step, _ = step_adopt(user=person, template=templates()[0])
    for _ in range(2):
        attempt_log(step=step, happened_on=timezone.localdate(), discomfort_before=20,
                    discomfort_peak=10, discomfort_after=5, feared_happened="no", response="better")
    link_between(person, clinician, assessments=True, ladder=True, checkins=True)
    return person


def test_scores_change_and_mastery_per_client(clinician: Any) -> None:
    _client_with_history(1, clinician)
    (row,) = roster_for(clinician)
    phq9, gad7 = row.scores
    assert (phq9.instrument_id, phq9.latest) == ("phq9", 0)
    assert phq9.change is not None and phq9.change.verdict == "better"  # 18 → 0
    assert gad7.change is None  # one sitting: nothing to compare
    assert row.mastered_this_month == 1
    assert row.last_activity is not None


def test_mastery_by_the_rule_counts_only_when_the_second_calm_try_is_this_month(user: Any) -> None:
    today = timezone.localdate()
    step, _ = step_adopt(user=user, template=templates()[0])
    last_month = today.replace(day=1) - timedelta(days=3)
    for on in (last_month, last_month):
        attempt_log(step=step, happened_on=on, discomfort_before=20, discomfort_peak=10,
                    discomfort_after=5, feared_happened="no", response="better")
    assert mastered_this_month([user.pk], today)[user.pk] == 0
    second, _ = step_adopt(user=user, template=templates()[1])
    Step.objects.filter(pk=second.pk).update(expected_discomfort=80)
    attempt_log(step=second, happened_on=last_month, discomfort_before=50, discomfort_peak=40,
                discomfort_after=5, feared_happened="no", response="better")  # 40 ≤ 80/2
    attempt_log(step=second, happened_on=today, discomfort_before=50, discomfort_peak=60,
                discomfort_after=5, feared_happened="no", response="better")  # not calm
    assert mastered_this_month([user.pk], today)[user.pk] == 0
    attempt_log(step=second, happened_on=today, discomfort_before=50, discomfort_peak=40,
                discomfort_after=5, feared_happened="no", response="same")
    assert mastered_this_month([user.pk], today)[user.pk] == 1


def test_the_client_list_costs_the_same_queries_for_2_or_8_clients(
    clinician: Any, clinician_client: Any
) -> None:
    url = reverse("care:clinician_home")
    for n in range(2):
        _client_with_history(n, clinician)
    clinician_client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        assert clinician_client.get(url).status_code == 200
    for n in range(2, 8):
        _client_with_history(n, clinician)
    with CaptureQueriesContext(connection) as many:
        response = clinician_client.get(url)
    assert response.content.decode().count("PHQ-9 0") == 8
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]
    assert len(many) <= 12
