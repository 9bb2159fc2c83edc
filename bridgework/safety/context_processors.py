"""Crisis help carried across the redirect after a save, rendered once by ``base.html``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from bridgework.screening.crisis import Screening

from .services import screening_carried


def crisis_help(request: HttpRequest) -> dict[str, Callable[[], Screening | None]]:
    """``carried_screening``: the carried result, read (and removed) only by a page that
    shows it — a partial or a JSON response leaves it for the next full page."""

    @cache
    def carried() -> Screening | None:
        return screening_carried(request)

    return {"carried_screening": carried}
