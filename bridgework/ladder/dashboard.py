from __future__ import annotations

from typing import Any

from django.urls import reverse

from bridgework.core.modules import NextStep, Panel

from .services import last_attempt_for, next_suggested_row_for, step_count_for

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["ladder"]


def dashboard(user: Any) -> Panel:
    """The ladder's home panel: next step and last reflection. Three queries whatever the
    size of the ladder and its history.

    Only the text the panel shows is decrypted: the next step's ``what`` and the last
    attempt's step, not the whole ladder."""
    next_row = next_suggested_row_for(user)
    step_count = step_count_for(user)
    next_step = None
    if next_row is not None:
        next_step = NextStep(
            text=f"Practise: {next_row.step.what}",
            url=reverse("ladder:step_detail", args=[next_row.step.pk]),
            priority=50,
            label="Open the step",
        )
    elif not step_count:
        next_step = NextStep(
            text="Pick a first small step from the library",
            url=reverse("ladder:library"),
            priority=15,
            label="Open the step library",
        )
    return Panel(
        template="ladder/_dashboard.html",
        context={"next_row": next_row, "step_count": step_count, "last": last_attempt_for(user)},
        next_step=next_step,
    )
