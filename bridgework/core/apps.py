from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bridgework.core"
    label = "core"
    verbose_name = "Core"
    nav_label: str | None = None

    def ready(self) -> None:
        # Load (or, on first run, create) the encryption keys now: a missing key file for
        # an existing database must stop startup with a clear message, not fail later.
        from . import (
            checks,  # noqa: F401  (registers the key-matches-database check)
            wording,
        )

        wording.apply()
        from .encryption import get_keyring

        get_keyring()
