"""Building the three forms of a message, and the content files (pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridgework.core.content import ContentError
from bridgework.voice.compose import Parts, mailto_link, sms_link, speaking_seconds
from bridgework.voice.library import AREAS, KINDS, feeling_groups, load_scripts, scripts

PARTS = Parts(
    to_name="Sam",
    situation="the move is on Saturday",
    feeling="nervous",
    need="a hand with the boxes",
    request="could you come at 10",
    offer="I'll make lunch",
)


def test_the_text_message_keeps_the_persons_words() -> None:
    assert PARTS.text_message() == (
        "Hi Sam, The move is on Saturday. I feel nervous. I need a hand with the boxes. "
        "Could you come at 10? I'll make lunch."
    )


def test_words_that_already_start_with_i_are_not_doubled() -> None:
    parts = Parts(feeling="I'm worn out", need="I need a rest")
    assert parts.text_message() == "I'm worn out. I need a rest."


def test_the_spoken_version_ends_with_an_open_question() -> None:
    spoken = PARTS.spoken().splitlines()
    assert spoken[0].startswith("Have you got a few minutes?")
    assert "I'm feeling nervous." in spoken and spoken[-1] == "What do you think?"


def test_the_email_has_a_subject_from_the_request() -> None:
    assert PARTS.email_subject() == "Could you come at 10"
    body = PARTS.email_body()
    assert body.startswith("Hi Sam,\n\nThe move is on Saturday.") and body.endswith("Thank you for reading this.")


def test_an_empty_message_builds_nothing() -> None:
    assert Parts().text_message() == "" and Parts().spoken() == "" and Parts().email_body() == ""


def test_send_links_are_encoded() -> None:
    assert sms_link("a & b?", "+44 (0)7700") == "sms:+4407700?&body=a%20%26%20b%3F"
    assert mailto_link("Hi", "x\ny", "not an address") == "mailto:?subject=Hi&body=x%0Ay"
    assert mailto_link("Hi", "x", "sam@example.org").startswith("mailto:sam@example.org?")


def test_reading_time_has_a_floor() -> None:
    assert speaking_seconds("") == 5 and speaking_seconds("word " * 130) == 60


def test_the_script_library_covers_every_area_and_kind() -> None:
    library = scripts()
    assert len(library) >= 30
    assert {s.area for s in library} == set(AREAS) and {s.kind for s in library} == set(KINDS)
    assert all(s.gentler != s.firmer for s in library)


def test_a_repeated_slug_names_the_line(tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "data" / "scripts.yaml"
    text = source.read_text(encoding="utf-8").replace("slug: work-late-messages", "slug: work-extra-project")
    broken = tmp_path / "scripts.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"scripts\.yaml:\d+: scripts\.1\.slug: 'work-extra-project' is used twice"):
        load_scripts(broken)


def test_feeling_words_come_from_the_check_in_vocabulary() -> None:
    groups = feeling_groups()
    assert len(groups) == 4 and sum(len(words) for _, words in groups) >= 80


def test_feeling_words_fall_back_to_a_short_list(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def missing(name: str, *args: object) -> object:
        if name == "bridgework.checkin.feelings":
            raise ImportError(name)
        return real(name)

    monkeypatch.setattr(importlib, "import_module", missing)
    groups = feeling_groups()
    assert groups[0][0] == "Stirred up and uncomfortable" and "worried" in groups[0][1]
