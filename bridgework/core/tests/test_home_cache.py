"""The home page's per-person cache: served again until the person changes something."""

from __future__ import annotations

from typing import Any

from django.test import Client

from bridgework.core.fragments import person_key
from bridgework.journal.models import Entry


def test_a_write_of_mine_refreshes_the_home_page(client: Client, user: Any) -> None:
    assert "A private place to write" in client.get("/").content.decode()
    client.post("/journal/new/", {"date": "2026-01-01", "body": "A quiet day.", "mood": ""})
    user.profile.refresh_from_db()
    assert user.profile.data_version >= 1
    assert "1 entry; the latest on 1 January 2026" in client.get("/").content.decode()


def test_the_cached_panels_are_not_recomputed(
    client: Client, user: Any, django_assert_max_num_queries: Any
) -> None:
    client.get("/")
    Entry.objects.create(user=user, body="written behind the app's back")
    # Session and user (with the profile): nothing else when the panels come from the cache.
    with django_assert_max_num_queries(2):
        client.get("/")


def test_each_browser_gets_its_own_cached_copy(user: Any) -> None:
    # The panels hold forms, so a cached copy must carry this browser's CSRF token.
    keys = []
    for _ in range(2):
        browser = Client()
        browser.force_login(user)
        browser.get("/")
        keys.append(person_key(browser.get("/").wsgi_request))
    assert keys[0] != keys[1]


def test_the_cached_copy_is_stored_encrypted(client: Client, user: Any) -> None:
    import pickle

    from django.core.cache import cache

    Entry.objects.create(user=user, body="x", date="2026-01-01")
    client.get("/")
    # The in-memory cache holds pickled values (tests run with it, like a laptop install).
    stored = [pickle.loads(value) for value in cache._cache.values()]  # type: ignore[attr-defined]
    sealed = [value for value in stored if isinstance(value, str) and value.startswith("bw1:")]
    assert sealed, "the home page's HTML is cached, sealed"
    assert not any("1 entry" in value for value in stored if isinstance(value, str))
