"""Measure the draft feedback on a labelled CSV set (pure: no Django).

Columns: ``text,has_feeling,has_need,has_request,issues,category`` — ``issues`` is a
``;``-separated list of issue ids (empty for none); ``category`` ``assertive_clear`` marks
clear, assertive messages that should get no note at all.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .feedback import ISSUE_IDS, Feedback, check

TARGETS = {"macro_f1": 0.70, "has_request": 0.85, "has_feeling": 0.80, "has_need": 0.80, "assertive_flagged": 0.15}


@dataclass(frozen=True)
class Row:
    text: str
    has_feeling: bool
    has_need: bool
    has_request: bool
    issues: frozenset[str]
    category: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    rows: int = 0
    per_issue: dict[str, Counts] = field(default_factory=lambda: {i: Counts() for i in ISSUE_IDS})
    correct: dict[str, int] = field(default_factory=lambda: {"has_feeling": 0, "has_need": 0, "has_request": 0})
    assertive: int = 0
    assertive_flagged: int = 0
    mistakes: list[tuple[Row, Feedback]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.per_issue.values()) / len(self.per_issue)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.rows if self.rows else 0.0

    @property
    def assertive_flag_rate(self) -> float:
        return self.assertive_flagged / self.assertive if self.assertive else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "macro_f1": self.macro_f1,
            "has_request": self.accuracy("has_request"),
            "has_feeling": self.accuracy("has_feeling"),
            "has_need": self.accuracy("has_need"),
            "assertive_flagged": self.assertive_flag_rate,
        }

    def meets_targets(self) -> bool:
        f = self.figures()
        return all(
            f[name] <= target if name == "assertive_flagged" else f[name] >= target
            for name, target in TARGETS.items()
        )

    def lines(self) -> list[str]:
        out = [f"{self.rows} messages", f"{'issue':24} {'P':>5} {'R':>5} {'F1':>5}  tp fp fn"]
        for name, c in self.per_issue.items():
            out.append(f"{name:24} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f}  {c.tp:2} {c.fp:2} {c.fn:2}")
        f = self.figures()
        out.append(f"macro F1 {f['macro_f1']:.3f} (target ≥ {TARGETS['macro_f1']})")
        for name in ("has_request", "has_feeling", "has_need"):
            out.append(f"{name} accuracy {f[name]:.3f} (target ≥ {TARGETS[name]})")
        out.append(
            f"assertive_clear flagged {self.assertive_flagged}/{self.assertive} = "
            f"{f['assertive_flagged']:.3f} (target ≤ {TARGETS['assertive_flagged']})"
        )
        return out


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "y"}


def read_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Row(
                text=record["text"],
                has_feeling=_flag(record["has_feeling"]),
                has_need=_flag(record["has_need"]),
                has_request=_flag(record["has_request"]),
                issues=frozenset(i.strip() for i in (record.get("issues") or "").split(";") if i.strip()),
                category=(record.get("category") or "").strip(),
            )
            for record in csv.DictReader(handle)
        ]


def evaluate(rows: Iterable[Row], checker: Callable[[str], Feedback] = check) -> Report:
    report = Report()
    for row in rows:
        result = checker(row.text)
        report.rows += 1
        found = result.ids
        for name, counts in report.per_issue.items():
            if name in found and name in row.issues:
                counts.tp += 1
            elif name in found:
                counts.fp += 1
            elif name in row.issues:
                counts.fn += 1
        wrong = found != row.issues
        for name in ("has_feeling", "has_need", "has_request"):
            if getattr(result, name) == getattr(row, name):
                report.correct[name] += 1
            else:
                wrong = True
        if row.category == "assertive_clear":
            report.assertive += 1
            if found:
                report.assertive_flagged += 1
        if wrong:
            report.mistakes.append((row, result))
    return report
