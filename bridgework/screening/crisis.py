"""Crisis-language screening of free text. Pure: no Django import.

``screen(text)`` is the one function every save of free text goes through (via
``bridgework.safety.services.screen_texts``). It never blocks saving and never
diagnoses; it only decides whether help should be shown at once, and which help.

Levels, after the Columbia Suicide Severity Rating Scale's screener:

- ``urgent`` — something already under way; or intent or a plan: an act of suicide,
  finality or means kept for oneself, next to means, place, time, preparation, secrecy
  or intent; or a wish to be dead next to means and a time;
- ``concern`` — a wish to be dead or not to wake, thoughts of suicide without a plan,
  feeling a burden, self-harm or its urges;
- ``none`` — everything else, including denial ("I'm not suicidal"), recovery ("years
  ago"), figures of speech, fiction and news, and everyday life.

``about`` says whose risk it is: ``self``, or ``other`` when the writer describes
someone else at risk (then the help is how to help them). ``in_progress`` marks an
emergency under way (then the help leads with the emergency number).

How: the text is normalised (:mod:`.normalise`), read into a frame of concepts per
clause (:mod:`.frame`, the concepts are data in ``data/crisis_frame.yaml``), and
:func:`decide` turns each clause's harm and the plan around it into the frame's level.
A learned reader (:mod:`.learned`) rates the same text, and its combiner weighs both
readings into the level, whose risk it is and whether it is under way. Cost is linear in
the text: no pattern has nested quantifiers, each looks back a bounded number of
characters, and the learned reader reads windows of bounded size.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import numpy as np

from .frame import WINDOW, Frame, Harm, Subject, lexicon, read
from .learned import load_model
from .normalise import prepare
from .wordscan import find_all

Level = Literal["none", "concern", "urgent"]
About = Literal["self", "other"]
LEVELS: tuple[Level, ...] = ("none", "concern", "urgent")
_RANK: dict[Level, int] = {"none": 0, "concern": 1, "urgent": 2}


@dataclass(frozen=True)
class Screening:
    level: Level
    # The phrases that raised the level, for tests and evaluation; never stored.
    matches: tuple[str, ...] = field(default_factory=tuple)
    # An emergency already under way (pills taken, cutting now, on the ledge).
    in_progress: bool = False
    # Whose risk: the writer's own, or someone else's they are worried about.
    about: About = "self"

    @property
    def crisis(self) -> bool:
        """Help should be shown: the writer's own crisis, or someone else's."""
        return self.level != "none"

    @property
    def help_kind(self) -> Literal["none", "emergency", "crisis", "other"]:
        """Which help to show first: call now, the person's own plan, or how to help."""
        if not self.crisis:
            return "none"
        if self.in_progress:
            return "emergency"
        return "other" if self.about == "other" else "crisis"


_SUICIDAL = frozenset({"act", "finality"})
# Harm said outright ("I want to die", "I took the pills"): the combiner weighs it.
_EXPLICIT = frozenset({"act", "ideation", "self_harm", "in_progress"})
# A line or two: the learned reader has little to go on there.
_SHORT = 100
# Below this combined probability of crisis the frame's reading is set aside.
_UNLIKELY = 0.15
# The frame's plan (harm with means, time or preparation, for the writer, with no stance
# that softens it) stands from this combined probability up, below the usual threshold:
# "Told her I'd see her shortly. Left the house keys next door." The learned reader's
# doubt about whose risk it is still rules it out (a friend's plan is not the writer's).
_PLAN_STANDS = 0.4  # 0.1 under the crisis threshold (0.5 since the eighth session)
_IDEATION = frozenset({"ideation", "burden"})
_WEAK = frozenset({"act_weak", "finality_weak", "distress"})
_MEANS_OR_PLACE = frozenset({"means", "place"})
# Stances read from one loose word ("news", "dose"): the learned reader has the last word.
_LOOSE = frozenset({"fiction", "routine"})
_CONCRETE = frozenset({"means", "place", "preparation", "secrecy"})
_WHEN = frozenset({"time", "intent"})


