"""Encryption keys: the keyring (AES-256-GCM keys by id), the key file and the token format.

A token looks like ``bw1:<key id>:<base64(nonce || ciphertext+tag)>``. The key id lets old
rows stay readable after ``bridgework rotate-key`` adds a new current key and re-encrypts.

Keys come from ``BRIDGEWORK_ENCRYPTION_KEYS`` (``id:base64key,id:base64key``, the first is
current) or from the key file ``encryption.keys`` in the data directory: one ``id base64key``
per line, the first line current, mode 0600. Pure module: no Django import; the process's
keyring and the ``encrypt``/``decrypt`` that fields use are in :mod:`bridgework.core.encryption`.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "bw1"
KEY_FILE_NAME = "encryption.keys"
NONCE_BYTES = 12


class KeyConfigError(Exception):
    """The keys are missing or malformed; the message says what to do."""


class DecryptionError(Exception):
    """A stored value cannot be decrypted with the keys we have."""


def new_key_id() -> str:
    return "k" + secrets.token_hex(4)


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


@dataclass
class Keyring:
    keys: dict[str, bytes]
    current: str
    _ciphers: dict[str, AESGCM] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.current not in self.keys:
            raise KeyConfigError(f"current key id {self.current!r} has no key")
        for kid, key in self.keys.items():
            if len(key) != 32:
                raise KeyConfigError(f"key {kid!r} must be 32 bytes (AES-256), got {len(key)}")
            self._ciphers[kid] = AESGCM(key)

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[self.current].encrypt(nonce, plaintext.encode("utf-8"), None)
        payload = base64.b64encode(nonce + sealed).decode("ascii")
        return f"{PREFIX}:{self.current}:{payload}"

    def key_id_of(self, token: str) -> str | None:
        parts = token.split(":", 2)
        return parts[1] if len(parts) == 3 and parts[0] == PREFIX else None

    def decrypt(self, token: str) -> str:
        parts = token.split(":", 2)
        if len(parts) != 3 or parts[0] != PREFIX:
            raise DecryptionError("value is not an encrypted Bridgework token")
        _, kid, payload = parts
        cipher = self._ciphers.get(kid)
        if cipher is None:
            raise DecryptionError(
                f"value was encrypted with key id {kid!r}, which is not in the key file; "
                "restore the key file that belongs to this database"
            )
        try:
            # base64.b64decode(payload, validate=True) without its wrappers (the export
            # decrypts thousands of values).
            raw = binascii.a2b_base64(payload, strict_mode=True)
            return cipher.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], None).decode("utf-8")
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise DecryptionError(
                f"value encrypted with key id {kid!r} does not decrypt with the key of that id: "
                "the key file does not belong to this database"
            ) from exc


    def seal(self, data: bytes) -> bytes:
        """``data`` encrypted as bytes, ``bw1:<key id>:`` then nonce, ciphertext and tag,
        with no base64: for large values kept only in a cache (a five-year export, 1.7 MB,
        opens in ~0.1 ms; base64 alone would take ~2 ms). ``unseal`` reads it back."""
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[self.current].encrypt(nonce, data, None)
        return f"{PREFIX}:{self.current}:".encode("ascii") + nonce + sealed

    @staticmethod
    def _sealed_parts(blob: bytes) -> tuple[str, bytes] | None:
        """A ``seal``ed value's key id and its nonce, ciphertext and tag; None if it is not one."""
        parts = blob.split(b":", 2)
        if len(parts) != 3 or parts[0] != PREFIX.encode("ascii"):
            return None
        return parts[1].decode("ascii", "replace"), parts[2]

    def sealed_key_id(self, blob: bytes) -> str | None:
        """The key id a ``seal``ed value names (``key_id_of`` for bytes), or None."""
        parts = self._sealed_parts(blob)
        return parts[0] if parts else None

    def unseal(self, blob: bytes) -> bytes:
        """What ``seal`` sealed; ``DecryptionError`` for anything else, a key that is gone
        or a changed value."""
        parts = self._sealed_parts(blob)
        if parts is None:
            raise DecryptionError("value is not a sealed Bridgework value")
        kid, raw = parts
        cipher = self._ciphers.get(kid)
        if cipher is None or len(raw) < NONCE_BYTES:
            raise DecryptionError("value was sealed with a key that is not in the key file")
        try:
            return cipher.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], None)
        except InvalidTag as exc:
            raise DecryptionError("sealed value does not open with the key of its id") from exc

    def decrypter(self) -> Callable[[str], str]:
        """``decrypt`` for many values in a row (an export reads thousands): the same
        result and the same errors, with the work that is the same for every value
        (finding the key's cipher from its id) done once. Key ids are letters and digits,
        so a token's head ``bw1:<id>:`` ends at its second colon; when every id has the
        same length (those ``new_key_id`` makes do) the head is a fixed slice."""
        ciphers = {f"{PREFIX}:{kid}:": cipher for kid, cipher in self._ciphers.items()}
        start = len(PREFIX) + 1
        lengths = {len(head) for head in ciphers}
        a2b = binascii.a2b_base64
        slow = self.decrypt

        if len(lengths) == 1:
            size = lengths.pop()

            def decrypt_fixed(token: str) -> str:
                cipher = ciphers.get(token[:size])
                if cipher is not None:
                    try:
                        raw = a2b(token[size:], strict_mode=True)
                        return cipher.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], None).decode()
                    except (InvalidTag, ValueError):  # binascii.Error, UnicodeDecodeError
                        pass
                return slow(token)  # not a token, an unknown key or a bad value: its error

            return decrypt_fixed

        def decrypt(token: str) -> str:
            head = token[: token.find(":", start) + 1]
            cipher = ciphers.get(head)
            if cipher is not None:
                try:
                    raw = a2b(token[len(head) :], strict_mode=True)
                    return cipher.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], None).decode()
                except (InvalidTag, ValueError):  # binascii.Error, UnicodeDecodeError
                    pass
            return slow(token)  # not a token, an unknown key or a bad value: its error

        return decrypt


