"""Pages cached per person and per area (core/fragments.py ``areas``): a write to one
module leaves the others' cached pages valid, and refreshes its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client

from bridgework.accounts.models import data_changed
from bridgework.circle.models import Person
from bridgework.core.fragments import EVERYTHING
from bridgework.journal.models import Entry

TODAY = dt.date(2026, 1, 1).isoformat()


def area_versions(user_id: int) -> dict[str, int]:
    from bridgework.accounts.models import Profile

    versions = Profile.objects.filter(user_id=user_id).values_list("area_versions", flat=True).first()
    return versions or {}


def _journal_entry(client: Client, body: str) -> None:
    response = client.post("/journal/new/", {"date": TODAY, "body": body, "mood": ""})
    assert response.status_code == 302


def test_a_write_bumps_only_its_modules_area(client: Client, user: Any) -> None:
    _journal_entry(client, "A quiet day.")
    assert area_versions(user.pk) == {"journal": 1}
    client.post("/circle/people/new/", {"name": "Sam", "ring": "close", "comfort": "60"})
    assert area_versions(user.pk)["circle"] == 1
    assert area_versions(user.pk)["journal"] == 1


def test_a_write_outside_a_module_bumps_everything(user: Any) -> None:
    data_changed(user.pk)
    data_changed(user.pk)
    assert area_versions(user.pk) == {EVERYTHING: 2}


def test_the_journal_list_is_refreshed_by_a_journal_write(client: Client, user: Any) -> None:
    client.get("/journal/")
    _journal_entry(client, "Walked by the river.")
    assert "Walked by the river." in client.get("/journal/").content.decode()


def test_the_journal_list_survives_a_write_elsewhere(client: Client, user: Any) -> None:
    client.get("/journal/")
    Entry.objects.create(user=user, body="written behind the app's back", date=TODAY)
    client.post("/circle/people/new/", {"name": "Sam", "ring": "close", "comfort": "60"})
    assert Person.objects.filter(user=user).exists()
    # Served from the cache: the circle write did not touch the journal.
    assert "written behind the app" not in client.get("/journal/").content.decode()


def test_a_change_to_everything_refreshes_the_journal_list(client: Client, user: Any) -> None:
    client.get("/journal/")
    Entry.objects.create(user=user, body="written by an import", date=TODAY)
    data_changed(user.pk)  # what a clinician's change or a background task calls
    assert "written by an import" in client.get("/journal/").content.decode()


def test_the_ledger_is_refreshed_by_a_circle_write(client: Client, user: Any) -> None:
    client.get("/circle/ledger/")
    client.post("/circle/people/new/", {"name": "Samira", "ring": "close", "comfort": "60"})
    assert "Samira" in client.get("/circle/ledger/").content.decode()


def test_another_persons_writes_leave_my_versions_alone(
    client: Client, other_client: Client, user: Any
) -> None:
    _journal_entry(other_client, "Bob's day.")
    assert area_versions(user.pk) == {}


def test_deleting_the_account_records_nothing(client: Client, user: Any) -> None:
    from bridgework.conftest import PASSWORD

    response = client.post("/account/delete/", {"password": PASSWORD, "confirm": "DELETE"})
    assert response.status_code == 302
    assert area_versions(user.pk) == {}


def test_a_journal_entry_recomputes_the_journal_panel_not_the_circle_panel(
    client: Client, user: Any
) -> None:
    client.get("/")
    Person.objects.create(user=user, name="Behind the app's back", ring="close", comfort=50)
    _journal_entry(client, "A quiet day.")
    body = client.get("/").content.decode()
    assert "1 entry; the latest on 1 January 2026" in body  # the journal's panel: fresh
    assert "1 person" not in body  # the circle's: still the cached one


def test_a_change_to_everything_recomputes_every_panel(client: Client, user: Any) -> None:
    client.get("/")
    Person.objects.create(user=user, name="Sam", ring="close", comfort=50)
    data_changed(user.pk)
    assert "1 person" in client.get("/").content.decode()


def test_the_home_page_reads_the_cache_once(
    client: Client, user: Any, django_assert_max_num_queries: Any
) -> None:
    client.get("/")
    # The session with the user and profile (and its versions): the panels come from the cache.
    with django_assert_max_num_queries(1):
        client.get("/")


def test_the_circle_page_is_refreshed_by_a_circle_write_only(client: Client, user: Any) -> None:
    client.get("/circle/")
    client.post("/circle/people/new/", {"name": "Samira", "ring": "close", "comfort": "60"})
    assert "Samira" in client.get("/circle/").content.decode()
    Person.objects.create(user=user, name="Behind the app's back", ring="close", comfort=50)
    _journal_entry(client, "A quiet day.")
    assert "Behind the app" not in client.get("/circle/").content.decode()


def test_a_results_page_is_refreshed_by_a_write_in_recognise(client: Client, user: Any) -> None:
    from django.urls import reverse

    from bridgework.assess.tests.test_views import submitted

    sitting = submitted(user, "phq9", 7)
    url = reverse("assess:results", args=[sitting.pk])
    assert "<strong>7</strong>" in client.get(url).content.decode()
    type(sitting).objects.filter(pk=sitting.pk).update(total=9)
    _journal_entry(client, "A quiet day.")
    assert "<strong>7</strong>" in client.get(url).content.decode()  # cached: not Recognise
    data_changed(user.pk, "assess")  # what a write under /assess/ does
    assert "<strong>9</strong>" in client.get(url).content.decode()


def test_a_write_under_voice_counts_for_the_ladder_too(client: Client, user: Any) -> None:
    # Sending or debriefing a message logs a ladder attempt (VoiceConfig.writes_areas).
    client.post("/voice/new/", {})
    assert area_versions(user.pk) == {"voice": 1, "ladder": 1}


def test_a_write_outside_the_modules_counts_for_everything(client: Client, user: Any) -> None:
    client.post("/account/profile/", {})
    assert area_versions(user.pk) == {EVERYTHING: 1}
