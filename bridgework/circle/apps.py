from django.apps import AppConfig


class CircleConfig(AppConfig):
    name = "bridgework.circle"
    label = "circle"
    verbose_name = "Circle"
    # Shown in the main navigation (circle:index exists).
    nav_label: str | None = "Circle"
