from pathlib import Path

import pytest

from bridgework.env import EnvError, env_bool, env_int, env_list, env_rates, read_or_create_secret


def test_env_bool_reads_common_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "off")
    assert env_bool("X_FLAG", True) is False


def test_env_bool_fails_loudly_on_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(EnvError, match="X_FLAG='maybe' is not a boolean"):
        env_bool("X_FLAG")


def test_env_int_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(EnvError, match="not an integer"):
        env_int("X_NUM", 1)


def test_env_list_splits_and_trims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_HOSTS", " a.example , b.example,,")
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]


def test_env_int_fails_loudly_outside_its_range(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_PORT", "70000")
    with pytest.raises(EnvError, match="X_PORT='70000' must lie between 1 and 65535"):
        env_int("X_PORT", 587, minimum=1, maximum=65535)


@pytest.mark.parametrize("raw", ["5/5m/ip,5/5m/key", "10/h", "3/30s/user", " 1/1.5d "])
def test_env_rates_accepts_allauth_rates(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    from allauth.core.internal.ratelimit import parse_rates

    monkeypatch.setenv("X_RATE", raw)
    assert parse_rates(env_rates("X_RATE", "")) != []


@pytest.mark.parametrize("raw", ["five", "5/5x", "5/5m/everyone", "5/5m,oops", "/5m"])
def test_env_rates_fails_loudly_on_a_typo(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    # allauth would only parse it at the first login, as a server error.
    monkeypatch.setenv("X_RATE", raw)
    with pytest.raises(EnvError, match="X_RATE="):
        env_rates("X_RATE", "5/5m/ip")


def test_a_garbled_secret_key_file_fails_loudly(tmp_path: Path) -> None:
    path = tmp_path / "secret_key"
    path.write_bytes("é".encode("latin-1") * 40)
    with pytest.raises(EnvError, match="delete it to regenerate"):
        read_or_create_secret(path)
