"""The crisis screener, as plain functions: no database."""

from __future__ import annotations

import pytest

from bridgework.screening.crisis import Screening, screen, screen_frame
from bridgework.screening.normalise import normalise, prepare


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
        "Some nights I hope to drift off and not come back.",
        "Been banging my head on the kitchen table when the spreadsheet won't balance.",
        "I've lost the will to carry on, if I'm honest.",
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
        "I didn't. It doesn't matter now, I'll be dead by Sunday.",
        "Final entry. Thank you for listening all these years. Goodbye.",
        "The old quarry road, I've decided that's how I'm going.",
        "Visited Mum's grave this afternoon and told her I'd see her shortly. Left my spare key with the neighbour.",
        "Sunday night I stop existing. Everything's sorted.",
        "Rang my brother tonight, talked about nothing for an hour. I didn't tell him this was goodbye.",
        "Saving my temazepam in the drawer, nearly fifty now.",
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
        "My phone died.",
        "My phone will be dead by tonight, forgot the charger.",
        "I'm dead tired.",
        "I want to end this meeting early.",
        "Did the whole box set of that detective show in one weekend.",
        "Long day. Going to top myself up with a coffee and crack on.",
        "Didn't tell the boss it was my last shift, just cleared my locker. New job starts Monday.",
    ],
)
def test_it_does_not_fire_on_idioms_news_or_other_people(text: str) -> None:
    assert screen(text).level == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to kill myself, but I think about it.",
        "Last year I tried to kill myself.",
        "Relapsed on Saturday after a year without self-harming. Feel so ashamed.",
        "I tried to kill myself last year.",
        "I think I am a burden to everyone.",
    ],
)
def test_thoughts_that_remain_and_recent_attempts_are_a_concern(text: str) -> None:
    assert screen(text).level == "concern", text


@pytest.mark.parametrize(
    "text",
    [
        "I would never kill myself.",
        "I'm not suicidal, just furious with my landlord.",
        "I'm not going to kill myself tonight",
        "I threw away the razors years ago and I'm proud.",
        "Too much to live for.",
        "Easier than I thought.",
        "Final entry of this notebook, a new one starts tomorrow.",
        "Let Dev cook me dinner. He didn't seem to think I was a burden at all. Interesting.",
    ],
)
def test_denial_recovery_and_life_affirming_words_are_not_an_alarm(text: str) -> None:
    assert screen(text).level == "none", text


def test_someone_else_at_risk_is_a_crisis_about_another_person() -> None:
    result = screen("My friend told me she wants to kill herself.")
    assert result.crisis and result.about == "other" and result.help_kind == "other"
    assert screen("I want to kill myself").about == "self"


def test_the_frame_reads_open_wrists_by_the_bath_as_under_way_but_not_the_yoga_pose() -> None:
    assert screen_frame("wrists open in the bath. sorry mum").screening.in_progress
    for calm in [
        "Stretch after the bath: palms up, wrists open, hold for ten.",
        "Palm up, wrist open, rest it on the edge of the bath and breathe.",
        "Swimming lesson: wrists open as your hands enter the water.",
        "First aid: if a wrist is sliced, apply pressure and use clean towels to stop the blood.",
        "Hot day, so I ran cold tap water over my wrists, wrists open, pulse points.",
    ]:
        assert screen_frame(calm).screening.level == "none", calm


def test_a_figure_of_speech_is_blanked_in_its_contracted_form_too() -> None:
    # "Knee's killing me" normalises to "knee s killing me" (written here).
    assert "killing" not in prepare("My knee's killing me from the scaffold.")
    # A person's threat is not a figure of speech, contracted or not.
    assert "kill" in prepare("my dad's going to kill me, he's outside with a knife")


def test_the_frame_reads_the_edge_of_a_ledge_not_of_a_bath_or_a_bed() -> None:
    # Written here, not taken from any set.
    for high in [
        "Standing on the edge of the multi-storey right now.",
        "sat on the ledge. cant do this",
        "Sitting on the edge of the pier. Pockets full of stones.",
        "Standing on the edge of the kerb as the lorries go past. Just one step.",
    ]:
        assert screen_frame(high).screening.in_progress, high
    for homely in [
        "Stood on the edge of the bath to scrub the mould off the ceiling.",
        "Sat on the edge of the bed for ages before I could face the day.",
        "Standing on the ledge of the shower tray to fix the curtain rail.",
    ]:
        assert screen_frame(homely).screening.level == "none", homely
    # Harm by the bath is read from its own words: bleeding that is not stopping.
    frame = screen_frame("Sat on the edge of the bath, already started cutting and the bleeding isn't stopping")
    assert frame.screening.in_progress


