"""Validators shared by the apps' forms and models."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

# A date before this is almost surely a mistyped year (e.g. 0202 for 2022).
EARLIEST_DATE = date(1900, 1, 1)


def validate_lived_date(value: date, *, future: str) -> None:
    """A day that has already happened: not after the person's own today (the time-zone
    middleware activates theirs) and not before 1900. ``future`` says what to do instead."""
    if value > timezone.localdate():
        raise ValidationError(future, code="future")
    if value < EARLIEST_DATE:
        raise ValidationError("That date is before 1900. Please check the year.", code="too_early")
