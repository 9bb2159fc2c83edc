from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "bridgework.journal"
    label = "journal"
    verbose_name = "Journal"
    nav_label: str | None = "Journal"

    def ready(self) -> None:
        # A broken prompt file must stop startup (and the tests), not a page later.
        from .prompts import prompt_sets

        prompt_sets()
