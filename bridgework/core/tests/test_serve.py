"""``bridgework serve`` runs a real WSGI server, and nothing of its environment is stored.

One server process is started for the module (it takes a few seconds to migrate) with
marker values in its environment; the tests walk the flows a stranger and a user can take,
then read every table (decoding session data), the WAL file and the access log.
"""

from __future__ import annotations

import base64
import datetime as dt
import http.cookiejar
import os
import re
import secrets
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bridgework.core.management.commands.serve import browser_url, parse_addrport

REPO = Path(__file__).resolve().parents[3]
SECRET_MARKER = "secretmarker" + secrets.token_hex(8)
KEY_ID = "kmarker"
KEY_B64 = base64.b64encode(b"M" * 32).decode()
ENV_MARKER = "envmarker" + secrets.token_hex(8)
SEARCH_MARKER = "searchmarker" + secrets.token_hex(6)
MARKERS = [SECRET_MARKER, KEY_B64, ENV_MARKER]


class Browser:
    """A tiny cookie-keeping HTTP client that sends Django's CSRF token like a form."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        for cookie in self.jar:
            if cookie.name == "csrftoken":
                return cookie.value or ""
        self.get("/accounts/login/")
        return next((c.value or "" for c in self.jar if c.name == "csrftoken"), "")

    def get(self, path: str) -> tuple[int, str]:
        return self._send(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict[str, str] | bytes) -> tuple[int, str]:
        body = data if isinstance(data, bytes) else urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        request.add_header("X-CSRFToken", self.csrf())
        return self._send(request)

    def _send(self, request: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")


@dataclass
class Served:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    log_path: Path

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        return self.log_path.read_text()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    data_dir = tmp_path_factory.mktemp("served")
    log_path = data_dir.parent / "serve.log"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BRIDGEWORK_", "DJANGO_", "DATABASE_URL"))
    }
    env.update(
        BRIDGEWORK_DATA_DIR=str(data_dir),
        BRIDGEWORK_SECRET_KEY=SECRET_MARKER + "x" * 40,
        BRIDGEWORK_ENCRYPTION_KEYS=f"{KEY_ID}:{KEY_B64}",
        BRIDGEWORK_MARKER=ENV_MARKER,
        PYTHONUNBUFFERED="1",
    )
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bridgework", "serve", "--host", "127.0.0.1", "--port", "0"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 120
    url = ""
    while time.monotonic() < deadline and not url:
        found = re.search(r"Open (http://\S+/) in your browser", log_path.read_text())
        if found:
            url = found.group(1)
        elif process.poll() is not None:
            pytest.fail(f"bridgework serve stopped:\n{log_path.read_text()}")
        else:
            time.sleep(0.2)
    if not url:
        process.kill()
        pytest.fail(f"bridgework serve did not start:\n{log_path.read_text()}")
    served = Served(url=url, data_dir=data_dir, process=process, log_path=log_path)
    yield served
    served.stop()


def _decode_session(data: str) -> str:
    """Django's signed session payload, decoded without checking the signature."""
    payload = data.rsplit(":", 2)[0]
    compressed = payload.startswith(".")
    raw = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
    return (zlib.decompress(raw) if compressed else raw).decode("utf-8", "replace")


def _every_stored_text(db_path: Path) -> tuple[str, int, int]:
    """All text in every table (session data decoded), and the sessions' count and size."""
    connection = sqlite3.connect(db_path)
    try:
        texts: list[str] = []
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):  # noqa: S608
                texts += [str(value) for value in row]
        sessions = [row[0] for row in connection.execute("SELECT session_data FROM django_session")]
        texts += [_decode_session(data) for data in sessions]
        return "\n".join(texts), len(sessions), sum(len(s) for s in sessions)
    finally:
        connection.close()


def test_it_prints_the_url_and_answers_with_a_production_server(served: Served) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", served.url)
    request = urllib.request.Request(served.url + "learn/")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        assert response.headers["Server"] == "Bridgework"  # waitress, not WSGIServer/wsgiref
    with urllib.request.urlopen(served.url + "static/core/bridgework.css", timeout=30) as response:
        assert response.status == 200  # WhiteNoise serves static files


