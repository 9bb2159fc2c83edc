"""``bridgework restore FOLDER [--force]``: put a ``bridgework backup`` folder back.

Stop the server first. Refuses to replace a database that holds accounts unless --force
(which moves the old database and keys aside, never deletes them), and refuses a backup
whose keys do not read its database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.db import connections
from django.utils import timezone

from bridgework.core import backup, encryption, encryption_keys
from bridgework.core.management.base import BridgeworkCommand


def _forget_cached_pages(location: Path) -> None:
    """Empty the cache the server processes share on disk (settings ``CACHE_DIR``), whichever
    cache this command itself was started with: it holds pages of the data just replaced,
    and the restored data's versions may come to match their keys again."""
    if location.is_dir():
        from bridgework.core.cache import SharedDiskCache

        SharedDiskCache(str(location), {}).clear()


class Command(BridgeworkCommand):
    help = "Restore a folder made by `bridgework backup` into the data directory (SQLite)."
    requires_system_checks: list[str] = []  # the current keys may not match: that is the point

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that holds accounts (moved aside, not deleted)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        db = settings.DATABASES["default"]
        if not db["ENGINE"].endswith("sqlite3"):
            raise CommandError(
                "This database is not SQLite: restore it with pg_restore, and put the backup's "
                "encryption.keys in the data directory (or BRIDGEWORK_ENCRYPTION_KEYS)."
            )
        env_keyring = (
            encryption_keys.keyring_from_env(settings.BRIDGEWORK_ENCRYPTION_KEYS)
            if settings.BRIDGEWORK_ENCRYPTION_KEYS
            else None
        )
        columns = [
            backup.EncryptedColumn(model._meta.db_table, model._meta.get_field(name).column)
            for model, names in encryption.encrypted_fields()
            for name in names
        ]
        connections.close_all()
        data_dir = Path(settings.BRIDGEWORK_DATA_DIR)
        try:
            moved = backup.restore_sqlite(
                Path(options["folder"]).expanduser().resolve(),
                target_db=Path(db["NAME"]),
                target_keys=None if env_keyring else data_dir / encryption_keys.KEY_FILE_NAME,
                target_secret=None if settings.SECRET_KEY_FROM_ENV else data_dir / backup.SECRET_NAME,
                env_keyring=env_keyring,
                columns=columns,
                force=options["force"],
                now=timezone.now(),
            )
        except backup.BackupError as exc:
            raise CommandError(f"Nothing was restored: {exc}") from None
        encryption.get_keyring.cache_clear()
        _forget_cached_pages(Path(settings.CACHE_DIR))
        for path in moved:
            self.stdout.write(f"Moved aside: {path}")
        self.stdout.write(f"Restored {options['folder']} into {data_dir}. Start the server again.")
