from __future__ import annotations

import threading
from typing import Any

from bridgework.checkin import background, reminders
from bridgework.core.modules import module_hook


def test_serve_finds_the_reminder_threads_through_the_module_hook() -> None:
    assert module_hook("checkin", "background") is background


def test_start_runs_the_schedule_and_a_worker_in_daemon_threads(monkeypatch: Any) -> None:
    started: list[tuple[str, bool]] = []

    class FakeThread:
        def __init__(self, *, target: Any, args: Any, name: str, daemon: bool) -> None:
            self.name, self.daemon = name, daemon

        def start(self) -> None:
            started.append((self.name, self.daemon))

    monkeypatch.setattr(reminders.threading, "Thread", FakeThread)
    background.start()
    assert sorted(started) == [("checkin-scheduler", True), ("task-worker", True)]
    assert isinstance(reminders.start_background(), threading.Event)
