"""Normalising free text before screening. Pure: no Django import.

Unicode NFKC, accents stripped, lower case, look-alike digits and symbols inside words
read as letters (``k1ll``), stretched letters squeezed (``diiiie``), contractions and
chat shorthand expanded (``im`` → ``i am``, ``wanna`` → ``want to``), slang and
euphemisms mapped to plain words (``kms``, ``unalive``, ``sewerslide``), misspellings of
the few words that matter corrected by a small edit-distance search (``suicde``), and
figures of speech ("this commute is killing me") blanked. The word lists are data:
``data/normalise.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from bridgework.core.content import load_yaml

from .wordscan import WordScanner, required_strings

NORMALISE_FILE = Path(__file__).parent / "data" / "normalise.yaml"

# One pathological "word" cannot slow us down.
_MAX_TOKEN = 40


def check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc}): {pattern!r}") from None
    return pattern


class Phrase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    pattern: str
    replace: str

    _check = field_validator("pattern")(check_regex)


class NormaliseFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    words: dict[str, str]
    phrases: list[Phrase]
    fuzzy_targets: list[str]
    protected: list[str]
    keywords: list[str]
    idioms: list[str]

    @field_validator("idioms")
    @classmethod
    def _idioms_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            check_regex(pattern)
        return value


@dataclass(frozen=True)
class _Tables:
    words: dict[str, str]
    # (pattern, replacement, quick test: where it finds nothing, the pattern cannot match)
    phrases: list[tuple[re.Pattern[str], str, re.Pattern[str]]]
    # Of each phrase: strings one of which every match contains (None: none known).
    phrase_needs: list[frozenset[str] | None]
    fuzzy: dict[str, str]
    keywords: frozenset[str]
    idioms: WordScanner


def _edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return deletes | transposes | replaces | inserts


def _fuzzy_index(targets: list[str], protected: list[str]) -> dict[str, str]:
    """Every string one edit from a target (two deletions for long targets)."""
    index: dict[str, str] = {}
    for target in targets:
        for variant in _edits1(target):
            index.setdefault(variant, target)
        if len(target) >= 7:
            for once in {target[:i] + target[i + 1 :] for i in range(len(target))}:
                for twice in {once[:i] + once[i + 1 :] for i in range(len(once))}:
                    index.setdefault(twice, target)
    for word in protected:
        index.pop(word, None)
    for target in targets:
        index[target] = target
    return index


@cache
def tables() -> _Tables:
    """The normalisation tables; raises ContentError (file:line) on a bad file."""
    data = load_yaml(NORMALISE_FILE, NormaliseFile)
    idioms = WordScanner()
    for pattern in data.idioms:
        idioms.add("idiom", r"\b(?:" + pattern + ")")
    return _Tables(
        words=dict(data.words),
        phrases=[
            (re.compile(p.pattern), p.replace, _quick_test(p.pattern)) for p in data.phrases
        ],
        phrase_needs=[required_strings(p.pattern) for p in data.phrases],
        fuzzy=_fuzzy_index(data.fuzzy_targets, data.protected),
        keywords=frozenset([*data.keywords, *data.fuzzy_targets]),
        idioms=idioms,
    )


_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_TOKEN = re.compile(r"[a-z0-9@$!'/]+|[^a-z0-9@$!'/\s]+")
_STRETCH = re.compile(r"(.)\1{2,}")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_NUMBER = re.compile(r"\d+(?:am|pm|st|nd|rd|th|s|mg|ml|k|x)?")


_TWO = re.compile(r"(?<=[a-z])2(?=[a-z])")
_DOUBLE = re.compile(r"(.)\1")


@lru_cache(maxsize=65536)
def _normalise_token(token: str) -> str:
    if len(token) > _MAX_TOKEN or _NUMBER.fullmatch(token):
        return token
    found = tables()
    words = found.words
    token = token.rstrip("!")
    if token in words:  # before look-alike digits: "4ever", "2nite"
        return words[token]
    # (Each step is skipped where it cannot change the token: a word of letters has no
    # look-alike digit, only a "2" is read as "to", only a doubled letter is squeezed.)
    if (
        not token.isalpha()
        and "2" not in token
        and any(c in "013457@$!" for c in token)
        and any(c.isalpha() for c in token)
    ):
        token = token.translate(_LEET)
    if "2" in token:
        token = _TWO.sub(" to ", token)
    doubled = _DOUBLE.search(token) is not None
    if doubled:
        token = _STRETCH.sub(r"\1\1", token)
    if " " in token:
        return " ".join(_normalise_token(part) for part in token.split())
    if token in words:
        return words[token]
    if doubled:  # squeezing keeps a doubled letter doubled, once
        squeezed = _DOUBLE.sub(r"\1", token)
        if squeezed in words or squeezed in found.keywords:
            return words.get(squeezed, squeezed)
    if len(token) >= 5 and token in found.fuzzy:
        return found.fuzzy[token]
    # Possessives and leftover apostrophes: "dad's" -> "dad s".
    return token.replace("'", " ")


# Emoji used for self-harm and death: "🔪 myself", "thinking about ⚰️".
_EMOJI_SELF = re.compile(
    "(?:\U0001f480|\u2620\ufe0f?|\U0001f52a|\U0001faa2|\u26b0\ufe0f?|\U0001f52b)\\s*myself",
    re.IGNORECASE,
)
_EMOJI_DEATH = re.compile("\u26b0\ufe0f?|\U0001faa6")


def _without_expanding(text: str) -> str:
    """Characters that Unicode folding turns into many (U+FDFA: 18 letters) become spaces.

    They carry no signal here, and a text made of them would take seconds to fold.
    """
    expanding = {ord(c): " " for c in set(text) if len(unicodedata.normalize("NFKC", c)) > 4}
    return text.translate(expanding) if expanding else text


def _quick_test(pattern: str) -> re.Pattern[str]:
    """The pattern without its leading word boundary: it matches wherever the pattern
    does, and, starting with letters, is found by ``re``'s fast literal search, some
    twenty times quicker on a text where it is absent (most phrases, most texts)."""
    return re.compile(pattern.removeprefix(r"\b"))


def _apply_phrases(joined: str) -> str:
    """The phrase replacements, each only where its quick test finds something (and
    its quick test only where the text has a string every match needs)."""
    found = tables()
    for (pattern, replacement, quick), needs in zip(found.phrases, found.phrase_needs, strict=True):
        if needs is not None and not any(part in joined for part in needs):
            continue
        if quick.search(joined):
            joined = pattern.sub(replacement, joined)
    return joined


def normalise(text: str) -> str:
    """Plain, lower-case, corrected English words separated by single spaces.

    Sentence punctuation survives as `` . `` and commas as `` , `` so concepts can
    respect clause boundaries.
    """
    if text.isascii():  # folding, emoji and accents change nothing in ASCII
        text = text.translate(_APOSTROPHES)
    else:
        text = unicodedata.normalize("NFKC", _without_expanding(text))
        text = text.translate(_APOSTROPHES)
        text = _EMOJI_SELF.sub(" kill myself ", text)
        text = _EMOJI_DEATH.sub(" death ", text)
        decomposed = unicodedata.normalize("NFKD", text)
        if decomposed != text:
            text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = _HYPHEN.sub(" ", text.lower())  # "self-harm", "multi-storey": two words
    read = _READ.get
    out = [word if (word := read(token)) is not None else _read_token(token) for token in _TOKEN.findall(text)]
    return _apply_phrases(" ".join(word for word in out if word).lower())


# Token -> what ``normalise`` makes of it ("": nothing), remembered for the common ones.
_READ: dict[str, str] = {}


def _read_token(token: str) -> str:
    if token[0].isalnum() or token[0] in "@$'":
        stripped = token.strip("'")
        word = _normalise_token(stripped) if stripped else ""
    elif any(c in ".?!;:\n" for c in token):
        word = "."
    elif "," in token or "\u2014" in token or "\u2013" in token or token == "-":
        word = ","
    else:
        word = ""  # other symbols and emoji carry no signal
    if len(_READ) < 100_000:
        _READ[token] = word
    return word


def prepare(text: str) -> str:
    """The normalised text with figures of speech blanked (`` ~ ``): what concepts read."""
    normalised = normalise(text)
    spans = [match.span() for _, match in tables().idioms.finditer(normalised)]
    if not spans:
        return normalised
    out: list[str] = []
    end = 0
    for start, stop in sorted(spans):
        if start >= end:
            out += [normalised[end:start], " ~ "]
            end = stop
        elif stop > end:
            end = stop
    out.append(normalised[end:])
    return "".join(out)
