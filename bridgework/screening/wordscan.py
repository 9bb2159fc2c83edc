"""Run many regular expressions over a text fast, by trying each only where it can start.

Python's ``re`` tries an alternation of hundreds of phrases at every character. Every
concept pattern here starts with a word, so each pattern's possible first words (or
word stems) are read once from its parsed form, and the pattern is only tried at the
words of the text that can begin it. A pattern whose first word cannot be known is
scanned in full, as before. Pure: no Django import.
"""

from __future__ import annotations

import bisect
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


_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
# Openings longer than this are cut; more than this many, and the pattern gets none.
_OPENING_CHARS = 24
_MAX_OPENINGS = 256
_MAX_OPENING_TESTS = 64


def _openings(items: list[tuple[object, object]], prefix: str, depth: int = 0) -> set[str]:
    """Strings, each ``prefix`` and more, one of which every match of ``items`` (after
    ``prefix``) starts with: its literal characters up to the first that is not known."""
    if depth > 20:
        return {prefix}
    for index, (op, av) in enumerate(items):
        rest = items[index + 1 :]
        if op is C.LITERAL:
            prefix += chr(av)  # type: ignore[arg-type]
            if len(prefix) >= _OPENING_CHARS:
                return {prefix}
            continue
        if op in _ZERO_WIDTH:  # consumes nothing
            continue
        if op is C.SUBPATTERN:
            if av[1] or av[2]:  # type: ignore[index]  # (?i:...) and the like
                return {prefix}
            return _openings(list(av[3].data) + rest, prefix, depth + 1)  # type: ignore[index]
        if op is C.BRANCH:
            found: set[str] = set()
            for branch in av[1]:  # type: ignore[index]
                found = _fewer(found | _openings(list(branch.data) + rest, prefix, depth + 1))
            return found
        members: list[tuple[object, object]] = list(av) if op is C.IN else []  # type: ignore[call-overload]
        if 0 < len(members) <= 10 and all(kind is C.LITERAL for kind, _ in members):
            # A few plain characters ("[.!?]"): one opening with each.
            found = set()
            for _, code in members:
                found |= _openings([(C.LITERAL, code), *rest], prefix, depth + 1)
            return _fewer(found)
        if op in _REPEATS:
            low: int = av[0]  # type: ignore[index]
            high: int = av[1]  # type: ignore[index]
            item = av[2]  # type: ignore[index]
            once = list(item.data) + (rest if high == 1 else [])
            found = _openings(once, prefix, depth + 1)
            if low == 0:  # or not at all
                found |= _openings(rest, prefix, depth + 1)
            return _fewer(found)
        return {prefix}  # a class, any character, a back reference...: known up to here
    return {prefix}


def _fewer(strings: set[str], most: int = _MAX_OPENINGS) -> set[str]:
    """At most ``most`` strings, cutting them shorter: a text that starts with one of
    them still starts with one of the shorter ones."""
    length = max(map(len, strings), default=0)
    while len(strings) > most and length > 0:
        length -= 1
        strings = {s[:length] for s in strings}
    return strings


