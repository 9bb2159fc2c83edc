"""The progression rule, as plain functions: no database."""

from __future__ import annotations

from datetime import date

import pytest

from bridgework.ladder.mastery import (
    AttemptFacts,
    next_suggested,
    qualifies,
    rule_mastered_on,
    step_status,
)


def calm(peak: int = 20, happened: str = "no", day: int = 1) -> AttemptFacts:
    return AttemptFacts(peak=peak, feared_happened=happened, happened_on=date(2025, 3, day))


def test_a_peak_of_exactly_30_counts_whatever_was_expected() -> None:
    assert qualifies(calm(30), expected_discomfort=40)
    assert not qualifies(calm(31), expected_discomfort=40)


def test_a_peak_of_exactly_half_the_expected_discomfort_counts() -> None:
    assert qualifies(calm(45), expected_discomfort=90)
    assert not qualifies(calm(46), expected_discomfort=90)
    # Odd expectations: half of 91 is 45.5, so 45 counts and 46 does not.
    assert qualifies(calm(45), expected_discomfort=91)
    assert not qualifies(calm(46), expected_discomfort=91)


@pytest.mark.parametrize("happened", ["partly", "yes"])
def test_it_does_not_count_when_the_feared_outcome_happened_even_partly(happened: str) -> None:
    assert not qualifies(calm(5, happened), expected_discomfort=80)


def test_no_attempts_is_not_tried() -> None:
    assert step_status(60, []) == "not_tried"


def test_one_qualifying_attempt_is_still_practising() -> None:
    assert step_status(60, [calm()]) == "practising"


def test_two_qualifying_attempts_master_the_step_even_with_a_hard_one_between() -> None:
    attempts = [calm(day=1), calm(80, "yes", day=2), calm(day=3)]
    assert step_status(60, attempts) == "mastered"
    assert rule_mastered_on(60, attempts) == date(2025, 3, 3)


def test_two_attempts_where_one_was_partly_are_practising() -> None:
    assert step_status(60, [calm(), calm(10, "partly")]) == "practising"


def test_mastery_date_follows_the_calendar_not_the_order_given() -> None:
    attempts = [calm(day=9), calm(day=2), calm(day=5)]
    assert rule_mastered_on(60, attempts) == date(2025, 3, 5)
    assert rule_mastered_on(60, [calm()]) is None


def test_override_mastered_wins_over_the_rule() -> None:
    assert step_status(60, [], override="mastered") == "mastered"
    assert step_status(60, [calm(90, "yes")], override="mastered") == "mastered"


def test_override_practising_keeps_a_mastered_step_open() -> None:
    attempts = [calm(), calm()]
    assert step_status(60, attempts, override="practising") == "practising"
    assert step_status(60, [], override="practising") == "not_tried"


def test_the_next_step_is_the_first_not_mastered_in_ladder_order() -> None:
    assert next_suggested(["mastered", "practising", "not_tried"]) == 1
    assert next_suggested(["mastered", "not_tried", "practising"]) == 1
    assert next_suggested(["mastered", "mastered"]) is None
    assert next_suggested([]) is None


def test_the_module_does_not_import_django() -> None:
    import ast
    from pathlib import Path

    import bridgework.ladder.mastery as module

    tree = ast.parse(Path(module.__file__).read_text())
    imported = {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.startswith("django") for name in imported)
