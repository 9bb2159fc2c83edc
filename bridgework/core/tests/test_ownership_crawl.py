"""Every URL in the app, probed as a user who owns nothing, with the ids of another user's
objects and with nonsense ids: never a server error, never another person's data.

This complements each app's own "another user's object → 404" tests: a new view that
forgets its access helper fails here without anyone writing a test for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from bridgework import MODULES

# Paths owned by django-allauth (tested upstream) and static files are not crawled.
SKIP_PREFIXES = ("accounts/", "static/")
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def routes() -> list[str]:
    found = []
    for route in patterns():
        route = route.lstrip("^").rstrip("$").replace("\\Z", "")
        if route.startswith(SKIP_PREFIXES) or "(?P<" in route:
            continue
        found.append(route)
    return sorted(set(found))


def is_id(converter: str | None, name: str) -> bool:
    """An object id: ``<int:pk>`` in pages, ``<step_id>`` (typed by ninja) in the API."""
    if converter == "int":
        return name not in {"year", "month", "day"}
    return converter is None and (name == "pk" or name.endswith("_id"))


def has_id(route: str) -> bool:
    return any(is_id(m.group(1), m.group(2)) for m in CONVERTER.finditer(route))


def fill(route: str, value: str) -> str:
    def replace(match: re.Match[str]) -> str:
        converter, name = match.group(1), match.group(2)
        if is_id(converter, name):
            return value
        return {"year": "2026", "month": "11", "day": "1"}.get(name, "nope")

    return "/" + CONVERTER.sub(replace, route)


def bobs_data(bob: Any) -> None:
    from bridgework.circle.models import Exchange
    from bridgework.circle.services import person_create
    from bridgework.journal.models import Entry
    from bridgework.ladder.library import templates
    from bridgework.ladder.services import attempt_log, step_adopt

    today = timezone.localdate()
    step, _ = step_adopt(user=bob, template=templates()[0])
    attempt_log(
        step=step,
        happened_on=today,
        discomfort_before=30,
        discomfort_peak=40,
        discomfort_after=10,
        feared_happened="no",
        response="better",
    )
    person, _ = person_create(user=bob, name="Bob's friend", ring="close", comfort=70)
    Exchange.objects.create(
        user=bob, person=person, direction="received", kind="practical", size="small", occurred_on=today
    )
    Entry.objects.create(user=bob, body="Bob's private words", date=today - dt.timedelta(days=1))
    client = Client()
    client.force_login(bob)
    client.post("/assess/phq9/start/")
    # A few weeks of demo data in every module (each app's demo.py), so a new app's
    # objects are crawled without this file having to know about it.
    import random

    from bridgework.core.modules import demo_all

    demo_all(bob, years=0.08, rng=random.Random(7), today=today)


def owned_counts(bob: Any) -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in MODULES:
            fields = {f.name for f in model._meta.get_fields()}
            if "user" in fields:
                counts[model.__name__] = model._default_manager.filter(user=bob).count()
    return counts


@pytest.mark.django_db
def test_no_url_leaks_or_breaks_on_another_users_ids(client: Client, other_user: Any) -> None:
    bobs_data(other_user)
    before = owned_counts(other_user)
    # Up to three of Bob's objects of every kind (all belong to Bob: Alice owns nothing).
    ids = sorted(
        {
            str(pk)
            for model in apps.get_models()
            if model._meta.app_label in MODULES
            for pk in model._default_manager.order_by("pk").values_list("pk", flat=True)[:3]
        }
    )
    assert ids, "the crawl needs some of Bob's objects"
    probed = 0
    for route in routes():
        values = [*ids, "999999999", "-1", "x"] if has_id(route) else ["nope"]
        for value in values:
            path = fill(route, value)
            for method in ("get", "post", "delete"):
                response = getattr(client, method)(path)
                probed += 1
                assert response.status_code < 500, f"{method.upper()} {path}: {response.status_code}"
                if has_id(route) and method == "get":
                    assert response.status_code in (400, 404, 405, 422), f"GET {path}: {response.status_code}"
                body = response.content.decode("utf-8", "replace")
                assert "Bob's private words" not in body and "Bob's friend" not in body, path
    assert owned_counts(other_user) == before  # nothing of Bob's changed or vanished
    assert probed > 300, probed


@pytest.mark.django_db
def test_a_clinician_reaches_only_what_their_own_client_shares(user: Any, other_user: Any) -> None:
    """The clinician role: another clinician's client, an ended link, an unshared area and
    an unshared journal entry all answer 404; only the shared pages of an open link open."""
    from bridgework.care.models import SharedEntry
    from bridgework.care.services import link_end
    from bridgework.care.tests.data import fill
    from bridgework.care.tests.helpers import link_between, logged_in, make_clinician

    carol = make_clinician("carol@clinic.example")
    dave = make_clinician("dave@clinic.example", name="Dr Dave Other")
    alice = fill(user)
    bobs = fill(other_user)
    mine = link_between(user, carol, assessments=True)  # Alice shares questionnaires only
    SharedEntry.objects.create(link=mine, entry=alice["shared"])
    ended = link_between(other_user, carol, assessments=True, ladder=True, safety_plan=True)
    SharedEntry.objects.create(link=ended, entry=bobs["shared"])
    link_end(user=other_user, link=ended)
    daves = link_between(other_user, dave, assessments=True, ladder=True, ladder_notes=True,
                         circle=True, circle_names=True, safety_plan=True, checkins=True)
    SharedEntry.objects.create(link=daves, entry=bobs["shared"])
    allowed = {
        ("care/clinician/clients/<int:pk>/", mine.pk, None),
        ("care/clinician/clients/<int:pk>/assessments/", mine.pk, None),
        ("care/clinician/clients/<int:pk>/assessments/fhir/", mine.pk, None),
        ("care/clinician/clients/<int:pk>/report.pdf", mine.pk, None),
        ("care/clinician/clients/<int:pk>/journal/", mine.pk, None),
        ("care/clinician/clients/<int:pk>/journal/<int:entry_pk>/", mine.pk, alice["shared"].pk),
    }
    link_ids = [mine.pk, ended.pk, daves.pk, 999999999, -1]
    entry_ids = [alice["shared"].pk, alice["private"].pk, bobs["shared"].pk, bobs["private"].pk]
    secrets = ["Secret ladder note", "Secret Friend Name", "Secret warning sign", "Private journal words"]
    client = logged_in(carol)
    probed = 0
    for route in routes():
        if not route.startswith("care/clinician/clients/<int:pk>"):
            continue
        for pk in link_ids:
            for entry_pk in entry_ids if "<int:entry_pk>" in route else [None]:
                path = "/" + route.replace("<int:pk>", str(pk)).replace("<int:entry_pk>", str(entry_pk))
                response = client.get(path)
                probed += 1
                expected = 200 if (route, pk, entry_pk) in allowed else 404
                assert response.status_code == expected, f"GET {path}: {response.status_code}"
                if response["Content-Type"].startswith("text/html"):
                    body = response.content.decode()
                    assert not any(secret in body for secret in secrets), path
                assert client.post(path).status_code in (404, 405), path
    assert probed >= 40, probed
