"""The export file with each module's part kept sealed in the cache (``core.exporting``)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from bridgework import MODULES
from bridgework.accounts.models import data_changed
from bridgework.care.models import AccessLog
from bridgework.conftest import PASSWORD, make_user
from bridgework.core import encryption, exporting
from bridgework.core.encryption_keys import DecryptionError, Keyring, new_key
from bridgework.core.modules import export_all
from bridgework.core.tests.fill import fill_user
from bridgework.journal.models import Entry
from bridgework.ladder.tests.conftest import make_step
from bridgework.safety.models import ScreeningEvent

pytestmark = pytest.mark.django_db

NAMES = ["accounts", *MODULES]


def _export(client: Client) -> dict[str, Any]:
    response = client.get("/account/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    payload: dict[str, Any] = json.loads(response.content)
    return payload


def _bodies(payload: dict[str, Any]) -> list[str]:
    return [entry["body"] for entry in payload["data"]["journal"]["entries"]]


def _reloaded(user: Any) -> Any:
    # As each request does: the person and their profile (its data version) read afresh.
    return type(user).objects.select_related("profile").get(pk=user.pk)


def test_the_bytes_are_those_of_the_whole_export_and_the_same_when_kept(
    user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_user(user)
    moment = dt.datetime(2026, 5, 4, 3, 2, 1, 123456, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    expected = exporting.export_json(export_all(user))

    first = exporting.export_bytes(_reloaded(user))
    kept = exporting.export_bytes(_reloaded(user))

    assert first == expected
    assert kept == expected


def test_a_kept_export_holds_no_words_in_the_clear(user: Any) -> None:
    Entry.objects.create(user=user, date=timezone.localdate(), body="Marmalade lighthouse")

    exporting.export_bytes(_reloaded(user))

    stored = {name: cache.get(exporting.cache_key(user.pk, name)) for name in NAMES}
    kept = {name for name, value in stored.items() if value is not None}
    assert kept >= {"journal", "ladder", "circle", "safety"}
    assert not kept & {"accounts", "care"}  # KEEP = False: read on every export
    for name in kept:
        assert b"Marmalade" not in stored[name][1]
    assert b"Marmalade lighthouse" in encryption.unseal(stored["journal"][1])


def test_a_write_of_the_persons_own_is_in_the_next_export(user: Any, client: Client) -> None:
    Entry.objects.create(user=user, date=timezone.localdate(), body="First words")
    assert _bodies(_export(client)) == ["First words"]

    response = client.post(
        "/journal/new/", {"date": timezone.localdate().isoformat(), "body": "Second words"}
    )

    assert response.status_code == 302
    assert sorted(_bodies(_export(client))) == ["First words", "Second words"]


def test_an_export_is_served_from_what_was_kept_until_the_person_writes(
    user: Any, client: Client
) -> None:
    _export(client)
    # A row written behind the app's back (no version bump) is not read again: proof that
    # the kept part is served. Writes of the app always bump the version (next test).
    Entry.objects.create(user=user, date=timezone.localdate(), body="Behind its back")
    assert _bodies(_export(client)) == []

    data_changed(user.pk)

    assert _bodies(_export(client)) == ["Behind its back"]


def test_a_write_elsewhere_keeps_a_part_and_a_write_to_what_it_reads_renews_it(
    user: Any, client: Client
) -> None:
    _export(client)
    Entry.objects.create(user=user, date=timezone.localdate(), body="Written meanwhile")
    make_step(user, what="Ask Sam for a lift")

    data_changed(user.pk, "learn")  # what a write in Learn does: journal and ladder kept
    payload = _export(client)
    assert _bodies(payload) == []
    assert payload["data"]["ladder"]["steps"] == []

    data_changed(user.pk, "circle")  # the ladder's steps name circle people: renewed
    payload = _export(client)
    assert [step["what"] for step in payload["data"]["ladder"]["steps"]] == ["Ask Sam for a lift"]
    assert _bodies(payload) == []

    data_changed(user.pk)  # a change to anything (an import, a clinician's write)
    assert _bodies(_export(client)) == ["Written meanwhile"]


def test_the_safety_part_is_renewed_by_any_write(user: Any, client: Client) -> None:
    # Screening events come from saves in every module: the part has no AREAS.
    _export(client)
    ScreeningEvent.objects.create(user=user, source="journal", level="concern")

    data_changed(user.pk, "journal")

    assert len(_export(client)["data"]["safety"]["screening_events"]) == 1


def test_rows_a_page_makes_when_it_is_opened_are_in_the_next_export(
    user: Any, client: Client
) -> None:
    # Two GETs that write: the reminders page makes the settings on first use, and an
    # entry saved before levels were stored is screened when it is opened.
    entry = Entry.objects.create(user=user, date=timezone.localdate(), body="Ordinary day")
    Entry.objects.filter(pk=entry.pk).update(screening_level="")
    before = _export(client)
    assert before["data"]["checkin"]["reminder"] is None
    assert before["data"]["journal"]["entries"][0]["screening_level"] == ""

    assert client.get("/checkin/reminders/").status_code == 200
    assert client.get(f"/journal/{entry.pk}/").status_code == 200

    after = _export(client)
    assert after["data"]["checkin"]["reminder"] is not None
    assert after["data"]["journal"]["entries"][0]["screening_level"] == "none"


def test_parts_kept_by_other_code_are_not_served(
    user: Any, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    _export(client)
    Entry.objects.create(user=user, date=timezone.localdate(), body="After the upgrade")
    assert _bodies(_export(client)) == []  # kept

    monkeypatch.setattr(exporting, "_code_stamp", lambda: "another")  # a new deployment

    assert _bodies(_export(client)) == ["After the upgrade"]


def test_the_care_part_is_read_on_every_export(user: Any, client: Client) -> None:
    assert _export(client)["data"]["care"]["looks"] == []

    # A clinician's view of the person's data is logged without any write of the person's.
    AccessLog.objects.create(user=user, clinician_name="Dr Okafor", area="journal")

    assert [look["area"] for look in _export(client)["data"]["care"]["looks"]] == ["journal"]


def test_a_part_sealed_with_a_key_that_is_gone_is_read_again(user: Any, client: Client) -> None:
    Entry.objects.create(user=user, date=timezone.localdate(), body="Still mine")
    _export(client)
    key = exporting.cache_key(user.pk, "journal")
    version, _ = cache.get(key)
    stranger = Keyring(keys={"old1": new_key()}, current="old1")
    cache.set(key, (version, stranger.seal(b'{"entries":[]}')))

    assert _bodies(_export(client)) == ["Still mine"]


def test_deleting_the_account_drops_the_kept_export(user: Any, client: Client) -> None:
    _export(client)
    keys = [exporting.cache_key(user.pk, name) for name in NAMES]
    assert len(cache.get_many(keys)) >= 8

    response = client.post("/account/delete/", {"password": PASSWORD, "confirm": "DELETE"})

    assert response.status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()
    assert cache.get_many(keys) == {}


def test_another_person_never_gets_someone_elses_kept_export(user: Any, client: Client) -> None:
    Entry.objects.create(user=user, date=timezone.localdate(), body="Only for me")
    _export(client)
    other = make_user("other@example.org")
    other_client = Client()
    other_client.force_login(other)

    payload = _export(other_client)

    assert _bodies(payload) == []
    assert payload["data"]["accounts"]["email"] == "other@example.org"


def test_sealed_bytes_open_only_unchanged_and_with_their_key() -> None:
    keyring = Keyring(keys={"k1": new_key()}, current="k1")
    blob = keyring.seal(b"\x00private bytes\xff")

    assert keyring.unseal(blob) == b"\x00private bytes\xff"
    assert b"private" not in blob
    flipped = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(DecryptionError):
        keyring.unseal(flipped)
    with pytest.raises(DecryptionError):
        Keyring(keys={"k2": new_key()}, current="k2").unseal(blob)
    for junk in (b"", b"not sealed", b"bw1:k1:short"):
        with pytest.raises(DecryptionError):
            keyring.unseal(junk)
