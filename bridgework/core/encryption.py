"""Django glue for :mod:`bridgework.core.crypto`: one process-wide keyring from settings."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import crypto


def key_file_path() -> Path:
    return Path(settings.BRIDGEWORK_DATA_DIR) / crypto.KEY_FILE_NAME


def _database_has_data() -> bool:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        name = str(db["NAME"])
        return name != ":memory:" and Path(name).exists() and Path(name).stat().st_size > 0
    # For a server database we cannot cheaply tell; a clinic sets keys explicitly.
    return False


@cache
def get_keyring() -> crypto.Keyring:
    """Load the keyring once per process.

    A missing key file is created only when there is no database yet (first run); if
    the database already exists, a missing key file would make every encrypted value
    unreadable, so startup stops with a message instead.
    """
    try:
        if settings.BRIDGEWORK_ENCRYPTION_KEYS:
            return crypto.keyring_from_env(settings.BRIDGEWORK_ENCRYPTION_KEYS)
        path = key_file_path()
        if path.exists():
            return crypto.read_key_file(path)
        if _database_has_data():
            raise ImproperlyConfigured(
                f"Encryption key file {path} is missing but the database already exists. "
                "Restore the key file from your backup (or set BRIDGEWORK_ENCRYPTION_KEYS); "
                "without it, encrypted text cannot be read."
            )
        return crypto.create_key_file(path)
    except crypto.KeyError_ as exc:
        raise ImproperlyConfigured(f"Encryption keys: {exc}") from None


def encrypted_fields() -> list[tuple[type[Any], list[str]]]:
    """Every model with encrypted fields, and those fields' names (for rotation and checks)."""
    from django.apps import apps

    from .fields import EncryptedTextField

    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def encrypt(plaintext: str) -> str:
    return get_keyring().encrypt(plaintext)


def decrypt(token: str) -> str:
    return get_keyring().decrypt(token)
