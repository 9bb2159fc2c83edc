"""Adopt steps → log attempts → reflection → mastery and the next step → progress, in a real browser."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from bridgework.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOLD = "Ask someone nearby to hold a door, a bag or a ladder for a moment"
EMAIL = "Ask a colleague to read over an email before I send it"


def log_attempt(page: Any, peak: str) -> None:
    page.get_by_label("Before").fill("40")
    page.get_by_label("At the peak").fill(peak)
    page.get_by_label("After").fill("5")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("Better than I predicted").check()
    page.get_by_label("What actually happened").fill("They smiled and helped straight away.")
    page.get_by_role("button", name="Save and see the reflection").click()


def test_a_person_climbs_their_first_rung(page: Any, user: Any) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # Home proposes the library; the ladder explains the rule.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Practise").click()
    expect(page.get_by_role("heading", name="When does a step count as mastered?")).to_be_visible()
    page.get_by_role("link", name="Pick a first small step").click()

    # Filter the library, adopt two steps with one click each, and edit one.
    page.get_by_label("Kind of step").select_option("ask")
    page.get_by_role("button", name="Show steps").click()
    page.locator("#template-ask-hold-something").get_by_role("button", name="Add to my ladder").click()
    page.get_by_label("Who with").fill("my neighbour")
    page.get_by_role("button", name="Save step").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HOLD)
    page.goto("/ladder/library/?kind=ask")
    page.locator("#template-ask-colleague-email").get_by_role("button", name="Add to my ladder").click()
    page.get_by_role("link", name="Keep it as it is").click()

    # The easier step comes first and is the suggested one.
    first = page.locator(".ladder-step").first
    assert HOLD in first.inner_text() and "Suggested next step" in first.inner_text()
    first.get_by_role("link", name="Log an attempt").click()
    log_attempt(page, peak="20")
    card = page.locator(".reflection")
    assert "You expected 10; the peak was 20." in card.inner_text()
    assert "1 more like it to go" in card.inner_text()

    # The second calm attempt masters it, and the next step is suggested.
    page.get_by_role("link", name="Back to the step").click()
    page.get_by_role("link", name="Log an attempt").click()
    log_attempt(page, peak="15")
    card = page.locator(".reflection")
    assert "You have mastered this step." in card.inner_text()
    assert EMAIL in card.inner_text()
    page.get_by_role("link", name="Back to my ladder").click()
    highlighted = page.locator(".ladder-step.is-next")
    assert EMAIL in highlighted.inner_text()

    # Progress shows charts, each with its table.
    page.get_by_role("link", name="See your progress").click()
    expect(page.locator("svg.chart")).to_have_count(4)
    # Each chart's table sits in a <details> under it: one tap shows the numbers.
    table = page.get_by_role("table", name="Expected discomfort and actual peak, latest 2 attempts")
    expect(table).to_have_count(0)  # folded: not shown until asked for
    numbers = page.locator("details.chart-data").filter(has_text="Expected discomfort and actual peak")
    numbers.locator("summary").click()
    expect(table).to_be_visible()
    assert page.locator(".big-number").first.inner_text() == "2"
