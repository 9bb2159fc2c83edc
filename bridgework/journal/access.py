"""The one way views fetch an entry: the owner's, or 404 (never 403)."""

from __future__ import annotations

from django.contrib.auth.models import User

from bridgework.core.access import owned_or_404

from .models import Entry


def get_entry_for_user(user: User, pk: object) -> Entry:
    return owned_or_404(Entry.objects.filter(user=user), pk)
