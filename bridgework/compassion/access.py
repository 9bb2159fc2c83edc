from __future__ import annotations

from django.contrib.auth.models import User

from bridgework.core.access import owned_or_404

from .models import Kindness, PracticeSession


def get_session_for_user(user: User, pk: object) -> PracticeSession:
    """The user's own practice session; missing, foreign or junk ids are a 404."""
    return owned_or_404(PracticeSession.objects.filter(user=user), pk)


def get_kindness_for_user(user: User, pk: object) -> Kindness:
    """The user's own kindness entry; missing, foreign or junk ids are a 404."""
    return owned_or_404(Kindness.objects.filter(user=user).select_related("person"), pk)
