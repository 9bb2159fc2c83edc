from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from bridgework.core.exporting import forget as forget_export
from bridgework.core.importing import ImportProblem
from bridgework.core.modules import has_user_data, import_all


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the user and, through cascading foreign keys, every row they own.

    Allauth's e-mail addresses and MFA authenticators, the person's sessions
    (``accounts.models.Session``) and every Bridgework module's rows all cascade from
    the user row. Their export kept in the cache (sealed) is dropped first.
    """
    forget_export(user.pk)
    user.delete()


NOT_EMPTY = (
    "This account already has Bridgework data, so nothing was imported. A backup can only "
    "be restored into an account with nothing in it yet (for example a new one)."
)


class AccountNotEmpty(ImportProblem):
    pass


@transaction.atomic
def account_import(*, user: User, payload: Any) -> int:
    """Restore an export into an account with no Bridgework data; returns the rows created.

    All or nothing: any ImportProblem (or a database error) leaves the account untouched.
    Reads and decrypts everything the account has to check that it is empty.
    """
    if has_user_data(user):
        raise AccountNotEmpty(NOT_EMPTY)
    return import_all(user, payload)
