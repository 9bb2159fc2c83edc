"""Two-factor end to end in a browser: reach it from the account page, switch TOTP on with a
code computed here (RFC 6238, allauth's own helper), log out and back in with a code."""

from __future__ import annotations

import time
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import hotp_value
from django.core.cache import cache

from bridgework.conftest import PASSWORD

pytestmark = pytest.mark.browser


def _code(secret: str) -> str:
    return f"{hotp_value(secret, int(time.time()) // 30):06d}"


def _csp_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: errors.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )
    return errors


def test_totp_is_switched_on_from_the_account_page_and_asked_at_login(
    page: Any, live_server: Any, user: Any
) -> None:
    csp_errors = _csp_errors(page)
    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.goto("/account/profile/")
    page.click("text=Two-factor authentication")
    page.click("a[href='/accounts/2fa/totp/activate/']")
    # Security changes ask for the password once more, then come back to the page.
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    secret = page.locator("#authenticator_secret").input_value()
    assert len(secret) >= 16
    page.fill("input[name=code]", _code(secret))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert totp.data["secret"].startswith("bw1:") and secret not in str(totp.data)

    page.goto("/account/profile/")
    page.click("text=Log out")
    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    cache.clear()  # allauth refuses a code twice; the live server shares this cache
    page.fill("input[name=code]", _code(secret))
    page.click("main form button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    assert page.locator("text=Log out").count() == 1
    assert csp_errors == []


def test_pages_load_without_csp_violations(page: Any, live_server: Any, user: Any) -> None:
    csp_errors = _csp_errors(page)
    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    for path in ("/api/docs", "/safety/plan/", "/journal/", "/circle/", "/account/profile/", "/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert csp_errors == []
