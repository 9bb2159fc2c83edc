from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "bridgework.safety"
    label = "safety"
    verbose_name = "Safety"
    # Shown in the main navigation once the app has an "safety:index" page.
    nav_label: str | None = None
