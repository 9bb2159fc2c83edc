"""Backups: a consistent copy of the SQLite database with the keys that read it.

A backup is a folder (mode 0700) named ``bridgework-backup-YYYYMMDD-HHMMSS`` holding
``bridgework.sqlite3`` (made with SQLite's online backup API, so it is consistent even
while the server writes), ``encryption.keys`` and ``secret_key`` (0600) and
``backup.json`` (when, which key ids). Without ``encryption.keys`` the encrypted text in
the copy cannot be read; with it, anyone holding the folder can: keep it as private as
the data directory.

PostgreSQL: ``pg_dump`` makes the database copy; ``bridgework backup`` still writes the
keys and the secret key into the folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import encryption_keys

DB_NAME = "bridgework.sqlite3"
SECRET_NAME = "secret_key"
MANIFEST_NAME = "backup.json"


class BackupError(Exception):
    """The backup or restore cannot go ahead; the message says why and what to do."""


def _private_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)


def new_backup_folder(parent: Path, now: dt.datetime) -> Path:
    parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = parent / f"bridgework-backup-{now:%Y%m%d-%H%M%S}"
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = parent / f"bridgework-backup-{now:%Y%m%d-%H%M%S}-{suffix}"
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def copy_sqlite(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database consistently (SQLite's online backup API) to a 0600 file."""
    _private_file(target, b"")
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
    os.chmod(target, 0o600)


def write_keys(folder: Path, keyring: encryption_keys.Keyring, secret_key: str) -> None:
    encryption_keys.write_key_file(folder / encryption_keys.KEY_FILE_NAME, keyring)
    _private_file(folder / SECRET_NAME, (secret_key + "\n").encode("ascii"))


def write_manifest(folder: Path, keyring: encryption_keys.Keyring, now: dt.datetime, database: str) -> None:
    manifest = {
        "created_at": now.isoformat(),
        "database": database,
        "current_key_id": keyring.current,
        "key_ids": sorted(keyring.keys),
    }
    _private_file(folder / MANIFEST_NAME, (json.dumps(manifest, indent=2) + "\n").encode())


@dataclass(frozen=True)
class EncryptedColumn:
    table: str
    column: str


def keys_read_database(db_path: Path, keyring: encryption_keys.Keyring, columns: list[EncryptedColumn]) -> None:
    """Raise BackupError unless ``keyring`` decrypts a sample of every encrypted column."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        for each in columns:
            try:
                row = connection.execute(
                    f'SELECT "{each.column}" FROM "{each.table}" '  # noqa: S608
                    f"WHERE \"{each.column}\" LIKE 'bw1:%' LIMIT 1"
                ).fetchone()
            except sqlite3.DatabaseError:
                continue  # the table does not exist in this copy
            if row is None:
                continue
            try:
                keyring.decrypt(row[0])
            except encryption_keys.DecryptionError as exc:
                raise BackupError(
                    f"the keys do not read this database ({each.table}.{each.column}): {exc}"
                ) from None
    finally:
        connection.close()


def database_has_accounts(db_path: Path) -> bool:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT COUNT(*) FROM auth_user").fetchone()[0] > 0
    except sqlite3.DatabaseError:
        return False  # no tables yet
    finally:
        connection.close()


def restore_sqlite(
    folder: Path,
    *,
    target_db: Path,
    target_keys: Path | None,
    target_secret: Path | None,
    env_keyring: encryption_keys.Keyring | None,
    columns: list[EncryptedColumn],
    force: bool,
    now: dt.datetime,
) -> list[Path]:
    """Restore a backup folder over the data directory; returns files moved aside.

    Checks before touching anything: the folder has a database and keys, the keys read
    the copy (and, with keys from the environment, those keys do), and the target holds
    no accounts unless ``force``. With ``force`` the old database and keys are moved aside
    (``*.before-restore-<time>``), never deleted; a database without accounts is replaced.
    """
    backup_db = folder / DB_NAME
    backup_keys = folder / encryption_keys.KEY_FILE_NAME
    if not backup_db.is_file():
        raise BackupError(f"{folder} has no {DB_NAME}: is it a Bridgework backup folder?")
    if not backup_keys.is_file():
        raise BackupError(
            f"{folder} has no {encryption_keys.KEY_FILE_NAME}: without the keys the encrypted text "
            "in the backup cannot be read"
        )
    try:
        keyring = encryption_keys.read_key_file(backup_keys)
    except encryption_keys.KeyConfigError as exc:
        raise BackupError(str(exc)) from None
    keys_read_database(backup_db, keyring, columns)
    if env_keyring is not None:
        keys_read_database(backup_db, env_keyring, columns)
    has_accounts = database_has_accounts(target_db)
    if has_accounts and not force:
        raise BackupError(
            f"{target_db} already holds accounts; nothing was changed. Restore into an empty "
            "data directory, or add --force to move the current database and keys aside first."
        )
    moved: list[Path] = []
    stamp = f"before-restore-{now:%Y%m%d-%H%M%S}"
    candidates = [target_db, target_db.with_name(target_db.name + "-wal"),
                  target_db.with_name(target_db.name + "-shm")]
    if target_keys is not None:
        candidates.append(target_keys)
    if target_secret is not None:
        candidates.append(target_secret)
    for path in candidates:
        if path.exists() and has_accounts:
            aside = path.with_name(f"{path.name}.{stamp}")
            path.rename(aside)
            moved.append(aside)
        elif path.exists():
            path.unlink()  # an empty database (and its fresh keys) protect nothing
    source = sqlite3.connect(f"file:{backup_db}?mode=ro", uri=True)
    try:
        copy_sqlite(source, target_db)
    finally:
        source.close()
    if target_keys is not None:
        shutil.copyfile(backup_keys, target_keys)
        os.chmod(target_keys, 0o600)
    if target_secret is not None and (folder / SECRET_NAME).is_file():
        shutil.copyfile(folder / SECRET_NAME, target_secret)
        os.chmod(target_secret, 0o600)
    return moved
