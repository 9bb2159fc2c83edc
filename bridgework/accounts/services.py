from __future__ import annotations

from typing import Any

from django.db import transaction


@transaction.atomic
def account_delete(*, user: Any) -> None:
    """Delete the user and, through cascading foreign keys, every row they own.

    Allauth's e-mail addresses and MFA authenticators, sessions' user ids and every
    Bridgework module's rows all cascade from the user row.
    """
    from django.contrib.sessions.models import Session

    user_pk = str(user.pk)
    # Sessions hold the user id only inside their encoded data; remove those too.
    for session in Session.objects.iterator():
        if session.get_decoded().get("_auth_user_id") == user_pk:
            session.delete()
    user.delete()
