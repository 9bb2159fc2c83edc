from __future__ import annotations

from typing import Any

from django.urls import reverse

from bridgework.core.modules import NextStep, Panel

from .services import exchange_facts, observations_for, people_for


def dashboard(user: Any) -> Panel:
    """Three queries: people, exchange numbers, dismissals (none when the circle is empty)."""
    people = people_for(user)
    if not people:
        return Panel(
            template="circle/_dashboard.html",
            context={"people_count": 0},
            next_step=NextStep(
                text="Add the first person to your circle",
                url=reverse("circle:person_new"),
                priority=12,
                label="Add someone",
            ),
        )
    found = observations_for(user, people=people, facts=exchange_facts(user))
    return Panel(
        template="circle/_dashboard.html",
        context={
            "people_count": len(people),
            "close_count": sum(1 for person in people if person.ring == "close"),
            "observation": found[0] if found else None,
        },
    )
