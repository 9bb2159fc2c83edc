"""The learned second reader of crisis screening. Pure: no Django import.

The frame (:mod:`.frame`) reads concepts a person wrote in words it knows; it misses
risk said in words nobody listed. This module is a linear model over word pairs and
character pieces, trained by :mod:`.train_crisis` on every labelled set in
``tests/data`` (several thousand statements written by people who never saw the
rules), that rates any wording by how close it is to what those people wrote:

- ``level``: none, concern or urgent, for the writer's own risk;
- ``other``: someone else is at risk and the writer wants to help;
- ``in_progress``: an attempt or self-harm is happening now.

Then a small *combiner* weighs the model's rating against the frame's (its level and
whether it set harm words aside as denied, resolved, fiction or routine) to decide.
Both stages are learned; their weights are data in ``data/crisis_model.npz``, and
everything here is arithmetic a reader can follow.

Features are computed here exactly as scikit-learn's ``TfidfVectorizer`` computes them
in training (``word`` 1–2-grams and ``char_wb`` 2–5-grams, sublinear tf, l2 norm); a
test checks the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).parent / "data" / "crisis_model.npz"

# Heads of the first stage, in the column order of ``coef``.
HEADS = ("concern", "urgent", "other", "in_progress")
# Inputs of the combiner, in order; ``combiner_features`` builds them.
COMBINER_INPUTS = (
    "model_crisis",
    "model_urgent",
    "model_other",
    "model_in_progress",
    "span_crisis",
    "span_urgent",
    "frame_concern",
    "frame_urgent",
    "frame_other",
    "frame_in_progress",
    "frame_explicit",
    "frame_set_aside",
    "frame_kept_harm",
    "stance_resolved",
    "stance_fiction",
    "stance_routine",
    "stance_no_plan",
    "log_length",
)

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
# The model reads windows of about this many characters; a long text is read window by
# window (each overlapping the last by a sentence) and the most worrying window counts.
WINDOW_CHARS = 1000
# A long entry's risk often sits in one sentence among ordinary ones, where a whole
# window's words outweigh it; the model also reads spans of a few sentences, and each
# sentence on its own ("I'm going back there Thursday to jump" among a day's news).
SPAN_CHARS = 280
# Spans are read inside this many of a long text's most worrying windows.
SPAN_WINDOWS = 8
_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
# Distinct words whose character features are remembered (about 100 bytes each).
_CACHE_WORDS = 200_000


def word_features(text: str) -> list[str]:
    """scikit-learn's ``word`` analyzer with ``ngram_range=(1, 2)``."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def char_features(text: str, low: int = 2, high: int = 5) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer: character n-grams inside padded words."""
    grams: list[str] = []
    append = grams.append
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            if length <= n:
                # A short word is counted once, whole, as scikit-learn does.
                append(padded)
                break
            for start in range(length - n + 1):
                append(padded[start : start + n])
    return grams


