"""The pure feedback rules: no database, no Django."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bridgework.core.content import ContentError
from bridgework.voice.feedback import ISSUE_IDS, check, load_rules


def ids(text: str) -> set[str]:
    return check(text).ids


def test_a_clear_assertive_message_gets_no_notes() -> None:
    result = check("I'm worn out this week and I need some rest. Could you cook dinner on Thursday?")
    assert result.issues == []
    assert result.has_feeling and result.has_need and result.has_request


@pytest.mark.parametrize(
    ("text", "issue", "evidence"),
    [
        ("So sorry to bother you, could you read this?", "over_apology", "so sorry"),
        ("I just wondered if you could look at it, no worries if not.", "hedging", "no worries if not"),
        ("I'm hopeless. Could you help me with the forms on Monday?", "self_deprecation", "i'm hopeless"),
        ("Could you help me move? Actually never mind, I'll manage.", "preemptive_withdrawal", "i'll manage"),
        ("You never ask how my day was.", "blame", "you never ask how my day was"),
        ("It would be nice if someone cleaned up for a change.", "vague_request", "it would be nice if someone cleaned up"),
    ],
)
def test_each_note_quotes_the_words(text: str, issue: str, evidence: str) -> None:
    found = {i.id: i for i in check(text).issues}
    assert issue in found
    assert any(evidence in words for words in found[issue].evidence), found[issue].evidence


def test_a_pile_of_reasons_is_over_justifying() -> None:
    text = (
        "Could I leave early on Friday? I have to see the dentist, and the car is in the garage, "
        "plus my mum is visiting, and honestly I'm behind on sleep because the baby was up."
    )
    assert "over_justifying" in ids(text)


def test_one_reason_is_enough_and_not_flagged() -> None:
    assert "over_justifying" not in ids("Could I leave early on Friday? I have a dentist appointment.")


def test_just_about_time_is_not_hedging() -> None:
    assert "hedging" not in ids("I just got home. Can you call me at 8?")


def test_a_real_apology_for_a_real_thing_is_not_over_apologising() -> None:
    assert "over_apology" not in ids("I'm sorry I missed your call. Can we talk tomorrow at six?")


def test_a_thought_is_not_a_feeling() -> None:
    assert not check("I feel like we should split the bill.").has_feeling
    assert check("I feel lonely since the move.").has_feeling


def test_not_needing_is_not_a_need() -> None:
    assert not check("You don't need to bring anything.").has_need


def test_a_hint_is_not_a_request() -> None:
    result = check("It'd be great if the kitchen got cleaned at some point.")
    assert not result.has_request and "vague_request" in result.ids


def test_odd_input_never_raises() -> None:
    for text in ("", "   ", "\u2019\u2019", "?" * 5000, "sorry " * 800, "ñ" * 100):
        check(text)


def test_the_json_shape_of_the_command() -> None:
    shape = check("Sorry, could you help?").as_json()
    assert set(shape) == {"has_feeling", "has_need", "has_request", "issues"}
    assert shape["issues"] == [{"id": "over_apology", "evidence": ["sorry"]}]


def test_curly_quotes_count_as_straight_ones() -> None:
    assert "preemptive_withdrawal" in ids("Could you help? If not, I\u2019ll manage.")


def test_a_1000_character_draft_takes_well_under_20_ms() -> None:
    text = (
        "Sorry to bother you, I just wanted to ask, because the car broke down and work is busy, "
        "whether you could maybe help me on Saturday? You never offer. No worries if not. "
    ) * 6
    text = text[:1000]
    check(text)
    # CPU time, not wall clock: on a busy test machine waiting for a core is not our cost.
    started = time.process_time()
    for _ in range(20):
        check(text)
    assert (time.process_time() - started) / 20 < 0.020


def test_every_issue_has_a_rule() -> None:
    assert [rule.id for rule in load_rules().issues] == list(ISSUE_IDS)


def test_a_bad_pattern_names_the_file_and_line(tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "data" / "feedback.yaml"
    text = source.read_text(encoding="utf-8").replace("'\\bno pressure\\b'", "'(unclosed'", 1)
    broken = tmp_path / "feedback.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"feedback\.yaml:\d+: .*does not compile"):
        load_rules(broken)
