"""The web app manifest and the service worker, so Bridgework can be installed on a phone
and Get help now still shows its crisis lines without a connection.

The service worker is served from the site root (``/sw.js``) because a worker only
controls pages at or below its own URL. It caches static files and an anonymous copy of
Get help now, and nothing else: no page with a person's own data ever enters the cache.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

THEME_LIGHT = "#1d5c63"
BACKGROUND_LIGHT = "#f7f6f2"
THEME_DARK = "#12181a"

# The app shell: what every page loads. Precached when the worker installs.
SHELL = (
    "core/bridgework.css",
    "core/bridgework.js",
    "django_htmx/htmx-2.min.js",
    "core/icon.svg",
    "core/icon-192.png",
    "core/icon-512.png",
)


def manifest_data() -> dict[str, object]:
    return {
        "name": "Bridgework",
        "short_name": "Bridgework",
        "description": "A private, self-guided practice program for letting people help you.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "lang": "en",
        "background_color": BACKGROUND_LIGHT,
        "theme_color": THEME_LIGHT,
        "icons": [
            {"src": static("core/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": static("core/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {
                "src": static("core/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("core/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
        "shortcuts": [{"name": "Get help now", "url": reverse("safety:help")}],
    }


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        json.dumps(manifest_data(), indent=2), content_type="application/manifest+json"
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


@cache
def _shell_version() -> str:
    # A new release changes the static files, which changes this, which makes browsers
    # install the new worker and drop the old cache.
    digest = hashlib.sha256()
    for name in SHELL:
        path = finders.find(name)
        if isinstance(path, str):
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:12]


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    response = render(
        request,
        "core/sw.js",
        {
            "version": _shell_version(),
            "shell": json.dumps([static(name) for name in SHELL]),
            "static_prefix": json.dumps(static("")),
            "help_url": json.dumps(reverse("safety:help")),
        },
        content_type="text/javascript; charset=utf-8",
    )
    # Browsers must always check for a new worker; it may control the whole site.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response
