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
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from bridgework.core.content import load_yaml

from .wordscan import WordScanner, opening_finder, required_strings

FRAME_FILE = Path(__file__).parent / "data" / "crisis_frame.yaml"

HarmKind = Literal[
    "act",
    "readied",
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
PlanKind = Literal["means", "lethal", "place", "time", "imminent", "preparation", "secrecy", "intent"]
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
    routine: str
    fiction: str
    attempted: str
    current: str


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
    # Every harm, plan and clause-wide stance pattern, named "harm:act", "plan:time",
    # "stance:resolved"…, in one scanner: one pass over the words of a text.
    scanner: WordScanner
    negation: re.Pattern[str]
    question: re.Pattern[str]
    wish: re.Pattern[str]
    self_subject: re.Pattern[str]
    other_subject: re.Pattern[str]
    speech: re.Pattern[str]
    other_language: re.Pattern[str]
    # Strings one of which every match of ``other_language`` contains (None: none known),
    # and a search for where it can start.
    other_language_needs: frozenset[str] | None = None
    other_language_finder: re.Pattern[str] | None = None


@cache
def lexicon() -> Lexicon:
    """The compiled concepts; raises ContentError (file:line) on a bad file."""
    data = load_yaml(FRAME_FILE, FrameFile)

    def single(pattern: str) -> re.Pattern[str]:
        return re.compile(_compile(pattern, data.macros))

    scanner = WordScanner()
    stance = data.stance
    groups = {
        **{f"harm:{kind}": patterns for kind, patterns in data.harm.items()},
        **{f"plan:{kind}": patterns for kind, patterns in data.plan.items()},
        "stance:resolved": [stance.resolved],
        "stance:fiction": [stance.fiction],
        "stance:no_plan": [stance.no_plan],
        "stance:routine": [stance.routine],
        "stance:attempted": [stance.attempted],
        "stance:current": [stance.current],
    }
    for name, patterns in groups.items():
        for pattern in patterns:
            scanner.add(name, _compile(pattern, data.macros))
    return Lexicon(
        scanner=scanner,
        negation=single(stance.negation),
        question=single(stance.question),
        wish=single(stance.wish),
        self_subject=single(data.subjects.self),
        other_subject=single(data.subjects.other),
        speech=single(data.subjects.speech),
        other_language=re.compile("|".join(data.other_language)),
        other_language_needs=required_strings("|".join(data.other_language)),
        other_language_finder=opening_finder("|".join(data.other_language)),
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
    # Plan concept -> (clause, phrase) of every distinct match: several preparations
    # ("rehomed the dog, paid off what I owed, deleted my accounts") weigh more than one.
    plan_hits: dict[str, set[tuple[int, str]]] = field(default_factory=dict)
    no_plan: bool = False
    # Clauses with an everyday purpose (a prescription, a sport): plan words there are routine.
    routine: set[int] = field(default_factory=set)
    # Harm phrases set aside by their stance (negated, asked about, resolved, fiction).
    dropped: int = 0
    # Clause-wide stances seen anywhere: resolved, fiction, routine, no_plan, attempted,
    # current.
    stances: set[str] = field(default_factory=set)
    # Clauses saying harm has come back ("relapsed", "first time in years").
    current: set[int] = field(default_factory=set)

    def came_back(self) -> bool:
        """The writer's own self-harm, next to words saying it has come back, and nothing
        in the text setting it in the past: "Self-harmed after the hearing. First time in
        years." (not "Back in 2015 I relapsed and cut myself, years ago now")."""
        return "resolved" not in self.stances and any(
            h.subject == "self" and h.kind == "self_harm" and abs(h.clause - c) <= 1
            for h in self.harms
            for c in self.current
        )

    def count_near(self, kind: str, clause: int) -> int:
        hits = self.plan_hits.get(kind, set())
        return sum(1 for c, _ in hits if abs(c - clause) <= WINDOW)

    def plan_near(self, clause: int) -> set[str]:
        window = range(clause - WINDOW, clause + WINDOW + 1)
        return {kind for kind, clauses in self.plan.items() if any(c in clauses for c in window)}


_CLAUSE_BREAK = re.compile(r" \. | (?:, )?but ")
_WORD = re.compile(r"[a-z0-9']+")


def clause_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]


@dataclass(frozen=True)
class _Words:
    """Where the text names the writer, someone else, and reported speech: the start of
    every such word, in order."""

    selves: list[int]
    others: list[int]
    speeches: list[int]

    @classmethod
    def of(cls, lex: Lexicon, text: str) -> _Words:
        words = cls([], [], [])
        lists = {"self": words.selves, "other": words.others, "speech": words.speeches}
        kinds = _KINDS.get
        for token in _WORD.finditer(text):
            word = token.group(0)
            kind = kinds(word)
            if kind is None:
                kind = _word_kind(lex, word)
            if kind:
                lists[kind].append(token.start())
        return words

    @staticmethod
    def last(positions: list[int], before: int) -> int:
        """The start of the last of these words that starts before ``before`` (-1: none)."""
        index = bisect.bisect_left(positions, before)
        return positions[index - 1] if index else -1


_KINDS: dict[str, str] = {}


def _word_kind(lex: Lexicon, word: str) -> str:
    kind = _KINDS.get(word)
    if kind is None:
        if lex.self_subject.fullmatch(word):
            kind = "self"
        elif lex.other_subject.fullmatch(word):
            kind = "other"
        elif lex.speech.fullmatch(word):
            kind = "speech"
        else:
            kind = ""
        if len(_KINDS) < 100_000:
            _KINDS[word] = kind
    return kind


def _subject(
    lex: Lexicon, text: str, words: _Words, match: re.Match[str], low: int
) -> Subject:
    """The writer, unless the phrase or the nearest subject before it is someone else.

    ``low`` is where the clause (or the bounded look back) begins.
    """
    start = match.start()
    phrase_kinds = {_word_kind(lex, w) for w in match.group(0).split()}
    speech = words.last(words.speeches, start)
    if speech >= low and words.last(words.others, speech + 1) >= low:
        between = text[speech:start]
        if " , " not in between and not re.search(r"\b(?:and|but|so) i\b", between):
            return "other"  # their words: "he said 'I won't be a problem much longer'"
    if "self" in phrase_kinds:
        return "self"
    if "other" in phrase_kinds:
        return "other"
    me = words.last(words.selves, start)
    other = words.last(words.others, start)
    return "other" if other >= low and other > me else "self"


def _dropped(lex: Lexicon, kind: str, stances: set[str], before: str, phrase: str) -> bool:
    """Negated, asked about, resolved in the past, or fiction that does not name the writer."""
    last = before.split()
    if kind == "in_progress":
        return bool(lex.negation.search(" ".join(last[-2:])))
    if lex.negation.search(" ".join(last[-_NEGATION_WORDS:])):
        return True
    if "resolved" in stances and "relaps" not in phrase:  # "relapsed after a year clean"
        return True
    if "routine" in stances and kind in ("act_weak", "purpose", "distress", "readied"):
        return True
    if ("ask" in before or "question" in before) and lex.question.search(before):
        return True
    return "fiction" in stances and not any(_word_kind(lex, w) == "self" for w in phrase.split())


def read(text: str) -> Frame:
    """The frame of a prepared (normalised, idioms blanked) text."""
    lex = lexicon()
    starts = clause_starts(text)

    def clause_of(position: int) -> int:
        return bisect.bisect_right(starts, position) - 1

    frame = Frame()
    stances: dict[int, set[str]] = {}
    found: list[tuple[str, re.Match[str]]] = []
    for name, match in lex.scanner.finditer(text):
        group, _, kind = name.partition(":")
        if group == "stance":
            frame.no_plan = frame.no_plan or kind == "no_plan"
            if kind in ("routine", "fiction", "resolved"):
                frame.routine.add(clause_of(match.start()))
            if kind == "current":
                frame.current.add(clause_of(match.start()))
            stances.setdefault(clause_of(match.start()), set()).add(kind)
            frame.stances.add(kind)
        elif group == "plan":
            index = clause_of(match.start())
            frame.plan.setdefault(kind, set()).add(index)
            hits = frame.plan_hits.setdefault(kind, set())
            if len(hits) < _MAX_MATCHES:
                hits.add((index, match.group(0)))
        else:
            found.append((kind, match))
    words: _Words | None = None  # read only if some harm phrase stands
    counts: dict[str, int] = {}
    for kind, match in found:
        if counts.get(kind, 0) >= _MAX_MATCHES:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        index = clause_of(match.start())
        low = max(starts[index], match.start() - _CONTEXT)
        before = text[low : match.start()]
        phrase = match.group(0)
        if _dropped(lex, kind, stances.get(index, set()), before, phrase):
            frame.dropped += 1
            continue
        harm = kind
        if kind == "act" and lex.wish.search(" ".join(before.split()[-_WISH_WORDS:])):
            harm = "ideation"  # "I want to kill myself": a wish, not yet intent
        if words is None:
            words = _Words.of(lex, text)
        subject = _subject(lex, text, words, match, low)
        frame.harms.append(Harm(harm, subject, index, phrase.strip()))
    return frame
