"""Security middleware: what a request may carry in, and what every response carries out.

Two of the app's own layers (each layer of ``MIDDLEWARE`` costs every request a few
function calls; these were six):

- :class:`EdgeMiddleware` (first in the chain) keeps only the CGI/WSGI keys a request
  needs in ``request.META``. Some servers (Django's development server, plain
  ``wsgiref``, CGI) copy the whole process environment into every request; nothing
  downstream (allauth's request stash, error reports, logs) must ever see
  ``BRIDGEWORK_SECRET_KEY`` or ``BRIDGEWORK_ENCRYPTION_KEYS``. Then a HEAD request runs
  as a GET (``core.http.head_as_get``).
- ``accounts.middleware.PersonMiddleware`` (last) loads the person, and uses the two
  functions here: :func:`reauthentication_redirect` answers allauth's "reauthentication
  required" itself with a plain redirect, so a request is never serialised into the
  session: strangers cannot store bytes, and no header or body lands in the session
  table; :func:`mark_private` sets ``Cache-Control: no-store, private`` on every
  response that may show a person's data, and a ``Permissions-Policy``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from .http import head_as_get

# The request keys of PEP 3333 (CGI) that Django and the app read; HTTP_* headers and
# wsgi.* server objects are kept too. Everything else is dropped.
CGI_KEYS = frozenset(
    {
        "REQUEST_METHOD",
        "SCRIPT_NAME",
        "PATH_INFO",
        "QUERY_STRING",
        "CONTENT_TYPE",
        "CONTENT_LENGTH",
        "SERVER_NAME",
        "SERVER_PORT",
        "SERVER_PROTOCOL",
        "SERVER_SOFTWARE",
        "REMOTE_ADDR",
        "REMOTE_HOST",
        "REMOTE_PORT",
        "GATEWAY_INTERFACE",
        "REQUEST_URI",
        "RAW_URI",
        "HTTPS",
        "CSRF_COOKIE",
        "CSRF_COOKIE_NEEDS_UPDATE",
    }
)


def meta_key_allowed(key: str) -> bool:
    return key in CGI_KEYS or key.startswith(("HTTP_", "wsgi.", "waitress.", "gunicorn."))


class EdgeMiddleware:
    """Drop every ``request.META`` key that is not part of the HTTP request itself; then
    answer HEAD as GET (``core.http.head_as_get``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        meta = request.META
        for key in [k for k in meta if not meta_key_allowed(k)]:
            del meta[key]
        if request.method == "HEAD":
            return head_as_get(request, self.get_response)
        return self.get_response(request)


def reauthentication_redirect(request: HttpRequest, exception: Exception) -> HttpResponse | None:
    """Redirect to log in (or to confirm the password) without stashing the request.

    allauth's own handler serialises a POST (all of ``META`` and the whole body) into the
    session so it can replay it afterwards, which lets an anonymous POST of any size
    write to the database. Here the person lands back on the page (a GET) and submits
    again; nothing about the request is stored. A ``process_exception`` hook: it must
    run before allauth's (a layer after allauth's middleware).
    """
    from allauth.account.adapter import get_adapter
    from allauth.core.exceptions import ReauthenticationRequired

    if not isinstance(exception, ReauthenticationRequired):
        return None
    if request.user.is_authenticated:
        methods = get_adapter().get_reauthentication_methods(request.user)
        if not methods:
            return None  # allauth answers 403
        target = methods[0]["url"]
    else:
        target = reverse("account_login")
    return HttpResponseRedirect(
        f"{target}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}"
    )


# Nothing in Bridgework uses these browser features; deny them to every page and frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
        "browsing-topics",
    )
)

# Paths whose answers may hold a person's data even before we know who is asking.
PRIVATE_PREFIXES = ("/account/", "/accounts/", "/api/")


def mark_private(request: HttpRequest, response: HttpResponseBase, *, logged_in: bool) -> None:
    """``Cache-Control: no-store, private`` on anything that may show a person's data.

    Every response to a logged-in person (pages, exports, CSV, FHIR, API) and everything
    under the account and API paths: no shared proxy keeps it and the browser does not
    write it to its disk cache. Static files (served by WhiteNoise before this runs) and
    public pages for visitors stay cacheable. Every response gets the
    ``Permissions-Policy``.
    """
    if logged_in or request.path.startswith(PRIVATE_PREFIXES):
        if "Cache-Control" in response.headers:
            patch_cache_control(response, no_store=True, private=True)
        else:  # what patch_cache_control writes when there is nothing to merge with
            response.headers["Cache-Control"] = "no-store, private"
    response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
