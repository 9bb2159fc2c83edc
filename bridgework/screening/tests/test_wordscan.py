"""The word scanner finds exactly what trying every pattern at every word finds. Pure."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from bridgework.screening.frame import lexicon
from bridgework.screening.normalise import prepare, tables
from bridgework.screening.wordscan import WordScanner

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"


def _every_try(scanner: WordScanner, text: str) -> list[tuple[str, int, int]]:
    """The slow way: every pattern at every word start (and the unanchored ones anywhere)."""
    found = [(name, m.start(), m.end()) for name, c in scanner._full for m in c.finditer(text)]
    patterns = [p for group in (scanner._words, scanner._stems) for ps in group.values() for p in ps]
    unique = list({id(c): (name, c) for name, c in patterns}.values())
    for token in re.finditer(r"[a-z0-9']+", text):
        for name, compiled in unique:
            hit = compiled.match(text, token.start())
            if hit:
                found.append((name, hit.start(), hit.end()))
    return sorted(found)


def _scanned(scanner: WordScanner, text: str) -> list[tuple[str, int, int]]:
    return sorted((name, m.start(), m.end()) for name, m in scanner.finditer(text))


def test_patterns_sharing_a_name_keep_their_own_gate() -> None:
    scanner = WordScanner()
    scanner.add("harm", r"\bi will end it\b")
    scanner.add("harm", r"\bi want to die\b")
    scanner.add("harm", r"\bmy last day\b")
    scanner.add("harm", r"\bmy final note\b")
    text = "my final note . i want to die . my last day"
    assert _scanned(scanner, text) == _every_try(scanner, text)
    assert len(_scanned(scanner, text)) == 3


def test_a_word_whose_patterns_are_tried_often_gets_a_gate_that_finds_the_same() -> None:
    scanner = WordScanner()
    scanner.add("harm", r"\bi will end it\b")
    scanner.add("harm", r"\bi will go\b")
    scanner.add("plan", r"\bi will do it tonight\b")
    text = "i will end it . i will walk . i will do it tonight . i will go . " * 20
    assert _scanned(scanner, text) == _every_try(scanner, text)
    assert [gate for gate in scanner._gates.values() if gate is not None]  # compiled
    assert _scanned(scanner, text) == _every_try(scanner, text)
    assert len(_scanned(scanner, text)) == 60


def test_the_frame_and_idiom_scanners_miss_nothing_on_real_statements() -> None:
    with (DATA / "train" / "screening_t1.csv").open(encoding="utf-8") as handle:
        texts = [prepare(row["text"]) for row in csv.DictReader(handle)][:150]
    for scanner in (lexicon().scanner, tables().idioms):
        for text in texts:
            assert _scanned(scanner, text) == _every_try(scanner, text), text


def test_the_strings_a_pattern_needs_are_in_every_match() -> None:
    from bridgework.screening.wordscan import required_strings

    assert required_strings(r"\bi want to die\b") == {"i want to die"}
    assert required_strings(r"\w+ years (?:clean|free)") == {" years "}
    assert required_strings(r"[ab]cd|ef") == {"cd", "ef"}
    assert required_strings(r"(?:foo|)") is None  # may match nothing
    assert required_strings(r"(?i)abc") is None  # other cases match too
    assert required_strings(r"(?i:abc)") is None


def test_a_pattern_tried_everywhere_is_skipped_only_where_it_cannot_match() -> None:
    scanner = WordScanner()
    scanner.add("time", r"\b(?:\d{2,}|twenty|thirty) of them\b")
    scanner.add("end", r"(?:^|[.!?] )(?:my )?(?:final|last) (?:entry|post)\b")
    assert scanner._full_required == [frozenset({" of them"}), frozenset({"final", "last"})]
    for text in ("took 40 of them", "my final entry", "nothing here . last post", "of them"):
        assert _scanned(scanner, text) == _every_try(scanner, text)
    assert len(_scanned(scanner, "took 40 of them . my last post")) == 2