def test_no_environment_value_and_no_strangers_bytes_are_stored(served: Served) -> None:
    db_path = served.data_dir / "bridgework.sqlite3"
    _, sessions_before, _ = _every_stored_text(db_path)

    # A stranger: anonymous POSTs (some of them large) to the 2FA and reauthentication pages.
    stranger = Browser(served.url)
    big = {"code": "1" * 200_000, "password": "p" * 50_000, "next": "/x"}
    for path in (
        "/accounts/2fa/totp/activate/",
        "/accounts/2fa/totp/deactivate/",
        "/accounts/2fa/recovery-codes/generate/",
        "/accounts/reauthenticate/",
        "/accounts/2fa/reauthenticate/",
        "/accounts/password/change/",
        "/accounts/email/",
        "/accounts/login/",
        "/accounts/password/reset/",
    ):
        for _ in range(3):
            status, _ = stranger.post(path, big)
            assert status < 500, path
        stranger.get(path)
    _, sessions_after_stranger, size = _every_stored_text(db_path)
    assert sessions_after_stranger == sessions_before, "an anonymous request created a session"

    # A user: sign up, write, search, name themselves, try 2FA without reauthenticating.
    user = Browser(served.url)
    status, _ = user.post(
        "/accounts/signup/",
        {"email": "walker@example.org", "password1": "a calm river 4242", "password2": "a calm river 4242"},
    )
    assert status == 200
    user.post("/account/welcome/", {"display_name": "Walker", "timezone": "UTC", "country": ""})
    user.post(
        "/journal/new/",
        {"date": dt.datetime.now(dt.UTC).date().isoformat(), "body": "A private entry.", "prompt_id": "", "mood": ""},
    )
    status, page = user.get(f"/journal/?q={SEARCH_MARKER}")
    assert status == 200
    user.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    user.post("/accounts/logout/", {})

    stored, _, size = _every_stored_text(db_path)
    for marker in MARKERS:
        assert marker not in stored
    assert "Walker" not in stored  # the display name is encrypted
    wal = db_path.with_name(db_path.name + "-wal")
    for file in (db_path, wal):
        if file.exists():
            raw = file.read_bytes()
            for marker in MARKERS:
                assert marker.encode() not in raw, file.name

    log = served.log_path.read_text()
    assert "GET /journal/ 200" in log  # the access log names the path...
    assert SEARCH_MARKER not in log  # ...never the query


def test_anonymous_requests_cannot_grow_the_sessions(served: Served) -> None:
    db_path = served.data_dir / "bridgework.sqlite3"
    _, count_before, size_before = _every_stored_text(db_path)
    stranger = Browser(served.url)
    body = urllib.parse.urlencode({"code": "9" * 1_000_000}).encode()
    for _ in range(20):
        stranger.post("/accounts/2fa/totp/activate/", body)
        stranger.post("/accounts/reauthenticate/", body)
    _, count_after, size_after = _every_stored_text(db_path)
    assert count_after == count_before
    assert size_after - size_before <= 4096


def test_addrport_forms() -> None:
    assert parse_addrport("8111") == (None, 8111)
    assert parse_addrport("0.0.0.0:8111") == ("0.0.0.0", 8111)
    assert parse_addrport("[::1]:8000") == ("::1", 8000)
    assert browser_url("127.0.0.1", 8111) == "http://127.0.0.1:8111/"
    assert browser_url("0.0.0.0", 80) == "http://127.0.0.1:80/"
    assert browser_url("::1", 8000) == "http://[::1]:8000/"



@pytest.mark.django_db
def test_expired_sessions_are_cleared_by_the_housekeeping() -> None:
    from bridgework.accounts.models import Session
    from bridgework.accounts.sessions import SessionStore
    from bridgework.core import server

    old = SessionStore()
    old["x"] = 1
    old.set_expiry(-1)
    old.save()
    fresh = SessionStore()
    fresh["x"] = 1
    fresh.save()
    server.clear_expired_sessions()
    assert list(Session.objects.values_list("session_key", flat=True)) == [fresh.session_key]


def test_the_cleanup_runs_at_start_and_then_on_a_schedule(monkeypatch: Any) -> None:
    import threading

    from bridgework.core import server

    calls: list[float] = []
    monkeypatch.setattr(server, "clear_expired_sessions", lambda: calls.append(time.monotonic()))
    stop = threading.Event()
    thread = server.start_session_cleanup(interval=0.05, stop=stop)
    deadline = time.monotonic() + 10
    while len(calls) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    stop.set()
    thread.join(timeout=5)
    assert len(calls) >= 3 and thread.daemon and not thread.is_alive()


def test_gunicorn_access_log_leaves_out_query_strings() -> None:
    from bridgework import gunicorn_conf

    assert "%(U)s" in gunicorn_conf.access_log_format
    assert "%(r)s" not in gunicorn_conf.access_log_format
    assert "%(q)s" not in gunicorn_conf.access_log_format


def test_gunicorn_loads_the_app_once_and_forks_no_database_connection(monkeypatch: Any) -> None:
    from types import SimpleNamespace

    from django.db import connections

    from bridgework import gunicorn_conf

    assert gunicorn_conf.preload_app
    closed: list[bool] = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    gunicorn_conf.when_ready(SimpleNamespace(cfg=SimpleNamespace(preload_app=True)))
    assert closed == [True]
