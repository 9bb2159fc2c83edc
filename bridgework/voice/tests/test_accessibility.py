"""axe-core WCAG checks on the message pages, which the site-wide check cannot reach
without a message (the index, builder, scripts and check pages are in core's list)."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from bridgework.conftest import PASSWORD
from bridgework.core.tests.test_accessibility import violations
from bridgework.ladder.tests.conftest import make_step

from .helpers import make_message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_message_pages_have_no_detectable_violations_and_fit_a_phone(page: Any, user: Any) -> None:
    step = make_step(user)
    message = make_message(
        user, step=step, draft="Sorry, I just wondered if you could maybe help? No worries if not, I'll manage."
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    axe = Axe()
    found: list[str] = []
    for path in ("", "rehearse/", "send/", "debrief/", "edit/", "delete/"):
        page.goto(f"/voice/{message.pk}/{path}")
        found += violations(page, axe)
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{path or 'detail'} scrolls sideways by {wide}px"
    for path in ("/voice/scripts/", "/voice/new/", "/voice/check/", "/voice/notes/"):
        page.goto(path)
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{path} scrolls sideways by {wide}px"
    assert not found, "\n".join(found)
