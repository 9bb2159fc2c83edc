"""The one error body of the API: ``{"detail": "<sentence>", "errors": {field: [msg, ...]}}``.

Every error the API returns has this shape, whatever raised it:

- ``ApiValidationError`` (raised by ``bridgework.api.forms.bind`` or by hand) → 422;
- django-ninja's own ``ValidationError`` (a payload of the wrong type) → 422, with the
  field named by its last place in the payload;
- ``Http404`` (the access helpers) → 404 ``{"detail": "Not found.", "errors": {}}``;
- ninja's ``HttpError`` (401 not logged in, 403 CSRF, 400 unreadable JSON) → its status.

Non-field errors are listed under ``"__all__"``, as Django forms do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

NON_FIELD = "__all__"
INVALID = "Please correct the fields listed."


class ErrorOut(Schema):
    """The body of every error response (name it in ``response={422: ErrorOut, ...}``)."""

    detail: str
    errors: dict[str, list[str]] = {}


class ApiValidationError(Exception):
    """Raise it to answer 422 with per-field messages."""

    def __init__(
        self, errors: Mapping[str, Sequence[str]] | None = None, detail: str = INVALID
    ) -> None:
        self.detail = detail
        self.errors = {field: [str(m) for m in messages] for field, messages in (errors or {}).items()}
        super().__init__(detail)


def error_body(detail: str, errors: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    return {"detail": detail, "errors": {field: list(messages) for field, messages in (errors or {}).items()}}


def _field(loc: Sequence[Any]) -> str:
    """ninja's ``loc`` → a field name: ``("body", "payload", "name")`` → ``"name"``,
    ``("query", "limit")`` → ``"limit"``; the payload itself → ``"__all__"``."""
    parts = list(loc)
    if parts and parts[0] == "body":
        parts = parts[2:]  # ("body", "<parameter name>", field, ...)
    elif parts:
        parts = parts[1:]  # ("query" | "path" | "header" | "cookie", field, ...)
    names = [str(part) for part in parts if not isinstance(part, int)]
    return names[0] if names else NON_FIELD


def _ninja_errors(exc: NinjaValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = error.get("loc") or ()
        field = _field(loc) if isinstance(loc, list | tuple) else NON_FIELD
        errors.setdefault(field, []).append(str(error.get("msg", "Invalid value.")))
    return errors


def install(api: NinjaAPI) -> None:
    """Register the handlers on ``api`` (done once in ``bridgework.api.api``)."""

    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_invalid(request: HttpRequest, exc: ApiValidationError) -> HttpResponse:
        return respond(request, 422, error_body(exc.detail, exc.errors))

    def on_ninja_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return respond(request, 422, error_body(INVALID, _ninja_errors(exc)))

    def on_404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, error_body("Not found."))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        detail = str(exc)
        if detail and detail[-1] not in ".!?":
            detail += "."
        return respond(request, exc.status_code, error_body(detail))

    api.add_exception_handler(ApiValidationError, on_invalid)  # type: ignore[arg-type]
    api.add_exception_handler(NinjaValidationError, on_ninja_invalid)  # type: ignore[arg-type]
    api.add_exception_handler(Http404, on_404)  # type: ignore[arg-type]
    api.add_exception_handler(HttpError, on_http_error)  # type: ignore[arg-type]
