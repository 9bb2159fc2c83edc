"""The web app manifest and the service worker (bridgework.core.pwa)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.staticfiles import finders


def test_the_manifest_names_the_app_and_its_icons(anon_client: Any) -> None:
    response = anon_client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Bridgework"
    assert data["start_url"] == "/"
    assert data["display"] == "standalone"
    assert data["theme_color"] and data["background_color"]
    sizes = {icon["sizes"] for icon in data["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes


def test_the_icons_are_real_pngs_of_the_stated_size() -> None:
    import struct

    for name, size in (("core/icon-192.png", 192), ("core/icon-512.png", 512), ("core/icon-maskable-512.png", 512)):
        path = finders.find(name)
        assert isinstance(path, str), name
        with open(path, "rb") as handle:
            head = handle.read(24)
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", head[16:24]) == (size, size)


def test_the_service_worker_is_served_from_the_root_and_never_cached_stale(anon_client: Any) -> None:
    response = anon_client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    assert '"/safety/help/"' in body
    assert "/static/core/bridgework.css" in body
    # Pages are fetched without being stored; only the anonymous help page is kept.
    assert 'credentials: "omit"' in body


def test_every_page_links_the_manifest_and_theme_colours(anon_client: Any) -> None:
    body = anon_client.get("/safety/help/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in body
    assert body.count('name="theme-color"') == 2


def test_the_manifest_and_worker_refuse_posts(anon_client: Any) -> None:
    assert anon_client.post("/manifest.webmanifest").status_code == 405
    assert anon_client.post("/sw.js").status_code == 405
