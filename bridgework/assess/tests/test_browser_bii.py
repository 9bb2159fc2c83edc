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
    groups = page.locator("fieldset")
    expect(groups).to_have_count(30)
    # Pause half-way, come back, and finish.
    for index in range(15):
        groups.nth(index).get_by_label("Mostly like me").check()
    page.get_by_role("button", name="Save and finish later").click()
    assert page.locator("fieldset").nth(14).get_by_label("Mostly like me").is_checked()
    for index in range(15, 30):
        page.locator("fieldset").nth(index).get_by_label("Somewhat like me").check()
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url("**/results/")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Your")
    text = page.content()
    assert "not a diagnosis" in text and "not been validated" in text
    table = page.get_by_role("table", name="Your scores by area")
    assert "Asking for help" in table.inner_text()
    expect(page.locator("svg.chart")).to_have_count(1)
