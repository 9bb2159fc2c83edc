"""The progression rule of the help ladder, as plain functions. Pure: no Django import.

**The rule.** A step is *mastered* once it has two attempts that each

1. peaked at a discomfort of **30 or less**, *or* at **no more than half** of the
   discomfort the person expected for the step (exactly 30 and exactly half both count), and
2. ended with the feared outcome **not happening** ("partly" does not count yet).

The two attempts need not be in a row: a hard day in between is part of practising and
does not reset anything. A step with attempts that is not mastered is *practising*; a
step without attempts is *not tried*, which is a perfectly good place to be.

**The person decides.** An override stored on the step always wins: "mastered" marks a
step mastered whatever the attempts say, "practising" keeps it open even when the rule
says it is mastered. The next suggested step is the first step in the person's own ladder
order that is not mastered.

Why two attempts and why "half": exposure teaches most when a prediction is tested and
turns out wrong, and one good day can be luck. Two calm attempts where the feared
thing did not happen are a small but real piece of evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

Status = Literal["not_tried", "practising", "mastered"]
Override = Literal["", "mastered", "practising"]
FearedHappened = Literal["no", "partly", "yes"]

CALM_PEAK = 30  # a peak at or below this always counts as calm enough
ATTEMPTS_NEEDED = 2

STATUS_LABELS: dict[str, str] = {
    "not_tried": "Not tried yet",
    "practising": "Practising",
    "mastered": "Mastered",
}


@dataclass(frozen=True)
class AttemptFacts:
    """The parts of an attempt the rule looks at."""

    peak: int
    feared_happened: FearedHappened | str
    happened_on: date | None = None


def qualifies(attempt: AttemptFacts, expected_discomfort: int) -> bool:
    """Does this one attempt count toward mastering a step?"""
    calm = attempt.peak <= CALM_PEAK or 2 * attempt.peak <= expected_discomfort
    return calm and attempt.feared_happened == "no"


def _chronological(attempts: Iterable[AttemptFacts]) -> list[AttemptFacts]:
    # Attempts without a date keep their given order after the dated ones.
    return sorted(attempts, key=lambda a: (a.happened_on is None, a.happened_on or date.min))


def qualifying_count(expected_discomfort: int, attempts: Iterable[AttemptFacts]) -> int:
    return sum(1 for attempt in attempts if qualifies(attempt, expected_discomfort))


def rule_mastered_on(expected_discomfort: int, attempts: Iterable[AttemptFacts]) -> date | None:
    """The date of the attempt that completed mastery by the rule, or None.

    Returns ``date.min`` if mastery was reached by attempts without a date.
    """
    seen = 0
    for attempt in _chronological(attempts):
        if qualifies(attempt, expected_discomfort):
            seen += 1
            if seen == ATTEMPTS_NEEDED:
                return attempt.happened_on or date.min
    return None


def step_status(
    expected_discomfort: int, attempts: Sequence[AttemptFacts], override: Override | str = ""
) -> Status:
    """Where a step stands: not tried, practising or mastered (the override wins)."""
    return status_from_counts(
        len(attempts), qualifying_count(expected_discomfort, attempts), override
    )


def status_from_counts(attempts: int, qualifying: int, override: Override | str = "") -> Status:
    """``step_status`` from counts the database added up (how many attempts, how many qualify)."""
    if override == "mastered":
        return "mastered"
    if override != "practising" and qualifying >= ATTEMPTS_NEEDED:
        return "mastered"
    return "practising" if attempts else "not_tried"


def next_suggested(statuses: Sequence[Status]) -> int | None:
    """Index of the next step to practise: the first one (in ladder order) not mastered."""
    return next((index for index, status in enumerate(statuses) if status != "mastered"), None)
