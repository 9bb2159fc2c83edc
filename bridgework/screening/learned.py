"""The learned second reader of crisis screening. Pure: no Django import.

The frame (:mod:`.frame`) reads concepts a person wrote in words it knows; it misses
risk said in words nobody listed. This module is a linear model over word pairs and
character pieces, trained by :mod:`.train_crisis` on every labelled set in
``tests/data`` (several thousand statements written by people who never saw the
rules), that rates any wording by how close it is to what those people wrote:

- ``level``: none, concern or urgent, for the writer's own risk;
- ``other``: someone else is at risk and the writer wants to help;
- ``in_progress``: an attempt or self-harm is happening now.

A third reading is by memory: the training statements nearest to the text (cosine of
their word tf-idf vectors, :class:`Neighbours`), and how many of them were a crisis. A
linear model weighs each word on its own, so a short everyday line can borrow a large
weight from two words ("do not see", "they would"); its nearest statements, read whole,
are everyday lines, and that pulls it back.

Then a small *combiner* weighs the model's rating and the nearest statements against the
frame's (its level and whether it set harm words aside as denied, resolved, fiction or
routine) to decide.
Both stages are learned; their weights are data in ``data/crisis_model.npz``, and
everything here is arithmetic a reader can follow.

Features are computed here exactly as scikit-learn's ``TfidfVectorizer`` computes them
in training (``word`` 1–2-grams and ``char_wb`` 2–5-grams, sublinear tf, l2 norm); a
test checks the two agree.
"""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import accumulate, chain, pairwise
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

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
    # The memory reading (:class:`Neighbours`).
    "near_crisis_max",
    "near_none_max",
    "near_crisis_top",
    "near_none_top",
    "near_crisis_share",
    "near_urgent_share",
    "near_margin",
)
# How many nearest training statements the memory reading looks at.
NEAR = 5
NEAR_INPUTS = 7

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
# The model reads windows of about this many characters; a long text is read window by
# window (each overlapping the last by a sentence) and the most worrying window counts.
WINDOW_CHARS = 1000
# A long entry's risk often sits in one sentence among ordinary ones, where a whole
# window's words outweigh it; the model also reads spans of a few sentences.
SPAN_CHARS = 280
# Spans are read inside this many of a long text's most worrying windows.
SPAN_WINDOWS = 8
_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")
_NON_SPACE = re.compile(r"\S+")
# Distinct words whose character features are remembered (about 100 bytes each), and
# the longest word remembered (a longer one is rarely met again, and is quick to read).
_CACHE_WORDS = 200_000
_CACHE_WORD_CHARS = 64
# A text with more distinct words than this that no text before had is read all at
# once, as it comes, its words not remembered one by one.
_MANY_NEW_WORDS = 2000


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
    # The training statements, for the memory reading (None: a model without them).
    near: Neighbours | None = field(default=None, compare=False, repr=False)
    # Word -> its character features' indexes, filled as texts are read.
    char_cache: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)
    # Word -> all its features (:class:`_Word`), filled as texts are read.
    word_cache: dict[str, _Word] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _pairs(self) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """The vocabulary's word pairs as a sorted table: an id for every token that is
        part of a pair, each pair's key ``first id * count + second id`` in order, and
        its index. A pair of tokens is in the vocabulary exactly when its key is here."""
        ids: dict[str, int] = {}
        pairs: list[tuple[int, int, int]] = []
        for feature, index in self.word_vocabulary.items():
            parts = feature.split(" ")
            if len(parts) == 2 and parts[0] and parts[1]:
                first = ids.setdefault(parts[0], len(ids))
                second = ids.setdefault(parts[1], len(ids))
                pairs.append((first, second, index))
        table = np.array(pairs, dtype=np.int64).reshape(-1, 3)
        keys = table[:, 0] * len(ids) + table[:, 1]
        order = np.argsort(keys, kind="stable")
        return ids, keys[order], table[order, 2]

    @cached_property
    def _char_table(self) -> _CharTable | None:
        return _CharTable.of(self.char_vocabulary)

    def _word(self, word: str) -> _Word:
        """One whitespace-separated word's features, each word's computed once per process."""
        found = self.word_cache.get(word)
        return found if found is not None else self._words([word])[word]

    def _words(self, words: list[str]) -> dict[str, _Word]:
        """The features of whitespace-separated words (:class:`_Word`), those not seen
        before computed all together (:meth:`_new_words`) and remembered."""
        cache = self.word_cache
        fresh = self._remember([word for word in dict.fromkeys(words) if word not in cache])
        return {word: cache.get(word) or fresh[word] for word in words}

    def _remember(self, new: list[str]) -> dict[str, _Word]:
        """The features of distinct words not seen before, computed all together
        (:meth:`_new_words`) and remembered (as many as there is room for)."""
        if not new:
            return {}
        made = dict(zip(new, self._new_words(new), strict=True))
        cache = self.word_cache
        room = _CACHE_WORDS - len(cache)
        for word, features in made.items():
            if room <= 0:
                break
            if len(word) <= _CACHE_WORD_CHARS:
                cache[word] = features
                room -= 1
        return made

    def _new_words(self, words: list[str]) -> list[_Word]:
        """Features of words (:class:`_Word`), as :meth:`_one_word` finds each, computed
        for all at once (:meth:`_features_of_words`)."""
        found = self._features_of_words(words)
        token_offsets, char_offsets = found.token_offsets, found.char_offsets
        unigrams, token_ids, chars = found.unigrams, found.token_ids, found.chars
        new = tuple.__new__  # a _Word, without NamedTuple's __new__ (many are made)
        return [
            new(_Word, (unigrams[8 * t0 : 8 * t1], token_ids[8 * t0 : 8 * t1], chars[8 * c0 : 8 * c1], t1 - t0, c1 - c0))
            for t0, t1, c0, c1 in zip(token_offsets, token_offsets[1:], char_offsets, char_offsets[1:], strict=False)
        ]

    def _features_of_words(self, words: list[str]) -> _Features:
        """The features of a run of words (no whitespace in them), one after the other,
        as :meth:`_one_word` finds each: the words are joined by single spaces into one
        padded string, whose character n-grams without a space inside are exactly the
        words' padded n-grams, all looked up in a few array operations
        (:class:`_CharTable`)."""
        table = self._char_table
        joined = f" {' '.join(words)} "
        if table is None or not words or joined.lower() != joined:
            return _Features.join([self._one_word(word) for word in words])
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        spaces = np.flatnonzero(codes == 32)  # word k is joined[spaces[k] + 1 : spaces[k + 1]]
        # Character features: each gram's word, then its length, then its place (the
        # order :func:`char_features` lists them in).
        starts, chars = table.find(codes)
        owner = np.searchsorted(spaces, starts, side="right") - 1
        order = np.argsort(owner, kind="stable")
        char_offsets = np.searchsorted(owner.take(order), np.arange(len(words) + 1)).tolist()
        # Tokens, and their indexes in the vocabulary and in the pair table: a word of
        # letters and digits only is one token (two characters or more), as ``_TOKEN``
        # (``\w`` is a letter, a digit or "_") reads it.
        split = [((word,) if len(word) > 1 else ()) if word.isalnum() else _TOKEN.findall(word) for word in words]
        tokens = list(chain.from_iterable(split))
        vocabulary = self.word_vocabulary
        ids = self._pairs[0]
        return _Features(
            token_offsets=list(accumulate(map(len, split), initial=0)),
            char_offsets=char_offsets,
            unigrams=array("q", [vocabulary.get(t, -1) for t in tokens]).tobytes(),
            token_ids=array("q", [ids.get(t, -1) for t in tokens]).tobytes(),
            chars=chars.take(order).tobytes(),
        )

    def _one_word(self, word: str) -> _Word:
        """One word's features, read as :func:`word_features` and :func:`char_features`
        read it (the reference for :meth:`_new_words`)."""
        vocabulary = self.word_vocabulary
        ids = self._pairs[0]
        tokens = _TOKEN.findall(word)
        chars = [i for g in char_features(word) if (i := self.char_vocabulary.get(g, -1)) >= 0]
        # int64 bytes ("q": a C long long, as numpy's int64), quicker than numpy here.
        return _Word(
            unigrams=array("q", [vocabulary.get(t, -1) for t in tokens]).tobytes(),
            token_ids=array("q", [ids.get(t, -1) for t in tokens]).tobytes(),
            chars=array("q", chars).tobytes(),
            token_count=len(tokens),
            char_count=len(chars),
        )

    def _bigrams(self, token_ids: np.ndarray) -> np.ndarray:
        """The vocabulary index (-1: none) of each pair of neighbouring tokens."""
        ids, keys, indexes = self._pairs
        if len(token_ids) < 2 or not len(keys):
            return np.full(max(len(token_ids) - 1, 0), -1, dtype=np.int64)
        first, second = token_ids[:-1], token_ids[1:]
        wanted = first * len(ids) + second
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        found = (first >= 0) & (second >= 0) & (keys[at] == wanted)
        return np.where(found, indexes[at], -1)

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
    def _tfidf(indexes: list[int] | np.ndarray, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Unique feature indexes and their l2-normalised sublinear tf-idf values."""
        unique, counts = _unique_counts(np.asarray(indexes, dtype=np.int64))
        values = (1.0 + np.log(counts)) * idf.take(unique)
        norm = float(np.sqrt(values @ values))
        return unique, values / norm if norm else values

    def scores(self, text: str) -> np.ndarray:
        """The four heads' probabilities for one window of text."""
        return self._scores_of(self._word_indexes(text), self._char_indexes(text))

    def _scores_of(self, words: list[int] | np.ndarray, chars: list[int] | np.ndarray) -> np.ndarray:
        """The four heads' probabilities from a text's word and character feature indexes
        (with repeats, in any order; only the vocabulary's features)."""
        # ``take`` copies the same rows as indexing does, several times faster.
        logits = self.intercept.copy()
        if len(words):
            unique, values = self._tfidf(words, self.word_idf)
            logits += values @ self.coef.take(unique, axis=0)
        if len(chars):
            unique, values = self._tfidf(chars, self.char_idf)
            logits += values @ self.coef.take(unique + len(self.word_vocabulary), axis=0)
        # Level is one three-way choice (none / concern / urgent); the rest are yes/no.
        level = np.exp(np.array([0.0, logits[0], logits[1]]) - max(0.0, logits[0], logits[1]))
        level /= level.sum()
        binary = 1.0 / (1.0 + np.exp(-logits[2:]))
        return np.array([level[1], level[2], binary[0], binary[1]])

    @cached_property
    def _idf(self) -> np.ndarray:
        """Word then character idf, indexed like the rows of ``coef``."""
        return np.concatenate((self.word_idf, self.char_idf))

    def _scores_many(self, features: list[tuple[list[np.ndarray], list[np.ndarray]]]) -> np.ndarray:
        """:meth:`_scores_of` of many texts' features at once, one row each: the same
        arithmetic on the same numbers (counted, logged and weighted all together, since
        each number's result depends on that number alone; the sums, where the order
        matters, one text at a time as before), in a few calls instead of many."""
        # Each text's words and characters, keyed apart: (2 * text + part) * size + feature.
        size = len(self.coef)
        parts: list[np.ndarray] = []
        shifts: list[int] = []
        for number, (word_parts, char_parts) in enumerate(features):
            parts += word_parts
            shifts += [2 * number * size] * len(word_parts)
            parts += char_parts
            # Character features follow the words in ``coef``.
            shifts += [(2 * number + 1) * size + len(self.word_vocabulary)] * len(char_parts)
        keys = np.concatenate(parts) + np.repeat(shifts, [len(part) for part in parts])
        unique, counts = _unique_counts(keys)
        groups, columns = np.divmod(unique, size)
        values = (1.0 + np.log(counts)) * self._idf.take(columns)
        rows = self.coef.take(columns, axis=0)
        bounds = np.searchsorted(groups, np.arange(2 * len(features) + 1)).tolist()
        # Each text's word part, then its character part (zero where a part is empty:
        # adding 0.0 changes no logit).
        added = np.zeros((2 * len(features), len(HEADS)))
        for group, (start, end) in enumerate(pairwise(bounds)):
            if start != end:
                part = values[start:end]
                norm = math.sqrt(part @ part)  # as float(np.sqrt(...)): IEEE square root
                np.matmul(part / norm if norm else part, rows[start:end], out=added[group])
        logits = (self.intercept + added[0::2]) + added[1::2]
        # The three-way level and the two yes/no heads, as :meth:`_scores_of` computes them.
        level = np.zeros((len(features), 3))
        level[:, 1:] = logits[:, :2]
        level = np.exp(level - np.maximum(np.maximum(logits[:, 0], 0.0), logits[:, 1])[:, None])
        level /= ((level[:, 0] + level[:, 1]) + level[:, 2])[:, None]
        binary = 1.0 / (1.0 + np.exp(-logits[:, 2:]))
        return np.column_stack((level[:, 1], level[:, 2], binary))

    def read_all(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The heads for the most worrying window of ``text``, the heads for its most
        worrying span of a few sentences, and the memory reading (:class:`Neighbours`) of
        that window: ``NEAR_INPUTS`` numbers, in the order of ``COMBINER_INPUTS``. A very
        long text's spans are read only inside its ``SPAN_WINDOWS`` most worrying windows,
        which bounds the cost.

        The text's features are computed once and each window and span reads its own
        stretch of them (:class:`_Reading`): the same numbers as reading each window's
        and span's string on its own (:meth:`_read_all_strings`), which a text that
        lower-casing would change still takes (the prepared texts screening reads are
        lower case already)."""
        if text.lower() != text:
            return self._read_all_strings(text)
        reading = _Reading(self, text)
        windows_ = reading.windows()
        if len(windows_) == 1 and len(text) > SPAN_CHARS:
            # One window: its spans are known already, so all are scored in one go.
            reading.score_all([*windows_, *reading.spans(windows_[0])])
        else:
            reading.score_all(windows_)
        scored = _worst_first((reading.scores(window), window) for window in windows_)
        memory = self.nearest(np.concatenate(reading.features(scored[0][1])[0])) if scored else _NOWHERE
        decided = _decided(scored, len(text))
        if decided is not None:
            return (*decided, memory)
        whole = scored[0][0]
        spans = [span for _, window in scored[:SPAN_WINDOWS] for span in reading.spans(window)]
        reading.score_all(spans)
        best: np.ndarray | None = None
        for span in spans:
            found = reading.scores(span)
            if best is None or found[0] + found[1] > best[0] + best[1]:
                best = found
        return whole, best if best is not None else np.zeros(len(HEADS)), memory

    def _read_all_strings(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`read_all`, each window and span read as a string of its own."""
        scored = _worst_first((self.scores(window), window) for window in windows(text))
        memory = self.nearest(np.array(self._word_indexes(scored[0][1]))) if scored else _NOWHERE
        decided = _decided(scored, len(text))
        if decided is not None:
            return (*decided, memory)
        whole = scored[0][0]
        spans = [span for _, window in scored[:SPAN_WINDOWS] for span in windows(window, SPAN_CHARS)]
        return whole, self._most_worrying(spans), memory

    def nearest(self, word_indexes: np.ndarray) -> np.ndarray:
        """The memory reading of a window from its word feature indexes (with repeats)."""
        if self.near is None or not len(word_indexes):
            return _NOWHERE
        return self.near.read(*self._tfidf(word_indexes, self.word_idf))

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


# The memory reading of a text that shares no word with any training statement.
_NOWHERE = np.zeros(NEAR_INPUTS)
_NOWHERE.setflags(write=False)


@dataclass(frozen=True)
class Neighbours:
    """Every training statement's word tf-idf vector (l2-normalised, as the first stage
    reads words), stored by feature: the statements with word feature ``f`` are
    ``rows[starts[f]:starts[f + 1]]``, with their values in ``values``. The first
    ``crises`` statements are the crises (concern or urgent), the rest everyday;
    ``urgent`` marks each urgent one. A text's cosine with every statement then costs
    one pass over the statements that share a feature with it."""

    starts: np.ndarray
    rows: np.ndarray
    values: np.ndarray
    crises: int
    urgent: np.ndarray

    def read(self, features: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Nearest crisis and nearest everyday statements to a text's (unique, l2-normalised)
        word features: the best cosine of each, the mean of each's ``NEAR`` best, which
        share of the ``NEAR`` nearest overall were a crisis and urgent, and the margin."""
        first, stop = self.starts[features].tolist(), self.starts[features + 1].tolist()
        counts = [b - a for a, b in zip(first, stop, strict=True)]
        if not sum(counts):
            return _NOWHERE
        rows = np.concatenate([self.rows[a:b] for a, b in zip(first, stop, strict=True)])
        values = np.concatenate([self.values[a:b] for a, b in zip(first, stop, strict=True)])
        cosine = np.bincount(rows, weights=np.repeat(weights, counts) * values, minlength=len(self.urgent))
        crisis, none = cosine[: self.crises], cosine[self.crises :]
        nearest_crises = np.argpartition(crisis, len(crisis) - NEAR)[-NEAR:]
        crisis_top = crisis[nearest_crises]
        none_top = np.partition(none, len(none) - NEAR)[-NEAR:]
        # The NEAR nearest overall, from the NEAR nearest of each kind (a crisis first
        # where two are as near).
        both = np.concatenate((crisis_top, none_top))
        nearest = np.argsort(-both, kind="stable")[:NEAR]
        urgent = np.concatenate((self.urgent[nearest_crises], np.zeros(NEAR, dtype=bool)))
        return np.array(
            [
                crisis_top.max(),
                none_top.max(),
                crisis_top.mean(),
                none_top.mean(),
                (nearest < NEAR).mean(),
                urgent[nearest].mean(),
                crisis_top.max() - none_top.max(),
            ]
        )


def _worst_first[Piece](pairs: Iterable[tuple[np.ndarray, Piece]]) -> list[tuple[np.ndarray, Piece]]:
    """Windows (strings, or stretches of a text) with their heads, the most worrying
    (concern and urgent together) first; windows as worrying keep their order."""
    return sorted(pairs, key=lambda pair: float(pair[0][0] + pair[0][1]), reverse=True)


def _decided[Piece](scored: list[tuple[np.ndarray, Piece]], length: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The reading, where the windows alone decide it: no window (zeros), or a text no
    longer than a span (its window is its span); None: its spans are to be read."""
    if not scored:
        empty = np.zeros(len(HEADS))
        return empty, empty
    if length <= SPAN_CHARS:
        return scored[0][0], scored[0][0]
    return None


class _Word(NamedTuple):
    """One whitespace-separated word's features, as :func:`word_features` and
    :func:`char_features` find them in any text it is part of: its tokens' vocabulary
    indexes (-1: not in it) and ids in the model's pair table, and its character
    features' indexes (in the vocabulary only), as int64 bytes (a tuple: many thousands
    are made for a long text of new words)."""

    unigrams: bytes
    token_ids: bytes
    chars: bytes
    token_count: int
    char_count: int


@dataclass(frozen=True)
class _CharTable:
    """The vocabulary's character features as numbers, to look up every n-gram of a long
    string in a few array operations instead of one dictionary look-up each: each
    character that is in some feature is a digit 1..len(alphabet) (any other character:
    0, so an n-gram holding one is in no table), an n-gram is the number its digits
    make, and there is one sorted table of numbers per length."""

    alphabet: np.ndarray  # code points of the features' characters, sorted
    base: int
    lengths: tuple[int, ...]
    keys: tuple[np.ndarray, ...]  # per length: the features' numbers, sorted
    indexes: tuple[np.ndarray, ...]  # and their indexes in the vocabulary

    @classmethod
    def of(cls, vocabulary: dict[str, int]) -> _CharTable | None:
        # Only the n-grams :func:`char_features` can make: 2 to 5 characters, a space
        # only at either end (the rest could only match across two words).
        grams = [(g, i) for g, i in vocabulary.items() if 2 <= len(g) <= 5 and " " not in g[1:-1]]
        alphabet = sorted({ord(c) for g, _ in grams for c in g})
        base = len(alphabet) + 1
        if not grams or base**5 >= 2**63:
            return None
        digit = {chr(code): number for number, code in enumerate(alphabet, start=1)}
        lengths = tuple(sorted({len(g) for g, _ in grams}))
        keys: list[np.ndarray] = []
        indexes: list[np.ndarray] = []
        for n in lengths:
            pairs = [(_number([digit[c] for c in g], base), i) for g, i in grams if len(g) == n]
            table = np.array(pairs, dtype=np.int64).reshape(-1, 2)
            order = np.argsort(table[:, 0], kind="stable")
            keys.append(table[order, 0])
            indexes.append(table[order, 1])
        return cls(np.array(alphabet, dtype=np.uint32), base, lengths, tuple(keys), tuple(indexes))

    def find(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each n-gram of a string (its code points) that is a feature starts, and
        its index in the vocabulary: all 2-grams in order, then 3-grams and so on."""
        alphabet = self.alphabet
        at = np.minimum(np.searchsorted(alphabet, codes), len(alphabet) - 1)
        digits = np.where(alphabet.take(at) == codes, at + 1, 0).astype(np.int64)
        starts: list[np.ndarray] = []
        found: list[np.ndarray] = []
        for n, keys, indexes in zip(self.lengths, self.keys, self.indexes, strict=True):
            count = len(codes) - n + 1
            if count <= 0:
                continue
            numbers = digits[:count].copy()
            for j in range(1, n):
                numbers *= self.base
                numbers += digits[j : j + count]
            at = np.minimum(np.searchsorted(keys, numbers), len(keys) - 1)
            hits = np.flatnonzero(keys.take(at) == numbers)
            starts.append(hits)
            found.append(indexes.take(at.take(hits)))
        if not starts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(starts), np.concatenate(found)


def _number(digits: list[int], base: int) -> int:
    number = 0
    for d in digits:
        number = number * base + d
    return number


@dataclass(frozen=True, slots=True)
class _Features:
    """The features of a run of words: each word's tokens and character features start
    at ``token_offsets[k]`` and ``char_offsets[k]`` (one more offset: the end); the
    tokens' vocabulary indexes and pair-table ids, and the character features'
    indexes, as int64 bytes."""

    token_offsets: list[int]
    char_offsets: list[int]
    unigrams: bytes
    token_ids: bytes
    chars: bytes

    @classmethod
    def join(cls, words: list[_Word]) -> _Features:
        return cls(
            token_offsets=list(accumulate(map(_TOKEN_COUNT, words), initial=0)),
            char_offsets=list(accumulate(map(_CHAR_COUNT, words), initial=0)),
            unigrams=b"".join(map(_UNIGRAMS, words)),
            token_ids=b"".join(map(_TOKEN_IDS, words)),
            chars=b"".join(map(_CHARS, words)),
        )


_TOKEN_COUNT = attrgetter("token_count")
_CHAR_COUNT = attrgetter("char_count")
_UNIGRAMS = attrgetter("unigrams")
_TOKEN_IDS = attrgetter("token_ids")
_CHARS = attrgetter("chars")


@dataclass(frozen=True, slots=True)
class _Stretch:
    """A window or span, as :func:`windows` would build its string: whole sentences
    ``first..stop-1`` of the text, or the piece ``start:end`` of one sentence (one
    huge sentence cut in pieces, and what ``windows`` makes of such a piece).
    ``length`` is the length of the string ``windows`` builds."""

    length: int
    sentences: tuple[int, int] | None = None
    piece: tuple[int, int, int] | None = None  # (sentence, start, end)


class _Reading:
    """One text's features, computed once, for every window and span of it.

    Word features (tokens, and pairs of neighbouring tokens) and character features
    (per whitespace-separated word) never reach across whitespace, and ``windows``
    splits and joins only at whitespace, so a window or span of whole sentences reads
    a slice of the text's features: exactly what reading its string would find. A piece
    that cuts a word (one huge sentence cut in pieces) reads its cut ends as words of
    their own. Only for a text that lower-casing leaves as it is (the features
    lower-case what they read).
    """

    def __init__(self, model: CrisisModel, text: str) -> None:
        self.model = model
        self.text = text
        # As windows() splits it (each window's string splits the same way).
        self.sentences = [part for part in _SENTENCE_END.split(text) if part.strip()]
        split = [sentence.split() for sentence in self.sentences]
        self.sentence_words = list(accumulate(map(len, split), initial=0))
        every = [word for sentence in split for word in sentence]
        cache = model.word_cache
        new = [word for word in dict.fromkeys(every) if word not in cache]
        if len(new) > _MANY_NEW_WORDS:
            # A long text of words not met before: all of them computed at once, as
            # they come (what the words' own features would give, joined in order).
            found = model._features_of_words(every)
        else:
            # Each distinct word's features; the words not seen before computed at once.
            fresh = model._remember(new)
            found = _Features.join([cache.get(word) or fresh[word] for word in every])
        self.token_offsets = found.token_offsets
        self.char_offsets = found.char_offsets
        self.unigrams = np.frombuffer(found.unigrams, dtype=np.int64)
        self._token_ids = found.token_ids
        bigrams = model._bigrams(np.frombuffer(self._token_ids, dtype=np.int64))
        self.chars = np.frombuffer(found.chars, dtype=np.int64)
        # The tokens and pairs in the vocabulary, and how many of them come before each
        # token: a stretch of tokens is a slice of these.
        in_unigrams = self.unigrams >= 0
        self.known_unigrams = self.unigrams[in_unigrams]
        self.unigrams_before = [0, *np.cumsum(in_unigrams).tolist()]
        in_bigrams = bigrams >= 0
        self.known_bigrams = bigrams[in_bigrams]
        # Pair k joins tokens k and k + 1; one more entry, so any token can end a stretch.
        self.bigrams_before = [0, *np.cumsum(in_bigrams).tolist()]
        self.bigrams_before += [self.bigrams_before[-1]] * (len(self.unigrams) + 1 - len(self.bigrams_before))
        self._positions: dict[int, tuple[list[int], list[int]]] = {}
        self._scores: dict[_Stretch, np.ndarray] = {}
        self._by_content: dict[tuple[str, ...], np.ndarray] = {}

    def windows(self) -> list[_Stretch]:
        """:func:`windows` of the text, as stretches."""
        if len(self.text) <= WINDOW_CHARS:
            return [_Stretch(len(self.text), sentences=(0, len(self.sentences)))]
        units = [(index, 0, len(sentence)) for index, sentence in enumerate(self.sentences)]
        return _group(units, WINDOW_CHARS, whole=True)

    def spans(self, window: _Stretch) -> list[_Stretch]:
        """:func:`windows` of a window's string, ``SPAN_CHARS`` long, as stretches."""
        if window.length <= SPAN_CHARS:
            return [window]
        if window.sentences is not None:
            # The window's string splits into the very sentences it joins.
            first, stop = window.sentences
            units = [(i, 0, len(self.sentences[i])) for i in range(first, stop)]
            return _group(units, SPAN_CHARS, whole=True)
        assert window.piece is not None
        index, start, end = window.piece
        sentence = self.sentences[index]
        units = [(index, start + a, start + b) for a, b in _sentence_bounds(sentence[start:end])]
        return _group(units, SPAN_CHARS, whole=False)

    def _content(self, stretch: _Stretch) -> tuple[str, ...]:
        """What a stretch's features depend on, and nothing else: the sentences it joins
        (not the whitespace between them), or the piece of a sentence it is. Stretches
        with the same content have the same scores (a text that repeats itself)."""
        if stretch.sentences is not None:
            first, stop = stretch.sentences
            return ("", *self.sentences[first:stop])
        assert stretch.piece is not None
        index, start, end = stretch.piece
        return (self.sentences[index][start:end],)

    def score_all(self, stretches: list[_Stretch]) -> None:
        """Score every stretch not scored yet, all in one go (:meth:`CrisisModel._scores_many`)."""
        new: dict[tuple[str, ...], _Stretch] = {}
        for stretch in stretches:
            if stretch not in self._scores:
                key = self._content(stretch)
                if key not in self._by_content:
                    new.setdefault(key, stretch)
        if new:
            # The cut words of pieces of a huge sentence, all computed at once.
            cuts = [self._cut(stretch) for stretch in new.values() if stretch.piece is not None]
            ends = self.model._words([word for _, _, head, tail in cuts for word in head + tail])
            found = self.model._scores_many([self.features(stretch, ends) for stretch in new.values()])
            self._by_content.update(zip(new, found, strict=True))
        for stretch in stretches:
            if stretch not in self._scores:
                self._scores[stretch] = self._by_content[self._content(stretch)]

    def scores(self, stretch: _Stretch) -> np.ndarray:
        found = self._scores.get(stretch)
        if found is None:
            self.score_all([stretch])
            found = self._scores[stretch]
        return found

    def _cut(self, stretch: _Stretch) -> tuple[int, int, list[str], list[str]]:
        """The stretch's whole words (numbers ``low..high-1`` of the text's words), and
        the cut ends of words before and after them (a piece of one huge sentence)."""
        if stretch.sentences is not None:
            first, stop = stretch.sentences
            return self.sentence_words[first], self.sentence_words[stop], [], []
        assert stretch.piece is not None
        index, start, end = stretch.piece
        sentence = self.sentences[index]
        starts, ends = self._word_positions(index)
        inner = bisect.bisect_left(starts, start)
        outer = bisect.bisect_right(ends, end)
        offset = self.sentence_words[index]
        if inner < outer:  # whole words, and the cut ends of others
            head = sentence[start : starts[inner]].split()
            tail = sentence[ends[outer - 1] : end].split()
            return offset + inner, offset + outer, head, tail
        return offset, offset, sentence[start:end].split(), []

    def features(self, stretch: _Stretch, ends: dict[str, _Word] | None = None) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Word and character feature indexes of a stretch (vocabulary only, with
        repeats), in a few arrays each. ``ends``: the features of its cut words, if known."""
        low, high, head, tail = self._cut(stretch)
        t0, t1 = self.token_offsets[low], self.token_offsets[high]
        chars = self.chars[self.char_offsets[low] : self.char_offsets[high]]
        if not head and not tail:
            unigrams = self.known_unigrams[self.unigrams_before[t0] : self.unigrams_before[t1]]
            pairs = self.bigrams_before
            bigrams = self.known_bigrams[pairs[t0] : pairs[max(t0, t1 - 1)]]
            return [unigrams, bigrams], [chars]
        # A piece with cut words: its token sequence, and the pairs in it, anew.
        model = self.model
        if ends is None:
            ends = model._words(head + tail)
        ends_ = [ends[w] for w in head], [ends[w] for w in tail]
        unigrams = np.concatenate(
            (
                np.frombuffer(b"".join(w.unigrams for w in ends_[0]), dtype=np.int64),
                self.unigrams[t0:t1],
                np.frombuffer(b"".join(w.unigrams for w in ends_[1]), dtype=np.int64),
            )
        )
        token_ids = b"".join(
            (
                *(w.token_ids for w in ends_[0]),
                self._token_ids[t0 * 8 : t1 * 8],
                *(w.token_ids for w in ends_[1]),
            )
        )
        words = np.concatenate((unigrams, model._bigrams(np.frombuffer(token_ids, dtype=np.int64))))
        chars = np.concatenate(
            (
                np.frombuffer(b"".join(w.chars for w in ends_[0]), dtype=np.int64),
                chars,
                np.frombuffer(b"".join(w.chars for w in ends_[1]), dtype=np.int64),
            )
        )
        return [words[words >= 0]], [chars]

    def _word_positions(self, index: int) -> tuple[list[int], list[int]]:
        """Where each whitespace-separated word of one sentence starts and ends."""
        found = self._positions.get(index)
        if found is None:
            sentence = self.sentences[index]
            words = sentence.split()
            if " ".join(words) == sentence:  # one space between words: add up their lengths
                ends = list(accumulate(len(word) + 1 for word in words))
                found = ([end - len(word) - 1 for end, word in zip(ends, words, strict=True)], [end - 1 for end in ends])
            else:
                matches = list(_NON_SPACE.finditer(sentence))
                found = ([m.start() for m in matches], [m.end() for m in matches])
            self._positions[index] = found
        return found


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences ``windows`` splits ``text`` into."""
    bounds: list[tuple[int, int]] = []
    previous = 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((previous, match.start()))
        previous = match.end()
    bounds.append((previous, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def _group(units: list[tuple[int, int, int]], size: int, *, whole: bool) -> list[_Stretch]:
    """:func:`windows`' grouping of sentences, as stretches. ``units`` are
    (sentence, start, end): whole sentences of the text when ``whole``, else pieces of
    one sentence (which a group then spans from the first's start to the last's end)."""
    out: list[_Stretch] = []
    current: list[int] = []
    used = 0

    def joined() -> _Stretch:
        length = sum(units[i][2] - units[i][1] for i in current) + len(current) - 1
        first, last = units[current[0]], units[current[-1]]
        if whole:
            return _Stretch(length, sentences=(first[0], last[0] + 1))
        return _Stretch(length, piece=(first[0], first[1], last[2]))

    for number, (index, start, end) in enumerate(units):
        length = end - start
        if length > size:
            if current:
                out.append(joined())
            for i in range(0, length, size // 2):
                piece_end = min(start + i + size, end)
                out.append(_Stretch(piece_end - start - i, piece=(index, start + i, piece_end)))
            current, used = [], 0
            continue
        if current and used + length > size:
            out.append(joined())
            current = current[-1:]
            used = units[current[0]][2] - units[current[0]][1]
        current.append(number)
        used += length + 1
    if current:
        out.append(joined())
    return out


def _unique_counts(indexes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(indexes, return_counts=True)`` for a non-empty int64 array, with
    fewer steps (the same sorted values and counts)."""
    ordered = np.sort(indexes)
    edges = np.empty(ordered.size + 1, dtype=bool)
    edges[0] = edges[-1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=edges[1:-1])
    starts = np.flatnonzero(edges)
    return ordered[starts[:-1]], np.diff(starts)


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
        near=Neighbours(
            starts=data["near_starts"].astype(np.int64),
            rows=data["near_rows"].astype(np.int32),
            values=data["near_values"].astype(np.float32),
            crises=int(data["near_crises"]),
            urgent=data["near_urgent"].astype(bool),
        )
        if "near_starts" in data
        else None,
    )


@cache
def load_model(path: Path = MODEL_FILE) -> CrisisModel:
    with np.load(path, allow_pickle=False) as data:
        return model_from_arrays({key: data[key] for key in data.files})
