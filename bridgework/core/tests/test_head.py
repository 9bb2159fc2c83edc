"""HEAD on every page that answers GET gives the same status and headers, and no body."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .test_ownership_crawl import fill, has_id, routes


@pytest.mark.django_db
def test_head_is_answered_wherever_get_is(client: Client, user: Any) -> None:
    checked = 0
    for route in routes():
        if has_id(route) or route.startswith("api/"):
            continue
        url = fill(route, "1")
        got = client.get(url)
        if got.status_code == 405:
            continue  # a POST-only URL
        head = client.head(url)
        assert head.status_code == got.status_code, f"HEAD {url}: {head.status_code}, GET {got.status_code}"
        assert head.content == b"", url
        assert head.get("Content-Type") == got.get("Content-Type"), url
        checked += 1
    assert checked > 20


def test_anonymous_head_on_the_help_page(anon_client: Client) -> None:
    response = anon_client.head("/safety/help/")
    assert response.status_code == 200 and response.content == b""
