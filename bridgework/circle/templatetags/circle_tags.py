"""Template tags other apps use to offer circle actions without knowing circle internals."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from bridgework.circle.suggest import exchange_kind_for_step

register = template.Library()


@register.inclusion_tag("circle/_ledger_offer.html")
def ledger_offer(attempt: Any) -> dict[str, Any]:
    """Offer to add a ladder attempt with a person to the ledger as "received".

    Nothing is saved here: the button opens the ledger form, prefilled, to check and
    confirm. Renders nothing when the step names nobody from the circle.
    """
    step = attempt.step
    person = getattr(step, "person", None)
    if person is None:
        return {"url": None}
    query = urlencode(
        {
            "person": person.pk,
            "direction": "received",
            "kind": exchange_kind_for_step(step.kind),
            "size": "small",
            "discomfort": attempt.discomfort_peak,
            "occurred_on": attempt.happened_on.isoformat(),
        }
    )
    return {"url": f"{reverse('circle:exchange_new')}?{query}", "person": person}
