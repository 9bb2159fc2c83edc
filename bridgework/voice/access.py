"""The one way views and the API fetch a message: the owner's, or 404."""

from __future__ import annotations

from django.contrib.auth.models import User

from .models import Message

try:
    from bridgework.core.access import owned_or_404
except ImportError:  # TRANSITION: until the shared helpers (issue 10) land on main
    from django.db.models import QuerySet
    from django.http import Http404

    def owned_or_404(queryset: QuerySet[Message], pk: object) -> Message:  # type: ignore[misc]
        try:
            return queryset.get(pk=int(str(pk)))
        except (ValueError, OverflowError, queryset.model.DoesNotExist):
            raise Http404("Not found.") from None



def get_message_for_user(user: User, pk: object) -> Message:
    """The user's own message; ``Http404`` if it is missing, foreign or not an id at all."""
    return owned_or_404(Message.objects.filter(user=user).select_related("person", "step"), pk)
