from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from bridgework.core.modules import NextStep, Panel

from .models import CheckIn

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["checkin"]


def dashboard(user: User) -> Panel:
    """One query, whatever the history: today's check-in and the last 7 days' count."""
    today = timezone.localdate()
    week = CheckIn.objects.filter(user=user, date__range=(today - dt.timedelta(days=6), today)).aggregate(
        days=Count("id"), today=Count("id", filter=Q(date=today))
    )
    done_today = bool(week["today"])
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
        context={"done_today": done_today, "week_days": week["days"]},
        next_step=next_step,
    )
