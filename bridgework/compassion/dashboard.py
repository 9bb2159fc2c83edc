from __future__ import annotations

from django.contrib.auth.models import User
from django.urls import reverse

from bridgework.core.modules import NextStep, Panel

from .acceptance import needs_gentle_nudge
from .services import acceptance_recent_for

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["compassion"]


def dashboard(user: User) -> Panel:
    """One aggregate query over the last four weeks, whatever the history."""
    total, accepted = acceptance_recent_for(user=user)
    next_step = None
    if needs_gentle_nudge(total, accepted):
        next_step = NextStep(
            text="This week, let one compliment stand: “thank you”, and nothing else",
            url=reverse("compassion:kindness") + "#nudge-heading",
            priority=15,
            label="See how",
        )
    return Panel(
        template="compassion/_dashboard.html",
        context={"recent_total": total, "recent_accepted": accepted},
        next_step=next_step,
    )
