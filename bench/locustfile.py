"""Load shapes for ``bench/bench_load.py`` (run through it: it starts gunicorn and the data).

Two kinds of simulated people, chosen by class name on locust's command line:

- ``Person``: logged in (a session made in advance, so the login endpoint's own rate limit
  is not what is measured), reads the main pages and now and then writes: a journal
  entry, a ledger exchange. Waits 3–10 s between actions, like someone using the app.
- ``LongWriter``: saves 100,000-character journal entries back to back, each with a
  unique marker; every save the server acknowledged (a redirect to the new entry) is
  appended to ``BENCH_ACKS`` so the orchestrator can check it is in the database.

``BENCH_SESSIONS`` is a JSON list of ``{"session": id, "person": circle person id}``, one
per demo person, shared out in turn. With ``BENCH_REQUEST_LOG`` set, every request's start
time, name, response time and outcome are written there as CSV when the run stops (the
orchestrator splits the figures into the first seconds and the rest); nothing else changes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import threading
import uuid
from http.cookiejar import Cookie
from pathlib import Path

from locust import FastHttpUser, between, constant, events, task

SESSIONS = json.loads(Path(os.environ["BENCH_SESSIONS"]).read_text(encoding="utf-8"))
_next = itertools.count()
_lock = threading.Lock()
WORDS = ["today", "I", "asked", "for", "help", "with", "the", "move", "and", "it", "was", "easier", "than", "I", "feared", "my", "sister", "listened", "and", "I", "did", "not", "pretend", "everything", "was", "fine"]


_REQUESTS: list[tuple[float, str, float, int]] = []


@events.request.add_listener
def _record(name: str, response_time: float, exception: object = None, start_time: float = 0.0,
            **_: object) -> None:
    if "BENCH_REQUEST_LOG" in os.environ:
        _REQUESTS.append((start_time, name, response_time, 0 if exception is None else 1))


@events.quitting.add_listener
def _write_requests(**_: object) -> None:
    path = os.environ.get("BENCH_REQUEST_LOG")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(f"{start:.3f},{name},{ms:.1f},{failed}\n" for start, name, ms, failed in _REQUESTS)


def _today() -> str:
    # UTC's date is never ahead of the demo people's (Europe/London): never "in the future".
    return dt.datetime.now(dt.UTC).date().isoformat()


def _text(rng: random.Random, chars: int) -> str:
    words: list[str] = []
    length = 0
    while length < chars:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:chars]


def _cookie(name: str, value: str) -> Cookie:
    return Cookie(0, name, value, None, False, "127.0.0.1", False, False, "/", True, False,
                  None, False, None, None, {})


class _LoggedIn(FastHttpUser):
    """FastHttpUser (geventhttpclient): a fraction of the CPU of the requests-based client,
    so the load generator, on the same two cores, takes less from the server it measures."""

    abstract = True

    def on_start(self) -> None:
        with _lock:
            me = SESSIONS[next(_next) % len(SESSIONS)]
        self.client.cookiejar.set_cookie(_cookie("sessionid", me["session"]))
        self.person = str(me["person"])
        self.rng = random.Random(me["session"])
        # A GET sets the CSRF cookie the forms need.
        self.client.get("/journal/new/", name="journal new")

    def post_form(self, url: str, data: dict[str, str], name: str) -> object:
        token = next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "") or ""
        return self.client.post(
            url,
            data={**data, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}{url}"},
            allow_redirects=False,
            name=name,
            catch_response=True,
        )


class Person(_LoggedIn):
    wait_time = between(3, 10)

    @task(6)
    def home(self) -> None:
        self.client.get("/", name="home")

    @task(3)
    def ladder(self) -> None:
        self.client.get("/ladder/", name="ladder")

    @task(2)
    def ledger(self) -> None:
        self.client.get("/circle/ledger/", name="ledger")

    @task(2)
    def circle(self) -> None:
        self.client.get("/circle/", name="circle")

    @task(3)
    def journal(self) -> None:
        self.client.get("/journal/", name="journal")

    @task(1)
    def privacy(self) -> None:
        self.client.get("/privacy/", name="privacy")

    @task(1)
    def write_entry(self) -> None:
        with self.post_form(
            "/journal/new/",
            {"date": _today(), "mood": "calm", "prompt_id": "",
             "body": _text(self.rng, self.rng.randint(200, 2000))},
            "journal save",
        ) as response:  # type: ignore[attr-defined]
            if response.status_code != 302:
                response.failure(f"HTTP {response.status_code}")

    @task(1)
    def log_exchange(self) -> None:
        with self.post_form(
            "/circle/ledger/new/",
            {"person": self.person, "direction": self.rng.choice(["gave", "received"]), "kind": "practical",
             "size": "small", "discomfort": "", "occurred_on": _today(),
             "note": "Carried the shopping up together."},
            "ledger save",
        ) as response:  # type: ignore[attr-defined]
            if response.status_code != 302:
                response.failure(f"HTTP {response.status_code}")


class LongWriter(_LoggedIn):
    wait_time = constant(0)

    @task
    def save_long_entry(self) -> None:
        marker = uuid.uuid4().hex
        body = f"marker {marker} " + _text(self.rng, 100_000 - 40)
        with self.post_form(
            "/journal/new/",
            {"date": _today(), "mood": "", "prompt_id": "", "body": body[:100_000]},
            "long journal save",
        ) as response:  # type: ignore[attr-defined]
            if response.status_code == 302 and "/journal/" in response.headers.get("Location", ""):
                with _lock, open(os.environ["BENCH_ACKS"], "a", encoding="utf-8") as acks:
                    acks.write(marker + "\n")
            else:
                response.failure(f"HTTP {response.status_code}")
