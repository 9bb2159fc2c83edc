from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from bridgework.core.modules import Panel

from .forms import FollowUpForm
from .services import recent_screening_events_for


def day_phrase(when: dt.date, today: dt.date) -> str:
    """How a person would name the day: "Earlier today", "Yesterday", "On Tuesday"…"""
    days = (today - when).days
    if days <= 0:
        return "Earlier today"
    if days == 1:
        return "Yesterday"
    if days < 7:
        return f"On {when:%A}"
    if days == 7:
        return f"Last {when:%A}"
    return f"On {when.day} {when:%B}"


def dashboard(user: Any) -> Panel | None:
    """A gentle follow-up after recent screening events; nothing otherwise. One query.

    It names the real day of the most recent one ("On Tuesday you wrote…"), in the
    person's own time zone (the one activated for the request).
    """
    events = recent_screening_events_for(user)
    if not events:
        return None
    latest = max(event.created_at for event in events)
    today = timezone.localdate()
    return Panel(
        template="safety/_followup.html",
        context={
            "since": latest,
            "day": day_phrase(timezone.localtime(latest).date(), today),
            "form": FollowUpForm(),
        },
    )
