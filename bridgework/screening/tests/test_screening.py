"""The crisis screener, as plain functions: no database."""

from __future__ import annotations

import pytest

from bridgework.screening.crisis import Screening, normalise, screen


@pytest.mark.parametrize(
    "text",
    [
        "I want to die.",
        "Everyone would be better off without me.",
        "I've been hurting myself again.",
        "kms",
        "i want to unalive myself",
        "kys myself",
        "thinking about sewer slide",
        "i want to kil myslef",
        "feeling suicdal",
        "I want to diiiie",
        "want2die",
        "k1ll mys3lf",
        "ｋｉｌｌ ｍｙｓｅｌｆ",
        "I just want to go to sleep and never wake up",
        "Quiero morir",
        "死にたい",
    ],
)
def test_it_flags_crisis_language(text: str) -> None:
    assert screen(text).crisis, text


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to kill myself tonight.",
        "I've been saving up pills to take them all at once.",
        "By the time anyone reads this I'll be gone.",
        "I wrote my suicide note.",
        "I took an overdose",
        "gonna kms tonight",
    ],
)
def test_it_marks_intent_plan_method_and_farewell_urgent(text: str) -> None:
    assert screen(text).level == "urgent", text


@pytest.mark.parametrize(
    "text",
    [
        "This deadline is killing me.",
        "I could murder a pizza.",
        "I'm dying to see that film.",
        "I nearly died laughing.",
        "I'd rather die than ask for help.",
        "My boss is going to kill me.",
        "She killed it at the presentation.",
        "Suicide rates rose last year, the report says.",
        "My friend says she wants to die and I'm worried about her.",
        "My phone died.",
        "I'm dead tired.",
        "I want to end this meeting early.",
    ],
)
def test_it_does_not_fire_on_idioms_news_or_other_people(text: str) -> None:
    assert screen(text).level == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to kill myself, but I think about it.",
        "I would never kill myself.",
        "Last year I tried to kill myself.",
        "I'm not suicidal",
    ],
)
def test_negation_and_past_tense_never_silence_a_first_person_statement(text: str) -> None:
    assert screen(text).level == "concern", text


def test_negation_lowers_urgent_to_concern() -> None:
    assert screen("I'm going to kill myself tonight").level == "urgent"
    assert screen("I'm not going to kill myself tonight").level == "concern"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🙂🙂🙂",
        "今日はとても疲れた",
        "\x00\u200b\ufeff",
        "a" * 100_001,
        "ﷺ" * 500,
        "💀" * 10_000,
    ],
)
def test_it_never_crashes_on_odd_input(text: str) -> None:
    result = screen(text)
    assert isinstance(result, Screening)


def test_it_returns_matches_but_no_crisis_for_none() -> None:
    assert screen("hello").matches == ()
    assert screen("hello").crisis is False
    assert screen("I want to die").matches


def test_normalise_expands_slang_and_contractions() -> None:
    assert normalise("im gonna kms") == "i am going to kill myself"
    assert normalise("I can't") == "i can not"


def test_it_does_not_correct_common_words_into_trigger_words() -> None:
    assert normalise("I am willing to pay the bills") == "i am willing to pay the bills"
    assert normalise("I feel alive") == "i feel alive"
