"""One real browser: writing an entry with crisis language shows help and keeps the entry."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from bridgework.conftest import PASSWORD
from bridgework.journal.models import Entry


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_crisis_language_in_an_entry_shows_help_and_saves(
    page: Any, live_server: Any, user: Any
) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.goto("/journal/new/")
    page.fill("textarea[name=body]", "Everyone would be better off without me.")
    page.click("text=Save entry")
    help_box = page.locator("#crisis-help")
    help_box.wait_for()
    expect(help_box).to_be_visible()
    assert "Everyone would be better off without me." in page.content()
    assert Entry.objects.get(user=user).body == "Everyone would be better off without me."
