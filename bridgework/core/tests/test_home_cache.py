"""The home page's per-person cache: served again until the person changes something."""

from __future__ import annotations

import re
from typing import Any

from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.test import Client

from bridgework.journal.models import Entry

from .fill import fill_user


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
    # The session with the user and profile: nothing else when the panels come from the cache.
    with django_assert_max_num_queries(1):
        client.get("/")


def test_every_browser_of_mine_shares_the_cached_copy_with_its_own_csrf_token(
    user: Any, django_assert_max_num_queries: Any
) -> None:
    """One cached copy for the person's phone, laptop and tabs; the forms in it carry the
    token of the browser that shows them, never the placeholder or another's token."""
    from bridgework.core.fragments import _placeholder

    fill_user(user)  # ladder steps: the ladder's list has a form per step
    first = Client(enforce_csrf_checks=True)
    first.force_login(user)
    first.get("/ladder/")
    second = Client(enforce_csrf_checks=True)
    second.force_login(user)
    with django_assert_max_num_queries(1):  # the session with the user: the page comes from the cache
        page = second.get("/ladder/").content.decode()
    assert _placeholder() not in page
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert tokens
    secret = second.cookies["csrftoken"].value
    assert secret != first.cookies["csrftoken"].value
    assert {_unmask_cipher_token(token) for token in tokens} == {secret}


def test_the_cached_copy_is_stored_encrypted(client: Client, user: Any) -> None:
    import pickle

    from django.core.cache import cache

    Entry.objects.create(user=user, body="x", date="2026-01-01")
    client.get("/")
    # The in-memory cache holds pickled values (tests run with it, like a laptop install).
    stored = [pickle.loads(value) for value in cache._cache.values()]  # type: ignore[attr-defined]
    # The page is one sealed text; its panels one entry of sealed texts (one a module).
    texts = [value for value in stored if isinstance(value, str)]
    texts += [text for value in stored if isinstance(value, dict) for text in value.values()]
    sealed = [value for value in texts if value.startswith("bw1:")]
    assert len(sealed) > 5, "the home page's HTML and its panels are cached, sealed"
    assert sealed == texts
    assert not any("1 entry" in value for value in texts)


def test_the_panels_are_written_to_the_cache_together(
    client: Client, user: Any, monkeypatch: Any
) -> None:
    """A home page computed cold writes two cache entries (its panels, then the page), not
    one a module: with the database cache each write is a transaction of its own."""
    from django.core.cache import cache

    writes: list[str] = []
    real_set, real_set_many = cache.set, cache.set_many

    def set_one(key: str, *args: Any, **kwargs: Any) -> None:
        writes.append(key)
        real_set(key, *args, **kwargs)

    def set_many(data: dict[str, Any], *args: Any, **kwargs: Any) -> list[str]:
        writes.extend(data)
        return real_set_many(data, *args, **kwargs)

    monkeypatch.setattr(cache, "set", set_one)
    monkeypatch.setattr(cache, "set_many", set_many)
    client.get("/")
    assert len(writes) == 2
    writes.clear()
    client.post("/journal/new/", {"date": "2026-01-01", "body": "A quiet day.", "mood": ""})
    client.get("/")
    # The journal's panel again, kept with the others in the one entry; and the page.
    assert len([key for key in writes if key.startswith("fragments:")]) == 1