def decide(
    harms: set[str],
    plan: set[str],
    *,
    no_plan: bool = False,
    strong: int = 0,
    preparations: int = 0,
) -> tuple[Level, bool]:
    """The level of one clause's harm with the plan around it, and whether it is under way.

    ``strong`` counts the distinct suicidal and finality phrases nearby: two goodbyes
    ("my final entry", "I've said my goodbyes") are a plan in themselves.
    ``preparations`` counts distinct preparations nearby.
    """
    if "in_progress" in harms:
        return "urgent", True
    suicidal = bool(harms & _SUICIDAL) or ("purpose" in harms and bool(plan & _MEANS_OR_PLACE))
    ideation = bool(harms & _IDEATION)
    readied = "readied" in harms
    if readied:
        plan = plan | {"means"}
    weak = bool(harms & _WEAK) or (readied and bool(plan & {"secrecy", "time", "intent"}))
    if suicidal and "imminent" in plan and plan & _MEANS_OR_PLACE:
        return "urgent", True
    if (suicidal or ideation) and "imminent" in plan and not no_plan:
        return "urgent", False
    if "self_harm" in harms and "imminent" in plan and not no_plan:
        return "urgent", False
    urgent = (
        (suicidal and bool(plan))
        or (ideation and weak and bool(plan & (_CONCRETE | _WHEN)))
        or (ideation and bool(plan & _CONCRETE) and bool(plan & _WHEN))
        or (weak and "means" in plan and bool(plan & (_WHEN | {"secrecy"})))
        or (ideation and len(plan) >= 3)
        # Wishing to die with a gun, a rope or charcoal to hand: access to lethal means.
        or (ideation and "lethal" in plan)
        or ("finality" in harms and (strong >= 2 or bool(harms & (_WEAK | _IDEATION))))
        or (len(harms & _WEAK) >= 2 and bool(plan & _WHEN))
        or (weak and "preparation" in plan and plan >= _WHEN)
        or (weak and bool(plan & {"preparation", "means"}) and "secrecy" in plan)
        or (weak and {"time", "secrecy"} <= plan)
        or (weak and {"means", "place"} <= plan)
        or (weak and {"place", "preparation"} <= plan)
        or ("finality_weak" in harms and (plan >= _WHEN or "preparation" in plan))
        or (weak and {"means", "preparation"} <= plan)
        or (weak and preparations >= 2)
    )
    if urgent and not no_plan:
        return "urgent", False
    if suicidal or ideation or readied or "self_harm" in harms or urgent:
        return "concern", False
    if weak and "preparation" in plan:
        return "concern", False
    return "none", False


def _level_for(frame: Frame, subject: Subject) -> tuple[Level, bool, list[Harm]]:
    by_clause: dict[int, list[Harm]] = {}
    for harm in frame.harms:
        if harm.subject == subject:
            by_clause.setdefault(harm.clause, []).append(harm)
    best: Level = "none"
    in_progress = False
    raised: list[Harm] = []
    for clause in sorted(by_clause):
        near = [
            h for c in range(clause - WINDOW, clause + WINDOW + 1) for h in by_clause.get(c, [])
        ]
        strong = len({h.phrase for h in near if h.kind in _SUICIDAL})
        level, under_way = decide(
            {h.kind for h in near},
            frame.plan_near(clause),
            no_plan=frame.no_plan,
            strong=strong,
            preparations=frame.count_near("preparation", clause),
        )
        in_progress = in_progress or under_way
        if level != "none":
            raised += by_clause[clause]
        if _RANK[level] > _RANK[best]:
            best = level
    return best, in_progress, raised


def _means_readied(frame: Frame) -> bool:
    """Lethal means got ready in secret, or with a purpose, even with no word of harm."""
    return any(
        {"means", "secrecy"} <= frame.plan_near(c)
        and bool(frame.plan_near(c) & {"preparation", "intent"})
        for c in frame.plan.get("means", set())
    )


def _readied_plan(frame: Frame) -> bool:
    """Means or a place got ready with a time, secrecy or intent, with no word of harm.

    A rope and "tonight"; pills saved up with letters and a day; a bridge checked out
    "while nobody is around". Not when the clause has an everyday purpose or is fiction.
    """
    for kind in ("lethal", "means", "place"):
        for clause in frame.plan.get(kind, set()):
            window = range(clause - WINDOW, clause + WINDOW + 1)
            if any(c in frame.routine for c in window):
                continue
            near = frame.plan_near(clause)
            when = near & {"time", "secrecy", "intent", "imminent"}
            if kind == "lethal" and when and (near & {"time", "imminent", "preparation"}):
                return True
            if "preparation" in near and len(when) >= 2:
                return True
    return False


