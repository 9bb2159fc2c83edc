from __future__ import annotations

import json
from dataclasses import asdict
from functools import partial
from types import ModuleType

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from .fragments import cached_page, cached_texts_for_person, static_page
from .modules import NextStep, best_next_step, dashboard_modules, dashboard_panels


@require_GET
@cached_page()
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
    # Each module's panel and proposed next step come from the per-person cache
    # (core/fragments.py: keyed by person, version and local day, shared by all their
    # browsers; stored encrypted), one entry a module, computed only when it misses. A module whose
    # dashboard.py declares AREAS is keyed by its own area's version, so a journal entry
    # recomputes the journal's panel, not the ladder's; the others by any change.
    parts = {
        f"home_panel_{name}": (getattr(module, "AREAS", ()), partial(_panel_json, request, module))
        for name, module in dashboard_modules()
    }
    shown = [json.loads(text) for text in cached_texts_for_person(request, parts).values()]
    next_step = best_next_step([NextStep(**part["next"]) for part in shown if part["next"]])
    return render(
        request,
        "core/home.html",
        {
            "panels_html": [mark_safe(part["html"]) for part in shown],  # our templates, autoescaped
            # For code and tests that look at the panels (computed only if they do).
            "panels": SimpleLazyObject(lambda: dashboard_panels(request.user)),
            "next_step": next_step,
        },
    )


def _panel_json(request: HttpRequest, module: ModuleType) -> str:
    """One module's home panel as JSON: its HTML and the next step it proposes."""
    panel = module.dashboard(request.user)
    if panel is None:
        return json.dumps({"html": "", "next": None})
    html = render_to_string(panel.template, {"panel": panel.context}, request)
    step = asdict(panel.next_step) if panel.next_step is not None else None
    return json.dumps({"html": html, "next": step})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return static_page(request, "core/privacy.html")  # the same for everyone: rendered once


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
