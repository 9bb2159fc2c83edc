from django.apps import AppConfig


class AssessConfig(AppConfig):
    name = "bridgework.assess"
    label = "assess"
    verbose_name = "Recognise"
    # Shown in the main navigation once the app has an "assess:index" page.
    nav_label: str | None = None
