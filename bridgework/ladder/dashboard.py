from __future__ import annotations

from typing import Any

from django.urls import reverse

from bridgework.core.modules import NextStep, Panel

from .services import ladder_rows, last_attempt


def dashboard(user: Any) -> Panel:
    """The ladder's home panel: next step and last reflection. Four queries.

    Only the text the panel shows is decrypted: the next step's ``what`` and the last
    attempt's step, not the whole ladder."""
    rows = ladder_rows(user, with_text=False)
    next_row = next((row for row in rows if row.is_next), None)
    next_step = None
    if next_row is not None:
        next_row.step.refresh_from_db(fields=["what"])
        next_step = NextStep(
            text=f"Practise: {next_row.step.what}",
            url=reverse("ladder:step_detail", args=[next_row.step.pk]),
            priority=50,
            label="Open the step",
        )
    elif not rows:
        next_step = NextStep(
            text="Pick a first small step from the library",
            url=reverse("ladder:library"),
            priority=15,
            label="Open the step library",
        )
    return Panel(
        template="ladder/_dashboard.html",
        context={"next_row": next_row, "step_count": len(rows), "last": last_attempt(user)},
        next_step=next_step,
    )
