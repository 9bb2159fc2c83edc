"""Reading a text into frames: who is at risk, how, and how close. Pure: no Django import.

Each clause is read for concepts from ``data/crisis_frame.yaml``:

- **harm** — an act of suicide (``act``), means kept for oneself (``purpose``), a wish to
  be dead (``ideation``), feeling a burden, self-harm, finality (goodbyes, "when I'm
  gone"), something already under way (``in_progress``), and weaker signs
  (``act_weak``, ``finality_weak``, ``distress``) that only count beside others;
- **plan** — means, place, time, imminence, preparation, secrecy, intent.

Every harm match gets a **subject** (the writer, or someone else: the nearest subject
before it, or whoever is reported speaking) and a **stance**: negated ("I'm not
suicidal"), asked about ("the nurse asked about thoughts of harming myself"), past and
resolved ("years ago"), inside fiction or news — those drop it — or wished rather than
intended ("I want to kill myself" is ideation, not intent).

Plan concepts are read from the clauses around each harm match (two either side), so a
passage with the risk in the middle is read where the risk is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from bridgework.core.content import load_yaml

FRAME_FILE = Path(__file__).parent / "data" / "crisis_frame.yaml"

HarmKind = Literal[
    "act",
    "purpose",
    "act_weak",
    "ideation",
    "burden",
    "self_harm",
    "finality",
    "finality_weak",
    "distress",
    "in_progress",
]
PlanKind = Literal["means", "place", "time", "imminent", "preparation", "secrecy", "intent"]
Subject = Literal["self", "other"]

# Clauses either side of a harm match whose plan concepts count with it.
WINDOW = 2
# Words before a match read for negation, and for a wish.
_NEGATION_WORDS = 3
_WISH_WORDS = 5
# Characters before a match read for its subject; a bounded look keeps screening linear.
_CONTEXT = 200
# One concept's matches in one text: the first ones decide.
_MAX_MATCHES = 200


def _compile(pattern: str, macros: dict[str, str]) -> str:
    for name, value in macros.items():
        pattern = pattern.replace("{" + name + "}", value)
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc}): {pattern!r}") from None
    return pattern


class Stance(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    negation: str
    question: str
    wish: str
    resolved: str
    no_plan: str
    fiction: str


class Subjects(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    self: str
    other: str
    speech: str


class FrameFile(BaseModel):
    """``data/crisis_frame.yaml``; every pattern must compile once macros are filled in."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    macros: dict[str, str]
    harm: dict[HarmKind, list[str]]
    plan: dict[PlanKind, list[str]]
    stance: Stance
    subjects: Subjects
    other_language: list[str]

    @field_validator("harm", "plan")
    @classmethod
    def _not_empty(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, patterns in value.items():
            if not patterns:
                raise ValueError(f"{name}: needs at least one pattern")
        return value

    @model_validator(mode="after")
    def _patterns_compile(self) -> FrameFile:
        groups = [*self.harm.values(), *self.plan.values(), self.other_language]
        singles = [*self.stance.model_dump().values(), *self.subjects.model_dump().values()]
        for pattern in [p for group in groups for p in group] + singles:
            _compile(pattern, self.macros)
        return self


@dataclass(frozen=True)
class Lexicon:
    harm: dict[str, re.Pattern[str]]
    plan: dict[str, re.Pattern[str]]
    negation: re.Pattern[str]
    question: re.Pattern[str]
    wish: re.Pattern[str]
    resolved: re.Pattern[str]
    no_plan: re.Pattern[str]
    fiction: re.Pattern[str]
    self_subject: re.Pattern[str]
    other_subject: re.Pattern[str]
    speech: re.Pattern[str]
    other_language: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    """The compiled concepts; raises ContentError (file:line) on a bad file."""
    data = load_yaml(FRAME_FILE, FrameFile)

    def one(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{_compile(p, data.macros)})" for p in patterns))

    def single(pattern: str) -> re.Pattern[str]:
        return re.compile(_compile(pattern, data.macros))

    return Lexicon(
        harm={name: one(patterns) for name, patterns in data.harm.items()},
        plan={name: one(patterns) for name, patterns in data.plan.items()},
        negation=single(data.stance.negation),
        question=single(data.stance.question),
        wish=single(data.stance.wish),
        resolved=single(data.stance.resolved),
        no_plan=single(data.stance.no_plan),
        fiction=single(data.stance.fiction),
        self_subject=single(data.subjects.self),
        other_subject=single(data.subjects.other),
        speech=single(data.subjects.speech),
        other_language=one(data.other_language),
    )


@dataclass(frozen=True)
class Harm:
    kind: str
    subject: Subject
    clause: int
    phrase: str


@dataclass
class Frame:
    """What one text says, read clause by clause."""

    harms: list[Harm] = field(default_factory=list)
    # Plan concept -> indexes of the clauses it was found in.
    plan: dict[str, set[int]] = field(default_factory=dict)
    no_plan: bool = False

    def plan_near(self, clause: int) -> set[str]:
        return {
            kind
            for kind, clauses in self.plan.items()
            if any(abs(clause - c) <= WINDOW for c in clauses)
        }


_CLAUSE_BREAK = re.compile(r" \. | (?:, )?but ")


def clause_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    return max((m.end() for m in pattern.finditer(text)), default=-1)


def _subject(lex: Lexicon, before: str, phrase: str) -> Subject:
    """The writer, unless the phrase or the nearest subject before it is someone else."""
    speech = _last_end(lex.speech, before)
    if speech >= 0 and _last_end(lex.other_subject, before[:speech]) >= 0:
        between = before[speech:]
        if " , " not in between and not re.search(r"\b(?:and|but|so) i\b", between):
            return "other"  # their words: "he said 'I won't be a problem much longer'"
    if lex.self_subject.search(phrase):
        return "self"
    if lex.other_subject.search(phrase):
        return "other"
    return "other" if _last_end(lex.other_subject, before) > _last_end(lex.self_subject, before) else "self"


def _dropped(lex: Lexicon, kind: str, clause: str, before: str, phrase: str) -> bool:
    """Negated, asked about, resolved in the past, or fiction that does not name the writer."""
    if kind == "in_progress":
        return bool(lex.negation.search(" ".join(before.split()[-2:])))
    if lex.negation.search(" ".join(before.split()[-_NEGATION_WORDS:])):
        return True
    if lex.question.search(before) or lex.resolved.search(clause):
        return True
    return bool(lex.fiction.search(clause)) and not lex.self_subject.search(phrase)


def read(text: str) -> Frame:
    """The frame of a prepared (normalised, idioms blanked) text."""
    lex = lexicon()
    starts = clause_starts(text)
    frame = Frame(no_plan=bool(lex.no_plan.search(text)))
    for kind, pattern in lex.plan.items():
        for match in islice(pattern.finditer(text), _MAX_MATCHES):
            frame.plan.setdefault(kind, set()).add(bisect.bisect_right(starts, match.start()) - 1)
    for kind, pattern in lex.harm.items():
        for match in islice(pattern.finditer(text), _MAX_MATCHES):
            index = bisect.bisect_right(starts, match.start()) - 1
            clause_start = starts[index]
            clause_end = starts[index + 1] if index + 1 < len(starts) else len(text)
            clause = text[clause_start:clause_end]
            before = text[max(clause_start, match.start() - _CONTEXT) : match.start()]
            phrase = match.group(0)
            if _dropped(lex, kind, clause, before, phrase):
                continue
            found = kind
            if kind == "act" and lex.wish.search(" ".join(before.split()[-_WISH_WORDS:])):
                found = "ideation"  # "I want to kill myself": a wish, not yet intent
            frame.harms.append(Harm(found, _subject(lex, before, phrase), index, phrase.strip()))
    return frame
