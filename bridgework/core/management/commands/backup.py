"""``bridgework backup [--to FOLDER]``: database + keys into a dated, private folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from bridgework.core import backup, encryption
from bridgework.core.management.base import BridgeworkCommand


class Command(BridgeworkCommand):
    help = (
        "Copy the database (SQLite online backup, safe while serving), encryption.keys and "
        "the secret key into a new dated folder (mode 0700)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--to",
            type=Path,
            help="folder to create the backup in (default: backups/ in the data directory; "
            "copy it to another disk afterwards)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        parent = options["to"] or Path(settings.BRIDGEWORK_DATA_DIR) / "backups"
        try:
            folder = backup.new_backup_folder(Path(parent).expanduser().resolve(), now)
        except OSError as exc:
            raise CommandError(f"cannot create a backup folder in {parent}: {exc.strerror or exc}") from None
        keyring = encryption.get_keyring()
        backup.write_keys(folder, keyring, settings.SECRET_KEY)
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            backup.copy_sqlite(connection.connection, folder / backup.DB_NAME)
            backup.write_manifest(folder, keyring, now, "sqlite")
            self.stdout.write(f"Backup written to {folder} (database, encryption.keys, secret_key).")
        else:
            backup.write_manifest(folder, keyring, now, connection.vendor)
            self.stdout.write(
                f"Keys written to {folder}. The database is {connection.vendor}: copy it with "
                f"pg_dump, e.g. pg_dump --format=custom \"$DATABASE_URL\" > {folder}/bridgework.dump "
                "and keep it with this folder: the dump cannot be read without encryption.keys."
            )
        self.stdout.write(
            "Anyone holding this folder can read everything in it: keep it as private as "
            "the data directory."
        )