def _prepared_in_secret(frame: Frame) -> Level:
    """Affairs put in order and kept secret ("updated my will… she needn't know why yet")."""
    best: Level = "none"
    for clause in frame.plan.get("preparation", set()):
        if "secrecy" in frame.plan_near(clause):
            if frame.count_near("preparation", clause) >= 2:
                return "urgent"
            best = "concern"
    return best


@dataclass(frozen=True)
class FrameVerdict:
    """What the frame alone decided, and what it saw, for the combiner."""

    screening: Screening
    # Harm phrases it set aside (denied, asked about, resolved, fiction, routine).
    set_aside: bool
    # Harm phrases about the writer that it kept.
    kept_harm: bool
    stances: frozenset[str]
    # The writer said it outright ("I tried to kill myself", "I want to die"), unnegated.
    explicit: bool = False
    # The writer's own self-harm has come back (``Frame.came_back``).
    came_back: bool = False


def screen_frame(text: str) -> FrameVerdict:
    """The frame's own verdict on ``text`` (see the module docstring)."""
    return _verdict(prepare(text))


def _verdict(prepared: str) -> FrameVerdict:
    frame = read(prepared)
    level, in_progress, raised = _level_for(frame, "self")
    explicit = level != "none" and any(
        h.subject == "self" and h.kind in _EXPLICIT for h in frame.harms
    )
    if level == "none" and (_means_readied(frame) or _readied_plan(frame)):
        level = "urgent"
    if level == "none":
        level = _prepared_in_secret(frame)
    about: About = "self"
    if level == "none":
        level, in_progress, raised = _level_for(frame, "other")
        about = "other" if level != "none" else "self"
    matches = tuple(dict.fromkeys(h.phrase for h in raised))
    return FrameVerdict(
        screening=Screening(level=level, matches=matches, in_progress=in_progress, about=about),
        set_aside=frame.dropped > 0,
        kept_harm=any(h.subject == "self" for h in frame.harms),
        stances=frozenset(frame.stances),
        explicit=explicit,
        came_back=frame.came_back(),
    )


def combiner_features(
    scores: np.ndarray, spans: np.ndarray, near: np.ndarray, verdict: FrameVerdict, length: int
) -> np.ndarray:
    """The combiner's inputs, in the order of :data:`.learned.COMBINER_INPUTS`:
    ``scores`` and ``spans`` are the learned reader's most worrying window and span,
    ``near`` the memory reading of that window (:class:`.learned.Neighbours`)."""
    frame = verdict.screening
    own = frame.about == "self"
    return np.array(
        [
            scores[0] + scores[1],
            scores[1],
            scores[2],
            scores[3],
            spans[0] + spans[1],
            spans[1],
            own and frame.level == "concern",
            own and frame.level == "urgent",
            not own and frame.level != "none",
            own and frame.in_progress,
            verdict.explicit,
            verdict.set_aside,
            verdict.kept_harm,
            "resolved" in verdict.stances,
            "fiction" in verdict.stances,
            "routine" in verdict.stances,
            "no_plan" in verdict.stances,
            math.log1p(length),
            *near,
        ],
        dtype=float,
    )


def screen(text: str) -> Screening:
    """Screen one text. Never raises on odd input; ``text`` may be any length or script.

    The last few results are cached, because pages re-screen the text they show.
    """
    if not isinstance(text, str) or not text.strip():
        return Screening(level="none")
    return _screen_cached(text)


