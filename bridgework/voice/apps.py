from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "bridgework.voice"
    label = "voice"
    verbose_name = "Speak up"
    nav_label: str | None = "Speak up"
    # What a write under /voice/ can change (core.fragments caches): sending or debriefing a
    # message logs an attempt on the ladder step it belongs to.
    writes_areas = ("voice", "ladder")

    def ready(self) -> None:
        # Load the content now so a malformed file stops startup with file and line.
        from .feedback import rules
        from .library import responses, scripts

        rules()
        scripts()
        responses()
