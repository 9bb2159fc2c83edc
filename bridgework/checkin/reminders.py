"""Check-in reminders: the calendar feed and the e-mail schedule.

E-mail is background work (Django's tasks framework, the database backend of
django-tasks-db): ``reminders_tick`` runs every minute in the worker (``bridgework
worker``, or the thread ``bridgework serve`` starts), creates at most one ``Delivery`` per
person and local day once their reminder time has passed, and enqueues ``send_reminder``.
A failed send is retried with growing waits (``BACKOFF``) until the day is over, and the
last result is shown on the reminders page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
import zoneinfo
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, close_old_connections, transaction
from django.tasks import task
from django.utils import timezone
from icalendar import Alarm, Calendar, Event

from bridgework.accounts.models import data_changed

from .models import CheckIn, Delivery, Reminder

logger = logging.getLogger(__name__)

TICK_SECONDS = 60
# Waits before the 2nd, 3rd, ... try; after the last one the send is given up.
BACKOFF = [dt.timedelta(minutes=m) for m in (1, 5, 15, 60)]
# A pending send that no worker picked up in this long is enqueued again.
STALE = dt.timedelta(minutes=15)
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SUMMARY = "Bridgework check-in"


def user_zone(user: User) -> zoneinfo.ZoneInfo:
    name = getattr(getattr(user, "profile", None), "timezone", None) or "UTC"
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def reminder_for(user: User) -> Reminder:
    """The person's reminder settings, made with the defaults on first use (a GET of the
    reminders page can make them: what the export keeps of check-in is then stale)."""
    reminder, created = Reminder.objects.get_or_create(user=user)
    if created:
        data_changed(user.pk, "checkin")
    return reminder


# --- the calendar feed --------------------------------------------------------------


def feed_calendar(reminder: Reminder, zone: zoneinfo.ZoneInfo) -> bytes:
    """An iCalendar file with one weekly repeating event; it names nothing private."""
    calendar = Calendar()
    calendar.add("prodid", "-//Bridgework//check-in reminder//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", SUMMARY)
    calendar.add("x-wr-timezone", zone.key)
    if reminder.days:
        # A stable start (the day the reminder was made) so calendars do not see a change.
        first = reminder.created_at.astimezone(zone).date()
        start = dt.datetime.combine(first, reminder.time, tzinfo=zone)
        event = Event()
        # Derived from the secret, so it changes when the link is revoked, and says nothing.
        event.add("uid", hashlib.sha256(reminder.feed_token.encode()).hexdigest()[:32] + "@bridgework")
        event.add("summary", SUMMARY)
        event.add("dtstamp", reminder.updated_at)
        event.add("dtstart", start)
        event.add("duration", dt.timedelta(minutes=5))
        event.add(
            "rrule", {"freq": "weekly", "byday": [WEEKDAY_CODES[d] for d in sorted(reminder.days)]}
        )
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", SUMMARY)
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
        calendar.add_missing_timezones()
    return calendar.to_ical()


# --- e-mail -------------------------------------------------------------------------


def _enqueue(delivery_id: int) -> None:
    send_reminder.enqueue(delivery_id)


def reminders_tick(now: dt.datetime | None = None) -> int:
    """Create and enqueue the reminders that are due; re-enqueue retries. Idempotent:
    one ``Delivery`` per person and local day (a unique constraint), so several workers
    ticking at once still send one e-mail. Returns how many sends were enqueued."""
    now = now or timezone.now()
    enqueued = 0
    due = Delivery.objects.filter(status=Delivery.Status.RETRYING, next_try_at__lte=now)
    stale = Delivery.objects.filter(status=Delivery.Status.PENDING, updated_at__lt=now - STALE)
    for delivery_id, user_id in [*due.values_list("pk", "user_id"), *stale.values_list("pk", "user_id")]:
        # Claim it first, so two workers do not both enqueue the retry.
        with transaction.atomic():
            claimed = Delivery.objects.filter(
                pk=delivery_id, status__in=[Delivery.Status.RETRYING, Delivery.Status.PENDING]
            ).update(status=Delivery.Status.PENDING, updated_at=now)
            if claimed:
                _enqueue(delivery_id)
                enqueued += 1
        if claimed:
            _changed(user_id)
    for reminder in Reminder.objects.filter(email=True).select_related("user__profile"):
        if not reminder.days or not reminder.user.email or not reminder.user.is_active:
            continue
        zone = user_zone(reminder.user)
        local = now.astimezone(zone)
        if local.weekday() not in reminder.days or local.time() < reminder.time:
            continue
        day = local.date()
        if Delivery.objects.filter(user=reminder.user, day=day).exists():
            continue
        if CheckIn.objects.filter(user=reminder.user, date=day).exists():
            continue  # already checked in today: no nudge needed
        try:
            with transaction.atomic():
                delivery = Delivery.objects.create(user=reminder.user, day=day, next_try_at=now)
                _enqueue(delivery.pk)
        except IntegrityError:
            continue  # another worker made it first
        _changed(reminder.user_id)
        enqueued += 1
    return enqueued


def _changed(user_id: int) -> None:
    """A delivery's row changed outside its person's own request: what they see of it (the
    check-in pages, their export) is stale (CONTRIBUTING: background work bumps the
    person's version itself). A database too busy to take the bump is logged, not raised:
    the reminders still go out, and kept copies last a day at most."""
    try:
        data_changed(user_id, "checkin")
    except DatabaseError as exc:
        logger.warning("check-in reminders: could not mark %s's data changed: %s", user_id, exc)


def reminder_email(user: User) -> tuple[str, str]:
    base = getattr(settings, "BRIDGEWORK_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    body = (
        "A gentle reminder: a few taps to notice how today was.\n\n"
        f"{base}/checkin/\n\n"
        "You can change or stop these e-mails on the reminders page of your check-in.\n"
    )
    return SUMMARY, body


@task
def send_reminder(delivery_id: int) -> str:
    """Send one reminder e-mail. Failures are recorded on the delivery and retried by
    ``reminders_tick`` after a wait; the task itself always finishes."""
    try:
        delivery = Delivery.objects.select_related("user__profile").get(pk=delivery_id)
    except Delivery.DoesNotExist:
        return "gone"
    if delivery.status in (Delivery.Status.SENT, Delivery.Status.FAILED):
        return delivery.status
    user = delivery.user
    now = timezone.now()
    if now.astimezone(user_zone(user)).date() > delivery.day:
        delivery.status = Delivery.Status.FAILED
        delivery.last_error = delivery.last_error or "The day was over before it could be sent."
        delivery.save(update_fields=["status", "last_error", "updated_at"])
        _changed(user.pk)
        return delivery.status
    subject, body = reminder_email(user)
    delivery.attempts += 1
    try:
        send_mail(subject, body, None, [user.email], fail_silently=False)
    except Exception as exc:  # any mail failure: SMTP, DNS, refused, timeout
        logger.warning("check-in reminder %s failed: %s", delivery_id, exc)
        delivery.last_error = (f"{type(exc).__name__}: {exc}")[:300]
        if delivery.attempts > len(BACKOFF):
            delivery.status = Delivery.Status.FAILED
            delivery.next_try_at = None
        else:
            delivery.status = Delivery.Status.RETRYING
            delivery.next_try_at = now + BACKOFF[delivery.attempts - 1]
        delivery.save(update_fields=["status", "attempts", "last_error", "next_try_at", "updated_at"])
        _changed(user.pk)
        return delivery.status
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = now
    delivery.next_try_at = None
    delivery.save(update_fields=["status", "attempts", "sent_at", "next_try_at", "updated_at"])
    _changed(user.pk)
    return delivery.status


# --- running the background work ----------------------------------------------------


def scheduler_loop(stop: threading.Event, interval: float = TICK_SECONDS) -> None:
    """Tick every ``interval`` seconds until ``stop`` is set (runs in a thread)."""
    while not stop.is_set():
        try:
            close_old_connections()
            reminders_tick()
        except Exception:  # keep ticking: one bad minute must not stop the reminders
            logger.exception("check-in reminder tick failed")
        finally:
            close_old_connections()
        stop.wait(interval)


def make_worker(worker_id: str, *, batch: bool = False) -> object:
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["default"],
        interval=1,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def worker_loop(stop: threading.Event, worker_id: str) -> None:
    """Run the task worker until ``stop``; a database hiccup restarts it, never ends it."""
    while not stop.is_set():
        worker: Any = make_worker(worker_id)
        try:
            worker.run()
        except Exception:
            logger.exception("background task worker stopped; restarting in 5 seconds")
        finally:
            close_old_connections()
        stop.wait(5)


def start_background(worker_id: str = "serve") -> threading.Event:
    """Start the reminder schedule and a task worker in daemon threads of this process
    (``bridgework serve``), so a laptop needs no second command. Returns the stop event;
    the threads also end with the process."""
    stop = threading.Event()
    threading.Thread(target=scheduler_loop, args=(stop,), name="checkin-scheduler", daemon=True).start()
    threading.Thread(target=worker_loop, args=(stop, worker_id), name="task-worker", daemon=True).start()
    return stop
