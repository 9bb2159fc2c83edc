"""``bridgework rotate-key``: add a new current encryption key and re-encrypt everything.

Order matters for safety: the new key is written to the key file *with* all old keys
first, so every row stays readable whichever key it is under; then each encrypted field
of every model is rewritten under the new key. Interrupting half-way is harmless: run it
again. Old keys stay in the file (rows in backups may still need them); remove a key by
hand only once no backup needs it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction

from bridgework.core import encryption, encryption_keys
from bridgework.core.management.base import BridgeworkCommand

BATCH = 500


def reencrypt_all() -> int:
    """Rewrite every encrypted value under the current key; returns rows rewritten."""
    rows = 0
    for model, names in encryption.encrypted_fields():
        pks = list(model._default_manager.values_list("pk", flat=True).order_by("pk"))
        for start in range(0, len(pks), BATCH):
            with transaction.atomic():
                for obj in model._default_manager.filter(pk__in=pks[start : start + BATCH]).only(
                    "pk", *names
                ):
                    # update() bypasses save(): auto_now timestamps keep their meaning.
                    model._default_manager.filter(pk=obj.pk).update(
                        **{n: getattr(obj, n) for n in names}
                    )
                    rows += 1
    return rows + reencrypt_mfa_secrets()


def reencrypt_mfa_secrets() -> int:
    """Two-factor secrets live inside allauth's JSON ``data``; rewrite those too."""
    from allauth.mfa.models import Authenticator

    rows = 0
    prefix = f"{encryption_keys.PREFIX}:"
    with transaction.atomic():
        for authenticator in Authenticator.objects.select_for_update():
            data = dict(authenticator.data or {})
            for key in ("secret", "seed"):
                if isinstance(data.get(key), str) and data[key].startswith(prefix):
                    data[key] = encryption.encrypt(encryption.decrypt(data[key]))
            codes = data.get("migrated_codes")
            if isinstance(codes, list):
                data["migrated_codes"] = [
                    encryption.encrypt(encryption.decrypt(c)) if str(c).startswith(prefix) else c
                    for c in codes
                ]
            Authenticator.objects.filter(pk=authenticator.pk).update(data=data)
            rows += 1
    return rows


class Command(BridgeworkCommand):
    help = (
        "Add a new current encryption key to the key file and re-encrypt all stored text with it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.BRIDGEWORK_ENCRYPTION_KEYS:
            raise CommandError(
                "Keys come from BRIDGEWORK_ENCRYPTION_KEYS, not the key file; rotate them there "
                "(new id:key first, old ones kept) and restart."
            )
        path = encryption.key_file_path()
        old = encryption.get_keyring()
        kid = encryption_keys.new_key_id()
        keyring = encryption_keys.Keyring(keys={kid: encryption_keys.new_key(), **old.keys}, current=kid)
        encryption_keys.write_key_file(path, keyring)
        encryption.get_keyring.cache_clear()
        rows = reencrypt_all()
        self.stdout.write(f"New current key {kid} written to {path}; {rows} rows re-encrypted.")
