from __future__ import annotations

import zoneinfo

from django.apps import apps
from django.contrib.auth.middleware import AuthenticationMiddleware as LazyAuthenticationMiddleware
from django.contrib.auth.middleware import get_user
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone

from bridgework import MODULES
from bridgework.core.middleware import mark_private, reauthentication_redirect

from .models import data_changed
from .sessions import loading_user_of

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


class PersonMiddleware(LazyAuthenticationMiddleware):
    """Who is asking, in their time zone; afterwards, what their write made stale and
    what the response may be kept as. One layer, last in ``MIDDLEWARE``:

    - Django's authentication middleware, except that ``request.user`` is the user
      itself, not a lazy proxy: every request of the app reads the person anyway (their
      time zone, below), and each attribute read through ``SimpleLazyObject`` goes
      through its proxy methods (~100 calls a page). The user is loaded and checked
      exactly as Django does (``get_user``: the session's user, its backend, the session
      hash of the password), from what the session's own query read with it
      (``accounts/sessions.py``).
    - The person's time zone (stored on their profile) for dates.
    - After a write of theirs (a POST, PUT, PATCH or DELETE that did not fail), the
      cached pages of what they changed are stale (``data_changed``).
    - ``Cache-Control`` and ``Permissions-Policy`` (``core.middleware.mark_private``).
    - allauth's "reauthentication required" answered without storing the request
      (``core.middleware.reauthentication_redirect``; this layer is after allauth's, so
      its ``process_exception`` runs first).
    """

    sync_capable = True
    async_capable = False

    def __call__(self, request: HttpRequest) -> HttpResponseBase:  # type: ignore[override]
        super().process_request(request)  # Django's checks, and request.auser
        # Django's get_user, given the user the session's query read with it (sessions.py).
        with loading_user_of(request.session):
            user = request.user = get_user(request)
        logged_in = user.is_authenticated
        tzname = None
        if logged_in:
            profile = getattr(user, "profile", None)
            tzname = profile.timezone if profile else None
        try:
            if tzname:
                timezone.activate(zoneinfo.ZoneInfo(tzname))
            else:
                timezone.deactivate()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        response = self.get_response(request)
        assert isinstance(response, HttpResponseBase)  # a sync-only layer (async_capable False)
        if logged_in and request.method not in SAFE_METHODS and response.status_code < 500:
            # Pages cached for the old version of what the person changed are stale now:
            # those of the module written to (by its URL namespace), or all of them.
            data_changed(user.pk, *written_areas(request))  # type: ignore[arg-type]
        mark_private(request, response, logged_in=request.user.is_authenticated)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return reauthentication_redirect(request, exception)
