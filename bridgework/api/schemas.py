"""Schemas shared by every router: the screening envelope and the error body."""

from __future__ import annotations

from django.urls import reverse
from ninja import Schema

from bridgework.screening.crisis import Screening

from .errors import ErrorOut

__all__ = ["ERRORS", "ErrorOut", "ScreeningOut"]

# Declare them on every endpoint that can answer them: ``response={200: ThingOut, **ERRORS}``.
ERRORS: dict[int, type[ErrorOut]] = {404: ErrorOut, 422: ErrorOut}


class ScreeningOut(Schema):
    """What the screening of a saved text found. When ``crisis`` is true, show the help at
    ``help_url`` at once (``in_progress``: an emergency happening now; ``about``: "self" or
    "other" — the writer is worried about someone else). Saving is never blocked."""

    level: str
    crisis: bool
    in_progress: bool = False
    about: str = "self"
    help_url: str | None = None

    @classmethod
    def of(cls, screening: Screening) -> ScreeningOut:
        return cls(
            level=screening.level,
            crisis=screening.crisis,
            in_progress=bool(getattr(screening, "in_progress", False)),
            about=str(getattr(screening, "about", "self")),
            help_url=reverse("safety:help") if screening.crisis else None,
        )
