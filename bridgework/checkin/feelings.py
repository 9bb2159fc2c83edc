"""The feeling vocabulary of "Name the feeling" (data/feelings.yaml). Pure module, no Django.

Other apps call ``feeling_words()`` (the voice studio's "what I feel" step offers them)::

    from bridgework.checkin.feelings import feeling_words
    words = [feeling.word for feeling in feeling_words()]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from bridgework.core.content import load_yaml

PATH = Path(__file__).resolve().parent / "data" / "feelings.yaml"


class _Quadrant(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    hint: str
    energy: Literal["high", "low"]
    pleasant: bool
    words: list[str]

    @field_validator("words")
    @classmethod
    def _clean(cls, words: list[str]) -> list[str]:
        for word in words:
            if word != word.strip().lower() or not word or len(word) > 30:
                raise ValueError(f"{word!r}: write each word in lower case, 1–30 characters")
        return words


class _Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quadrants: list[_Quadrant]

    @model_validator(mode="after")
    def _unique(self) -> _Vocabulary:
        seen: set[str] = set()
        for quadrant in self.quadrants:
            for word in quadrant.words:
                if word in seen:
                    raise ValueError(f"{word!r} appears twice; each word belongs to one quadrant")
                seen.add(word)
        return self


@dataclass(frozen=True)
class Feeling:
    word: str
    quadrant: str  # e.g. "charged-unpleasant"
    energy: str  # "high" or "low"
    pleasant: bool


@dataclass(frozen=True)
class Quadrant:
    id: str
    title: str
    hint: str
    energy: str
    pleasant: bool
    words: tuple[str, ...]


@cache
def quadrants() -> tuple[Quadrant, ...]:
    """The four quadrants in display order (read once; a bad file fails at startup)."""
    vocabulary = load_yaml(PATH, _Vocabulary)
    return tuple(
        Quadrant(q.id, q.title, q.hint, q.energy, q.pleasant, tuple(q.words))
        for q in vocabulary.quadrants
    )


@cache
def feeling_words() -> tuple[Feeling, ...]:
    """All feeling words, quadrant by quadrant, mild to strong within each."""
    return tuple(
        Feeling(word=word, quadrant=q.id, energy=q.energy, pleasant=q.pleasant)
        for q in quadrants()
        for word in q.words
    )


@cache
def feeling_index() -> dict[str, Feeling]:
    return {feeling.word: feeling for feeling in feeling_words()}