def _parse_pairs(pairs: list[tuple[str, str]], source: str) -> Keyring:
    if not pairs:
        raise KeyConfigError(f"{source}: no keys found")
    keys: dict[str, bytes] = {}
    for kid, encoded in pairs:
        if not kid.isalnum():
            raise KeyConfigError(f"{source}: key id {kid!r} must be letters and digits")
        try:
            keys[kid] = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raise KeyConfigError(f"{source}: key {kid!r} is not valid base64") from None
    return Keyring(keys=keys, current=pairs[0][0])


def keyring_from_env(value: str) -> Keyring:
    pairs = []
    for item in value.split(","):
        kid, sep, encoded = item.strip().partition(":")
        if not sep:
            raise KeyConfigError("BRIDGEWORK_ENCRYPTION_KEYS: expected id:base64key[,id:base64key...]")
        pairs.append((kid, encoded))
    return _parse_pairs(pairs, "BRIDGEWORK_ENCRYPTION_KEYS")


def read_key_file(path: Path) -> Keyring:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyConfigError(f"{path}: cannot read encryption key file: {exc}") from None
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 2:
            raise KeyConfigError(f"{path}:{number}: expected 'key_id base64key'")
        pairs.append((fields[0], fields[1]))
    return _parse_pairs(pairs, str(path))


def write_key_file(path: Path, keyring: Keyring) -> None:
    """Write keys, current first, atomically and readable by the owner only."""
    ordered = [keyring.current] + [kid for kid in keyring.keys if kid != keyring.current]
    lines = ["# Bridgework encryption keys. Back this file up with the database; without it"]
    lines.append("# encrypted text cannot be read. The first key encrypts new data.")
    lines += [f"{kid} {base64.b64encode(keyring.keys[kid]).decode()}" for kid in ordered]
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(tmp, path)
    os.chmod(path, 0o600)


def create_key_file(path: Path) -> Keyring:
    kid = new_key_id()
    keyring = Keyring(keys={kid: new_key()}, current=kid)
    write_key_file(path, keyring)
    return keyring
