"""A small linear model over words and character n-grams: the screener's third pass.

The rules in :mod:`bridgework.screening.crisis` recognise known phrasings, and the net
catches risk words; both miss new ways of saying the same thing. This model, trained
here on the ``train`` rows of ``tests/data/crisis_sentences.csv``
(``python -m bridgework.screening.train_crisis``), scores a clause for crisis language by
its words and spelling fragments, so it also recognises phrasings nobody wrote a rule
for. It only ever raises a clause to ``concern``, after the same idiom, third-person,
news and past-tense gates as the rules.

Inference is plain Python and numpy over the shipped JSON (no pickle, nothing
downloaded) and reproduces scikit-learn's ``TfidfVectorizer`` (sublinear tf, l2 norm)
+ ``FeatureUnion`` + ``LogisticRegression`` exactly; a test checks that.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).parent / "data" / "crisis_model.json"
_WORD = re.compile(r"[a-z']+")
_WHITE = re.compile(r"\s\s+")


def word_features(text: str) -> list[str]:
    """Words, pairs and triples of the normalised text (shared with training)."""
    words = _WORD.findall(text)
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    triples = [f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)]
    return words + pairs + triples


def char_features(text: str, low: int = 3, high: int = 5) -> list[str]:
    """scikit-learn's ``char_wb`` analyser: n-grams inside space-padded words."""
    grams: list[str] = []
    for word in _WHITE.sub(" ", text).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            if n >= length:
                # scikit-learn keeps the whole padded word once, then stops growing n.
                grams.append(padded[:n])
                break
            grams.extend([padded[i : i + n] for i in range(length - n + 1)])
    return grams


@dataclass(frozen=True)
class _Block:
    vocabulary: dict[str, int]
    idf: list[float]
    coef: list[float]

    def contribution(self, features: list[str]) -> float:
        """This block's share of the logit: tf-idf (sublinear, l2-normalised) · coef."""
        vocabulary, idf, coef = self.vocabulary, self.idf, self.coef
        total = norm2 = 0.0
        for feature, count in Counter(features).items():
            index = vocabulary.get(feature)
            if index is None:
                continue
            weight = (1.0 + math.log(count)) * idf[index]
            norm2 += weight * weight
            total += weight * coef[index]
        return total / math.sqrt(norm2) if norm2 else 0.0


@dataclass(frozen=True)
class CrisisModel:
    words: _Block
    chars: _Block
    intercept: float
    threshold: float

    def probability(self, normalised: str) -> float:
        logit = (
            self.intercept
            + self.words.contribution(word_features(normalised))
            + self.chars.contribution(char_features(normalised))
        )
        return 1.0 / (1.0 + math.exp(-logit))


def model_from_dict(data: dict[str, object]) -> CrisisModel:
    def block(raw: object) -> _Block:
        assert isinstance(raw, dict)
        return _Block(
            vocabulary={str(k): int(v) for k, v in raw["vocabulary"].items()},
            idf=[float(x) for x in raw["idf"]],
            coef=[float(x) for x in raw["coef"]],
        )

    intercept = data["intercept"]
    threshold = data["threshold"]
    assert isinstance(intercept, float | int) and isinstance(threshold, float | int)
    return CrisisModel(
        words=block(data["words"]),
        chars=block(data["chars"]),
        intercept=float(intercept),
        threshold=float(threshold),
    )


@cache
def load_model(path: Path = MODEL_FILE) -> CrisisModel:
    return model_from_dict(json.loads(path.read_text(encoding="utf-8")))
