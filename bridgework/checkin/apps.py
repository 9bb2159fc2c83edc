from django.apps import AppConfig


class CheckinConfig(AppConfig):
    name = "bridgework.checkin"
    label = "checkin"
    verbose_name = "Check-in"
    nav_label: str | None = "Check-in"

    def ready(self) -> None:
        from .feelings import feeling_words

        # A bad feelings file fails at startup (and in tests), naming file and line.
        feeling_words()
