"""Reliable Change Index (no database)."""

from __future__ import annotations

import math

import pytest

from bridgework.assess.rci import (
    minimum_reliable_change,
    reliable_change,
    standard_error_of_difference,
)


def test_standard_error_of_difference_follows_christensen_mendoza() -> None:
    se = 10 * math.sqrt(1 - 0.91)
    assert standard_error_of_difference(sd=10, reliability=0.91) == pytest.approx(
        math.sqrt(2 * se**2)
    )


def test_minimum_reliable_change_is_1_96_standard_errors_of_difference() -> None:
    # Jacobson & Truax's worked example: SD 7.5, r = .80 → SEdiff 4.74, change 9.30.
    assert standard_error_of_difference(sd=7.5, reliability=0.8) == pytest.approx(4.743, abs=1e-3)
    assert minimum_reliable_change(sd=7.5, reliability=0.8) == pytest.approx(9.297, abs=1e-3)


def test_a_large_drop_on_a_symptom_scale_is_reliably_better() -> None:
    change = reliable_change(18, 6, sd=3.52, reliability=0.89)
    assert change.verdict == "better" and change.label == "reliably better"
    assert change.rci < -1.96 and change.difference == -12


def test_a_large_rise_on_a_symptom_scale_is_reliably_worse() -> None:
    change = reliable_change(4, 16, sd=3.52, reliability=0.89)
    assert change.label == "reliably worse"


def test_a_small_change_is_no_reliable_change() -> None:
    change = reliable_change(10, 11, sd=3.52, reliability=0.89)
    assert change.label == "no reliable change"
    assert abs(change.difference) < change.minimum_change


def test_direction_flips_when_higher_is_better() -> None:
    change = reliable_change(4, 16, sd=3.52, reliability=0.89, higher_is="better")
    assert change.verdict == "better"


def test_exactly_at_the_threshold_is_not_reliable() -> None:
    minimum = minimum_reliable_change(sd=5, reliability=0.8)
    assert reliable_change(0, minimum, sd=5, reliability=0.8).verdict == "none"


@pytest.mark.parametrize(("sd", "r"), [(0, 0.8), (-1, 0.8), (5, 0), (5, 1), (5, 1.2)])
def test_it_rejects_impossible_values(sd: float, r: float) -> None:
    with pytest.raises(ValueError):
        reliable_change(1, 2, sd=sd, reliability=r)
