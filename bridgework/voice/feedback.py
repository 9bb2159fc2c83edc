"""Feedback on a message draft: what may get in the way of the ask, with the words as evidence.

Pure module: no Django import. The lexicons and patterns are data, in
``data/feedback.yaml``, checked at load (every pattern must compile; errors name the file
and line). ``check(text)`` returns a ``Feedback``: whether the draft names a feeling, a need
and a concrete request, and the issues found, each with the exact words as evidence, a
tentative note and a kinder alternative.

Rules are simple regular expressions over the lower-cased draft, so a 1,000-character draft
takes well under a millisecond or two; no network, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bridgework.core.content import ContentError, load_yaml, parse_yaml

FEEDBACK_FILE = Path(__file__).parent / "data" / "feedback.yaml"

IssueId = Literal[
    "over_apology",
    "hedging",
    "self_deprecation",
    "preemptive_withdrawal",
    "blame",
    "vague_request",
    "over_justifying",
]
ISSUE_IDS: tuple[str, ...] = (
    "over_apology",
    "hedging",
    "self_deprecation",
    "preemptive_withdrawal",
    "blame",
    "vague_request",
    "over_justifying",
)


def _compile_all(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
    return patterns


class IssueRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: IssueId
    label: str = Field(min_length=3, max_length=80)
    note: str = Field(min_length=10, max_length=400)
    alternative: str = Field(min_length=10, max_length=400)
    patterns: list[str] = []
    patterns_always: list[str] = []
    counted: list[str] = []
    min_count: int = Field(default=0, ge=0)
    needs_no_request: bool = False
    # Also raised, without a request, when one of these issues was found (its words as evidence).
    when_no_request_with: list[IssueId] = []
    unless: list[str] = []

    _check = field_validator("patterns", "patterns_always", "counted", "unless")(_compile_all)


class FeelingRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    openers: list[str] = Field(min_length=1)
    words: list[str] = Field(min_length=20)
    phrases: list[str] = []
    not_feelings: list[str] = []

    _check = field_validator("openers", "phrases", "not_feelings")(_compile_all)


class NeedRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    patterns: list[str] = Field(min_length=1)
    not_needs: list[str] = []

    _check = field_validator("patterns", "not_needs")(_compile_all)


class RequestRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    patterns: list[str] = Field(min_length=1)
    not_requests: list[str] = []

    _check = field_validator("patterns", "not_requests")(_compile_all)


class FeedbackFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    issues: list[IssueRule] = Field(min_length=len(ISSUE_IDS))
    feeling: FeelingRules
    need: NeedRules
    request: RequestRules


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    evidence: list[str]
    note: str
    alternative: str

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Feedback:
    has_feeling: bool
    has_need: bool
    has_request: bool
    issues: list[Issue] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "has_feeling": self.has_feeling,
            "has_need": self.has_need,
            "has_request": self.has_request,
            "issues": [issue.as_json() for issue in self.issues],
        }

    @property
    def ids(self) -> set[str]:
        return {issue.id for issue in self.issues}


# --------------------------------------------------------------------------- compiled rules


def _rx(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation for a list of patterns (one scan instead of many)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.MULTILINE)


def _listed(patterns: list[str]) -> list[re.Pattern[str]]:
    rx = _rx(patterns)
    return [rx] if rx is not None else []


@dataclass(frozen=True)
class _CompiledIssue:
    rule: IssueRule
    patterns: list[re.Pattern[str]]
    always: list[re.Pattern[str]]
    counted: list[re.Pattern[str]]
    unless: re.Pattern[str] | None


@dataclass(frozen=True)
class Rules:
    issues: list[_CompiledIssue]
    feeling: re.Pattern[str]
    feeling_phrases: re.Pattern[str] | None
    not_feeling: re.Pattern[str] | None
    need: re.Pattern[str]
    not_need: re.Pattern[str] | None
    request: re.Pattern[str]
    not_request: re.Pattern[str] | None


def compile_rules(data: FeedbackFile) -> Rules:
    words = sorted({w.strip().lower() for w in data.feeling.words}, key=len, reverse=True)
    openers = "|".join(f"(?:{o})" for o in data.feeling.openers)
    word_rx = "|".join(re.escape(w) for w in words)
    return Rules(
        issues=[
            # One alternation per list: a single scan is several times faster than one per
            # pattern (where two patterns overlap, the leftmost match is the evidence).
            # Counted reasons stay separate: overlapping markers each count.
            _CompiledIssue(
                rule=rule,
                patterns=_listed(rule.patterns),
                always=_listed(rule.patterns_always),
                counted=[re.compile(p, re.MULTILINE) for p in rule.counted],
                unless=_rx(rule.unless),
            )
            for rule in data.issues
        ],
        feeling=re.compile(rf"(?:{openers}) (?:{word_rx})\b"),
        feeling_phrases=_rx(data.feeling.phrases),
        not_feeling=_rx(data.feeling.not_feelings),
        need=re.compile("|".join(f"(?:{p})" for p in data.need.patterns)),
        not_need=_rx(data.need.not_needs),
        request=re.compile("|".join(f"(?:{p})" for p in data.request.patterns), re.MULTILINE),
        not_request=_rx(data.request.not_requests),
    )


def load_rules(path: Path = FEEDBACK_FILE) -> FeedbackFile:
    """Load and check the rules file: every pattern compiles, each issue id once."""
    loaded = load_yaml(path, FeedbackFile)
    seen: set[str] = set()
    for index, rule in enumerate(loaded.issues):
        if rule.id in seen:
            _, lines = parse_yaml(path.read_text(encoding="utf-8"), path)
            raise ContentError(path, lines.get(("issues", index, "id")), f"issues.{index}.id: {rule.id!r} is used twice")
        seen.add(rule.id)
    missing = set(ISSUE_IDS) - seen
    if missing:
        raise ContentError(path, None, f"issues: missing {sorted(missing)}")
    return loaded


@cache
def rules() -> Rules:
    return compile_rules(load_rules())


@cache
def rule_texts() -> dict[str, IssueRule]:
    """The label, note and alternative of each issue, by id (for pages that list them)."""
    return {rule.id: rule for rule in load_rules().issues}


# --------------------------------------------------------------------------- checking


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces (evidence is quoted from this text)."""
    return re.sub(r"[ \t]+", " ", text.translate(_QUOTES).lower()).strip()


