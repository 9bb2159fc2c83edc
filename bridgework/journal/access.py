from __future__ import annotations

from typing import Any

from django.http import Http404

from .models import Entry


def get_entry_for_user(user: Any, pk: int) -> Entry:
    """The user's own entry; a missing or foreign entry is a 404, never a 403."""
    try:
        return Entry.objects.get(pk=pk, user=user)
    except Entry.DoesNotExist:
        raise Http404("No such entry") from None
