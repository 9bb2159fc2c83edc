from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

from .fragments import cached_for_person
from .modules import NextStep, Panel, best_next_step, dashboard_panels


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
    # The panels are computed only when the per-person cache misses (core/fragments.py:
    # keyed by person, data version, local day and CSRF secret; stored encrypted).
    home = HomePanels(request.user)

    def part(name: str) -> SafeString:
        def render_part() -> str:
            return render_to_string(f"core/_home_{name}.html", {"home": home}, request)

        return cached_for_person(request, f"home_{name}", render_part)

    parts = {f"{name}_html": part(name) for name in ("next", "panels")}
    return render(
        request,
        "core/home.html",
        {
            **parts,
            # For code and tests that look at the panels (computed only if they do).
            "panels": SimpleLazyObject(lambda: home.panels),
            "next_step": SimpleLazyObject(lambda: home.next_step),
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
