"""Startup check: the encryption keys must belong to this database.

A wrong key file would otherwise show up as errors (or, worse, confusion) on the first
page that reads encrypted text. Django runs this check before ``serve``, ``runserver``
and ``migrate``, which then stop with the message below.
"""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.db import DatabaseError, connection

from bridgework.core import encryption_keys


@checks.register()
def encryption_keys_match_database(
    app_configs: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    from bridgework.core.encryption import encrypted_fields, get_keyring, key_file_path

    keyring = get_keyring()
    for model, names in encrypted_fields():
        column = model._meta.get_field(names[0]).column
        table = model._meta.db_table
        quote = connection.ops.quote_name
        try:
            # Raw SQL: the field would decrypt (and raise) before we could look.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> '' LIMIT 1"  # noqa: S608
                )
                row = cursor.fetchone()
        except DatabaseError:
            return []  # no tables yet (before the first migrate)
        if not row or not row[0]:
            continue
        try:
            keyring.decrypt(row[0])
        except encryption_keys.DecryptionError as exc:
            return [
                checks.Error(
                    f"The encryption keys do not match this database: {exc}.",
                    hint=f"Restore the key file that belongs to this database at {key_file_path()} "
                    "(or set BRIDGEWORK_ENCRYPTION_KEYS). Nothing has been changed.",
                    id="bridgework.E001",
                )
            ]
    return []
