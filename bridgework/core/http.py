"""HTTP plumbing shared by the apps: the typed request of a logged-in view, and HEAD."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse


class AuthedRequest(HttpRequest):
    """A request whose ``user`` is a real, logged-in ``User`` (annotate views with it)."""

    user: User


class HeadAsGetMiddleware:
    """A HEAD request runs as the GET it asks about and gets the same headers, no body.

    Views are decorated ``require_GET`` (or ``require_http_methods(["GET", "POST"])``),
    which would answer HEAD with 405; HTTP says a server answering GET should answer
    HEAD too (uptime checks and link previews use it). Put it near the top of ``MIDDLEWARE``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        request.method = "HEAD"
        if isinstance(response, StreamingHttpResponse):
            response.close()
            response.streaming_content = []
        elif hasattr(response, "content"):
            response.content = b""
        return response
