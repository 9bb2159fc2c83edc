"""One real browser on a phone-sized screen: check in, see the week, see an insight."""

from __future__ import annotations

import datetime as dt
import random
import urllib.request
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bridgework.checkin.models import CheckIn
from bridgework.conftest import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_check_in_then_trends_then_an_insight(page: Any, live_server: Any, user: Any) -> None:
    # Three weeks of earlier check-ins, so the insights page has something to say.
    rng = random.Random(8)
    today = timezone.localdate()
    for n in range(1, 22):
        alone = rng.randint(0, 10)
        CheckIn.objects.create(
            user=user, date=today - dt.timedelta(days=n), alone=alone, stress=min(10, alone // 2 + rng.randint(0, 3))
        )

    # The first request to a fresh server loads every module (many seconds on a busy
    # machine); make it before the browser's 15-second timeouts start counting.
    urllib.request.urlopen(f"{live_server.url}/accounts/login/", timeout=120).read()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/**")

    page.goto("/checkin/")
    page.locator("label[for=id_mood_3]").click()  # Good
    page.locator("#id_stress").fill("7")
    page.locator("#id_alone").fill("9")
    page.get_by_text("Tight jaw").click()
    page.get_by_text("Name the feeling").click()
    page.get_by_text("stretched thin").click()
    page.locator("#id_help_asked").fill("1")
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_role("link", name="Log it on my ladder")).to_be_visible()
    checkin = CheckIn.objects.get(user=user, date=today)
    assert (checkin.mood, checkin.stress, checkin.alone, checkin.help_asked) == (4, 7, 9, 1)
    assert checkin.body_signs == ["jaw"] and checkin.feelings == ["stretched thin"]

    page.get_by_role("link", name="Trends").first.click()
    expect(page.get_by_role("table", name="Stress (0–10), day by day (a dash: not recorded)")).to_be_visible()
    expect(page.get_by_text("named 1 different feeling")).to_be_visible()

    page.get_by_role("link", name="What goes with what").first.click()
    expect(page.get_by_text("did more of it all alone").first).to_be_visible()
    expect(page.get_by_text("(n = 22)").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
