"""All of a person's submitted questionnaires as one FHIR Bundle (for their clinician)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from bridgework.assess import fhir
from bridgework.assess.instruments import get_instrument
from bridgework.assess.models import Response, Sitting


def assessment_bundle(user: Any) -> dict[str, Any]:
    """Every submitted sitting with its total as an Observation (two queries)."""
    sittings = []
    query = (
        Sitting.objects.filter(user=user, submitted_at__isnull=False)
        .order_by("submitted_at")
        .prefetch_related(Prefetch("responses", queryset=Response.objects.order_by("id")))
    )
    for sitting in query:
        instrument = get_instrument(sitting.instrument_id)
        if instrument is None or sitting.submitted_at is None:
            continue
        sittings.append(
            fhir.Sitting(
                instrument=instrument,
                response_id=f"bridgework-{sitting.pk}",
                answers=sitting.answers(),
                authored=sitting.submitted_at,
                completed=True,
                total=sitting.total,
            )
        )
    return fhir.bundle(sittings, timestamp=timezone.now())
