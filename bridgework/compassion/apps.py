from django.apps import AppConfig


class CompassionConfig(AppConfig):
    name = "bridgework.compassion"
    label = "compassion"
    verbose_name = "Kindness"
    # Shown in the main navigation once "compassion:index" exists.
    nav_label: str | None = None