def openings(pattern: str) -> frozenset[str] | None:
    """Strings one of which the text must start with where ``pattern`` matches (None:
    nothing useful is known)."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _openings(list(parsed.data), "")
    return None if "" in found else frozenset(found)


_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}
# More strings than this, and looking for each costs more than the pattern saves.
_MAX_LITERALS = 64


def _selective(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The better of two requirements: the longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _required(items: list[tuple[object, object]], depth: int = 0) -> frozenset[str] | None:
    """Strings one of which is part of every match of ``items``; None: none known."""
    if depth > 20:
        return None
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)  # type: ignore[arg-type]
            continue
        if run:  # a run of literal characters, matched one after the other
            best, run = _selective(best, frozenset([run])), ""
        if op is C.SUBPATTERN:
            add_flags, del_flags, sub = av[1], av[2], av[3]  # type: ignore[index]
            if add_flags or del_flags:  # e.g. (?i:...): its letters may match other cases
                return best
            best = _selective(best, _required(list(sub.data), depth + 1))
        elif op is C.BRANCH:
            found: set[str] = set()
            for branch in av[1]:  # type: ignore[index]
                part = _required(list(branch.data), depth + 1)
                if part is None:
                    break
                found |= part
            else:
                if len(found) <= _MAX_LITERALS:
                    best = _selective(best, frozenset(found))
        elif op in _REPEATS and av[0] >= 1:  # type: ignore[index,operator]
            best = _selective(best, _required(list(av[2].data), depth + 1))  # type: ignore[index]
        elif op is C.ATOMIC_GROUP:
            best = _selective(best, _required(list(av.data), depth + 1))  # type: ignore[attr-defined]
        # Anything else (a class, an assertion, a back reference...) requires no string.
    if run:
        best = _selective(best, frozenset([run]))
    return best


def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains (None: none known): where
    none is in a text, the pattern cannot match anywhere in it."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _required(list(parsed.data))


def opening_finder(pattern: str) -> re.Pattern[str] | None:
    """A fast search for the places ``pattern`` can match: the strings every match
    starts with, as one alternation of plain strings (None: not known, or the pattern
    can match nothing, where finding its matches this way would need more care)."""
    found = openings(pattern)
    if not found or _parser.parse(pattern).getwidth()[0] == 0:
        return None
    return re.compile("|".join(re.escape(opening) for opening in sorted(found)))


def find_all(compiled: re.Pattern[str], finder: re.Pattern[str] | None, text: str) -> Iterator[re.Match[str]]:
    """``compiled.finditer(text)``, trying the pattern only where ``finder`` finds a
    place it can start (most of a long text is skipped in C)."""
    if finder is None:
        yield from compiled.finditer(text)
        return
    position = 0
    while (place := finder.search(text, position)) is not None:
        hit = compiled.match(text, place.start())
        if hit is None:
            position = place.start() + 1
        else:
            yield hit
            position = hit.end()  # never empty (``opening_finder``)


# A word's patterns: the key of their gate (None: one pattern, no gate), the patterns,
# and what the text must start with there.
_Candidates = tuple[tuple[int, ...] | None, list[tuple[str, re.Pattern[str]]], tuple[str, ...] | None]
# A gate is compiled once its patterns have been tried this many times without it, and
# at most this many while reading one text (each takes some milliseconds, and a text
# with many of the words that begin phrases would compile hundreds, where a few tries
# of each pattern cost less). Without its gate a word's patterns are tried one by one:
# the same matches.
_GATE_AFTER = 16
_GATES_PER_TEXT = 2
_NOT_YET = re.compile("")  # a gate not compiled yet
# Distinct words whose patterns are remembered.
_MAX_CACHE = 50_000


class WordScanner:
    """Named patterns, each tried only at the words that can start it."""

    def __init__(self) -> None:
        self._words: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
        self._stems: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
        self._full: list[tuple[str, re.Pattern[str]]] = []
        # Of each pattern in ``_full``: strings one of which every match contains, and
        # a search for where it can start.
        self._full_required: list[frozenset[str] | None] = []
        self._full_finders: list[re.Pattern[str] | None] = []
        self._cache: dict[str, _Candidates] = {}
        self._gates: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        # Patterns (by id) -> their openings (:meth:`_union`).
        self._unions: dict[tuple[int, ...], tuple[frozenset[str], list[str], int] | None] = {}
        # Gate key -> how often its patterns were tried without it.
        self._uses: dict[tuple[int, ...], int] = {}
        # Word -> its gate, once compiled (a word's string hashes quicker than a key).
        self._word_gates: dict[str, re.Pattern[str] | None] = {}
        self._longest_stem = 0
        # Pattern (by id) -> strings one of which the text starts with where it matches.
        self._openings: dict[int, frozenset[str] | None] = {}

    def add(self, name: str, pattern: str) -> None:
        compiled = re.compile(pattern)
        starts = first_words(pattern)
        if not starts or any(not word for word, _ in starts):
            self._full.append((name, compiled))
            self._full_required.append(required_strings(pattern))
            self._full_finders.append(opening_finder(pattern))
            return
        self._openings[id(compiled)] = openings(pattern)
        for word, complete in starts:
            (self._words if complete else self._stems)[word].append((name, compiled))
            if not complete:
                self._longest_stem = max(self._longest_stem, len(word))
        self._cache.clear()
        self._gates.clear()
        self._word_gates.clear()
        self._unions.clear()
        self._uses.clear()

    @staticmethod
    def _gate_key(found: list[tuple[str, re.Pattern[str]]]) -> tuple[int, ...] | None:
        if len(found) < 2:
            return None  # one pattern is its own gate
        return tuple(id(compiled) for _, compiled in found)  # names repeat; patterns do not

    def _gate(self, key: tuple[int, ...], found: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str] | None:
        """One alternation of the patterns that can start at a word: where it does not
        match, none of them does, and one try in C replaces many in Python ("i" can begin
        dozens of phrases and begins most sentences)."""
        if key not in self._gates:
            try:
                self._gates[key] = re.compile("|".join(f"(?:{c.pattern})" for _, c in found))
            except re.error:  # e.g. a global flag inside one pattern: try each alone
                self._gates[key] = None
        return self._gates[key]

    def _opening(self, word: str, found: list[tuple[str, re.Pattern[str]]]) -> tuple[str, ...] | None:
        """What the text must start with, where ``word`` starts, for any of ``found`` to
        match (None: unknown)."""
        union = self._union(found)
        if union is None:
            return None
        known, ordered, longest = union
        # Only openings that can begin where this word does (the word ends where a
        # character that is not a word's ends it: "i am" cannot begin at "in"): the
        # word's beginnings, and longer strings that begin with the word and then a
        # character that is not a word's.
        strings = {word[:length] for length in range(1, min(len(word), longest) + 1) if word[:length] in known}
        size = len(word)
        for index in range(bisect.bisect_right(ordered, word), len(ordered)):
            string = ordered[index]
            if not string.startswith(word):
                break
            if not _LETTER.match(string[size]):
                strings.add(string)
        # Testing a long list costs more than the gate it would save.
        strings = _fewer(strings, _MAX_OPENING_TESTS)
        # "i am" covers "i am not": keep the shortest of each family (in sorted order a
        # string's shorter cover, if any, is the last one kept).
        kept: list[str] = []
        for string in sorted(strings):
            if not kept or not string.startswith(kept[-1]):
                kept.append(string)
        return tuple(kept) if kept and all(kept) else None

    def _union(self, found: list[tuple[str, re.Pattern[str]]]) -> tuple[frozenset[str], list[str], int] | None:
        """The openings of all of ``found`` (None: one is unknown), as a set, in order,
        and the longest one's length; the same for every word these patterns can begin."""
        key = tuple(id(compiled) for _, compiled in found)
        if key not in self._unions:
            union: set[str] | None = set()
            for _, compiled in found:
                known = self._openings.get(id(compiled))
                if known is None or union is None:
                    union = None
                    break
                union |= known
            self._unions[key] = None if union is None else (frozenset(union), sorted(union), max(map(len, union), default=0))
        return self._unions[key]

    def _candidates(self, word: str) -> _Candidates:
        cached = self._cache.get(word)
        if cached is None:
            found = list(self._words.get(word, []))
            # Only as far as the longest stem: a 100,000-letter "word" is not cut 100,000 ways.
            for length in range(1, min(len(word), self._longest_stem) + 1):
                found += self._stems.get(word[:length], [])
            if found:
                cached = (self._gate_key(found), found, self._opening(word, found))
            else:
                cached = (None, found, None)
            if len(self._cache) < _MAX_CACHE:
                self._cache[word] = cached
        return cached

    def finditer(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """(name, match) for every pattern; a pattern may match overlapping spans."""
        full = zip(self._full, self._full_required, self._full_finders, strict=True)
        for (name, compiled), required, finder in full:
            # A pattern tried at every character is slow; most texts lack what it needs.
            if required is not None and not any(part in text for part in required):
                continue
            for match in find_all(compiled, finder, text):
                yield name, match
        known = self._cache.get
        candidates = self._candidates
        gates = self._gates.get
        word_gates = self._word_gates.get
        uses = self._uses
        budget = _GATES_PER_TEXT
        for token in _WORD.finditer(text):
            word = token.group(0)
            key, found, opening = known(word) or candidates(word)
            if not found:
                continue
            start = token.start()
            # A match starts with one of the openings: a cheaper test than the gate's.
            if opening is not None and not text.startswith(opening, start):
                continue
            if key is not None:
                gate = word_gates(word, _NOT_YET)
                if gate is _NOT_YET:
                    gate = gates(key, _NOT_YET)
                    if gate is _NOT_YET:
                        # Compiled once these patterns have been tried often enough
                        # to pay for it, and only a few while reading one text.
                        uses[key] = count = uses.get(key, 0) + 1
                        if count >= _GATE_AFTER and budget:
                            budget -= 1
                            gate = self._gate(key, found)
                    if gate is not _NOT_YET and len(self._word_gates) < _MAX_CACHE:
                        self._word_gates[word] = gate
                if gate is not _NOT_YET and gate is not None and gate.match(text, start) is None:
                    continue
            for name, compiled in found:
                hit = compiled.match(text, start)
                if hit:
                    yield name, hit
