"""The privacy page is rendered once per process (``core.fragments.static_page``) and
served from memory: each response still carries its own CSRF token, the right
navigation, and whatever ``base.html`` shows only once (messages, crisis help)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.session import SessionStorage
from django.test import Client
from django.urls import reverse

from bridgework.core.fragments import _placeholder

PRIVACY = reverse("core:privacy")


def _tokens(html: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)) | set(
        re.findall(r'"X-CSRFToken": "([^"]+)"', html)
    )


def test_every_response_carries_its_browsers_own_csrf_token(user: Any) -> None:
    browsers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens = []
    for browser in browsers:
        browser.force_login(user)
        html = browser.get(PRIVACY).content.decode()
        assert _placeholder() not in html
        found = _tokens(html)
        assert len(found) == 1  # the logout form and htmx's header: one token, as a render gives
        tokens.append(found.pop())
    # Each browser's token is its own: the other's is refused, its own logs it out.
    assert browsers[0].post(reverse("account_logout"), {"csrfmiddlewaretoken": tokens[1]}).status_code == 403
    for browser, token in zip(browsers, tokens, strict=True):
        assert browser.post(reverse("account_logout"), {"csrfmiddlewaretoken": token}).status_code == 302


def test_the_navigation_follows_the_person_not_the_first_visitor(
    client: Client, anon_client: Client
) -> None:
    assert "Log out" in client.get(PRIVACY).content.decode()
    html = anon_client.get(PRIVACY).content.decode()
    assert "Log out" not in html and "Sign up" in html
    assert "Log out" in client.get(PRIVACY).content.decode()
    assert "Get help now" in html


def test_a_waiting_message_is_shown_once(client: Client) -> None:
    client.get(PRIVACY)  # the page is in memory now
    session = client.session
    storage = SessionStorage(SimpleNamespace(session={}))  # type: ignore[arg-type]
    session[storage.session_key] = storage.serialize_messages([Message(constants.SUCCESS, "Saved, thank you.")])
    session.save()
    assert "Saved, thank you." in client.get(PRIVACY).content.decode()
    assert "Saved, thank you." not in client.get(PRIVACY).content.decode()


def test_carried_crisis_help_is_shown_once(client: Client) -> None:
    client.get(PRIVACY)
    session = client.session
    session["bridgework_screening"] = {"level": "urgent"}
    session.save()
    assert 'id="crisis-help"' in client.get(PRIVACY).content.decode()
    assert 'id="crisis-help"' not in client.get(PRIVACY).content.decode()
