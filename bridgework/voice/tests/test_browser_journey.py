"""Build a message → feedback → send link → debrief recorded on the ladder, in a real browser."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from bridgework.conftest import PASSWORD
from bridgework.ladder.models import Attempt
from bridgework.ladder.tests.conftest import make_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_builds_sends_and_debriefs_a_message(page: Any, user: Any) -> None:
    step = make_step(user, what="Ask Sam for a lift to the clinic", kind="ask")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # Build a message in guided steps, with a feeling word from the list.
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Speak up")).to_have_attribute("href", "/voice/")
    page.get_by_role("region", name="Speak up").get_by_role("link", name="Build a message").click()
    page.get_by_label("A short name for it").fill("Lift to the clinic")
    page.get_by_label("Who it is for").fill("Sam")
    page.get_by_label("A step on my ladder").select_option(str(step.pk))
    page.get_by_label("What happened, in plain facts").fill("My appointment is on Tuesday at 9")
    page.get_by_text("Looking for a word?").click()
    page.get_by_role("button", name="Add the word worried").click()
    expect(page.get_by_label("What I feel")).to_have_value("worried")
    page.locator("#id_need").fill("to get there calmly")
    page.get_by_label("My request: who, what, when").fill(
        "Sorry to ask, could you maybe drive me on Tuesday at 8:30? No worries if not, I'll manage."
    )
    page.get_by_role("button", name="Save and see the feedback").click()

    # Feedback quotes the words; one note is set aside.
    expect(page.get_by_role("heading", name="How the wording might land")).to_be_visible()
    expect(page.locator("#note-over_apology")).to_contain_text("sorry to ask")
    expect(page.locator("#note-preemptive_withdrawal")).to_contain_text("i'll manage")
    page.locator("#note-hedging").get_by_role("button", name="set it aside").click()
    expect(page.locator("#note-hedging")).to_have_count(0)
    expect(page.get_by_text("Notes you set aside (1)")).to_be_visible()
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Rehearse, predict, and find the send link with the words filled in.
    page.get_by_role("link", name="Rehearse").click()
    expect(page.get_by_role("button", name="Start the timer")).to_be_visible()
    page.get_by_role("link", name="I'm ready to send it").click()
    page.get_by_label("What I expect will happen").fill("Sam will be annoyed and say no.")
    page.get_by_label("How uncomfortable I expect sending it to be (0–100)").fill("70")
    page.get_by_role("button", name="Save my prediction").click()
    sms = page.get_by_role("link", name="Open in Messages")
    assert sms.get_attribute("href").startswith("sms:?&body=Hi%20Sam%2C%20My%20appointment")
    page.get_by_role("button", name="I've sent it (or said it)").click()

    # Debrief: recorded as an attempt on the ladder step, beside the prediction.
    expect(page.get_by_text("Sam will be annoyed and say no.")).to_be_visible()
    page.get_by_label("Before").fill("70")
    page.get_by_label("At the peak").fill("40")
    page.get_by_label("After").fill("10")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("Better than I predicted").check()
    page.get_by_label("What actually happened").fill("Sam said yes straight away.")
    page.get_by_role("button", name="Save to my ladder").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    attempt = Attempt.objects.get(step=step)
    assert attempt.what_happened.startswith("Before sending I expected: Sam will be annoyed")
    assert page.url.endswith(f"/ladder/attempts/{attempt.pk}/")
