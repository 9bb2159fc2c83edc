from __future__ import annotations

from django.contrib.auth.models import User
from django.http import Http404

from bridgework.core.access import owned_or_404

from .instruments import Instrument, get_instrument
from .models import Sitting


def get_sitting_for_user(user: User, pk: object) -> Sitting:
    """The user's own sitting, or 404 (never 403: a foreign id must not be confirmed)."""
    return owned_or_404(Sitting.objects.filter(user=user), pk)


def get_instrument_or_404(instrument_id: str) -> Instrument:
    instrument = get_instrument(instrument_id)
    if instrument is None:
        raise Http404("No such questionnaire")
    return instrument