def _overlaps(span: tuple[int, int], vetoes: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in vetoes)


def _spans(rx: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)] if rx else []


def _matches(patterns: list[re.Pattern[str]], text: str, vetoes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for rx in patterns:
        for m in rx.finditer(text):
            if m.end() > m.start() and not _overlaps(m.span(), vetoes):
                found.append(m.span())
    return found


def _evidence(text: str, spans: list[tuple[int, int]]) -> list[str]:
    # Merge overlapping spans; keep them in reading order; no duplicates.
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    for start, end in merged:
        # A pattern's tail may stop inside a word: show the whole word.
        while end < len(text) and (text[end].isalnum() or text[end] == "'"):
            end += 1
        words = text[start:end].strip(" ,;:")
        if words and words not in out:
            out.append(words)
    return out


def _any(rx: re.Pattern[str], text: str, vetoes: list[tuple[int, int]]) -> bool:
    return any(not _overlaps(m.span(), vetoes) for m in rx.finditer(text))


def check(text: str, *, compiled: Rules | None = None) -> Feedback:
    """Feedback on one draft. Never raises on odd input; an empty draft has no issues."""
    r = compiled or rules()
    low = normalise(text or "")
    if not low:
        return Feedback(has_feeling=False, has_need=False, has_request=False)

    not_feeling = _spans(r.not_feeling, low)
    has_feeling = _any(r.feeling, low, not_feeling) or bool(r.feeling_phrases and r.feeling_phrases.search(low))
    has_need = _any(r.need, low, _spans(r.not_need, low))
    has_request = _any(r.request, low, _spans(r.not_request, low))

    issues: list[Issue] = []
    for item in r.issues:
        rule = item.rule
        vetoes = _spans(item.unless, low)
        spans = _matches(item.always, low, vetoes)
        if not (rule.needs_no_request and has_request):
            spans += _matches(item.patterns, low, vetoes)
        if rule.when_no_request_with and not has_request:
            for issue in issues:
                if issue.id in rule.when_no_request_with:
                    spans += [(m.start(), m.end()) for words in issue.evidence for m in [re.search(re.escape(words), low)] if m]
        counted = _matches(item.counted, low, vetoes)
        if rule.min_count and len(counted) >= rule.min_count:
            spans += counted
        if spans:
            issues.append(
                Issue(
                    id=rule.id,
                    label=rule.label,
                    evidence=_evidence(low, spans),
                    note=rule.note,
                    alternative=rule.alternative,
                )
            )
    return Feedback(has_feeling=has_feeling, has_need=has_need, has_request=has_request, issues=issues)
