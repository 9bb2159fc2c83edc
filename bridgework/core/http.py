"""HTTP plumbing shared by the apps: the typed request of a logged-in view, htmx, and HEAD."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse


class AuthedRequest(HttpRequest):
    """A request whose ``user`` is a real, logged-in ``User`` (annotate views with it)."""

    user: User


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request (its ``HX-Request`` header): the view answers with
    the fragment to swap in instead of a whole page."""
    return request.headers.get("HX-Request") == "true"


def head_as_get(
    request: HttpRequest, get_response: Callable[[HttpRequest], HttpResponseBase]
) -> HttpResponseBase:
    """A HEAD request runs as the GET it asks about and gets the same headers, no body.

    Views are decorated ``require_GET`` (or ``require_http_methods(["GET", "POST"])``),
    which would answer HEAD with 405; HTTP says a server answering GET should answer
    HEAD too (uptime checks and link previews use it). Called by the first middleware
    (``core.middleware.EdgeMiddleware``), so everything below sees a GET.
    """
    request.method = "GET"
    response = get_response(request)
    request.method = "HEAD"
    if isinstance(response, StreamingHttpResponse):
        response.close()
        response.streaming_content = []
    elif hasattr(response, "content"):
        response.content = b""
    return response
