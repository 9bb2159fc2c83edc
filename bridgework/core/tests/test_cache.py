"""Which cache the settings choose, and the one the processes of a machine share on SQLite
(``core.cache.SharedDiskCache``): one ``add`` wins across processes (allauth's rate-limit
lock relies on it), its connections outlive a request, and a person's page reaches the
disk only sealed."""

from __future__ import annotations

import json
import os
import runpy
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from bridgework.circle.models import Person
from bridgework.conftest import PASSWORD
from bridgework.core.cache import SharedDiskCache
from bridgework.core.tests.test_backup import _bridgework

DISK = "bridgework.core.cache.SharedDiskCache"


def _cache_setting(monkeypatch: pytest.MonkeyPatch, data_dir: Path, **env: str) -> dict[str, Any]:
    """``CACHES["default"]`` as ``bridgework.settings`` reads it from this environment."""
    monkeypatch.setenv("BRIDGEWORK_DATA_DIR", str(data_dir))
    for name in ("BRIDGEWORK_SHARED_CACHE", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings_file = Path(__file__).resolve().parents[2] / "settings.py"
    setting: dict[str, Any] = runpy.run_path(str(settings_file))["CACHES"]["default"]
    return setting


def test_one_process_on_sqlite_keeps_its_cache_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    setting = _cache_setting(monkeypatch, tmp_path)
    assert setting["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert not (tmp_path / "cache").exists()


def test_several_processes_on_sqlite_share_a_private_disk_cache_in_the_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    setting = _cache_setting(monkeypatch, tmp_path, BRIDGEWORK_SHARED_CACHE="1")
    assert setting["BACKEND"] == DISK
    assert setting["LOCATION"] == str(tmp_path / "cache")
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700


def test_a_server_database_keeps_the_cache_in_a_table_every_app_server_shares(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    setting = _cache_setting(
        monkeypatch, tmp_path, DATABASE_URL="postgres://bw:secret@127.0.0.1:5432/bridgework"
    )
    assert setting["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


# Each process adds the same keys, as allauth's rate-limit lock does, after all have started.
_ADDER = textwrap.dedent(
    """
    import json, os, sys, time
    from pathlib import Path
    from bridgework.core.cache import SharedDiskCache

    cache = SharedDiskCache(sys.argv[1], {})
    me = sys.argv[2]
    ready, go = Path(sys.argv[3]) / f"ready-{me}", Path(sys.argv[3]) / "go"
    ready.touch()
    for _ in range(60_000):  # until the test says go (at most a minute)
        if go.exists():
            break
        time.sleep(0.001)
    won = [n for n in range(300) if cache.add(f"allauth:rl:login:{n}:lock", me, timeout=60)]
    print(json.dumps(won))
    """
)


def test_of_processes_adding_the_same_key_exactly_one_wins(tmp_path: Path) -> None:
    location, signals = tmp_path / "cache", tmp_path / "signals"
    signals.mkdir()
    root = Path(__file__).resolve().parents[3]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _ADDER, str(location), str(n), str(signals)],
            cwd=root, stdout=subprocess.PIPE, text=True,
        )
        for n in range(4)
    ]
    for _ in range(600):  # until every process has started (or one has failed)
        if len(list(signals.glob("ready-*"))) == len(processes) or any(
            p.poll() is not None for p in processes
        ):
            break
        time.sleep(0.1)
    (signals / "go").touch()
    won = {str(n): json.loads(p.communicate(timeout=120)[0]) for n, p in enumerate(processes)}
    assert all(p.returncode == 0 for p in processes)
    winners = sorted(n for wins in won.values() for n in wins)
    assert winners == list(range(300))  # each key added once, by one process
    cache = SharedDiskCache(str(location), {})
    for me, wins in won.items():
        assert all(cache.get(f"allauth:rl:login:{n}:lock") == me for n in wins)


def test_the_connections_are_kept_when_django_closes_the_cache_after_a_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diskcache.core

    cache = SharedDiskCache(str(tmp_path / "cache"), {})
    cache.set("page", "sealed")
    opened: list[object] = []
    connect = diskcache.core.sqlite3.connect

    def counted(*args: Any, **kwargs: Any) -> Any:
        opened.append(args)
        return connect(*args, **kwargs)

    monkeypatch.setattr(diskcache.core.sqlite3, "connect", counted)
    for _ in range(3):
        assert cache.get("page") == "sealed"
        cache.close()  # Django's request_finished
    assert opened == []


@pytest.fixture
def disk_cache(settings: Any, tmp_path: Path) -> Path:
    location = tmp_path / "cache"
    settings.CACHES = {"default": {"BACKEND": DISK, "LOCATION": str(location)}}
    return location


def test_a_persons_page_reaches_the_disk_only_sealed(
    disk_cache: Path, client: Client, user: Any
) -> None:
    Person.objects.create(user=user, name="Samira Quokkaworth", ring="close", comfort=50)
    assert "Quokkaworth" in client.get("/circle/").content.decode()
    assert "Quokkaworth" in client.get("/circle/").content.decode()  # from the cache
    stored = b"".join(path.read_bytes() for path in disk_cache.rglob("*") if path.is_file())
    assert b"bw1:" in stored  # the page was stored, sealed
    assert b"Quokkaworth" not in stored


def test_failed_logins_are_counted_in_the_disk_cache(disk_cache: Path, user: Any) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        assert attacker.post("/accounts/login/", {"login": user.email, "password": "wrong"}).status_code == 200
    response = attacker.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    # ... and the counts are in the shared files, where every worker sees them.
    shared = SharedDiskCache(str(disk_cache), {})
    assert any(":rl:" in str(key) for key in shared._cache), "no rate-limit key on disk"


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="SQLite's restore")
def test_a_restore_empties_the_shared_cache(tmp_path: Path) -> None:
    source, target, backups = tmp_path / "source", tmp_path / "target", tmp_path / "backups"
    assert _bridgework(source, "migrate", "-v", "0").returncode == 0
    assert _bridgework(source, "backup", "--to", str(backups)).returncode == 0
    (folder,) = backups.iterdir()
    before = SharedDiskCache(str(target / "cache"), {})
    before.set("page:a person's page before the restore", "sealed")
    result = _bridgework(target, "restore", str(folder))
    assert result.returncode == 0, result.stderr
    assert SharedDiskCache(str(target / "cache"), {}).get("page:a person's page before the restore") is None
