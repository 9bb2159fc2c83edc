"""Regression guard: what a page reads does not grow with the history behind it.

Each page in ``PAGES`` is requested for a person with a short history (``SHORT`` years of
demo data) and for one with three times as much. The second must not take more SQL
queries (an N+1 loop shows up at once), and must not decrypt much more text (a page that
reads a whole history in one query shows up as three times the decryptions). It counts,
it does not time, so it is stable on a busy machine.

Every module's ``<app>:index`` page is in the list automatically once it exists. To guard
another page, add a line to ``PAGES``: a label and a function of the person that returns
the page's URL (CONTRIBUTING.md, "Fixed-size pages").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from bridgework import MODULES
from bridgework.accounts.management.commands.demo import create_demo_person
from bridgework.core import encryption

SHORT = 0.25  # years; the long history is three times this


def _latest_results(user: Any) -> str:
    latest = user.sittings.filter(submitted_at__isnull=False).order_by("-submitted_at").first()
    return reverse("assess:results", args=[latest.pk])


def _busiest(model: str, related: str, name: str) -> Callable[[Any], str]:
    """The URL of the user's row of ``model`` with the most ``related`` rows."""

    def url(user: Any) -> str:
        from django.apps import apps
        from django.db.models import Count

        rows = apps.get_model(model).objects.filter(user=user)
        busiest = rows.annotate(n=Count(related)).order_by("-n", "pk").first()
        assert busiest is not None
        return reverse(name, args=[busiest.pk])

    return url


# label → URL for a given person. Keep the page's own name in the label.
PAGES: dict[str, Callable[[Any], str]] = {
    "home": lambda user: reverse("core:home"),
    "circle ledger": lambda user: reverse("circle:ledger"),
    "circle person": _busiest("circle.Person", "exchanges", "circle:person"),
    "ladder step": _busiest("ladder.Step", "attempts", "ladder:step_detail"),
    "ladder progress": lambda user: reverse("ladder:progress"),
    "assess latest results": _latest_results,
    "assess history": lambda user: reverse("assess:history", args=["phq9"]),
    "journal calendar": lambda user: reverse("journal:calendar"),
    "safety plan": lambda user: reverse("safety:plan"),
    "compassion kindness log": lambda user: reverse("compassion:kindness"),
    "export": lambda user: reverse("accounts:export"),
}


def _fixed(url: str) -> Callable[[Any], str]:
    return lambda user: url


for _name in MODULES:
    try:
        _url = reverse(f"{_name}:index")
    except NoReverseMatch:
        continue  # the area has no index page yet
    PAGES.setdefault(f"{_name} index", _fixed(_url))

# Pages whose reads may grow with history, and why. Keep these short.
EXEMPT: dict[str, str] = {
    "export": "the export is the whole history by design (bench/ times it instead)",
}
# Pages that may decrypt more text with more history (their query count is still guarded).
EXEMPT_TEXT: dict[str, str] = {}
# Decrypting this many values is cheap whatever the history (a page of 30 rows).
SMALL = 40


def measure(client: Client, url: str, monkeypatch: Any) -> tuple[int, int]:
    """(SQL queries, values decrypted) for one GET of ``url``."""
    decrypted = 0
    real = encryption.decrypt

    def counting(token: str) -> str:
        nonlocal decrypted
        decrypted += 1
        return real(token)

    # Pages cached per person (core/fragments.py) are measured as rendered from the
    # database, the first view after a write: a cache hit would hide an N+1.
    cache.clear()
    with monkeypatch.context() as patch:
        patch.setattr(encryption, "decrypt", counting)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), decrypted


@pytest.fixture(scope="module")
def people(django_db_setup: Any, django_db_blocker: Any) -> Any:
    with django_db_blocker.unblock():
        short = create_demo_person(email="short@example.org", password="demo-pass-123", years=SHORT)
        long = create_demo_person(
            email="long@example.org", password="demo-pass-123", years=3 * SHORT, seed=2
        )
    yield short, long
    with django_db_blocker.unblock():
        short.delete()
        long.delete()


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(set(PAGES) - set(EXEMPT)))
def test_reads_do_not_grow_with_history(label: str, people: Any, monkeypatch: Any) -> None:
    counts = []
    for user in people:
        client = Client()
        client.force_login(user)
        client.get(PAGES[label](user))  # first visit: session and cache set-up
        counts.append(measure(client, PAGES[label](user), monkeypatch))
    (short_sql, short_text), (long_sql, long_text) = counts
    assert long_sql <= short_sql, (
        f"{label}: {short_sql} queries, then {long_sql} with 3× the history"
    )
    if label in EXEMPT_TEXT:
        return
    # A few more people or steps over a longer time are fine; three times the text is not.
    assert long_text <= max(1.5 * short_text + 10, SMALL), (
        f"{label}: {short_text} values decrypted, then {long_text} with 3× the history"
    )


def test_a_static_page_costs_one_query_the_session_with_the_person(
    client: Client, django_assert_num_queries: Any
) -> None:
    client.get(reverse("core:privacy"))
    # The session's query reads the user and the profile whose time zone every page uses
    # (accounts/sessions.py).
    with django_assert_num_queries(1):
        assert client.get(reverse("core:privacy")).status_code == 200


def test_passwords_use_owasp_argon2_parameters() -> None:
    import bridgework.settings as configured  # the tests themselves hash with MD5
    from bridgework.accounts.hashers import Argon2PasswordHasher

    assert configured.PASSWORD_HASHERS[0] == "bridgework.accounts.hashers.Argon2PasswordHasher"
    hasher = Argon2PasswordHasher()
    assert (hasher.memory_cost, hasher.time_cost, hasher.parallelism) == (19 * 1024, 2, 1)
    assert hasher.verify("a long passphrase", hasher.encode("a long passphrase", hasher.salt()))
