"""HEAD is answered wherever GET is, without repeating ``require_safe`` on every view."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse


class HeadAsGetMiddleware:
    """A HEAD request runs as the GET it asks about and gets the same headers, no body.

    Views are decorated ``require_GET`` (or ``require_http_methods(["GET", "POST"])``),
    which would answer HEAD with 405; HTTP says a server answering GET should answer
    HEAD too (uptime checks and link previews use it). Put it first in ``MIDDLEWARE``.
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
