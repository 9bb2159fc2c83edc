"""The feedback stays above its targets on the set written without sight of the rules."""

from __future__ import annotations

from pathlib import Path

from bridgework.voice.evaluation import TARGETS, evaluate, read_rows

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "voice"


def test_voice_a_meets_every_target() -> None:
    report = evaluate(read_rows(DATA / "voice_a.csv"))
    figures = report.figures()
    assert report.rows == 143
    assert figures["macro_f1"] >= TARGETS["macro_f1"], report.lines()
    assert figures["has_request"] >= TARGETS["has_request"], report.lines()
    assert figures["has_feeling"] >= TARGETS["has_feeling"], report.lines()
    assert figures["has_need"] >= TARGETS["has_need"], report.lines()
    assert figures["assertive_flagged"] <= TARGETS["assertive_flagged"], report.lines()


def test_the_evaluation_counts_true_and_false_positives() -> None:
    from bridgework.voice.evaluation import Row

    rows = [
        Row("Sorry, could you help?", False, False, True, frozenset({"over_apology"}), "single_issue"),
        Row("Could you help on Friday?", False, False, True, frozenset(), "assertive_clear"),
        Row("You never help.", False, False, False, frozenset({"hedging"}), "single_issue"),
    ]
    report = evaluate(rows)
    assert report.per_issue["over_apology"].tp == 1
    assert report.per_issue["blame"].fp == 1 and report.per_issue["hedging"].fn == 1
    assert report.assertive == 1 and report.assertive_flagged == 0
