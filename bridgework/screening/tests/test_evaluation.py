"""The screening and pattern targets, measured on tests/data. Pure: no database."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _figures(path: Path) -> dict[str, float]:
    from bridgework.screening.evaluation import evaluate_crisis

    return evaluate_crisis(read_rows(path)).figures


# Every set written by people who never saw the rules, now all training data for the
# learned reader (the honest, out-of-sample figures are in the README): floors that only
# keep the shipped model from slipping on what it was trained on.
TRAINED_ON = [
    *sorted((DATA_DIR / "fresh").glob("screening_*.csv")),
    DATA_DIR / "sealed" / "screening_c.csv",
    DATA_DIR / "screening_own.csv",
]
# Sets never trained on (each was sealed, then measured once): the same floors but a
# little lower recall, so a retrain or a code change that loses ground is noticed.
# JA (older, understated writers, sealed 2026-11-30) is the hardest voice measured: 0.882
# at the start of that session, 0.922 at its end; its floor guards that, not the target.
# KB (stoic writers: gallows humour, cold logistics, self-harm that is not cutting; a dev
# set of the sixth session, never trained on) was 0.933 before that session's changes.
# PD (self-harm in every hidden form: punishment by hunger, sleep or exercise, relapses; a
# dev set of the tenth session) was 0.927 at that session's start and 0.935 at its end.
_HARDEST = {"screening_ja": 0.90, "screening_kb": 0.94, "screening_pd": 0.93}
MEASURED = sorted((DATA_DIR / "measured").glob("screening_*.csv"))
FLOORS = [(path, 0.97) for path in TRAINED_ON] + [
    (path, _HARDEST.get(path.stem, 0.96)) for path in MEASURED
]


@pytest.mark.parametrize(("path", "recall"), FLOORS, ids=lambda p: getattr(p, "stem", str(p)))
def test_the_shipped_screener_keeps_its_figures(path: Path, recall: float) -> None:
    figures = _figures(path)
    assert figures["crisis_recall"] >= recall, figures
    assert figures["urgent_recall"] >= 0.90, figures
    assert figures["in_progress_urgent"] >= 0.90, figures
    assert figures["hard_negative_false_alarms"] <= 0.10, figures
    assert figures["everyday_false_alarms"] <= 0.05, figures


# Pattern sets never trained on: floors a little under the targets (any-pattern F1 0.85,
# right pattern in the top two 0.80, every pattern's F1 0.6), so a retrain that loses
# ground is noticed.
MEASURED_PATTERNS = sorted((DATA_DIR / "measured").glob("patterns_*.csv"))
# PE (tenth session, behaviour told without the obvious words) was 0.739 at the start of
# that session and 0.779 at its end. The floor guards; the target is 0.80.
_TOP_TWO_FLOOR = {"patterns_pe": 0.76}


@pytest.mark.parametrize("path", MEASURED_PATTERNS, ids=lambda p: p.stem)
def test_the_shipped_pattern_model_keeps_its_figures(path: Path) -> None:
    from bridgework.screening.evaluation import evaluate_patterns

    figures = evaluate_patterns(read_rows(path)).figures
    assert figures["any_pattern_f1"] >= 0.85, figures
    assert figures["top_two"] >= _TOP_TWO_FLOOR.get(path.stem, 0.78), figures
    # W and Y (2026-11-30) have one pattern at 0.571: the floor guards, the target is 0.6.
    assert figures["min_pattern_f1"] >= 0.55, figures


TRAINING_FILES = sorted((DATA_DIR / "train").glob("screening_*.csv"))


@pytest.mark.parametrize("path", TRAINING_FILES, ids=lambda p: p.stem)
def test_every_training_set_is_labelled_in_the_shape_training_reads(path: Path) -> None:
    rows = read_rows(path)
    assert len(rows) >= 300  # a few hundred statements each
    for number, row in enumerate(rows, start=2):
        where = f"{path.name}:{number}"
        assert row["text"].strip(), where
        assert row["level"] in {"none", "concern", "urgent"}, where
        assert row["in_progress"] in {"0", "1"}, where
        assert row["about"] in {"self", "other"}, where
        assert row["category"], where


def test_the_pattern_sets_it_learned_keep_their_figures() -> None:
    from bridgework.screening.evaluation import FRESH_DIR, evaluate_patterns

    figures = evaluate_patterns(read_rows(FRESH_DIR / "patterns_a.csv")).figures
    assert figures["any_pattern_f1"] >= 0.85 and figures["top_two"] >= 0.80, figures


def test_someone_else_written_about_as_a_hard_negative_is_not_counted_as_missed() -> None:
    from bridgework.screening.evaluation import evaluate_crisis

    rows = [
        {"text": "My friend told me she wants to kill herself.", "level": "concern",
         "in_progress": "0", "about": "other", "category": "other_person"},
        {"text": "My brother's knee surgery went well, he is home.", "level": "none",
         "in_progress": "0", "about": "other", "category": "neg_other"},
    ]
    result = evaluate_crisis(rows)
    assert result.about_other_support == 1
    assert result.about_other_found == 1.0

