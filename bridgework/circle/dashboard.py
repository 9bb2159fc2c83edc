from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from bridgework.core.modules import NextStep, Panel
from bridgework.core.rawrows import Prepared

from . import ledger
from .models import Person

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["circle"]

# Built once per process (core.rawrows.Prepared).
_per_ring = Prepared(
    lambda user_id: Person.objects.filter(user_id=user_id).order_by().values_list("ring").annotate(n=Count("id"))
)


def dashboard(user: Any) -> Panel:
    """Fixed cost whatever the history: people per ring, the close ring with each one's
    last contact, and ``ledger.observations_sql`` (two or three small queries)."""
    per_ring = dict(_per_ring.rows(user.pk))
    if not per_ring:
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
    today = timezone.localdate()
    close, last_contact = ledger.close_people(user, today)
    found = ledger.observations_sql(user, close, last_contact, today)
    return Panel(
        template="circle/_dashboard.html",
        context={
            "people_count": sum(per_ring.values()),
            "close_count": per_ring.get("close", 0),
            "observation": found[0] if found else None,
        },
    )
