"""The screening and pattern targets, measured on tests/data. Pure: no database."""

from __future__ import annotations

from bridgework.screening.evaluation import (
    CRISIS_FILE,
    DATA_DIR,
    PATTERN_FILE,
    evaluate_held_out,
    read_rows,
)


def test_the_labelled_sets_are_big_enough_and_split() -> None:
    crisis = read_rows(DATA_DIR / CRISIS_FILE)
    pattern_rows = read_rows(DATA_DIR / PATTERN_FILE)
    assert len(crisis) >= 300
    assert len(pattern_rows) >= 400
    assert {r["split"] for r in crisis} == {"train", "held_out"}
    assert {r["split"] for r in pattern_rows} == {"train", "held_out"}
    hard = {"idiom", "negation", "other_person", "past", "news"}
    assert sum(r["kind"] in hard and r["level"] == "none" for r in crisis) >= 100


def test_the_held_out_split_meets_the_targets() -> None:
    report, ok = evaluate_held_out()
    assert ok, report


def test_the_report_names_every_level_and_pattern() -> None:
    report, _ = evaluate_held_out()
    for word in ("urgent", "concern", "numbness", "any pattern", "Targets", "confusion"):
        assert word in report
