"""``bridgework rotate-key`` and the wrong-key startup check."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from bridgework.core import encryption, encryption_keys
from bridgework.core.checks import encryption_keys_match_database
from bridgework.journal.models import Entry
from bridgework.safety.management.commands.screen import screen_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_file(tmp_path: Path, settings: Any) -> Any:
    settings.BRIDGEWORK_DATA_DIR = tmp_path
    settings.BRIDGEWORK_ENCRYPTION_KEYS = ""
    encryption.get_keyring.cache_clear()
    encryption_keys.create_key_file(tmp_path / encryption_keys.KEY_FILE_NAME)
    encryption.get_keyring.cache_clear()
    yield tmp_path / encryption_keys.KEY_FILE_NAME
    encryption.get_keyring.cache_clear()


def _raw_body(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM journal_entry WHERE id = %s", [pk])
        return str(cursor.fetchone()[0])


def test_rotate_key_reencrypts_every_row_and_keeps_old_keys(key_file: Path, user: Any) -> None:
    entry = Entry.objects.create(user=user, body="under the old key", date=dt.date(2026, 1, 1))
    old_kid = encryption.get_keyring().current
    out = io.StringIO()
    call_command("rotate_key", stdout=out)
    ring = encryption_keys.read_key_file(key_file)
    assert ring.current != old_kid and old_kid in ring.keys
    assert _raw_body(entry.pk).startswith(f"bw1:{ring.current}:")
    assert Entry.objects.get(pk=entry.pk).body == "under the old key"
    assert "re-encrypted" in out.getvalue()
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"


def test_a_wrong_key_file_is_reported_at_startup(key_file: Path, user: Any) -> None:
    Entry.objects.create(user=user, body="written with the right key")
    assert encryption_keys_match_database() == []
    key_file.unlink()
    ring = encryption_keys.create_key_file(key_file)
    # Same id, different key: the worst case, caught by the authentication tag.
    encryption.get_keyring.cache_clear()
    assert ring.current
    errors = encryption_keys_match_database()
    assert errors and errors[0].id == "bridgework.E001"
    assert "do not match this database" in errors[0].msg


def test_screen_command_follows_the_contract() -> None:
    stdin = io.StringIO(
        "I want to die\nMy partner offered to help and I said I'd do it myself\n\n😀\n"
    )
    out = io.StringIO()
    call_command("screen", stdin=stdin, stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 4
    assert lines[0]["level"] in ("concern", "urgent") and lines[0]["crisis"] is True
    assert lines[1]["patterns"][0]["id"] == "doing_it_alone"
    assert set(lines[1]["patterns"][0]) == {"id", "evidence", "score"}
    assert lines[2] == {
        "level": "none",
        "crisis": False,
        "in_progress": False,
        "about": "self",
        "patterns": [],
    }
    assert screen_line("ok")["crisis"] is False


def test_evaluate_command_prints_the_report() -> None:
    out = io.StringIO()
    call_command("evaluate", stdout=out)
    assert "crisis (concern+urgent)" in out.getvalue() and "any pattern" in out.getvalue()


def test_a_running_process_reads_rows_rotated_by_another_process(
    key_file: Path, user: Any, client: Any
) -> None:
    entry = Entry.objects.create(user=user, body="written before rotation", date=dt.date(2026, 1, 1))
    served_ring = encryption.get_keyring()  # this process: "the server", keys loaded
    # Another process: `bridgework rotate-key` writes the new key file, then re-encrypts.
    new_kid = encryption_keys.new_key_id()
    rotated = encryption_keys.Keyring(keys={new_kid: encryption_keys.new_key(), **served_ring.keys}, current=new_kid)
    encryption_keys.write_key_file(key_file, rotated)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE journal_entry SET body = %s WHERE id = %s",
            [rotated.encrypt("written before rotation"), entry.pk],
        )
    # No restart, no cache_clear: the page still decrypts.
    response = client.get(f"/journal/{entry.pk}/")
    assert response.status_code == 200
    assert "written before rotation" in response.content.decode()
    assert encryption.get_keyring().current == new_kid


def test_a_running_process_encrypts_with_the_new_key_soon_after_rotation(
    key_file: Path, user: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(encryption, "RELOAD_CHECK_SECONDS", 0.0)
    old_kid = encryption.get_keyring().current
    new_kid = encryption_keys.new_key_id()
    encryption_keys.write_key_file(
        key_file,
        encryption_keys.Keyring(keys={new_kid: encryption_keys.new_key(), **encryption.get_keyring().keys}, current=new_kid),
    )
    entry = Entry.objects.create(user=user, body="after", date=dt.date(2026, 1, 2))
    assert _raw_body(entry.pk).startswith(f"bw1:{new_kid}:")
    assert old_kid in encryption.get_keyring().keys
