"""The one way views and the API fetch a step or an attempt: owner-scoped, 404 otherwise."""

from __future__ import annotations

from django.contrib.auth.models import User

from bridgework.core.access import owned_or_404

from .models import Attempt, Step


def get_step_for_user(user: User, pk: object) -> Step:
    return owned_or_404(Step.objects.filter(user=user), pk)


def get_attempt_for_user(user: User, pk: object) -> Attempt:
    """The user's own attempt (through its step), with the step loaded."""
    return owned_or_404(Attempt.objects.select_related("step").filter(step__user=user), pk)
