from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bridgework.api"
    label = "api"
    verbose_name = "API"
    # Shown in the main navigation once the app has an "api:index" page.
    nav_label: str | None = None
