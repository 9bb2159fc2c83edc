from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from bridgework import MODULES

from .models import data_changed

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


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
            match = request.resolver_match
            area = match.app_name if match is not None and match.app_name in MODULES else None
            data_changed(user_id, area)
        return response
