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


def _figures(name: str) -> dict[str, float]:
    from bridgework.screening.evaluation import FRESH_DIR, evaluate_crisis

    return evaluate_crisis(read_rows(FRESH_DIR / name)).figures


def test_fresh_set_a_meets_every_target() -> None:
    from bridgework.screening.evaluation import CRISIS_TARGETS, meets

    figures = _figures("screening_a.csv")
    assert all(meets(figures, CRISIS_TARGETS).values()), figures


def test_fresh_set_b_keeps_its_measured_figures() -> None:
    """B does not reach every target yet (README says so); it must not slip back."""
    figures = _figures("screening_b.csv")
    assert figures["crisis_recall"] >= 0.89, figures
    assert figures["urgent_recall"] >= 0.76, figures
    assert figures["in_progress_urgent"] >= 0.86, figures
    assert figures["hard_negative_false_alarms"] <= 0.10, figures
    assert figures["everyday_false_alarms"] == 0.0, figures


def test_my_own_development_sentences_keep_their_figures() -> None:
    from bridgework.screening.evaluation import evaluate_crisis

    figures = evaluate_crisis(read_rows(DATA_DIR / "screening_own.csv")).figures
    assert figures["crisis_recall"] >= 0.93 and figures["urgent_recall"] >= 0.82, figures
    assert figures["in_progress_urgent"] == 1.0, figures
    assert figures["hard_negative_false_alarms"] <= 0.10, figures
    assert figures["everyday_false_alarms"] == 0.0, figures


def test_the_fresh_pattern_set_keeps_its_measured_figures() -> None:
    """The pattern targets are not met on unseen sentences yet (README); no slipping back."""
    from bridgework.screening.evaluation import FRESH_DIR, evaluate_patterns

    figures = evaluate_patterns(read_rows(FRESH_DIR / "patterns_a.csv")).figures
    assert figures["any_pattern_f1"] >= 0.80 and figures["top_two"] >= 0.62, figures
