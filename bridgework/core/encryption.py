"""Encryption of stored text in this process: the keyring from settings, ``encrypt``/``decrypt``.

``EncryptedTextField`` calls ``encrypt``/``decrypt`` here. The keys themselves, the key file
and the token format are in :mod:`bridgework.core.encryption_keys` (pure, no Django).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import encryption_keys


def key_file_path() -> Path:
    return Path(settings.BRIDGEWORK_DATA_DIR) / encryption_keys.KEY_FILE_NAME


def _database_has_data() -> bool:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        name = str(db["NAME"])
        return name != ":memory:" and Path(name).exists() and Path(name).stat().st_size > 0
    # For a server database we cannot cheaply tell; a clinic sets keys explicitly.
    return False


# How often (seconds) a running process looks at the key file's modification time, so a
# `bridgework rotate-key` in another process is picked up without a restart.
RELOAD_CHECK_SECONDS = 1.0


class _KeyringCache:
    """The process's keyring, reloaded when the key file changes on disk.

    ``rotate-key`` writes the new key file (new current key plus every old key) before it
    re-encrypts anything, atomically (rename). A serving process notices the new file
    within a second, or at once when it meets a token under a key id it does not know,
    so pages keep decrypting while rotation runs: old keys stay readable throughout.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keyring: encryption_keys.Keyring | None = None
        self._stamp: tuple[int, int] | None = None
        self._checked = 0.0

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            stat = key_file_path().stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_ino)

    def get(self, *, recheck: bool = False) -> encryption_keys.Keyring:
        keyring = self._keyring
        if keyring is not None and settings.BRIDGEWORK_ENCRYPTION_KEYS:
            return keyring
        now = time.monotonic()
        if keyring is not None and not recheck and now - self._checked < RELOAD_CHECK_SECONDS:
            return keyring
        with self._lock:
            self._checked = now
            stamp = self._file_stamp()
            keyring = self._keyring
            if keyring is None or (stamp is not None and stamp != self._stamp):
                keyring = self._keyring = _load_keyring()
                self._stamp = self._file_stamp()
            return keyring

    def cache_clear(self) -> None:
        with self._lock:
            self._keyring = None
            self._stamp = None


    def __call__(self) -> encryption_keys.Keyring:
        return self.get()


# ``get_keyring()``: the current keyring (loaded once, reloaded when the key file changes);
# ``get_keyring.cache_clear()`` forgets it (tests, and after writing the key file here).
get_keyring = _cache = _KeyringCache()


def _load_keyring() -> encryption_keys.Keyring:
    """Read the keys from the environment or the key file.

    A missing key file is created only when there is no database yet (first run); if
    the database already exists, a missing key file would make every encrypted value
    unreadable, so startup stops with a message instead.
    """
    try:
        if settings.BRIDGEWORK_ENCRYPTION_KEYS:
            return encryption_keys.keyring_from_env(settings.BRIDGEWORK_ENCRYPTION_KEYS)
        path = key_file_path()
        if path.exists():
            return encryption_keys.read_key_file(path)
        if _database_has_data():
            raise ImproperlyConfigured(
                f"Encryption key file {path} is missing but the database already exists. "
                "Restore the key file from your backup (or set BRIDGEWORK_ENCRYPTION_KEYS); "
                "without it, encrypted text cannot be read."
            )
        return encryption_keys.create_key_file(path)
    except encryption_keys.KeyConfigError as exc:
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


def _holding(keyring: encryption_keys.Keyring, kid: str | None) -> encryption_keys.Keyring:
    """``keyring``, or the key file read again when a value names a key it does not hold
    (written by a process that has already rotated)."""
    if kid is not None and kid not in keyring.keys:
        return _cache.get(recheck=True)
    return keyring


def decrypt(token: str) -> str:
    keyring = get_keyring()
    return _holding(keyring, keyring.key_id_of(token)).decrypt(token)


def seal(data: bytes) -> bytes:
    """``data`` encrypted, as bytes (``Keyring.seal``): for large values kept in a cache."""
    return get_keyring().seal(data)


def unseal(blob: bytes) -> bytes:
    """What ``seal`` sealed (``Keyring.unseal``); ``DecryptionError`` if it cannot open."""
    keyring = get_keyring()
    return _holding(keyring, keyring.sealed_key_id(blob)).unseal(blob)