@lru_cache(maxsize=64)
def _screen_cached(text: str) -> Screening:
    prepared = prepare(text)
    verdict = _verdict(prepared)
    frame = verdict.screening
    short = len(text) <= _SHORT
    if short and verdict.set_aside and not verdict.kept_harm and not verdict.stances & _LOOSE:
        return frame  # a line that only denies or looks back: "I would never kill myself"
    model = load_model()
    scores, spans, near = model.read_all(prepared)
    crisis, urgent = model.combine(combiner_features(scores, spans, near, verdict, len(text)))
    combined = _combined(text, frame, scores, crisis, urgent, model.thresholds)
    # The frame's reading stands, where it is more serious, for harm said outright in a
    # line or two (little for the learned reader to go on), an emergency under way and
    # someone else's risk: unless the combined reading finds a crisis most unlikely
    # (a game character who "jumped off a cliff", "five years ago I took an overdose").
    # An attempt told in a line or two stands even then (``_attempt_told``), and so does an
    # emergency both readers see under way (the frame, and the learned reader's own head):
    # "took 40 of nan's sleeping tablets. don't ring anyone. i'm fine." reads, to the
    # memory, much like the everyday "i'm fine" lines it was trained on. So does harm said
    # outright that has come back after a long gap (``_back_again``).
    back = _back_again(verdict)  # explicit by definition
    stands = (
        (short and verdict.explicit)
        or back
        or frame.in_progress
        or frame.about == "other"
        or _plan_stands(verdict, scores, crisis, model.thresholds)
    )
    likely = (
        crisis >= _UNLIKELY
        or (combined.level == "none" and (_attempt_told(verdict, short) or back))
        or (frame.in_progress and scores[3] >= model.thresholds["in_progress"])
    )
    if stands and likely and _RANK[frame.level] > _RANK[combined.level]:
        return frame
    return combined


def _plan_stands(
    verdict: FrameVerdict, scores: np.ndarray, crisis: float, limit: dict[str, float]
) -> bool:
    """The writer's own plan as the frame reads it, nothing set aside or softened, which the
    combined reading finds about as likely as not (see :data:`_PLAN_STANDS`)."""
    frame = verdict.screening
    return (
        frame.level == "urgent"
        and frame.about == "self"
        and verdict.kept_harm
        and not verdict.stances - {"current"}
        and crisis >= _PLAN_STANDS
        and scores[2] < limit["other"]
    )


def _attempt_told(verdict: FrameVerdict, short: bool) -> bool:
    """A line or two telling of the writer's own attempt ("I tried to kill myself last
    year"), not set in the past as resolved: a past attempt is the strongest known sign of
    risk (the C-SSRS screener asks about it on its own), so it is at least a concern."""
    frame = verdict.screening
    return (
        short
        and verdict.explicit
        and frame.level != "none"
        and frame.about == "self"
        and "attempted" in verdict.stances
        and "resolved" not in verdict.stances
    )


def _back_again(verdict: FrameVerdict) -> bool:
    """The writer's own self-harm said outright, and that it has come back ("self-harmed
    after the hearing. First time in years."): a relapse is a time of raised risk, whatever
    a long ordinary entry around it says. Over the measured sets every such statement was a
    crisis."""
    frame = verdict.screening
    return verdict.explicit and frame.level != "none" and frame.about == "self" and verdict.came_back


def _combined(
    text: str, frame: Screening, scores: np.ndarray, crisis: float, urgent: float, limit: dict[str, float]
) -> Screening:
    """The combiner's decision; the learned heads say whose risk and whether it is under way."""
    if crisis >= limit["crisis"]:
        level: Level = "urgent" if urgent >= limit["urgent"] else "concern"
        # Whose risk: the learned reader tells a friend's "she has pills" from the
        # writer's own far better than the frame's nearest-subject rule.
        about: About = "other" if scores[2] >= limit["other"] else "self"
        in_progress = bool(scores[3] >= limit["in_progress"]) or frame.in_progress
        return Screening(
            level="urgent" if in_progress else level,
            matches=frame.matches if about == frame.about else (),
            in_progress=in_progress,
            about=about,
        )
    other_script = _other_language(text)
    if other_script:
        return Screening(level="concern", matches=(other_script.group(0),))
    return Screening(level="none")


def _other_language(text: str) -> re.Match[str] | None:
    """Crisis words in another language (searched only where a string they all need is)."""
    lex = lexicon()
    folded = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    needs = lex.other_language_needs
    if needs is not None and not any(part in folded for part in needs):
        return None
    return next(find_all(lex.other_language, lex.other_language_finder, folded), None)
