"""Map a circle, see it drawn, log exchanges, see the balance and an observation — in a browser."""

from typing import Any

import pytest
from playwright.sync_api import expect

from bridgework.conftest import OUTPUT_DIR, PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_person(page: Any, name: str, ring: str, kinds: list[str], comfort: str) -> None:
    page.get_by_role("link", name="Add someone").first.click()
    page.get_by_label("Name or nickname").fill(name)
    page.get_by_label(ring, exact=True).check()
    for kind in kinds:
        page.get_by_label(kind).check()
    page.get_by_label("How comfortable would you feel asking them?").fill(comfort)
    page.get_by_role("button", name="Add to my circle").click()
    assert f"{name} is in your circle." in page.locator(".messages").inner_text()


def log_exchange(page: Any, name: str, direction: str, kind: str, size: str) -> None:
    page.goto("/circle/ledger/new/")
    page.get_by_label("With whom?").select_option(label=name)
    page.get_by_label(direction, exact=True).check()
    page.get_by_label(kind, exact=True).check()
    page.get_by_label(size, exact=True).check()
    page.get_by_role("button", name="Log it").click()
    assert "Logged in your ledger." in page.locator(".messages").inner_text()


def test_mapping_a_circle_and_logging_give_and_take(page: Any, user: Any) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Circle").click()
    add_person(page, "Sam", "Close", ["Listening and emotional support", "Company"], "45")
    add_person(page, "Ada", "Outer", ["Practical help"], "20")

    # The map draws both, each a link marked with letters for what they could help with.
    sam = page.locator("svg.circle-map a", has_text="Sam")
    assert sam.locator("text.kinds").text_content() == "LC"
    expect(page.locator("svg.circle-map a")).to_have_count(2)
    expect(page.get_by_role("table").get_by_role("link", name="Ada")).to_be_visible()
    page.locator("svg.circle-map").screenshot(path=str(OUTPUT_DIR / "circle-map.png"))
    sam.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sam")

    for _ in range(3):
        log_exchange(page, "Ada", "I gave", "Practical help", "Large")
    log_exchange(page, "Sam", "I received", "Listening and emotional support", "Small")

    # The ledger shows the balance (chart and table) and a gentle observation.
    assert "Overall you gave 9 and received 1" in page.locator("main").inner_text()
    expect(page.locator("svg.chart")).to_have_count(2)
    observation = page.locator(".observation", has_text="giving a lot more than you receive")
    expect(observation).to_be_visible()
    observation.get_by_role("button", name="Hide this").click()
    page.wait_for_selector(".observation", state="detached")
    page.reload()
    expect(page.locator(".observation")).to_have_count(0)
