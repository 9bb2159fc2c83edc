"""Measure the screener and the pattern recogniser on the labelled sets. Pure: no Django.

The sets live in ``tests/data/``: ``crisis_sentences.csv`` (text, level, kind, split) and
``pattern_sentences.csv`` (text, patterns — ``;``-separated ids or empty —, split).
Rows whose split is ``held_out`` were never used to write rules or train the model; the
targets are judged on them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .crisis import LEVELS, screen
from .patterns import PATTERN_IDS, recognise

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
CRISIS_FILE = "crisis_sentences.csv"
PATTERN_FILE = "pattern_sentences.csv"
# Kinds of non-crisis sentence that look like crisis language on the surface.
HARD_NEGATIVE_KINDS = frozenset({"idiom", "negation", "other_person", "past", "news"})

TARGETS = {"crisis_recall": 0.97, "hard_negative_false_alarm_rate": 0.15, "any_pattern_f1": 0.80}


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> Scores:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(round(precision, 4), round(recall, 4), round(f1, 4), tp + fn)


def read_rows(path: Path, split: str | None = None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row for row in rows if split is None or row["split"] == split]


def _binary(pairs: Iterable[tuple[bool, bool]]) -> Scores:
    tp = fp = fn = 0
    for gold, predicted in pairs:
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    return Scores.from_counts(tp, fp, fn)


def evaluate_crisis(rows: list[dict[str, str]]) -> dict[str, object]:
    predicted = [screen(row["text"]).level for row in rows]
    gold = [row["level"] for row in rows]
    per_level = {
        level: _binary((g == level, p == level) for g, p in zip(gold, predicted, strict=True))
        for level in LEVELS
    }
    crisis = _binary((g != "none", p != "none") for g, p in zip(gold, predicted, strict=True))
    hard = [
        p
        for row, p in zip(rows, predicted, strict=True)
        if row["kind"] in HARD_NEGATIVE_KINDS and row["level"] == "none"
    ]
    false_alarm = sum(p != "none" for p in hard) / len(hard) if hard else 0.0
    misses = [
        (row["text"], row["level"], p)
        for row, p in zip(rows, predicted, strict=True)
        if (row["level"] == "none") != (p == "none")
    ]
    return {
        "rows": len(rows),
        "per_level": per_level,
        "crisis": crisis,
        "hard_negatives": len(hard),
        "hard_negative_false_alarm_rate": round(false_alarm, 4),
        "errors": misses,
    }


def evaluate_patterns(rows: list[dict[str, str]]) -> dict[str, object]:
    gold = [frozenset(filter(None, row["patterns"].split(";"))) for row in rows]
    predicted = [frozenset(found.id for found in recognise(row["text"])) for row in rows]
    per_pattern = {
        pid: _binary((pid in g, pid in p) for g, p in zip(gold, predicted, strict=True))
        for pid in PATTERN_IDS
    }
    any_pattern = _binary((bool(g), bool(p)) for g, p in zip(gold, predicted, strict=True))
    top_correct = sum(bool(g & p) for g, p in zip(gold, predicted, strict=True) if g)
    return {
        "rows": len(rows),
        "per_pattern": per_pattern,
        "any_pattern": any_pattern,
        "right_pattern_among_found": round(top_correct / max(1, sum(bool(g) for g in gold)), 4),
    }


def evaluate(
    data_dir: Path = DATA_DIR, split: str | None = "held_out"
) -> dict[str, dict[str, object]]:
    return {
        "crisis": evaluate_crisis(read_rows(data_dir / CRISIS_FILE, split)),
        "patterns": evaluate_patterns(read_rows(data_dir / PATTERN_FILE, split)),
    }


def meets_targets(result: dict[str, dict[str, object]]) -> dict[str, bool]:
    crisis = result["crisis"]["crisis"]
    patterns = result["patterns"]["any_pattern"]
    assert isinstance(crisis, Scores) and isinstance(patterns, Scores)
    rate = result["crisis"]["hard_negative_false_alarm_rate"]
    assert isinstance(rate, float)
    return {
        "crisis_recall": crisis.recall >= TARGETS["crisis_recall"],
        "hard_negative_false_alarm_rate": rate <= TARGETS["hard_negative_false_alarm_rate"],
        "any_pattern_f1": patterns.f1 >= TARGETS["any_pattern_f1"],
    }


def format_report(result: dict[str, dict[str, object]], split: str | None) -> str:
    lines = [f"Evaluation on split: {split or 'all'}", ""]
    crisis = result["crisis"]
    lines.append(f"Crisis screening — {crisis['rows']} sentences")
    lines.append(f"  {'level':<24}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    per_level = crisis["per_level"]
    assert isinstance(per_level, dict)
    for name, s in [*per_level.items(), ("crisis (concern+urgent)", crisis["crisis"])]:
        lines.append(
            f"  {name:<24}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}{s.support:>9}"
        )
    lines.append(
        f"  false alarms on {crisis['hard_negatives']} hard negatives: "
        f"{crisis['hard_negative_false_alarm_rate']:.1%}"
    )
    patterns = result["patterns"]
    lines += ["", f"Pattern recognition — {patterns['rows']} sentences"]
    lines.append(f"  {'pattern':<24}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    per_pattern = patterns["per_pattern"]
    assert isinstance(per_pattern, dict)
    for name, s in [*per_pattern.items(), ("any pattern", patterns["any_pattern"])]:
        lines.append(
            f"  {name:<24}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}{s.support:>9}"
        )
    lines += ["", "Targets:"]
    for name, ok in meets_targets(result).items():
        lines.append(f"  {name}: {'met' if ok else 'NOT met'} (target {TARGETS[name]})")
    return "\n".join(lines)
