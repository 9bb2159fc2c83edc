from __future__ import annotations

from functools import cache

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from bridgework import MODULES


@cache
def _nav_links() -> tuple[tuple[str, str, str], ...]:
    links = []
    for name in MODULES:
        label = getattr(apps.get_app_config(name), "nav_label", None)
        if not label:
            continue
        try:
            links.append((name, label, reverse(f"{name}:index")))
        except NoReverseMatch:
            continue  # never link to an area that does not exist yet
    return tuple(links)


def navigation(request: HttpRequest) -> dict[str, object]:
    path = request.path
    return {
        "nav_links": [
            {"name": name, "label": label, "url": url, "current": path.startswith(url)}
            for name, label, url in _nav_links()
        ]
    }
