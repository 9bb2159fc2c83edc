from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "bridgework.voice"
    label = "voice"
    verbose_name = "Speak up"
    # Shown in the main navigation once "voice:index" exists.
    nav_label: str | None = None
