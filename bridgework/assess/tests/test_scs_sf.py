"""The Self-Compassion Scale — Short Form scored exactly by its published key.

Raes et al. (2011): 12 items answered 1–5; items 1, 4, 8, 9, 11 and 12 are reverse-scored
as 6 − x; the total is the mean of the 12 (item-adjusted) answers.
"""

from __future__ import annotations

import json
import random

import pytest

from bridgework.assess.instruments import get_instrument

from .test_commands import run

REVERSED = {1, 4, 8, 9, 11, 12}


def published_total(answers: list[int]) -> float:
    adjusted = [6 - a if n in REVERSED else a for n, a in enumerate(answers, start=1)]
    return sum(adjusted) / 12


def test_it_ships_twelve_items_with_the_published_reverse_key() -> None:
    scs = get_instrument("scs_sf")
    assert scs is not None
    assert len(scs.items) == 12
    assert {n for n, item in enumerate(scs.items, start=1) if item.reverse} == REVERSED
    assert sorted(scs.values) == [1, 2, 3, 4, 5]
    assert "Raes" in scs.citation and scs.licence


@pytest.mark.parametrize("seed", range(25))
def test_the_command_total_is_the_mean_of_the_keyed_answers(seed: int) -> None:
    answers = [random.Random(seed * 12 + i).randint(1, 5) for i in range(12)]
    code, out, _ = run("score", "scs_sf", "--responses", ",".join(map(str, answers)))
    assert code == 0
    assert json.loads(out)["total"] == pytest.approx(published_total(answers), abs=1e-6)


def test_all_kindest_answers_score_five_and_harshest_score_one() -> None:
    kindest = [1 if n in REVERSED else 5 for n in range(1, 13)]
    harshest = [5 if n in REVERSED else 1 for n in range(1, 13)]
    assert json.loads(run("score", "scs_sf", "--responses", ",".join(map(str, kindest)))[1])[
        "total"
    ] == pytest.approx(5.0)
    assert json.loads(run("score", "scs_sf", "--responses", ",".join(map(str, harshest)))[1])[
        "total"
    ] == pytest.approx(1.0)


@pytest.mark.parametrize("bad", ["0", "6", "x"])
def test_it_exits_2_on_an_answer_out_of_range(bad: str) -> None:
    code, _, err = run("score", "scs_sf", "--responses", ",".join(["3"] * 11 + [bad]))
    assert code == 2
    assert "12" in err
