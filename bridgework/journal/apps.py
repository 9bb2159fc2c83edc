from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "bridgework.journal"
    label = "journal"
    verbose_name = "Journal"
    # Shown in the main navigation once the app has an "journal:index" page.
    nav_label: str | None = None
