"""Sign up → read a lesson → mark "sounds like me" → see it on the dashboard, in a real browser."""

from typing import Any

import pytest
from playwright.sync_api import expect

from bridgework.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_person_reads_a_lesson_and_marks_what_sounds_like_them(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Create a private account").click()
    page.get_by_label("Email").fill("erin@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    # A welcome step asks (optionally) where she is, so crisis lines fit.
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Bridgework")
    page.get_by_label("Country").select_option("IE")
    page.get_by_role("button", name="Save and start").click()

    # The dashboard proposes the first lesson as the next small step.
    page.get_by_role("link", name="Read the lesson").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where the habit comes from")
    page.get_by_role("button", name="I’ve read this — next lesson").click()

    # Lesson 2 has toggles; mark one (htmx swaps the form in place).
    toggle = page.locator("#topic-help_aversion button")
    toggle.click()
    page.wait_for_selector('#topic-help_aversion button[aria-pressed="true"]')

    page.get_by_role("link", name="Home", exact=True).click()
    panel = page.locator("section", has=page.get_by_role("heading", name="Learn"))
    assert "1 of 8 lessons read" in panel.inner_text()
    assert "Asking for help feels like failing" in panel.inner_text()
    # "Get help now" is reachable from here in one click.
    page.get_by_role("banner").get_by_role("link", name="Get help now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    assert "Pieta" in page.content()  # Erin said she is in Ireland


def test_marking_works_without_javascript(browser: Any, live_server: Any, user: Any) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/learn/closeness/")
    page.locator("#topic-pushing_away button").click()
    expect(page.locator('#topic-pushing_away button[aria-pressed="true"]')).to_have_count(1)
    context.close()
