"""Take the Interdependence Inventory and see the results, in a real browser."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_takes_the_inventory_and_sees_their_profile(page: Any, user: Any) -> None:
    from bridgework.conftest import PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(reverse("assess:about", args=["bii"]))
    page.get_by_role("button", name="Start").click()
    # One section (five questions) at a time, with where you are.
    groups = page.locator("fieldset")
    expect(groups).to_have_count(5)
    expect(page.get_by_text("Part 1 of 6: Asking for help")).to_be_visible()
    # Answer three sections, pause, come back (it opens the first unfinished one), finish.
    for _ in range(3):
        for index in range(5):
            groups.nth(index).get_by_label("Mostly like me").check()
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Save and finish later").click()
    take_url = page.url.split("?")[0]
    page.goto(reverse("assess:index"))
    page.goto(take_url)  # coming back opens the first unfinished section
    expect(page.get_by_text("Part 4 of 6")).to_be_visible()
    expect(page.get_by_text("15 of 30 answered")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    assert page.locator("fieldset").nth(4).get_by_label("Mostly like me").is_checked()
    page.get_by_role("button", name="Next").click()
    for _ in range(3):
        for index in range(5):
            page.locator("fieldset").nth(index).get_by_label("Somewhat like me").check()
        if page.get_by_role("button", name="Submit my answers").count():
            break
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url("**/results/")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Your")
    text = page.content()
    assert "not a diagnosis" in text and "not been validated" in text
    table = page.get_by_role("table", name="Your scores by area")
    assert "Asking for help" in table.inner_text()
    expect(page.locator("svg.chart")).to_have_count(1)
