"""Run many regular expressions over a text fast, by trying each only where it can start.

Python's ``re`` tries an alternation of hundreds of phrases at every character. Every
concept pattern here starts with a word, so each pattern's possible first words (or
word stems) are read once from its parsed form, and the pattern is only tried at the
words of the text that can begin it. A pattern whose first word cannot be known is
scanned in full, as before. Pure: no Django import.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

_WORD = re.compile(r"[a-z0-9']+")
_LETTER = re.compile(r"[a-z0-9']")
_SKIP = {C.AT, C.ASSERT, C.ASSERT_NOT}


def _starts(items: list[tuple[object, object]], prefix: str = "", depth: int = 0) -> set[tuple[str, bool]] | None:
    """The possible (first word or stem, complete?) of a match of ``items``; None: unknown."""
    if depth > 12:
        return None
    for index, (op, av) in enumerate(items):
        rest = items[index + 1 :]
        if op in _SKIP:
            if prefix and op is C.AT:
                return {(prefix, True)}
            continue
        if op is C.LITERAL:
            char = chr(av)  # type: ignore[arg-type]
            if not _LETTER.match(char):
                return {(prefix, True)} if prefix else None
            prefix += char
            continue
        if op is C.SUBPATTERN:
            return _starts(list(av[-1].data) + rest, prefix, depth + 1)  # type: ignore[index]
        if op is C.BRANCH:
            found: set[tuple[str, bool]] = set()
            for branch in av[1]:  # type: ignore[index]
                part = _starts(list(branch.data) + rest, prefix, depth + 1)
                if part is None:
                    return None
                found |= part
            return found
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low: int = av[0]  # type: ignore[index]
            item = av[2]  # type: ignore[index]
            if low >= 1:
                return _starts(list(item.data), prefix, depth + 1)
            with_item = _starts(list(item.data) + rest, prefix, depth + 1)
            without = _starts(rest, prefix, depth + 1)
            if with_item is None or without is None:
                return None
            return with_item | without
        # A character class, any character, ...: the word is only known up to here.
        return {(prefix, False)} if prefix else None
    return {(prefix, True)} if prefix else None


def first_words(pattern: str) -> set[tuple[str, bool]] | None:
    return _starts(list(_parser.parse(pattern).data))


class WordScanner:
    """Named patterns, each tried only at the words that can start it."""

    def __init__(self) -> None:
        self._words: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
        self._stems: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
        self._full: list[tuple[str, re.Pattern[str]]] = []
        self._cache: dict[str, tuple[re.Pattern[str] | None, list[tuple[str, re.Pattern[str]]]]] = {}
        self._gates: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def add(self, name: str, pattern: str) -> None:
        compiled = re.compile(pattern)
        starts = first_words(pattern)
        if not starts or any(not word for word, _ in starts):
            self._full.append((name, compiled))
            return
        for word, complete in starts:
            (self._words if complete else self._stems)[word].append((name, compiled))
        self._cache.clear()
        self._gates.clear()

    def _gate(self, found: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str] | None:
        """One alternation of the patterns that can start at a word: where it does not
        match, none of them does, and one try in C replaces many in Python ("i" can begin
        dozens of phrases and begins most sentences)."""
        if len(found) < 2:
            return None  # one pattern is its own gate
        key = tuple(id(compiled) for _, compiled in found)  # names repeat; patterns do not
        if key not in self._gates:
            try:
                self._gates[key] = re.compile("|".join(f"(?:{c.pattern})" for _, c in found))
            except re.error:  # e.g. a global flag inside one pattern: try each alone
                self._gates[key] = None
        return self._gates[key]

    def _candidates(self, word: str) -> tuple[re.Pattern[str] | None, list[tuple[str, re.Pattern[str]]]]:
        cached = self._cache.get(word)
        if cached is None:
            found = list(self._words.get(word, []))
            for length in range(1, len(word) + 1):
                found += self._stems.get(word[:length], [])
            cached = (self._gate(found) if found else None, found)
            if len(self._cache) < 50_000:
                self._cache[word] = cached
        return cached

    def finditer(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """(name, match) for every pattern; a pattern may match overlapping spans."""
        for name, compiled in self._full:
            for match in compiled.finditer(text):
                yield name, match
        candidates = self._candidates
        for token in _WORD.finditer(text):
            gate, found = candidates(token.group(0))
            if not found:
                continue
            start = token.start()
            if gate is not None and gate.match(text, start) is None:
                continue
            for name, compiled in found:
                hit = compiled.match(text, start)
                if hit:
                    yield name, hit
