from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client

from bridgework.accounts.models import Profile
from bridgework.conftest import PASSWORD
from bridgework.learn.models import LessonProgress, SoundsLikeMe
from bridgework.safety.models import ScreeningEvent


def test_signup_shows_the_privacy_notice_first(anon_client: Client) -> None:
    body = anon_client.get("/accounts/signup/").content.decode()
    assert "Before you start: your privacy" in body
    assert body.index("your privacy") < body.index('name="email"')


def test_signup_creates_an_account_with_a_profile(anon_client: Client) -> None:
    response = anon_client.post(
        "/accounts/signup/",
        {"email": "carol@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="carol@example.org")
    assert Profile.objects.filter(user=user).exists()
    assert user.password.startswith("md5$")  # tests use a fast hasher …


def test_real_accounts_hash_with_argon2() -> None:
    from django.conf import settings

    # … the project setting (not the test override) is argon2 first.
    from bridgework import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings is not None


def test_signup_with_mismatched_passwords_keeps_the_email(anon_client: Client) -> None:
    response = anon_client.post(
        "/accounts/signup/",
        {"email": "dan@example.org", "password1": PASSWORD, "password2": "different one"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="dan@example.org"' in body
    assert "You must type the same password each time" in body


def test_profile_saves_country_and_timezone(client: Client, user: Any) -> None:
    response = client.post(
        "/account/profile/", {"display_name": "Al", "timezone": "Europe/Dublin", "country": "IE"}
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.timezone, profile.country) == ("Al", "Europe/Dublin", "IE")


def test_profile_rejects_an_unknown_timezone_and_keeps_input(client: Client, user: Any) -> None:
    response = client.post(
        "/account/profile/", {"display_name": "Kept", "timezone": "Mars/Olympus", "country": "IE"}
    )
    assert response.status_code == 200
    assert 'value="Kept"' in response.content.decode()
    assert Profile.objects.get(user=user).timezone == "UTC"


def test_profile_needs_login(anon_client: Client) -> None:
    assert anon_client.get("/account/profile/").status_code == 302


def test_profile_refuses_put(client: Client) -> None:
    assert client.put("/account/profile/").status_code == 405


def test_delete_needs_the_password_and_the_word(client: Client, user: Any) -> None:
    response = client.post("/account/delete/", {"password": "wrong", "confirm": "delete"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "not your current password" in body
    assert "Type DELETE in capital letters" in body
    assert get_user_model().objects.filter(pk=user.pk).exists()


def owned_models() -> list[Any]:
    """Every model with a direct foreign key to the user."""
    user_model = get_user_model()
    return [
        model
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if getattr(field, "related_model", None) is user_model and field.many_to_one
    ]


def test_delete_removes_every_row_the_user_owns(client: Client, user: Any, other_user: Any) -> None:
    LessonProgress.objects.create(user=user, lesson_slug="roots")
    SoundsLikeMe.objects.create(user=user, topic_id="control")
    ScreeningEvent.objects.create(user=user, level="concern", source="test")
    LessonProgress.objects.create(user=other_user, lesson_slug="roots")
    response = client.post("/account/delete/", {"password": PASSWORD, "confirm": "DELETE"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    for model in owned_models():
        fields = [f.name for f in model._meta.get_fields() if getattr(f, "related_model", None) is get_user_model() and f.many_to_one]
        for name in fields:
            assert not model.objects.filter(**{f"{name}_id": user.pk}).exists(), model
    assert not Profile.objects.filter(user_id=user.pk).exists()
    assert LessonProgress.objects.filter(user=other_user).count() == 1
    # The session is gone too: the next page is the logged-out welcome.
    assert b"Create a private account" in client.get("/").content


@pytest.mark.parametrize("path", ["/account/delete/", "/account/profile/"])
def test_account_pages_render(client: Client, path: str) -> None:
    assert client.get(path).status_code == 200


def test_profile_select_marks_the_saved_choice_and_describes_errors(client: Client, user: Any) -> None:
    Profile.objects.filter(user=user).update(timezone="Europe/Dublin")
    body = client.get("/account/profile/").content.decode()
    assert '<option value="Europe/Dublin" selected>Dublin</option>' in body
    assert '<select name="timezone"' in body and 'id="id_timezone"' in body
    bad = client.post("/account/profile/", {"display_name": "", "timezone": "Nope/Nope", "country": "GB"})
    html = bad.content.decode()
    assert 'aria-invalid="true"' in html
    assert '<option value="GB" selected>' in html


def test_signup_leads_to_the_optional_welcome_step(anon_client: Client) -> None:
    response = anon_client.post(
        "/accounts/signup/",
        {"email": "fay@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/welcome/"
    page = anon_client.get("/account/welcome/")
    assert page.status_code == 200
    assert "Skip for now" in page.content.decode()


def test_welcome_saves_country_and_goes_home(client: Client, user: Any) -> None:
    response = client.post(
        "/account/welcome/", {"display_name": "", "timezone": "Pacific/Auckland", "country": "NZ"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    profile = Profile.objects.get(user=user)
    assert (profile.country, profile.timezone) == ("NZ", "Pacific/Auckland")


def test_welcome_keeps_input_on_a_bad_time_zone(client: Client) -> None:
    response = client.post(
        "/account/welcome/", {"display_name": "Kit", "timezone": "Nowhere/Land", "country": "NZ"}
    )
    assert response.status_code == 200
    assert 'value="Kit"' in response.content.decode()


def test_welcome_needs_login_and_refuses_put(anon_client: Client, client: Client) -> None:
    assert anon_client.get("/account/welcome/").status_code == 302
    assert client.put("/account/welcome/").status_code == 405
