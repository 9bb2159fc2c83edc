from __future__ import annotations

from typing import Any

from bridgework.core.modules import Panel

from .forms import CheckInForm
from .services import recent_screening_events


def dashboard(user: Any) -> Panel | None:
    """A gentle check-in after recent screening events; nothing otherwise. One query."""
    events = recent_screening_events(user)
    if not events:
        return None
    return Panel(
        template="safety/_checkin.html",
        context={"since": events[-1].created_at, "form": CheckInForm()},
    )