def test_food_withheld_as_a_punishment_is_self_harm_not_a_denial() -> None:
    # "did not eat" is the harm itself: its "not" must not read as denying it (written here).
    assert screen("Did not eat all weekend, as punishment for asking my brother for money.").crisis
    frame = screen_frame("Haven't let myself sleep more than four hours a night. Punishment for needing help.")
    assert frame.screening.level == "concern"
    assert screen("Didn't eat meat on purpose this month, trying veganuary.").level == "none"
    # Withheld by someone else is not self-harm (the frame; written here).
    for told in [
        "My parents never let me eat dessert as a punishment for bad grades.",
        "The coach won't let me rest between sets, says it's punishment for being late.",
    ]:
        assert screen_frame(told).screening.level == "none", told


def test_a_jump_told_in_pidgin_is_an_act() -> None:
    # Nigerian Pidgin "for" = at, from (written here, not taken from any set).
    assert screen_frame("i go jump for carter bridge tonight. e don do.").screening.level == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "I just swallowed everything in the medicine cabinet.",
        "cutting right now and it won't stop bleeding",
        "I'm standing on the ledge.",
        "Just emptied the medicine cabinet into myself.",
        "Did the whole stash tonight on purpose, hands going numb.",
        # Reassurance after the act: the memory finds everyday "i'm fine" lines nearest,
        # but the frame and the learned reader's own head both read it as under way.
        "took 40 of nan's sleeping tablets. don't ring anyone. i'm fine. i'm fine.",
        # The wound's state with the bath, the tap or blood beside it (written here).
        "Sat in the bath with my wrists open and the water going red. Don't come in.",
        "wrists r open, tap on so no one hears, i'll sort it myself like always",
    ],
)
def test_an_emergency_under_way_is_urgent_and_in_progress(text: str) -> None:
    result = screen(text)
    assert result.level == "urgent" and result.in_progress and result.help_kind == "emergency", text


def test_a_screening_built_from_a_level_alone_is_about_the_writer() -> None:
    result = Screening(level="concern")
    assert (result.in_progress, result.about, result.crisis) == (False, "self", True)


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


@pytest.mark.parametrize(
    "text",
    [
        "Burnt my fingers on the glue gun making the school costume at 1am.",
        "Borrowed Dave's nail gun for the fence tonight.",
        "Kids had a water gun fight in the garden till 8pm.",
        "Kids had a water pistol fight in the garden till 8pm.",
    ],
)
def test_a_tool_or_toy_called_a_gun_is_not_a_means(text: str) -> None:
    assert screen_frame(text).screening.level == "none", text


def test_a_firearm_beside_a_time_is_still_a_plan() -> None:
    assert screen_frame("Dad's gun is in the shed and I'm going out there tonight.").screening.level == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        # A long ordinary entry around it does not make a relapse less serious.
        "Burned my arm with a lighter after the tribunal. First time in years. The kids are at "
        "their dad's this week so nobody needs to know, and work was fine, and I ate dinner.",
    ],
)
def test_harm_that_has_come_back_is_not_read_as_recovery(text: str) -> None:
    assert screen_frame(text).came_back, text
    assert screen(text).crisis, text


@pytest.mark.parametrize(
    "text",
    [
        "Back in 2015 I relapsed and cut myself, that was years ago and I am well now.",
        "Went to the gym for the first time in years. Honestly I want to die, my legs are killing me.",
        "Relapse prevention group tonight: we talked about self-harm and triggers.",
    ],
)
def test_only_the_writers_own_self_harm_set_in_the_present_has_come_back(text: str) -> None:
    assert not screen_frame(text).came_back, text


@pytest.mark.parametrize(
    "text",
    [
        "Relapse prevention group tonight: we talked about self-harm and triggers. Useful session.",
        "Two years free of self-harm today. Made a cake.",
        "Back in 2015 I relapsed and cut myself, that was years ago and I am well now.",
        "Yoga today: palms up, wrists open, breathe.",
        "The dog jumped for the window when the postman came.",
    ],
)
def test_recovery_and_talk_about_relapse_stay_calm(text: str) -> None:
    assert screen(text).level == "none", text


def test_a_relapse_after_time_clean_is_not_set_aside_as_recovery() -> None:
    assert screen("Relapsed on Sunday after a year clean from cutting. Small ones, healing.").level == "concern"