@dataclass(frozen=True)
class CrisisModel:
    word_vocabulary: dict[str, int]
    char_vocabulary: dict[str, int]
    word_idf: np.ndarray
    char_idf: np.ndarray
    # (features, heads): word features first, then character features.
    coef: np.ndarray
    intercept: np.ndarray  # (heads,)
    # Combiner: one row of weights per decision (crisis, urgent), with intercepts.
    combiner_coef: np.ndarray  # (2, len(COMBINER_INPUTS))
    combiner_intercept: np.ndarray  # (2,)
    thresholds: dict[str, float]
    # Word -> its character features' indexes, filled as texts are read.
    char_cache: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def _word_indexes(self, text: str) -> list[int]:
        vocabulary = self.word_vocabulary
        return [i for g in word_features(text) if (i := vocabulary.get(g, -1)) >= 0]

    def _char_indexes(self, text: str) -> list[int]:
        """Character features by word, each word's looked up once per process."""
        cache = self.char_cache
        found: list[int] = []
        for word in _SPACES.sub(" ", text.lower()).split():
            indexes = cache.get(word)
            if indexes is None:
                vocabulary = self.char_vocabulary
                indexes = [i for g in char_features(word) if (i := vocabulary.get(g, -1)) >= 0]
                if len(cache) < _CACHE_WORDS:
                    cache[word] = indexes
            found += indexes
        return found

    @staticmethod
    def _tfidf(indexes: list[int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Unique feature indexes and their l2-normalised sublinear tf-idf values."""
        unique, counts = np.unique(np.array(indexes, dtype=np.int64), return_counts=True)
        values = (1.0 + np.log(counts)) * idf[unique]
        norm = float(np.sqrt(values @ values))
        return unique, values / norm if norm else values

    def scores(self, text: str) -> np.ndarray:
        """The four heads' probabilities for one window of text."""
        logits = self.intercept.copy()
        words = self._word_indexes(text)
        if words:
            unique, values = self._tfidf(words, self.word_idf)
            logits += values @ self.coef[unique]
        chars = self._char_indexes(text)
        if chars:
            unique, values = self._tfidf(chars, self.char_idf)
            logits += values @ self.coef[unique + len(self.word_vocabulary)]
        # Level is one three-way choice (none / concern / urgent); the rest are yes/no.
        level = np.exp(np.array([0.0, logits[0], logits[1]]) - max(0.0, logits[0], logits[1]))
        level /= level.sum()
        binary = 1.0 / (1.0 + np.exp(-logits[2:]))
        return np.array([level[1], level[2], binary[0], binary[1]])

    def read_both(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The heads for the most worrying window of ``text``, and for its most worrying
        span of a few sentences. A very long text's spans are read only inside its
        ``SPAN_WINDOWS`` most worrying windows, which bounds the cost."""
        scored = sorted(
            ((self.scores(window), window) for window in windows(text)),
            key=lambda pair: float(pair[0][0] + pair[0][1]),
            reverse=True,
        )
        if not scored:
            empty = np.zeros(len(HEADS))
            return empty, empty
        whole = scored[0][0]
        if len(text) <= SPAN_CHARS:
            spans = sentences(text)
            return (whole, whole) if len(spans) < 2 else (whole, self._most_worrying([text, *spans]))
        spans = [
            span
            for _, window in scored[:SPAN_WINDOWS]
            for span in (*windows(window, SPAN_CHARS), *sentences(window))
        ]
        return whole, self._most_worrying(spans)

    def _most_worrying(self, pieces: list[str]) -> np.ndarray:
        best: np.ndarray | None = None
        for piece in pieces:
            found = self.scores(piece)
            if best is None or found[0] + found[1] > best[0] + best[1]:
                best = found
        return best if best is not None else np.zeros(len(HEADS))

    def combine(self, inputs: np.ndarray) -> tuple[float, float]:
        """The combiner's probability of crisis, and of urgency, from its inputs."""
        logits = self.combiner_coef @ inputs + self.combiner_intercept
        crisis, urgent = 1.0 / (1.0 + np.exp(-logits))
        return float(crisis), float(urgent)


def windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """Windows of about ``size`` characters, each overlapping the last by a sentence."""
    if len(text) <= size:
        return [text]
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    out: list[str] = []
    current: list[str] = []
    used = 0
    for sentence in sentences:
        if len(sentence) > size:
            # One huge "sentence": cut it into pieces of the window's length.
            if current:
                out.append(" ".join(current))
            out.extend(sentence[i : i + size] for i in range(0, len(sentence), size // 2))
            current, used = [], 0
            continue
        if current and used + len(sentence) > size:
            out.append(" ".join(current))
            current, used = current[-1:], len(current[-1])
        current.append(sentence)
        used += len(sentence) + 1
    if current:
        out.append(" ".join(current))
    return out


def sentences(text: str, size: int = SPAN_CHARS) -> list[str]:
    """Each sentence of ``text`` on its own; one longer than ``size`` is cut into pieces."""
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if sentence.strip():
            out.extend(sentence[i : i + size] for i in range(0, len(sentence), size))
    return out


def model_from_arrays(data: dict[str, np.ndarray]) -> CrisisModel:
    heads = tuple(str(h) for h in data["heads"])
    inputs = tuple(str(i) for i in data["combiner_inputs"])
    if heads != HEADS or inputs != COMBINER_INPUTS:
        raise ValueError(f"{MODEL_FILE}: heads or combiner inputs differ from the code; retrain")
    words = [str(w) for w in data["word_vocabulary"]]
    chars = [str(c) for c in data["char_vocabulary"]]
    return CrisisModel(
        word_vocabulary={w: i for i, w in enumerate(words)},
        char_vocabulary={c: i for i, c in enumerate(chars)},
        word_idf=data["word_idf"].astype(float),
        char_idf=data["char_idf"].astype(float),
        coef=data["coef"].astype(float),
        intercept=data["intercept"].astype(float),
        combiner_coef=data["combiner_coef"].astype(float),
        combiner_intercept=data["combiner_intercept"].astype(float),
        thresholds={str(k): float(v) for k, v in zip(data["threshold_names"], data["threshold_values"], strict=True)},
    )


@cache
def load_model(path: Path = MODEL_FILE) -> CrisisModel:
    with np.load(path, allow_pickle=False) as data:
        return model_from_arrays({key: data[key] for key in data.files})
