from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.apps import apps
from django.contrib.auth.middleware import AuthenticationMiddleware as LazyAuthenticationMiddleware
from django.contrib.auth.middleware import get_user
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from bridgework import MODULES

from .models import data_changed

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def written_areas(request: HttpRequest) -> tuple[str, ...]:
    """The areas a write may have changed: its module (by the URL namespace), plus what
    the module's AppConfig lists in ``writes_areas`` (voice also logs ladder attempts);
    none (that is, everything) outside the modules' own URLs (the API, the account)."""
    match = request.resolver_match
    if match is None or match.app_name not in MODULES:
        return ()
    config = apps.get_app_config(match.app_name)
    areas: tuple[str, ...] = getattr(config, "writes_areas", (match.app_name,))
    return areas


class AuthenticationMiddleware(LazyAuthenticationMiddleware):
    """Django's, except that ``request.user`` is the user itself, not a lazy proxy.

    Every request of the app reads the person anyway (``UserTimezoneMiddleware`` below
    activates their time zone), so deferring it saves nothing, while each attribute read
    through Django's ``SimpleLazyObject`` goes through its proxy methods (~100 calls a
    page). The user is loaded and checked exactly as Django does (``get_user``: the
    session's user, its backend, the session hash of the password): only when it
    happens changes, not what happens.
    """

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)  # the same checks, and request.auser
        request.user = get_user(request)


class UserTimezoneMiddleware:
    """Show dates in the person's own time zone (stored on their profile)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tzname = None
        if request.user.is_authenticated:
            profile = getattr(request.user, "profile", None)
            tzname = profile.timezone if profile else None
        try:
            if tzname:
                timezone.activate(zoneinfo.ZoneInfo(tzname))
            else:
                timezone.deactivate()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        user_id = request.user.pk if request.user.is_authenticated else None
        response = self.get_response(request)
        if user_id is not None and request.method not in SAFE_METHODS and response.status_code < 500:
            # Pages cached for the old version of what the person changed are stale now:
            # those of the module written to (by its URL namespace), or all of them.
            data_changed(user_id, *written_areas(request))
        return response
