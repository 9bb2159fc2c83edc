"""Recognising hyper-independent thought patterns in free text. Pure: no Django import.

``recognise(text)`` returns the patterns that seem present, best first, each with the
phrase that triggered it and a score in [0, 1]. The pattern ids are a contract (they
appear in ``bridgework screen`` output): see ``PATTERN_IDS``.

Two parts work together:

- a small linear model (TF-IDF over words and word pairs, one logistic regression per
  pattern) trained by ``bridgework/screening/train_patterns.py`` on the ``train`` rows of
  ``tests/data/pattern_sentences.csv`` and shipped as ``data/pattern_model.json``;
  inference here needs only numpy, so nothing is downloaded and no pickle is loaded;
- hand-written cue phrases per pattern, which point at the exact words that triggered a
  pattern and nudge its score up.

Each sentence is scored separately, and a short entry also as a whole (``readings``); the
evidence is the sentence in which a pattern scored highest. Cost is linear in the text
length.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from bridgework.core.content import load_yaml

DATA_DIR = Path(__file__).parent / "data"
MODEL_FILE = DATA_DIR / "pattern_model.json"
CONTENT_FILE = DATA_DIR / "patterns.yaml"

PATTERN_IDS: tuple[str, ...] = (
    "help_aversion",
    "neediness_stigma",
    "vulnerability_guarding",
    "rejection_fear",
    "competence_mask",
    "control",
    "self_reliance_rule",
    "doing_it_alone",
    "pushing_away",
    "praise_dismissal",
    "numbness",
)

# Only so much text is worth scoring per entry; patterns are about tone, not volume.
_MAX_SENTENCES = 400
_MAX_EVIDENCE = 160
# Entries of up to this many sentences are also read whole (``readings``).
_WHOLE_MAX = 8


@dataclass(frozen=True)
class PatternMatch:
    id: str
    evidence: str
    score: float


class PatternInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=3)
    about: str = Field(min_length=20)
    reframe: str = Field(min_length=20)


class PatternContent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    patterns: dict[str, PatternInfo]


@cache
def pattern_info() -> dict[str, PatternInfo]:
    """Names, descriptions and reframe prompts; raises ContentError on a bad file."""
    content = load_yaml(CONTENT_FILE, PatternContent).patterns
    if set(content) != set(PATTERN_IDS):
        from bridgework.core.content import ContentError

        raise ContentError(CONTENT_FILE, None, f"patterns must be exactly {sorted(PATTERN_IDS)}")
    return content


# ------------------------------------------------------------------------ features

_CONTRACTIONS = [
    (re.compile(r"n['\u2019]t\b"), " not"),
    (re.compile(r"['\u2019]m\b"), " am"),
    (re.compile(r"['\u2019]re\b"), " are"),
    (re.compile(r"['\u2019]ve\b"), " have"),
    (re.compile(r"['\u2019]ll\b"), " will"),
    (re.compile(r"['\u2019]d\b"), " would"),
    (re.compile(r"['\u2019]s\b"), ""),
]
_WORD = re.compile(r"[a-z]+")
_SENTENCE = re.compile(r"(?<=[.!?;\n])\s+|\s+(?:but|and yet|though)\s+")


def _words(text: str) -> list[str]:
    text = text.lower().replace("can't", "can not").replace("won't", "will not")
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return _WORD.findall(text)


def analyse(text: str) -> list[str]:
    """Features for the model: words and adjacent word pairs. Shared with training."""
    words = _words(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE.split(text) if p and p.strip()]
    return parts[:_MAX_SENTENCES]


def readings(parts: list[str]) -> list[str]:
    """What the model scores: each sentence, and a short entry's sentences read together
    (a behaviour is often told across two: "Sam offered to drive. I said I'd manage.").
    Measured on sets written blind (tenth session, README "Patterns, tenth session"): on
    the new dev set PE, by itself, "any pattern" F1 0.868 → 0.876, top two 0.739 → 0.757,
    weakest pattern 0.449 → 0.509."""
    if 1 < len(parts) <= _WHOLE_MAX:
        return [*parts, " ".join(parts)]
    return parts


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class LinearModel:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (patterns, features)
    intercept: np.ndarray
    thresholds: np.ndarray

    def _row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's feature indexes and TF-IDF values like scikit-learn's (sublinear tf,
        l2 norm), for the features it has."""
        counts: dict[int, int] = {}
        for feature in analyse(text):
            index = self.vocabulary.get(feature)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        indexes = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=float))) * self.idf[indexes]
        norm = float(np.sqrt(values @ values))
        return indexes, values / norm if norm else values

    def transform(self, texts: list[str]) -> np.ndarray:
        """Dense TF-IDF rows (for tests against scikit-learn)."""
        matrix = np.zeros((len(texts), len(self.idf)))
        for row, text in enumerate(texts):
            indexes, values = self._row(text)
            matrix[row, indexes] = values
        return matrix

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Like ``transform(texts) @ coef.T``, touching only the features each text has."""
        logits = np.tile(self.intercept, (len(texts), 1))
        for row, text in enumerate(texts):
            indexes, values = self._row(text)
            logits[row] += self.coef[:, indexes] @ values
        return 1.0 / (1.0 + np.exp(-logits))


def model_from_dict(data: dict[str, object]) -> LinearModel:
    if data.get("patterns") != list(PATTERN_IDS):
        raise ValueError(f"{MODEL_FILE}: pattern ids do not match PATTERN_IDS; retrain")
    vocabulary = data["vocabulary"]
    assert isinstance(vocabulary, dict)
    return LinearModel(
        vocabulary={str(k): int(v) for k, v in vocabulary.items()},
        idf=np.asarray(data["idf"], dtype=float),
        coef=np.asarray(data["coef"], dtype=float),
        intercept=np.asarray(data["intercept"], dtype=float),
        thresholds=np.asarray(data["thresholds"], dtype=float),
    )


@cache
def load_model(path: Path = MODEL_FILE) -> LinearModel:
    return model_from_dict(json.loads(path.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------- cue phrases

_ASK = r"ask(?:ing)?(?: \w+){0,3} (?:for )?(?:help|a favou?r|favou?rs|support|a hand|assistance|directions)"
CUES: dict[str, re.Pattern[str]] = {
    pid: re.compile(pattern, re.IGNORECASE)
    for pid, pattern in {
        "help_aversion": (
            r"\b(?:hate|avoid(?:ed)?|never|not|wouldn't|won't|couldn't|can't stand|afraid of|scared of|dread)(?: \w+){0,4} "
            + _ASK
            + r"|\b"
            + _ASK
            + r" (?:feels|makes me feel|means|is|would be)(?: like)?(?: a| an)? (?:fail\w*|weak|admitting\w*|defeat|humiliating)"
            + r"|\brather\b.{0,40}\bthan ask|\bthought of (?:needing|asking)"
        ),
        "neediness_stigma": (
            r"\bneedy\b|\bpathetic\b|\bclingy\b|\bweak (?:people|person)\b|\bsign of weakness\b"
            r"|\b(?:needing|having needs|wanting (?:support|comfort|attention))\b.{0,30}\b(?:weak|shame\w*|embarrass\w*|childish|flaw|pathetic)"
            r"|\bashamed\b.{0,25}\b(?:want|need)\w*|\bmy needs (?:are|do not|don't)"
        ),
        "vulnerability_guarding": (
            r"\bkept (?:my feelings|it|everything|quiet)\b|\bto myself\b|\bbottle\w*\b|\bguard up\b"
            r"|\b(?:said|told \w+)(?: that)? (?:i was |i'm |everything was |it was )?(?:fine|okay|ok)\b"
            r"|\bnever (?:talk|let|admit|show)\w*\b|\bopening up\b|\bhid(?:e|ing)? (?:my|that)\b|\bchanged the subject\b|\barm's length\b"
        ),
        "rejection_fear": (
            r"\bagainst me\b|\b(?:always|eventually|will) (?:leave|walk away|pull away)\b|\bbetray\w*|\btake\w* advantage\b"
            r"|\breject\w*|\blet me down\b|\blet down\b|\babandon\w*|\bstrings attached\b|\bhold it over\b|\bgot burned\b|\bexploit\w*"
        ),
        "competence_mask": (
            r"\bstrong one\b|\b(?:have|has) it (?:all )?together\b|\bkeep it together\b|\bheld it together\b|\bfall(?:ing)? apart\b"
            r"|\bpretend\w*|\bfraud\b|\bkeep up (?:the act|appearances)\b|\bappear(?: to be)? in control\b|\bthe rock\b|\bcapable one\b|\bgot (?:it|everything) handled\b"
        ),
        "control": (
            r"\bin control\b|\bcontrol\b|\bin charge\b|\bmy way\b|\bevery (?:minute|detail)\b|\broutine\b|\bpredict\w*"
            r"|\bmicromanag\w*|\bspreadsheet\b|\bscripted\b|\bsurprises\b|\bover-?plan\w*|\bbackup plan\b|\btook over\b"
        ),
        "self_reliance_rule": (
            r"\bonly (?:person|one|thing) (?:i can|that has)\b|\b(?:rely|relying|depend\w*|count\w*) on (?:no one|nobody|anyone|anybody|others|people)\b"
            r"|\b(?:do not|don't|never) need (?:anyone|anybody)\b|\bonly have yourself\b|\bon my own\b|\bmyself to\b|\bsave myself\b|\bcount on no one\b"
        ),
        "doing_it_alone": (
            r"\boffer\w*\b|\bturned down\b|\bdeclined\b|\brefused\b|\bwaved off\b|\bbrushed (?:her|him|them) off\b"
            r"|\bno thanks\b|\bdo it (?:all )?(?:myself|alone)\b|\bi(?:'ll| will) (?:sort it|manage|do it)\b|\bwouldn't let (?:him|her|them) help\b|\bshut out\b"
        ),
        "pushing_away": (
            r"\bpush\w* (?:people|them|him|her|everyone) away\b|\bpull(?:ed)? away\b|\bghosted\b|\bpicked a fight\b|\bstarted a fight\b"
            r"|\bwent (?:quiet|silent|cold)\b|\bdistan\w*|\bsabotag\w*|\bwithdr[ae]w\w*|\bgot (?:close|closer|serious|too real|personal)\b|\bbreak\w* (?:it|things) off\b|\bback off\b"
        ),
        "praise_dismissal": (
            r"\bcompliment\w*|\bprais\w*|\bjust being nice\b|\b(?:got )?lucky\b|\bluck\b|\bdon't deserve\b|\bdownplay\w*"
            r"|\blaughed it off\b|\bproud of me\b|\bbrushed (?:it )?off\b|\bnot a big deal\b|\bkind words\b|\bdon't buy it\b"
        ),
        "numbness": (
            r"\bnumb\w*|\bfeel(?:ing)? (?:nothing|blank|empty|hollow|unreal|flat)\b|\bnot feel(?:ing)? (?:anything|a thing)\b|\bwithout feeling a thing\b"
            r"|\bautopilot\b|\bdisconnected\b|\bdetached\b|\bgoing through the motions\b|\b(?:zoned|spaced) out\b|\bswitched off\b|\bglass wall\b|\bcut off from\b"
        ),
    }.items()
}
# A cue alone is not enough; it lifts the model's score by this much.
_CUE_BONUS = 0.25


def reading_scores(model: LinearModel, parts: list[str]) -> np.ndarray:
    """Each reading of ``parts`` (``readings``: the sentences, then maybe the whole) by
    pattern: the model's probability, lifted by ``_CUE_BONUS`` where a cue phrase is in it.
    ``recognise`` and the training's choice of thresholds score through this one function."""
    read = readings(parts)
    cues = np.array([[bool(CUES[pid].search(text)) for pid in PATTERN_IDS] for text in read])
    return model.predict_proba(read) + _CUE_BONUS * cues


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_EVIDENCE else text[: _MAX_EVIDENCE - 1].rstrip() + "…"


def recognise(text: str, *, limit: int | None = None) -> list[PatternMatch]:
    """Patterns found in ``text``, best first; at most ``limit`` when given.

    Never raises on odd input (empty, huge, any script or emoji).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    parts = sentences(text)
    if not parts:
        return []
    model = load_model()
    scores = reading_scores(model, parts)
    found: list[PatternMatch] = []
    for column, pid in enumerate(PATTERN_IDS):
        best_score = float(scores[:, column].max())
        # The evidence is always one sentence: the best of them, even when the entry read
        # whole scored highest (a whole entry cut at 160 characters can miss the point).
        best_evidence = parts[int(np.argmax(scores[: len(parts), column]))]
        if best_score >= model.thresholds[column]:
            found.append(PatternMatch(pid, _trim(best_evidence), round(min(best_score, 1.0), 3)))
    found.sort(key=lambda match: match.score, reverse=True)
    return found[:limit] if limit is not None else found
