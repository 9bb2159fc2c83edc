from django.apps import AppConfig


class CircleConfig(AppConfig):
    name = "bridgework.circle"
    label = "circle"
    verbose_name = "Circle"
    # Shown in the main navigation once the app has an "circle:index" page.
    nav_label: str | None = None
