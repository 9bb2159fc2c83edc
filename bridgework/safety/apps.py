from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "bridgework.safety"
    label = "safety"
    verbose_name = "Safety"
    # Shown in the main navigation once the app has an "safety:index" page.
    nav_label: str | None = None

    def ready(self) -> None:
        # Content is data: a broken file fails at start-up with its file:line, not on the
        # first save that needs it.
        from bridgework.screening.frame import lexicon
        from bridgework.screening.normalise import tables

        from .helping import helping_someone

        helping_someone()
        tables()
        lexicon()

        # base.html shows carried crisis help once: a page rendered once for everyone
        # must then be rendered in full (core.fragments.static_page).
        from bridgework.core.fragments import SHOWN_ONCE

        from .services import screening_is_carried

        if screening_is_carried not in SHOWN_ONCE:
            SHOWN_ONCE.append(screening_is_carried)
