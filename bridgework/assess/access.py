from __future__ import annotations

from typing import Any

from django.http import Http404

from .instruments import Instrument, get_instrument
from .models import Administration


def get_administration_for_user(user: Any, pk: int) -> Administration:
    """The user's own administration, or 404 (never 403: a foreign id must not be confirmed)."""
    try:
        return Administration.objects.get(pk=pk, user=user)
    except Administration.DoesNotExist:
        raise Http404("No such assessment") from None


def get_instrument_or_404(instrument_id: str) -> Instrument:
    instrument = get_instrument(instrument_id)
    if instrument is None:
        raise Http404("No such questionnaire")
    return instrument
