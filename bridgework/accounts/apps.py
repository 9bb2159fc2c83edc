from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bridgework.accounts"
    label = "accounts"
    verbose_name = "Accounts"
    # Shown in the main navigation once the app has an "accounts:index" page.
    nav_label: str | None = None
