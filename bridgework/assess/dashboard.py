from __future__ import annotations

from typing import Any

from django.urls import reverse

from bridgework.core.modules import NextStep, Panel

from .instruments import get_instrument
from .services import latest_submitted_for

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["assess"]


def dashboard(user: Any) -> Panel:
    """One query whatever the history: each questionnaire's latest sitting, newest first."""
    latest = {sitting.instrument_id: sitting for sitting in latest_submitted_for(user)}
    next_step = None
    if "bii" not in latest:
        next_step = NextStep(
            text="Take the Interdependence Inventory: 30 short statements to see where doing "
            "it all alone shows up for you (about 5 minutes, and you can pause)",
            url=reverse("assess:about", args=["bii"]),
            priority=20,
            label="Take the inventory",
        )
    rows = []
    for instrument_id, sitting in latest.items():
        instrument = get_instrument(instrument_id)
        title = instrument.short_title if instrument else instrument_id
        rows.append({"title": title, "sitting": sitting})
    return Panel(template="assess/_dashboard.html", context={"latest": rows}, next_step=next_step)
