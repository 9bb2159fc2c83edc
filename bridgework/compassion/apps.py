from django.apps import AppConfig


class CompassionConfig(AppConfig):
    name = "bridgework.compassion"
    label = "compassion"
    verbose_name = "Kindness"
    nav_label: str | None = "Kindness"

    def ready(self) -> None:
        # Load the exercises now so a malformed file stops startup with file and line.
        from .content import exercises

        exercises()
