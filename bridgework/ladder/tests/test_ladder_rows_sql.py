"""The ladder's counts and mastery dates from SQL match the pure rule over every attempt."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from bridgework.ladder import mastery
from bridgework.ladder.models import Attempt
from bridgework.ladder.services import (
    ladder_counts_for,
    ladder_rows_for,
    next_suggested_row_for,
    rows_of,
    step_row,
)

from .conftest import make_step


@pytest.mark.parametrize("seed", range(6))
def test_rows_match_the_rule_applied_in_python(user: Any, seed: int) -> None:
    rng = random.Random(seed)
    today = timezone.localdate()
    for n in range(12):
        # Odd and even expectations, so "at most half" is tested on both sides of .5.
        step = make_step(
            user,
            what=f"Step {n}",
            expected_discomfort=rng.choice([0, 1, 30, 41, 60, 61, 100]),
            override=rng.choice(["", "", "", "mastered", "practising"]),
        )
        for _ in range(rng.randint(0, 6)):
            peak = rng.choice([0, 15, 20, 21, 30, 31, 50, 100])
            Attempt.objects.create(
                step=step,
                happened_on=today - timedelta(days=rng.randint(0, 30)),
                discomfort_before=peak,
                discomfort_peak=peak,
                discomfort_after=0,
                feared_happened=rng.choice(["no", "no", "partly", "yes"]),
                response="same",
            )
    rows = ladder_rows_for(user)
    for row in rows:
        expected = step_row(row.step)  # the rule over the step's attempts, in Python
        assert (row.status, row.attempt_count, row.qualifying, row.mastered_on) == (
            expected.status,
            expected.attempt_count,
            expected.qualifying,
            expected.mastered_on,
        ), row.step.what
    index = mastery.next_suggested([row.status for row in rows])
    suggested = next_suggested_row_for(user)
    if index is None:
        assert suggested is None
    else:
        assert suggested is not None and suggested.step.pk == rows[index].step.pk
        assert rows[index].is_next
    # The ladder page's plain counts (no model instances) say the same, and so do the rows
    # made from some of them.
    counts = ladder_counts_for(user)
    assert [
        (c.pk, c.status, c.attempt_count, c.qualifying, c.mastered_on, c.is_next) for c in counts
    ] == [
        (r.step.pk, r.status, r.attempt_count, r.qualifying, r.mastered_on, r.is_next) for r in rows
    ]
    some = counts[::3]
    assert [(r.step.pk, r.step.what, r.status, r.is_next) for r in rows_of(user, some)] == [
        (r.step.pk, r.step.what, r.status, r.is_next) for r in rows[::3]
    ]
    # A step deleted between the two queries (another tab) is left out, not an error.
    rows[0].step.delete()
    assert [r.step.pk for r in rows_of(user, counts[:2])] == [counts[1].pk]
