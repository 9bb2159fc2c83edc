from django.apps import AppConfig


class LadderConfig(AppConfig):
    name = "bridgework.ladder"
    label = "ladder"
    verbose_name = "Practise"
    nav_label: str | None = "Practise"

    def ready(self) -> None:
        # Load the step library now so a malformed file stops startup with file and line.
        from .library import templates

        templates()
