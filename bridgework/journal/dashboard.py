from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone

from bridgework.core.modules import NextStep, Panel
from bridgework.core.rawrows import Prepared

from .models import Entry

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["journal"]

# Built once per process (core.rawrows.Prepared). The latest date is the first entry in
# the list's order (newest date first).
_latest_and_count = Prepared(
    lambda user_id: Entry.objects.filter(user_id=user_id)
    .order_by()
    .values_list("user_id")
    .annotate(latest=Max("date"), n=Count("id"))
)


def dashboard(user: Any) -> Panel:
    """One query, built once per process: the latest entry's date and the count."""
    counted = _latest_and_count.rows(user.pk)
    latest, count = (counted[0][1], counted[0][2]) if counted else (None, 0)
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
