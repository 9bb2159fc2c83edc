"""Measure the screener and the pattern recogniser on labelled sets. Pure: no Django.

Two shapes of crisis set are read:

- ``tests/data/crisis_sentences.csv`` (text, level, kind, split): the original set; rows
  whose split is ``held_out`` never wrote a rule or trained the model;
- ``tests/data/fresh/screening_*.csv`` (text, level, in_progress, about, category): sets
  written by people who never saw the rules or the training data. Categories starting
  ``urgent_`` / ``concern_`` are crisis, ``neg_*`` hard negatives, ``everyday`` ordinary
  hyper-independent writing, ``other_person`` someone else at risk.

Pattern sets have the columns text, patterns (``;``-separated ids or empty) and maybe split.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .crisis import LEVELS, screen
from .patterns import PATTERN_IDS, recognise

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
FRESH_DIR = DATA_DIR / "fresh"
CRISIS_FILE = "crisis_sentences.csv"
PATTERN_FILE = "pattern_sentences.csv"
# Kinds of non-crisis sentence in the original set that look like crisis language.
HARD_NEGATIVE_KINDS = frozenset({"idiom", "negation", "other_person", "past", "news"})

CRISIS_TARGETS = {
    "crisis_recall": (0.97, ">="),
    "urgent_recall": (0.85, ">="),
    "in_progress_urgent": (1.0, ">="),
    "hard_negative_false_alarms": (0.10, "<="),
    "everyday_false_alarms": (0.0, "<="),
}
PATTERN_TARGETS = {
    "any_pattern_f1": (0.85, ">="),
    "top_two": (0.80, ">="),
    "min_pattern_f1": (0.60, ">="),
}
# The original held-out split keeps its own (older) targets.
HELD_OUT_TARGETS = {
    "crisis_recall": (0.97, ">="),
    "hard_negative_false_alarms": (0.15, "<="),
}
HELD_OUT_PATTERN_F1 = 0.80


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
    return [row for row in rows if split is None or row.get("split") == split]


def _binary(pairs: Iterable[tuple[bool, bool]]) -> Scores:
    tp = fp = fn = 0
    for gold, predicted in pairs:
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    return Scores.from_counts(tp, fp, fn)


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


def _category(row: dict[str, str]) -> str:
    return row.get("category") or row.get("kind") or ""


def _is_hard_negative(row: dict[str, str]) -> bool:
    if row["level"] != "none":
        return False
    category = _category(row)
    return category.startswith("neg_") or ("category" not in row and category in HARD_NEGATIVE_KINDS)


@dataclass
class CrisisResult:
    rows: int
    crisis: Scores
    per_level: dict[str, Scores]
    confusion: dict[str, Counter[str]]
    urgent_recall: float
    urgent_support: int
    in_progress_urgent: float
    in_progress_support: int
    about_other_found: float
    about_other_support: int
    hard_negative_false_alarms: float
    hard_negative_support: int
    everyday_false_alarms: float
    everyday_support: int
    per_category: dict[str, dict[str, int]]
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def figures(self) -> dict[str, float]:
        return {
            "crisis_recall": self.crisis.recall,
            "urgent_recall": self.urgent_recall,
            "in_progress_urgent": self.in_progress_urgent,
            "about_other_found": self.about_other_found,
            "hard_negative_false_alarms": self.hard_negative_false_alarms,
            "everyday_false_alarms": self.everyday_false_alarms,
        }


def evaluate_crisis(rows: list[dict[str, str]]) -> CrisisResult:
    results = [screen(row["text"]) for row in rows]
    predicted = [r.level for r in results]
    gold = [row["level"] for row in rows]
    pairs = list(zip(gold, predicted, strict=True))
    confusion: dict[str, Counter[str]] = {level: Counter() for level in LEVELS}
    for g, p in pairs:
        confusion[g][p] += 1
    per_category: dict[str, dict[str, int]] = {}
    errors: list[tuple[str, str, str, str]] = []
    for row, result in zip(rows, results, strict=True):
        counts = per_category.setdefault(_category(row), Counter())
        counts[result.level] += 1
        counts["total"] += 1
        about = result.about
        if row.get("about") == "other" and not _category(row).startswith("neg_"):
            counts["about_other"] += about == "other"
        wrong = (row["level"] == "none") != (result.level == "none") or (
            row["level"] == "urgent" and result.level != "urgent"
        )
        if wrong:
            errors.append((_category(row), row["level"], result.level, row["text"]))
    urgent = [p for g, p in pairs if g == "urgent"]
    in_progress = [
        r.level for row, r in zip(rows, results, strict=True) if row.get("in_progress") == "1"
    ]
    # Someone else at risk; not someone else written about as a hard negative (a
    # friend's surgery, labelled about "other" by some writers).
    others = [
        r.crisis and r.about == "other"
        for row, r in zip(rows, results, strict=True)
        if row.get("about") == "other" and not _category(row).startswith("neg_")
    ]
    # The original set labelled statements about someone else at risk "none"; the
    # contract now shows such writers how to help, so that is not a false alarm there.
    hard = [
        r.level
        for row, r in zip(rows, results, strict=True)
        if _is_hard_negative(row) and not (_category(row) == "other_person" and r.about == "other")
    ]
    everyday = [
        p
        for row, p in zip(rows, predicted, strict=True)
        if _category(row) == "everyday" and row["level"] == "none"
    ]
    return CrisisResult(
        rows=len(rows),
        crisis=_binary((g != "none", p != "none") for g, p in pairs),
        per_level={level: _binary((g == level, p == level) for g, p in pairs) for level in LEVELS},
        confusion=confusion,
        urgent_recall=_ratio(sum(p == "urgent" for p in urgent), len(urgent)),
        urgent_support=len(urgent),
        in_progress_urgent=_ratio(sum(p == "urgent" for p in in_progress), len(in_progress)),
        in_progress_support=len(in_progress),
        about_other_found=_ratio(sum(others), len(others)),
        about_other_support=len(others),
        hard_negative_false_alarms=_ratio(sum(p != "none" for p in hard), len(hard))
        if hard
        else 0.0,
        hard_negative_support=len(hard),
        everyday_false_alarms=_ratio(sum(p != "none" for p in everyday), len(everyday))
        if everyday
        else 0.0,
        everyday_support=len(everyday),
        per_category={k: dict(v) for k, v in sorted(per_category.items())},
        errors=errors,
    )


@dataclass
class PatternResult:
    rows: int
    per_pattern: dict[str, Scores]
    any_pattern: Scores
    top_two: float
    top_two_support: int

    @property
    def figures(self) -> dict[str, float]:
        present = [s.f1 for s in self.per_pattern.values() if s.support]
        return {
            "any_pattern_f1": self.any_pattern.f1,
            "top_two": self.top_two,
            "min_pattern_f1": min(present) if present else 1.0,
        }


def evaluate_patterns(rows: list[dict[str, str]]) -> PatternResult:
    gold = [frozenset(filter(None, row["patterns"].split(";"))) for row in rows]
    found = [recognise(row["text"]) for row in rows]
    predicted = [frozenset(m.id for m in matches) for matches in found]
    top_two = [frozenset(m.id for m in matches[:2]) for matches in found]
    pairs = list(zip(gold, predicted, strict=True))
    labelled = [(g, t) for g, t in zip(gold, top_two, strict=True) if g]
    return PatternResult(
        rows=len(rows),
        per_pattern={
            pid: _binary((pid in g, pid in p) for g, p in pairs) for pid in PATTERN_IDS
        },
        any_pattern=_binary((bool(g), bool(p)) for g, p in pairs),
        top_two=_ratio(sum(bool(g & t) for g, t in labelled), len(labelled)),
        top_two_support=len(labelled),
    )


def meets(figures: dict[str, float], targets: dict[str, tuple[float, str]]) -> dict[str, bool]:
    return {
        name: figures[name] >= goal if sign == ">=" else figures[name] <= goal
        for name, (goal, sign) in targets.items()
        if name in figures
    }


def is_pattern_file(path: Path) -> bool:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    return "patterns" in header


def fresh_files() -> list[Path]:
    return sorted(FRESH_DIR.glob("*.csv"))


# ----------------------------------------------------------------------------- report


def _scores_table(title: str, items: Iterable[tuple[str, Scores]]) -> list[str]:
    lines = [f"  {title:<28}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for name, s in items:
        lines.append(
            f"  {name:<28}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}{s.support:>9}"
        )
    return lines


def _targets(figures: dict[str, float], targets: dict[str, tuple[float, str]]) -> list[str]:
    lines = ["  Targets:"]
    for name, ok in meets(figures, targets).items():
        goal, sign = targets[name]
        lines.append(
            f"    {name:<28}{figures[name]:>7.3f}  {'met' if ok else 'NOT met'} ({sign} {goal})"
        )
    return lines


def format_crisis(
    result: CrisisResult,
    title: str,
    targets: dict[str, tuple[float, str]] = CRISIS_TARGETS,
    *,
    errors: bool = False,
) -> str:
    lines = [f"Crisis screening — {title} — {result.rows} statements"]
    lines += _scores_table(
        "level", [*result.per_level.items(), ("crisis (concern+urgent)", result.crisis)]
    )
    lines.append(
        f"  urgent rated urgent:        {result.urgent_recall:.3f} of {result.urgent_support}"
    )
    lines.append(
        f"  in progress rated urgent:   {result.in_progress_urgent:.3f} of {result.in_progress_support}"
    )
    lines.append(
        f"  about someone else found:   {result.about_other_found:.3f} of {result.about_other_support}"
    )
    lines.append(
        f"  false alarms, hard negatives: {result.hard_negative_false_alarms:.3f} of {result.hard_negative_support}"
    )
    lines.append(
        f"  false alarms, everyday:       {result.everyday_false_alarms:.3f} of {result.everyday_support}"
    )
    lines.append("  confusion (rows gold, columns rated): " + "  ".join(LEVELS))
    for level in LEVELS:
        row = result.confusion[level]
        lines.append(f"    {level:<8}" + "".join(f"{row[p]:>9}" for p in LEVELS))
    lines.append(f"  {'category':<24}{'n':>4}{'none':>6}{'concern':>9}{'urgent':>8}{'other':>7}")
    for name, counts in result.per_category.items():
        lines.append(
            f"  {name:<24}{counts['total']:>4}{counts.get('none', 0):>6}"
            f"{counts.get('concern', 0):>9}{counts.get('urgent', 0):>8}"
            f"{counts.get('about_other', 0) if 'about_other' in counts else '':>7}"
        )
    lines += _targets(result.figures, targets)
    if errors:
        lines.append("  Errors (category, gold, rated, text):")
        for category, gold, rated, text in result.errors:
            lines.append(f"    [{category}] {gold} -> {rated}: {' '.join(text.split())[:300]}")
    return "\n".join(lines)


def format_patterns(result: PatternResult, title: str) -> str:
    lines = [f"Pattern recognition — {title} — {result.rows} sentences"]
    lines += _scores_table(
        "pattern", [*result.per_pattern.items(), ("any pattern", result.any_pattern)]
    )
    lines.append(f"  right pattern in top two:   {result.top_two:.3f} of {result.top_two_support}")
    lines += _targets(result.figures, PATTERN_TARGETS)
    return "\n".join(lines)


def evaluate_file(path: Path, *, errors: bool = False) -> tuple[str, bool]:
    """Report on one CSV of either shape, and whether its targets are met."""
    rows = read_rows(path)
    if is_pattern_file(path):
        patterns = evaluate_patterns(rows)
        return format_patterns(patterns, path.name), all(
            meets(patterns.figures, PATTERN_TARGETS).values()
        )
    crisis = evaluate_crisis(rows)
    return format_crisis(crisis, path.name, errors=errors), all(
        meets(crisis.figures, CRISIS_TARGETS).values()
    )


def evaluate_held_out(*, errors: bool = False) -> tuple[str, bool]:
    crisis = evaluate_crisis(read_rows(DATA_DIR / CRISIS_FILE, "held_out"))
    patterns = evaluate_patterns(read_rows(DATA_DIR / PATTERN_FILE, "held_out"))
    report = "\n\n".join(
        [
            format_crisis(crisis, "original held-out split", HELD_OUT_TARGETS, errors=errors),
            format_patterns(patterns, "original held-out split"),
        ]
    )
    ok = all(meets(crisis.figures, HELD_OUT_TARGETS).values())
    return report, ok and patterns.any_pattern.f1 >= HELD_OUT_PATTERN_F1
