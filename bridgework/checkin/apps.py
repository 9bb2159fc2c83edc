from django.apps import AppConfig


class CheckinConfig(AppConfig):
    name = "bridgework.checkin"
    label = "checkin"
    verbose_name = "Check-in"
    # Shown in the main navigation once "checkin:index" exists.
    nav_label: str | None = None
