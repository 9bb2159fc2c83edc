from __future__ import annotations

import hashlib
from functools import cached_property
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from .modules import NextStep, Panel, best_next_step, dashboard_panels


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
    # The panels are computed only when the template's per-person cache misses: the key
    # is the person, their data version (bumped by every write of theirs), today's date in
    # their time zone, and their CSRF secret (the panels hold forms).
    get_token(request)
    secret = request.META.get("CSRF_COOKIE", "")
    home = HomePanels(request.user)
    return render(
        request,
        "core/home.html",
        {
            "home": home,
            # For code and tests that look at the panels (computed only if they do).
            "panels": SimpleLazyObject(lambda: home.panels),
            "next_step": SimpleLazyObject(lambda: home.next_step),
            "today": timezone.localdate().isoformat(),
            "version": getattr(getattr(request.user, "profile", None), "data_version", None),
            "csrf_key": hashlib.sha256(secret.encode()).hexdigest()[:16],
        },
    )


class HomePanels:
    """The home page's panels and next step, computed on first use (a cache hit never is)."""

    def __init__(self, user: Any) -> None:
        self.user = user

    @cached_property
    def panels(self) -> list[Panel]:
        return dashboard_panels(self.user)

    @cached_property
    def next_step(self) -> NextStep | None:
        return best_next_step(self.panels)


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
