"""Bridgework on a phone: the demo person (``bridgework demo``, a year of data) at
390 × 844 visits every page reachable from home within two clicks. No page may scroll
sideways, and axe-core must find nothing (WCAG 2.2 AA, including target size).

Also: the web app manifest, the service worker and Get help now offline; and the
screenshots in docs/screenshots/ (retaken with ``scripts/screenshots.sh``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
DEMO_EMAIL = "demo@example.org"
DEMO_PASSWORD = "a demo password for phones"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}
# Links that leave the page flow: downloads, log out, other sites, destructive forms.
SKIP_PREFIXES = ("/api/", "/account/export/", "/accounts/logout/", "/static/", "/admin/")
SKIP_SUFFIXES = (".csv", ".json", ".pdf", ".ics", "/fhir/", "/export/")
ROOT = Path(__file__).resolve().parents[3]


def demo_person() -> Any:
    from bridgework.accounts.management.commands.demo import create_demo_person
    from bridgework.conftest import warm_up_urls

    warm_up_urls()
    return create_demo_person(email=DEMO_EMAIL, password=DEMO_PASSWORD, years=1)


def log_in(page: Any) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def links_on(page: Any) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme and parts.scheme not in ("http", "https"):
            continue  # tel:, sms:, mailto:
        if parts.netloc and not page.url.startswith(f"{parts.scheme}://{parts.netloc}"):
            continue
        path = parts.path
        if not path.startswith("/") or path.startswith(SKIP_PREFIXES) or path.endswith(SKIP_SUFFIXES):
            continue
        paths.append(path + (f"?{parts.query}" if parts.query else ""))
    return paths


def shape(path: str) -> str:
    """One visit per kind of page: /journal/12/ and /journal/13/ are the same page."""
    return re.sub(r"/\d+(?=/)", "/<id>", path.split("?")[0].split("#")[0])


def axe_violations(page: Any, axe: Axe) -> list[str]:
    result = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(str(node["target"][0]) for node in v["nodes"][:3])
        for v in result.response["violations"]
    ]


def sideways(page: Any) -> int:
    """How many pixels the page is wider than the screen (0 when nothing scrolls sideways)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def test_every_page_two_clicks_from_home_fits_a_phone_and_passes_axe(browser: Any, live_server: Any) -> None:
    demo_person()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(20_000)
    page = context.new_page()
    log_in(page)
    axe = Axe()
    page.goto("/")
    first = list(dict.fromkeys(links_on(page)))
    seen: set[str] = {"/"}
    queue = [(path, 1) for path in first]
    problems: list[str] = []
    pages = 0
    while queue:
        path, depth = queue.pop(0)
        if shape(path) in seen:
            continue
        seen.add(shape(path))
        response = page.goto(path)
        assert response is not None
        if response.status >= 400:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        pages += 1
        if (extra := sideways(page)) > 0:
            problems.append(f"{path}: scrolls sideways by {extra} px at 390 px")
        problems += axe_violations(page, axe)
        if depth < 2:
            queue += [(link, depth + 1) for link in links_on(page) if shape(link) not in seen]
    context.close()
    assert pages >= 25, f"only {pages} pages reached: {sorted(seen)}"
    assert not problems, "\n".join(problems)


def test_get_help_now_stays_on_screen_while_scrolling(browser: Any, live_server: Any) -> None:
    demo_person()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    log_in(page)
    page.goto("/ladder/progress/")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 500")
    help_now = page.locator(".site-header .help-now")
    box = help_now.bounding_box()
    assert box is not None and 0 <= box["y"] < 80 and box["height"] >= 44
    context.close()


def test_it_installs_and_shows_get_help_now_offline(browser: Any, live_server: Any) -> None:
    from bridgework.conftest import warm_up_urls

    warm_up_urls()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto("/")
    manifest_href = page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = page.request.get(manifest_href).json()
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    for icon in manifest["icons"]:
        assert page.request.get(icon["src"]).ok, icon["src"]
    # The worker installs (precaching the shell and Get help now) and takes control.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto("/safety/help/")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    cached = page.evaluate(
        """async () => {
            const names = await caches.keys();
            const urls = [];
            for (const name of names) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
            }
            return urls;
        }"""
    )
    # Nothing but static files and the help page is ever stored.
    assert "/safety/help/" in cached
    assert all(url.startswith("/static/") or url == "/safety/help/" for url in cached), cached
    context.set_offline(True)
    page.goto("/safety/help/")
    assert page.get_by_role("heading", name="Get help now").is_visible()
    assert page.locator("a[href^='tel:']").count() >= 0
    # Any other page offline falls back to the saved help page rather than an error.
    page.goto("/journal/")
    assert page.get_by_role("heading", name="Get help now").is_visible()
    context.set_offline(False)
    context.close()


SCREENSHOTS = [
    ("home", "/"),
    ("help", "/safety/help/"),
    ("safety-plan", "/safety/plan/"),
    ("ladder-progress", "/ladder/progress/"),
    ("ledger", "/circle/ledger/"),
    ("journal-new", "/journal/new/"),
    ("account", "/account/profile/"),
]


@pytest.mark.skipif(
    not os.environ.get("BRIDGEWORK_SCREENSHOTS"),
    reason="retakes docs/screenshots/; run scripts/screenshots.sh",
)
def test_screenshots(browser: Any, live_server: Any) -> None:
    out = Path(os.environ["BRIDGEWORK_SCREENSHOTS"])
    if not out.is_absolute():
        out = ROOT / out
    out.mkdir(parents=True, exist_ok=True)
    demo_person()
    for size_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            device_scale_factor=1,
            is_mobile=size_name == "phone",
            has_touch=size_name == "phone",
        )
        page = context.new_page()
        log_in(page)
        for name, path in SCREENSHOTS:
            page.goto(path)
            full = os.environ.get("BRIDGEWORK_SCREENSHOTS_FULL") == "1"
            page.screenshot(path=str(out / f"{name}-{size_name}.png"), full_page=full)
        context.close()
