import base64
from pathlib import Path

import pytest

from bridgework.core import encryption_keys


def keyring() -> encryption_keys.Keyring:
    return encryption_keys.Keyring(keys={"k1": encryption_keys.new_key()}, current="k1")


def test_it_round_trips_unicode_text() -> None:
    ring = keyring()
    text = "Ich schaffe das allein 💪 — or do I?"
    token = ring.encrypt(text)
    assert text not in token
    assert ring.decrypt(token) == text


def test_each_encryption_uses_a_fresh_nonce() -> None:
    ring = keyring()
    assert ring.encrypt("same") != ring.encrypt("same")


def test_old_rows_stay_readable_after_a_new_current_key() -> None:
    old = keyring()
    token = old.encrypt("before rotation")
    rotated = encryption_keys.Keyring(keys={**old.keys, "k2": encryption_keys.new_key()}, current="k2")
    assert rotated.decrypt(token) == "before rotation"
    assert rotated.key_id_of(rotated.encrypt("after")) == "k2"


def test_a_wrong_key_is_an_error_not_garbage() -> None:
    token = keyring().encrypt("secret")
    impostor = encryption_keys.Keyring(keys={"k1": encryption_keys.new_key()}, current="k1")
    with pytest.raises(encryption_keys.DecryptionError, match="does not belong"):
        impostor.decrypt(token)


def test_an_unknown_key_id_is_explained() -> None:
    token = keyring().encrypt("secret")
    other = encryption_keys.Keyring(keys={"k9": encryption_keys.new_key()}, current="k9")
    with pytest.raises(encryption_keys.DecryptionError, match="'k1'"):
        other.decrypt(token)


def test_key_file_is_private_and_reloads(tmp_path: Path) -> None:
    path = tmp_path / encryption_keys.KEY_FILE_NAME
    ring = encryption_keys.create_key_file(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert encryption_keys.read_key_file(path).decrypt(ring.encrypt("x")) == "x"


def test_a_malformed_key_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / encryption_keys.KEY_FILE_NAME
    path.write_text("# keys\nk1 not-base64!!\n")
    with pytest.raises(encryption_keys.KeyConfigError, match=r":2: |not valid base64"):
        encryption_keys.read_key_file(path)


def test_keys_from_the_environment() -> None:
    key = base64.b64encode(encryption_keys.new_key()).decode()
    ring = encryption_keys.keyring_from_env(f"main:{key}")
    assert ring.current == "main"
    with pytest.raises(encryption_keys.KeyConfigError):
        encryption_keys.keyring_from_env("no-separator")


def test_a_short_key_is_refused() -> None:
    with pytest.raises(encryption_keys.KeyConfigError, match="32 bytes"):
        encryption_keys.Keyring(keys={"k": b"short"}, current="k")


def test_the_decrypter_gives_what_decrypt_gives_and_the_same_errors() -> None:
    import pytest

    from bridgework.core.encryption_keys import DecryptionError, Keyring, new_key

    keyring = Keyring(keys={"k1": new_key(), "k0": new_key()}, current="k1")
    old = Keyring(keys={"k0": keyring.keys["k0"]}, current="k0")
    decrypt = keyring.decrypter()
    for text in ("", "plain", "ünïcødé ✓", "x" * 10_000):
        assert decrypt(keyring.encrypt(text)) == text
        assert decrypt(old.encrypt(text)) == text  # an older key of the ring
    stranger = Keyring(keys={"k1": new_key()}, current="k1").encrypt("not yours")
    for bad in ("not a token", "bw1:k9:AAAA", "bw1:k1:!!!!", stranger, "bw1:k1:", "bw1:"):
        with pytest.raises(DecryptionError) as fast_error:
            decrypt(bad)
        with pytest.raises(DecryptionError) as slow_error:
            keyring.decrypt(bad)
        assert str(fast_error.value) == str(slow_error.value)
