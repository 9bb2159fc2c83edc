from __future__ import annotations

from functools import cache
from html import escape

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe

from bridgework import MODULES


@cache
def _nav_links() -> tuple[tuple[str, str, str], ...]:
    links = []
    for name in MODULES:
        label = getattr(apps.get_app_config(name), "nav_label", None)
        if not label:
            continue
        try:
            links.append((name, label, reverse(f"{name}:index")))
        except NoReverseMatch:
            continue  # never link to an area that does not exist yet
    return tuple(links)


# The fixed links of base.html's header, navigation and footer, as ``{{ links.<key> }}``.
# Reversed once per process (per script prefix) instead of a {% url %} per link per page:
# eleven reverse() and five static() calls were a sixth of a static page's server time.
BASE_LINKS = {
    "home": "core:home",
    "manifest": "core:manifest",
    "privacy": "core:privacy",
    "help": "safety:help",
    "plan": "safety:plan",
    "profile": "accounts:profile",
    "logout": "account_logout",
    "learn": "learn:index",
    "login": "account_login",
    "signup": "account_signup",
    "export": "accounts:export",
    "delete_account": "accounts:delete",
}


# base.html's own static files, as ``{{ links.<key> }}`` too.
BASE_STATIC = {
    "css": "core/bridgework.css",
    "icon": "core/icon.svg",
    "touch_icon": "core/icon-192.png",
    "htmx": "django_htmx/htmx-2.min.js",
    "js": "core/bridgework.js",
}


@cache
def _base_links(prefix: str, static_url: str | None) -> dict[str, str]:
    links = {key: reverse(name) for key, name in BASE_LINKS.items()}
    return links | {key: static(path) for key, path in BASE_STATIC.items()}


CURRENT = ' aria-current="page"'


def nav_items(path: str, links: dict[str, str]) -> SafeString:
    """The logged-in main navigation's links as ``<li>`` items, the current one marked.

    Written in Python, not in base.html: a loop with a condition per link was a third of
    a static page's template time."""
    items = [(links["home"], "Home", path == links["home"], "")]
    items += [(url, label, path.startswith(url), "") for _name, label, url in _nav_links()]
    items += [
        (links["plan"], "Safety plan", path.startswith(links["plan"]), ""),
        (links["profile"], "Account", path == links["profile"], ' class="nav-end"'),
    ]
    # Plain strings (format_html per link cost more than the template loop did); every
    # URL and label is escaped.
    return mark_safe(  # noqa: S308
        "\n        ".join(
            f'<li{css}><a href="{escape(url)}"{CURRENT if current else ""}>{escape(label)}</a></li>'
            for url, label, current, css in items
        )
    )


def navigation(request: HttpRequest) -> dict[str, object]:
    links = _base_links(get_script_prefix(), settings.STATIC_URL)

    def nav() -> SafeString:  # a callable: rendered only by a page that shows it
        return nav_items(request.path, links)

    return {"nav_items": nav, "links": links}
