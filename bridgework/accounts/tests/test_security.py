from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import hotp_value
from django.core import mail
from django.test import Client

from bridgework.conftest import PASSWORD


def test_password_reset_sends_a_link(anon_client: Client, user: Any) -> None:
    response = anon_client.post("/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_change_keeps_me_logged_in(client: Client, user: Any) -> None:
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "another calm river 77", "password2": "another calm river 77"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another calm river 77")
    assert client.get("/").context["next_step"] is not None


def test_password_change_rejects_a_wrong_old_password(client: Client) -> None:
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "nope", "password1": "another calm river 77", "password2": "another calm river 77"},
    )
    assert response.status_code == 200
    assert "Please type your current password" in response.content.decode()


def test_totp_two_factor_can_be_switched_on(anon_client: Client, user: Any) -> None:
    anon_client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    # Security changes ask for the password again first.
    assert anon_client.get("/accounts/2fa/totp/activate/").status_code == 302
    anon_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = anon_client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    import time

    code = hotp_value(secret, int(time.time()) // 30)
    response = anon_client.post("/accounts/2fa/totp/activate/", {"code": f"{code:06d}"})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
