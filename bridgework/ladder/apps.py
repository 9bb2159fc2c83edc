from django.apps import AppConfig


class LadderConfig(AppConfig):
    name = "bridgework.ladder"
    label = "ladder"
    verbose_name = "Practise"
    # Shown in the main navigation once the app has an "ladder:index" page.
    nav_label: str | None = None
