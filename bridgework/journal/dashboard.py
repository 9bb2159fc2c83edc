from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from bridgework.core.modules import NextStep, Panel

from .models import Entry

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["journal"]


def dashboard(user: Any) -> Panel:
    """Two queries: the latest entry date and the count."""
    entries = Entry.objects.filter(user=user)
    latest = entries.values_list("date", flat=True).first()
    count = entries.count()
    next_step = None
    if latest is None or latest < timezone.localdate() - dt.timedelta(days=3):
        next_step = NextStep(
            text="Write a few lines in your journal — one honest sentence is enough",
            url=reverse("journal:new"),
            priority=5,  # below learn (10): reading comes first for newcomers
            label="Write an entry",
        )
    return Panel(
        template="journal/_dashboard.html",
        context={"count": count, "latest": latest},
        next_step=next_step,
    )
