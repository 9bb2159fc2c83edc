"""The one way views and the API fetch a step or an attempt: owner-scoped, 404 otherwise."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from .models import Attempt, Step


def get_step_for_user(user: Any, pk: int) -> Step:
    """The user's own step; ``Http404`` if it is missing or belongs to someone else."""
    try:
        return Step.objects.get(pk=pk, user=user)
    except (Step.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such step") from None


def get_attempt_for_user(user: Any, pk: int) -> Attempt:
    """The user's own attempt (through its step), with the step loaded; 404 otherwise."""
    try:
        return Attempt.objects.select_related("step").get(pk=pk, step__user=user)
    except (Attempt.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such attempt") from None
