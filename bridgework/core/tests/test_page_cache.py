"""Whole pages of a person's own data from the per-person cache (``core.fragments.cached_page``):
served again only while nothing they show has changed, each with its browser's own CSRF
token, and never in place of something shown once."""

from __future__ import annotations

import pickle
from typing import Any

from django.core.cache import cache
from django.test import Client

from bridgework.accounts.models import data_changed
from bridgework.circle.models import Person
from bridgework.journal.models import Entry

PAGES = ["/", "/ladder/", "/circle/", "/circle/ledger/", "/journal/"]


def test_a_second_view_is_one_query_and_the_same_page(
    client: Client, django_assert_num_queries: Any
) -> None:
    for path in PAGES:
        first = client.get(path).content
        with django_assert_num_queries(1):  # the session with the person: nothing else
            again = client.get(path).content
        assert again.count(b"csrfmiddlewaretoken") == first.count(b"csrfmiddlewaretoken"), path
        assert len(again) == len(first), path  # only the CSRF tokens differ (same length)


def test_a_write_in_the_module_refreshes_its_page(client: Client, user: Any) -> None:
    client.get("/journal/")
    client.post("/journal/new/", {"date": "2026-01-02", "mood": "", "prompt_id": "", "body": "Walked by the river."})
    assert "Walked by the river." in client.get("/journal/").content.decode()


def test_a_change_behind_the_apps_back_is_seen_after_data_changed(client: Client, user: Any) -> None:
    client.get("/circle/")
    Person.objects.create(user=user, name="Samira", ring="close", comfort=50)
    assert "Samira" not in client.get("/circle/").content.decode()  # cached, as designed
    data_changed(user.pk, "circle")
    assert "Samira" in client.get("/circle/").content.decode()


def _page_keys() -> set[str]:
    return {key for key in cache._cache if ":page:" in key}  # type: ignore[attr-defined]


def test_a_query_string_is_rendered_not_cached(client: Client, user: Any) -> None:
    Entry.objects.create(user=user, body="x", date="2026-01-01")
    client.get("/journal/?page=1")
    assert not _page_keys()
    client.get("/journal/")
    assert len(_page_keys()) == 1


def test_a_waiting_message_is_shown_once_then_the_cached_page_again(client: Client, user: Any) -> None:
    client.get("/ladder/")
    response = client.post("/journal/new/", {"date": "2026-01-02", "mood": "", "prompt_id": "", "body": "A note."})
    assert response.status_code == 302  # "Your entry is saved." waits in the session
    assert "Your entry is saved." in client.get("/ladder/").content.decode()
    assert "Your entry is saved." not in client.get("/ladder/").content.decode()


def test_a_profile_change_shows_at_once(client: Client, user: Any) -> None:
    user.profile.country = "GB"
    user.profile.save(update_fields=["country"])
    assert "Set your country" not in client.get("/").content.decode()
    user.profile.country = ""
    user.profile.save(update_fields=["country"])
    assert "Set your country" in client.get("/").content.decode()


def test_the_cached_page_is_stored_encrypted(client: Client, user: Any) -> None:
    Person.objects.create(user=user, name="Samira", ring="close", comfort=50)
    client.get("/circle/")
    stored = [pickle.loads(value) for value in cache._cache.values()]  # type: ignore[attr-defined]
    assert any(isinstance(value, str) and value.startswith("bw1:") for value in stored)
    assert not any("Samira" in value for value in stored if isinstance(value, str))
    assert not any("Samira" in key for key in cache._cache)  # type: ignore[attr-defined]


def test_another_person_never_gets_my_page(client: Client, other_client: Client, user: Any) -> None:
    Person.objects.create(user=user, name="Samira", ring="close", comfort=50)
    assert "Samira" in client.get("/circle/").content.decode()
    assert "Samira" not in other_client.get("/circle/").content.decode()


def test_the_csrf_token_is_djangos_secret_under_a_new_mask_each_time(rf: Any) -> None:
    from django.middleware import csrf
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, _get_new_csrf_string

    from bridgework.core.fragments import csrf_token

    request = rf.get("/")
    secret = _get_new_csrf_string()
    request.META["CSRF_COOKIE"] = secret
    tokens = {csrf_token(request) for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert len(token) == 64 and set(token) <= set(CSRF_ALLOWED_CHARS)
        # What Django's middleware checks: the token unmasks to the browser's secret.
        assert csrf._unmask_cipher_token(token) == secret  # type: ignore[attr-defined]
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True  # the cookie is sent again
    # Every character of the alphabet turns up in the masks (none is left out).
    assert set("".join(token[:32] for token in tokens)) == set(CSRF_ALLOWED_CHARS)


def test_a_browser_without_a_csrf_secret_gets_one_from_django(rf: Any) -> None:
    from bridgework.core.fragments import csrf_token

    request = rf.get("/")
    token = csrf_token(request)
    assert len(token) == 64 and len(request.META["CSRF_COOKIE"]) == 32
