from __future__ import annotations

from typing import Any

from bridgework.core.modules import Panel

from .forms import FollowUpForm
from .services import recent_screening_events


def dashboard(user: Any) -> Panel | None:
    """A gentle follow-up after recent screening events; nothing otherwise. One query."""
    events = recent_screening_events(user)
    if not events:
        return None
    return Panel(
        template="safety/_followup.html",
        context={"since": events[-1].created_at, "form": FollowUpForm()},
    )
