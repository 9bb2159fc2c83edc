"""Failed-login limits: per client and account with back-off, never a lockout for everyone."""

from typing import Any

import pytest
from django.test import Client

from bridgework.conftest import PASSWORD

LOGIN = "/accounts/login/"


def _from(ip: str) -> Client:
    return Client(REMOTE_ADDR=ip)


def _fail(client: Client, email: str, times: int) -> list[int]:
    return [
        client.post(LOGIN, {"login": email, "password": "wrong"}).status_code for _ in range(times)
    ]


def test_five_wrong_passwords_pause_that_client_with_a_clear_429(user: Any) -> None:
    attacker = _from("203.0.113.9")
    assert _fail(attacker, user.email, 5) == [200] * 5
    response = attacker.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    text = response.content.decode()
    assert "Too many tries for now" in text and "not locked for you anywhere else" in text


def test_a_stranger_cannot_lock_the_owner_out_from_another_ip(user: Any) -> None:
    attacker = _from("203.0.113.9")
    _fail(attacker, user.email, 8)
    owner = _from("198.51.100.7")
    response = owner.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert owner.get("/").status_code == 200


def test_one_ip_guessing_many_accounts_is_stopped_per_ip(db: None) -> None:
    attacker = _from("203.0.113.9")
    codes = [
        attacker.post(LOGIN, {"login": f"nobody{n}@example.org", "password": "x"}).status_code
        for n in range(31)
    ]
    assert codes[:30] == [200] * 30 and codes[30] == 429


def test_a_guess_spread_over_many_ips_meets_the_looser_account_limit(
    user: Any, settings: Any
) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed_account": "6/1h/key"}
    for n in range(6):
        assert _fail(_from(f"203.0.113.{n + 1}"), user.email, 1) == [200]
    assert _fail(_from("203.0.113.99"), user.email, 1) == [429]


def test_back_off_grows_after_the_first_window(user: Any, settings: Any) -> None:
    # The second tier (10 an hour per client and account) still holds after 5 minutes.
    import time

    attacker = _from("203.0.113.9")
    assert _fail(attacker, user.email, 5) == [200] * 5
    real = time.time
    try:
        time.time = lambda: real() + 6 * 60  # type: ignore[assignment]
        assert _fail(attacker, user.email, 6) == [200] * 5 + [429]
    finally:
        time.time = real  # type: ignore[assignment]


def test_a_right_password_does_not_count_against_the_limits(user: Any) -> None:
    owner = _from("198.51.100.7")
    for _ in range(8):
        assert owner.post(LOGIN, {"login": user.email, "password": PASSWORD}).status_code == 302
        owner.post("/accounts/logout/")


@pytest.mark.parametrize("proxies,expected", [(0, "10.0.0.1"), (1, "203.0.113.9")])
def test_client_ip_comes_from_the_trusted_proxy_setting(
    rf: Any, settings: Any, proxies: int, expected: str
) -> None:
    from allauth.core.internal.ratelimit import get_ip

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert get_ip(request) == expected


def test_behind_one_proxy_two_clients_do_not_share_a_limit(user: Any, settings: Any) -> None:
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    _fail(attacker, user.email, 6)
    owner = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert owner.post(LOGIN, {"login": user.email, "password": PASSWORD}).status_code == 302
