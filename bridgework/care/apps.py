from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "bridgework.care"
    label = "care"
    verbose_name = "Care team"
    # Shown in the main navigation once "care:index" exists.
    nav_label: str | None = "Care team"
