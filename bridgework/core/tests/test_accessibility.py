"""Automated WCAG 2.2 A/AA checks (axe-core, bundled in axe-playwright-python) on the main
pages, logged out and logged in with some data, in both colour schemes.

Automated checks find perhaps a third of accessibility problems (contrast, names,
labels, landmarks, ARIA misuse); keyboard use and focus are covered by the journeys'
browser tests, and the rest needs people.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from bridgework.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}

PUBLIC = ["/", "/learn/", "/learn/roots/", "/safety/help/", "/privacy/", "/accounts/login/", "/accounts/signup/", "/care/clinicians/signup/"]
PRIVATE = [
    "/",
    "/learn/asking-and-needing/",
    "/learn/sounds-like-me/",
    "/account/profile/",
    "/account/welcome/",
    "/account/import/",
    "/assess/",
    "/assess/bii/",
    "/ladder/",
    "/ladder/library/",
    "/ladder/progress/",
    "/circle/",
    "/circle/ledger/",
    "/voice/",
    "/voice/new/",
    "/voice/scripts/",
    "/voice/check/",
    "/journal/",
    "/journal/new/",
    "/journal/calendar/",
    "/checkin/",
    "/checkin/trends/",
    "/checkin/insights/",
    "/checkin/reminders/",
    "/safety/plan/",
    "/safety/plan/edit/",
    "/care/",
    "/care/report/",
]


def violations(page: Any, axe: Axe) -> list[str]:
    result = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result.response["violations"]
    ]


def some_data(user: Any) -> None:
    from bridgework.circle.services import person_create
    from bridgework.journal.models import Entry
    from bridgework.ladder.library import templates
    from bridgework.ladder.services import attempt_log, step_adopt

    step, _ = step_adopt(user=user, template=templates()[0])
    attempt_log(
        step=step,
        happened_on=timezone.localdate(),
        discomfort_before=30,
        discomfort_peak=40,
        discomfort_after=10,
        feared_happened="no",
        response="better",
        what_happened="They said yes at once.",
    )
    person_create(user=user, name="Sam", ring="close", comfort=70, helps_with=["practical"])
    Entry.objects.create(user=user, body="I asked for a lift today.", date=timezone.localdate())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_main_pages_have_no_automatically_detectable_wcag_violations(
    browser: Any, live_server: Any, user: Any, scheme: str
) -> None:
    some_data(user)
    axe = Axe()
    context = browser.new_context(base_url=live_server.url, color_scheme=scheme)
    page = context.new_page()
    found: list[str] = []
    for path in PUBLIC:
        page.goto(path)
        found += violations(page, axe)
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    for path in PRIVATE:
        response = page.goto(path)
        assert response is not None and response.status < 400, path
        assert page.url.endswith(path), f"{path} redirected to {page.url}"
        found += violations(page, axe)
    context.close()
    assert not found, "\n".join(found)


def test_the_checker_does_find_violations(browser: Any, live_server: Any) -> None:
    # Guards against a silently broken checker: a page with known faults must fail.
    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    assert len(violations(page, Axe())) >= 2
    page.close()


def test_keyboard_users_skip_to_content_and_reach_help_first(page: Any) -> None:
    page.goto("/learn/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    # The focused skip link is visible (moved on screen) with a visible outline.
    box = page.evaluate("JSON.stringify(document.activeElement.getBoundingClientRect())")
    assert '"top":' in box and page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    # From the top, "Get help now" is among the first few stops.
    page.goto("/learn/")
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert "Get help now" in stops
