"""One real browser: an exercise, then a kindness let in, then the acceptance chart."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from bridgework.compassion.models import Kindness, PracticeSession
from bridgework.conftest import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_exercise_then_kindness_then_the_acceptance_chart(page: Any, live_server: Any, user: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/**")

    page.goto("/compassion/")
    page.get_by_role("link", name="What would I say to a friend?").click()
    page.locator("label[for=id_harsh_before_8]").click()
    page.get_by_label("The harsh thought, in its own words").fill("Needing help means I've failed.")
    page.get_by_label("What would you tell a friend who had this thought?").fill("Everyone needs a hand sometimes.")
    page.get_by_label("One sentence of that, to yourself").fill("Asking is allowed.")
    page.locator("label[for=id_harsh_after_5]").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Asking is allowed.")).to_be_visible()
    session = PracticeSession.objects.get(user=user)
    assert (session.harsh_before, session.harsh_after) == (8, 5)

    page.goto("/compassion/kindness/new/")
    page.locator("label[for=id_kind_2]").click()  # praise
    page.get_by_label("What happened?").fill("My manager said the report was clear.")
    page.locator("label[for=id_response_3]").click()  # said thank you and let it be
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{live_server.url}/compassion/kindness/")
    expect(page.get_by_role("table", name="Kindness accepted per month")).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_attached()
    assert Kindness.objects.get(user=user).response == "thanked"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
