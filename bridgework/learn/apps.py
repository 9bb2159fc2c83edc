from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "bridgework.learn"
    label = "learn"
    verbose_name = "Learn"
    nav_label: str | None = "Learn"

    def ready(self) -> None:
        # Load every lesson now so a malformed file stops startup with file and line.
        from .content import lessons

        lessons()
