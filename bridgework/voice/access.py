"""The one way views and the API fetch a message: the owner's, or 404."""

from __future__ import annotations

from django.contrib.auth.models import User

from bridgework.core.access import owned_or_404

from .models import Message


def get_message_for_user(user: User, pk: object) -> Message:
    """The user's own message; ``Http404`` if it is missing, foreign or not an id at all."""
    return owned_or_404(Message.objects.filter(user=user).select_related("person", "step"), pk)
