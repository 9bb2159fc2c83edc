"""Model fields whose values are encrypted at rest."""

from __future__ import annotations

from typing import Any

from django.db import models

from . import encryption


class EncryptedTextField(models.TextField):
    """A TextField stored as an AES-GCM token; Python code sees plain text.

    The database cannot search, sort or filter on the content (that is the point): search
    decrypts in memory after an owner-scoped query. Lookups other than ``isnull`` are
    meaningless on it.
    """

    description = "Text encrypted at rest (AES-256-GCM)"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return encryption.decrypt(value)

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encryption.encrypt(str(value))
