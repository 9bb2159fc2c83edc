"""Shared test personas and the browser fixture.

Personas: ``user`` (Alice) and ``other_user`` (Bob). ``client`` is logged in as Alice,
``other_client`` as Bob, ``anon_client`` as nobody. Browser tests use ``page``, a headless
Debian chromium driven by Playwright, against pytest-django's ``live_server``; they
save a screenshot under ``test-output/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PASSWORD = "a calm river at dawn 42"
CHROMIUM = os.environ.get("BRIDGEWORK_CHROMIUM", "/usr/bin/chromium")
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "test-output"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Argon2 is right for real accounts and needlessly slow for hundreds of test users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _keep_the_test_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    # Background work (the task worker, session cleanup) and a WSGI app called directly
    # (schemathesis) run close_old_connections(), which closes a connection that is inside
    # a transaction. In a test that transaction is the test's own: on PostgreSQL closing it
    # would end the test's data mid-test (SQLite's in-memory database ignores the close).
    # Django's test client disconnects the same call for the same reason.
    from django.db.backends.base.base import BaseDatabaseWrapper

    original = BaseDatabaseWrapper.close_if_unusable_or_obsolete

    def keep_inside_a_transaction(self: BaseDatabaseWrapper) -> None:
        if self.in_atomic_block:
            return
        original(self)

    monkeypatch.setattr(
        BaseDatabaseWrapper, "close_if_unusable_or_obsolete", keep_inside_a_transaction
    )


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Rate limits live in the cache; one test's failed logins must not leak into the next.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def make_user(email: str, *, country: str = "GB", display_name: str = "") -> Any:
    from django.contrib.auth import get_user_model

    from bridgework.accounts.models import Profile

    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD
    )
    Profile.objects.create(user=user, country=country, display_name=display_name)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


@pytest.fixture
def user(db: None) -> Any:
    return make_user("alice@example.org", display_name="Alice")


@pytest.fixture
def other_user(db: None) -> Any:
    return make_user("bob@example.org", country="US", display_name="Bob")


@pytest.fixture
def client(user: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def other_client(other_user: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(other_user)
    return client


@pytest.fixture
def anon_client(db: None) -> Any:
    from django.test import Client

    return Client()


def warm_up_urls() -> None:
    """Import every app's URLs (and what their views import) before the browser's first
    request: on a busy machine that import alone can outlast a page-load timeout."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - evaluating the property does the imports


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    warm_up_urls()
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    OUTPUT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT_DIR / f"{request.node.name}.png"), full_page=True)
    context.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    data_dir = os.environ.get("BRIDGEWORK_DATA_DIR", "")
    if "bridgework-test-" in data_dir:
        shutil.rmtree(data_dir, ignore_errors=True)
