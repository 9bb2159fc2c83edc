from django.apps import AppConfig


class AssessConfig(AppConfig):
    name = "bridgework.assess"
    label = "assess"
    verbose_name = "Recognise"
    nav_label: str | None = "Recognise"

    def ready(self) -> None:
        # Load and check every instrument file now, so a broken one fails at startup.
        from .instruments import all_instruments

        all_instruments()
