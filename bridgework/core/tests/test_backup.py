"""``bridgework backup`` and ``bridgework restore``."""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from bridgework.core import backup, encryption_keys

REPO = Path(__file__).resolve().parents[3]
NOW = dt.datetime(2026, 11, 29, 20, 0, tzinfo=dt.UTC)
COLUMNS = [backup.EncryptedColumn("journal_entry", "body")]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _make_backup(folder: Path, keyring: encryption_keys.Keyring, body: str = "hello") -> Path:
    folder.mkdir(mode=0o700)
    db = sqlite3.connect(folder / backup.DB_NAME)
    db.execute("CREATE TABLE auth_user (id INTEGER PRIMARY KEY)")
    db.execute("CREATE TABLE journal_entry (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO auth_user VALUES (1)")
    db.execute("INSERT INTO journal_entry VALUES (1, ?)", [keyring.encrypt(body)])
    db.commit()
    db.close()
    backup.write_keys(folder, keyring, "s" * 50)
    return folder


def _restore(folder: Path, target: Path, *, force: bool = False) -> list[Path]:
    return backup.restore_sqlite(
        folder,
        target_db=target / backup.DB_NAME,
        target_keys=target / encryption_keys.KEY_FILE_NAME,
        target_secret=target / backup.SECRET_NAME,
        env_keyring=None,
        columns=COLUMNS,
        force=force,
        now=NOW,
    )


# Not inside a test transaction: SQLite's backup waits for an open write transaction.
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="the SQLite copy (PostgreSQL: pg_dump)")
def test_backup_writes_a_private_dated_folder_with_database_and_keys(
    tmp_path: Path, user: Any
) -> None:
    out = io.StringIO()
    call_command("backup", "--to", str(tmp_path / "backups"), stdout=out)
    (folder,) = (tmp_path / "backups").iterdir()
    assert folder.name.startswith("bridgework-backup-2")
    assert _mode(folder) == 0o700
    for name in (backup.DB_NAME, encryption_keys.KEY_FILE_NAME, backup.SECRET_NAME, backup.MANIFEST_NAME):
        assert _mode(folder / name) == 0o600, name
    copy = sqlite3.connect(folder / backup.DB_NAME)
    assert copy.execute("SELECT email FROM auth_user").fetchall() == [(user.email,)]
    raw_name = copy.execute("SELECT display_name FROM accounts_profile").fetchone()[0]
    copy.close()
    assert encryption_keys.read_key_file(folder / encryption_keys.KEY_FILE_NAME).decrypt(raw_name) == "Alice"
    assert "Backup written to" in out.getvalue()


def test_restore_into_an_empty_data_directory(tmp_path: Path) -> None:
    keyring = encryption_keys.create_key_file(tmp_path / "k")
    folder = _make_backup(tmp_path / "b", keyring)
    target = tmp_path / "data"
    target.mkdir()
    assert _restore(folder, target) == []
    restored = sqlite3.connect(target / backup.DB_NAME)
    token = restored.execute("SELECT body FROM journal_entry").fetchone()[0]
    assert encryption_keys.read_key_file(target / encryption_keys.KEY_FILE_NAME).decrypt(token) == "hello"
    assert _mode(target / backup.DB_NAME) == 0o600 and _mode(target / encryption_keys.KEY_FILE_NAME) == 0o600


def test_restore_refuses_a_database_with_accounts_without_force(tmp_path: Path) -> None:
    keyring = encryption_keys.create_key_file(tmp_path / "k")
    folder = _make_backup(tmp_path / "b", keyring, "from the backup")
    target = _make_backup(tmp_path / "data", encryption_keys.create_key_file(tmp_path / "k2"), "current")
    with pytest.raises(backup.BackupError, match="already holds accounts"):
        _restore(folder, target)
    moved = _restore(folder, target, force=True)
    assert {p.name for p in moved} >= {
        "bridgework.sqlite3.before-restore-20261129-200000",
        "encryption.keys.before-restore-20261129-200000",
    }
    token = sqlite3.connect(target / backup.DB_NAME).execute("SELECT body FROM journal_entry").fetchone()[0]
    assert encryption_keys.read_key_file(target / encryption_keys.KEY_FILE_NAME).decrypt(token) == "from the backup"


def test_restore_refuses_keys_that_do_not_read_the_backup(tmp_path: Path) -> None:
    folder = _make_backup(tmp_path / "b", encryption_keys.create_key_file(tmp_path / "k"))
    kid = encryption_keys.read_key_file(folder / encryption_keys.KEY_FILE_NAME).current
    wrong = encryption_keys.Keyring(keys={kid: os.urandom(32)}, current=kid)
    encryption_keys.write_key_file(folder / encryption_keys.KEY_FILE_NAME, wrong)
    target = tmp_path / "data"
    target.mkdir()
    with pytest.raises(backup.BackupError, match="do not read this database"):
        _restore(folder, target)
    assert not (target / backup.DB_NAME).exists()


def test_restore_refuses_a_folder_without_keys(tmp_path: Path) -> None:
    folder = _make_backup(tmp_path / "b", encryption_keys.create_key_file(tmp_path / "k"))
    (folder / encryption_keys.KEY_FILE_NAME).unlink()
    with pytest.raises(backup.BackupError, match="no encryption.keys"):
        _restore(folder, tmp_path)


def _bridgework(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BRIDGEWORK_", "DJANGO_", "DATABASE_URL"))
    }
    env["BRIDGEWORK_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "bridgework", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def test_backup_and_restore_commands_end_to_end(tmp_path: Path) -> None:
    source, target, backups = tmp_path / "source", tmp_path / "target", tmp_path / "backups"
    assert _bridgework(source, "migrate", "-v", "0").returncode == 0
    make = (
        "from bridgework.conftest import make_user; from bridgework.journal.models import Entry; "
        "u = make_user('kim@example.org', display_name='Kim'); Entry.objects.create(user=u, body='kept safe')"
    )
    assert _bridgework(source, "shell", "-c", make).returncode == 0
    result = _bridgework(source, "backup", "--to", str(backups))
    assert result.returncode == 0, result.stderr
    (folder,) = backups.iterdir()
    result = _bridgework(target, "restore", str(folder))
    assert result.returncode == 0, result.stderr
    read = "from bridgework.journal.models import Entry; print(Entry.objects.get().body)"
    assert _bridgework(target, "shell", "-c", read).stdout.strip().endswith("kept safe")
    again = _bridgework(target, "restore", str(folder))
    assert again.returncode != 0 and "already holds accounts" in again.stderr
