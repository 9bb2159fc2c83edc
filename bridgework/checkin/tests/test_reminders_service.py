"""The e-mail schedule: due once per person and day, retried with back-off, visible."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from bridgework.checkin import reminders
from bridgework.checkin.models import CheckIn, Delivery, Reminder

# A Monday, 20:05 UTC.
NOW = dt.datetime(2026, 11, 30, 20, 5, tzinfo=dt.UTC)


@pytest.fixture
def reminder(user: Any) -> Reminder:
    return Reminder.objects.create(user=user, time=dt.time(20, 0), days=[0], email=True)


class Clock:
    """``timezone.now`` (and so ``auto_now``) at a chosen moment; ``tick`` runs the schedule then."""

    def __init__(self, monkeypatch: Any) -> None:
        self.monkeypatch = monkeypatch
        self.set(NOW)

    def set(self, moment: dt.datetime) -> None:
        self.now = moment
        self.monkeypatch.setattr(timezone, "now", lambda: moment)

    def tick(self, moment: dt.datetime) -> int:
        self.set(moment)
        return reminders.reminders_tick(moment)


@pytest.fixture
def clock(monkeypatch: Any) -> Clock:
    return Clock(monkeypatch)


def run_worker() -> None:
    worker: Any = reminders.make_worker("test", batch=True)
    worker.run()


def test_a_due_reminder_is_sent_once_by_the_worker(reminder: Reminder, user: Any, clock: Clock) -> None:
    assert clock.tick(NOW) == 1
    assert clock.tick(NOW + dt.timedelta(minutes=1)) == 0  # idempotent
    run_worker()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Bridgework check-in"
    assert mail.outbox[0].to == [user.email]
    delivery = Delivery.objects.get(user=user)
    assert (delivery.status, delivery.attempts, delivery.day) == ("sent", 1, NOW.date())


def test_not_before_the_time_nor_on_other_days(reminder: Reminder, clock: Clock) -> None:
    assert clock.tick(NOW.replace(hour=19, minute=59)) == 0
    assert clock.tick(NOW + dt.timedelta(days=1)) == 0  # Tuesday


def test_the_time_is_the_persons_own(reminder: Reminder, user: Any, clock: Clock) -> None:
    from bridgework.accounts.models import Profile

    Profile.objects.filter(user=user).update(timezone="America/New_York")
    assert clock.tick(NOW) == 0  # 15:05 in New York
    assert clock.tick(NOW + dt.timedelta(hours=5)) == 1


def test_no_nudge_after_checking_in(reminder: Reminder, user: Any, clock: Clock) -> None:
    CheckIn.objects.create(user=user, date=NOW.date())
    assert clock.tick(NOW) == 0


def test_a_failed_send_is_retried_with_back_off_and_shown(
    reminder: Reminder, user: Any, client: Any, monkeypatch: Any, clock: Clock
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(reminders, "send_mail", refuse)
    clock.tick(NOW)
    run_worker()
    delivery = Delivery.objects.get(user=user)
    assert delivery.status == "retrying"
    assert delivery.next_try_at == NOW + reminders.BACKOFF[0]
    assert "mail server down" in delivery.last_error
    assert clock.tick(NOW + dt.timedelta(seconds=30)) == 0  # waits
    page = client.get("/checkin/reminders/").content.decode()
    assert "mail server down" in page and "will try again" in page

    monkeypatch.setattr(reminders, "send_mail", mail.send_mail)
    assert clock.tick(NOW + dt.timedelta(minutes=2)) == 1
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert len(mail.outbox) == 1


def test_it_gives_up_after_the_last_back_off(reminder: Reminder, user: Any, monkeypatch: Any, clock: Clock) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError("no route")

    monkeypatch.setattr(reminders, "send_mail", refuse)
    clock.tick(NOW)
    delivery = Delivery.objects.get(user=user)
    for _ in range(len(reminders.BACKOFF) + 1):
        reminders.send_reminder.call(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", len(reminders.BACKOFF) + 1)


def test_a_send_for_a_day_that_is_over_is_given_up(reminder: Reminder, user: Any, monkeypatch: Any, clock: Clock) -> None:
    clock.tick(NOW)
    delivery = Delivery.objects.get(user=user)
    clock.set(NOW + dt.timedelta(days=1))
    assert reminders.send_reminder.call(delivery.pk) == "failed"
    assert mail.outbox == []
