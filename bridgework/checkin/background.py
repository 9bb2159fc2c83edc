"""Background threads ``bridgework serve`` starts (a module hook): the reminder schedule
and a task worker, so a laptop install sends reminder e-mails with no second command."""

from __future__ import annotations

from .reminders import start_background


def start() -> None:
    start_background("serve")
