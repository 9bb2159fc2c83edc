"""The whole care journey in two browsers: a person and their clinician.

The person invites → the clinician signs up, turns on the authenticator app (codes
computed here, RFC 6238) and joins → the person shares questionnaires only → the
clinician sees the scores and not the ladder → the person ends sharing → the clinician
gets 404 → the person's record lists every look.
"""

from __future__ import annotations

from typing import Any

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from bridgework.conftest import OUTPUT_DIR, PASSWORD

from ..models import AccessLog
from .data import fill
from .helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLINICIAN_EMAIL = "dr.care@clinic.example"
CLINICIAN_PASSWORD = "a long and quiet lake 77"


def _log_in(page: Any, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_invite_share_look_revoke_and_audit(
    page: Any, browser: Any, live_server: Any, user: Any
) -> None:
    fill(user)  # a PHQ-9 history, a ladder, a circle, a safety plan, journal entries
    person = page

    # The person creates an invitation code.
    _log_in(person, user.email, PASSWORD)
    person.get_by_role("navigation", name="Main").get_by_role("link", name="Care team").click()
    person.get_by_role("button", name="Create an invitation code").click()
    code = person.locator(".invitation-code").inner_text().strip()
    assert len(code.replace("-", "")) == 16

    # The clinician, in another browser, signs up and is asked for two-step sign-in first.
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    clinician = context.new_page()
    try:
        clinician.goto("/care/clinicians/signup/")
        clinician.get_by_label("Email").fill(CLINICIAN_EMAIL)
        clinician.get_by_label("Password", exact=True).fill(CLINICIAN_PASSWORD)
        clinician.get_by_label("Password (again)").fill(CLINICIAN_PASSWORD)
        clinician.get_by_label("Your name as clients know you").fill("Dr Robin Care")
        clinician.get_by_label("Profession").fill("Clinical psychologist")
        clinician.get_by_role("button", name="Create clinician account").click()
        expect(clinician.get_by_role("heading", level=1)).to_have_text("Turn on two-step sign-in first")
        # allauth switches two-factor on only for a confirmed address; with a mail server
        # the clinician clicks the link in the mail. This stands in for that click.
        EmailAddress.objects.filter(email=CLINICIAN_EMAIL).update(verified=True)
        clinician.get_by_role("link", name="Set up the authenticator app").click()
        if "/reauthenticate/" in clinician.url:  # allauth asks for the password again
            clinician.get_by_label("Password").fill(CLINICIAN_PASSWORD)
            clinician.get_by_role("button", name="Confirm").click()
        secret = clinician.locator("#authenticator_secret").input_value()
        clinician.get_by_label("Authenticator code").fill(totp_code(secret))
        clinician.get_by_role("button", name="Activate").click()

        # Logging in again now takes a code from the app.
        clinician.get_by_role("button", name="Log out").first.click()
        _log_in(clinician, CLINICIAN_EMAIL, CLINICIAN_PASSWORD)
        clinician.get_by_label("Code").fill(totp_code(secret))
        clinician.get_by_role("button", name="Sign In").click()
        clinician.goto("/care/clinician/")
        expect(clinician.get_by_role("heading", level=1)).to_have_text("Your clients")

        # The clinician joins with the code and sees nothing yet.
        clinician.get_by_role("link", name="Use an invitation code").click()
        clinician.get_by_label("Invitation code").fill(code)
        clinician.get_by_role("button", name="Join").click()
        expect(clinician.locator("main")).to_contain_text("has not chosen to share anything")
        client_url = clinician.url

        # The person shares the questionnaires, and nothing else.
        person.goto("/care/")
        person.get_by_role("link", name="Choose what they see").click()
        person.get_by_label("Questionnaire scores and reliable change").check()
        person.get_by_role("button", name="Save what they see").click()
        expect(person.locator(".messages")).to_contain_text("takes effect on their very next page")

        # The clinician sees the scores, and the ladder is not there.
        clinician.goto(client_url)
        expect(clinician.get_by_role("link", name="Practice ladder progress")).to_have_count(0)
        clinician.get_by_role("link", name="Questionnaire scores and reliable change").click()
        expect(clinician.locator("main")).to_contain_text("PHQ-9")
        expect(clinician.locator("main")).to_contain_text("Latest total: 9")
        assert clinician.locator("svg.chart").count() >= 1
        ladder = clinician.goto(client_url + "ladder/")
        assert ladder is not None and ladder.status == 404
        clinician.screenshot(path=str(OUTPUT_DIR / "care-clinician-404.png"), full_page=True)

        # The person ends sharing; the clinician's next page is a 404.
        person.goto("/care/")
        person.get_by_role("link", name="Choose what they see").click()
        person.get_by_role("button", name="End sharing with them").click()
        expect(person.locator(".messages")).to_contain_text("can no longer see anything")
        after = clinician.goto(client_url + "assessments/")
        assert after is not None and after.status == 404
        overview = clinician.goto(client_url)
        assert overview is not None and overview.status == 404

        # The person's record lists every look the clinician took, and only those.
        person.goto("/care/looks/")
        looks = AccessLog.objects.filter(user=user)
        rows = person.locator("main table tbody tr")
        expect(rows).to_have_count(looks.count())
        assert looks.count() >= 3
        text = person.locator("main table").inner_text()
        assert "Dr Robin Care" in text and "Questionnaire scores and reliable change" in text
        assert "Which areas you share" in text
        assert "Practice ladder" not in text
        person.screenshot(path=str(OUTPUT_DIR / "care-person-looks.png"), full_page=True)
    finally:
        context.close()
