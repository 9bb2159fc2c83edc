from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from bridgework.core.modules import NextStep, Panel
from bridgework.core.rawrows import Prepared

from .models import CheckIn

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["checkin"]

# Built once per process (core.rawrows.Prepared): the last 7 days' check-ins, and today's.
_week = Prepared(
    lambda user_id, since, today: CheckIn.objects.filter(user_id=user_id, date__range=(since, today))
    .order_by()
    .values_list("user_id")
    .annotate(days=Count("id"), today=Count("id", filter=Q(date=today))),
    dates=2,
)


def dashboard(user: User) -> Panel:
    """One query, whatever the history: today's check-in and the last 7 days' count."""
    today = timezone.localdate()
    counted = _week.rows(user.pk, today - dt.timedelta(days=6), today)
    week_days, done = (counted[0][1], counted[0][2]) if counted else (0, 0)
    done_today = bool(done)
    next_step = None
    if not done_today:
        next_step = NextStep(
            text="A 20-second check-in: how was today, and did you do it all alone?",
            url=reverse("checkin:index"),
            # Above journal (5) and later lessons (10), below a first lesson (30) and the
            # ladder (50): a daily habit, not the main practice.
            priority=15,
            label="Check in",
        )
    return Panel(
        template="checkin/_dashboard.html",
        context={"done_today": done_today, "week_days": week_days},
        next_step=next_step,
    )
