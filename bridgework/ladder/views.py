from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bridgework.core.fragments import cached_for_person, cached_page
from bridgework.core.http import AuthedRequest
from bridgework.core.links import url_for_pk
from bridgework.core.paging import page_numbers, page_of
from bridgework.safety.services import screening_carry

from . import services
from .access import get_attempt_for_user, get_step_for_user
from .forms import AttemptForm, LibraryFilterForm, OverrideForm, StepForm
from .library import filter_templates, template_by_slug
from .mastery import ATTEMPTS_NEEDED, CALM_PEAK
from .progress import progress_for

# Attempts per page of a step (newest first); the mastery summary counts them all in SQL.
ATTEMPTS_PER_PAGE = 20


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    context.setdefault("rule", {"calm": CALM_PEAK, "needed": ATTEMPTS_NEEDED})
    return render(request, template, context)


# --------------------------------------------------------------------------- the ladder


@login_required
@require_GET
@cached_page(areas=["ladder"])
def index(request: AuthedRequest) -> HttpResponse:
    """The ladder in the person's order: every step still to practise as a card, and the
    few most recently mastered on one line each (``?all=1`` shows every mastered step).

    Rendered from two queries whatever the history (the counted steps, then the text of
    those shown; links without a reverse() per row), then served from the per-person
    cache (core/fragments.py) until the person changes something in the ladder (it shows
    nothing from other modules: a step's person is not on this page)."""
    show_all = request.GET.get("all") == "1"

    def body() -> str:
        return render_to_string("ladder/_index_body.html", _index_context(request, show_all), request)

    return _page(
        request,
        "ladder/index.html",
        {"body": cached_for_person(request, f"ladder_index_{int(show_all)}", body, areas=["ladder"])},
    )


def _index_context(request: AuthedRequest, show_all: bool) -> dict[str, Any]:
    """What ``ladder/_index_body.html`` shows: the database counts every step (plain rows),
    and only the steps shown are read (two queries whatever the history)."""
    counts = services.ladder_counts_for(request.user)
    shown = _shown(counts, show_all=show_all)
    visible = services.rows_of(request.user, [row for row in counts if row.pk in shown])
    next_row = next((row for row in visible if row.is_next), None)
    detail, attempt, move = (
        url_for_pk(name)
        for name in ("ladder:step_detail", "ladder:attempt_new", "ladder:step_move")
    )
    items = [
        (
            row,
            {
                "detail": detail(row.step.pk),
                "attempt": attempt(row.step.pk),
                "move": move(row.step.pk),
            },
        )
        for row in visible
    ]
    context: dict[str, Any] = {
        "rows": counts,  # every step's status (StepCounts), the next one marked
        "items": items,
        "next_row": next_row,
        "hidden_count": len(counts) - len(visible),
        "show_all": show_all,
    }
    context.setdefault("rule", {"calm": CALM_PEAK, "needed": ATTEMPTS_NEEDED})
    return context


# Mastered steps the ladder page lists by default (the latest ones; the rest on request).
MASTERED_SHOWN = 5


def _shown(counts: list[services.StepCounts], *, show_all: bool = False) -> set[int]:
    """The step ids the ladder page shows: all not yet mastered, the latest few mastered."""
    if show_all:
        return {row.pk for row in counts}
    mastered = sorted(
        (row for row in counts if row.status == "mastered"),
        key=lambda row: (row.mastered_on or date.min, row.pk),
        reverse=True,
    )
    return {row.pk for row in counts if row.status != "mastered"} | {
        row.pk for row in mastered[:MASTERED_SHOWN]
    }


@login_required
@require_GET
def library(request: AuthedRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    kind = stakes = ""
    if form.is_bound and form.is_valid():
        kind, stakes = form.cleaned_data["kind"], form.cleaned_data["stakes"]
    adopted = set(
        request.user.ladder_steps.exclude(template_slug="").values_list("template_slug", flat=True)  # type: ignore[union-attr]
    )
    return _page(
        request,
        "ladder/library.html",
        {"form": form, "templates": filter_templates(kind=kind, stakes=stakes), "adopted": adopted},
    )


@login_required
@require_POST
def adopt(request: AuthedRequest, slug: str) -> HttpResponse:
    template = template_by_slug(slug)
    if template is None:
        raise Http404("No such template")
    step, screening = services.step_adopt(user=request.user, template=template)
    screening_carry(request, screening)
    messages.success(request, "Added to your ladder. Change anything that doesn’t fit you — you can also keep it as it is.")
    return redirect("ladder:step_edit", pk=step.pk)


@login_required
@require_POST
def move(request: AuthedRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request.user, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "That move was not understood; nothing changed.")
        return redirect("ladder:index")
    # One press moves the step one place on the page: past the mastered steps the page
    # does not list, to the next one it does.
    counts = services.ladder_counts_for(request.user)
    shown = _shown(counts)
    order = [row.pk for row in counts]
    here = order.index(step.pk)
    ahead = order[:here][::-1] if direction == "up" else order[here + 1 :]
    neighbour = next((i for i, pk in enumerate(ahead) if pk in shown), len(ahead) - 1)
    way: Literal["up", "down"] = "up" if direction == "up" else "down"
    for _ in range(neighbour + 1 if ahead else 0):
        services.step_move(step=step, direction=way)
    return redirect(reverse("ladder:index") + f"#step-{step.pk}")


@login_required
@require_POST
def sort(request: AuthedRequest) -> HttpResponse:
    services.ladder_sort_by_discomfort(user=request.user)
    messages.success(request, "Your ladder is in order of expected discomfort again.")
    return redirect("ladder:index")


# --------------------------------------------------------------------------- steps


@login_required
@require_http_methods(["GET", "POST"])
def step_new(request: AuthedRequest) -> HttpResponse:
    form = StepForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        step, screening = services.step_create(user=request.user, **form.cleaned_data)
        screening_carry(request, screening)
        messages.success(request, "Step added to your ladder.")
        return redirect("ladder:step_detail", pk=step.pk)
    return _page(request, "ladder/step_form.html", {"form": form, "step": None})


@login_required
@require_GET
def step_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request.user, pk)
    page = page_of(services.step_attempts(step), request.GET.get("page"), ATTEMPTS_PER_PAGE)
    link = url_for_pk("ladder:attempt_detail")
    return _page(
        request,
        "ladder/step_detail.html",
        {
            "row": services.step_row_counted(step),
            "step": step,
            "page": page,
            "page_numbers": page_numbers(page),
            "attempts": [(attempt, link(attempt.pk)) for attempt in page],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def step_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request.user, pk)
    form = StepForm(request.POST or None, instance=step, user=request.user)
    if request.method == "POST" and form.is_valid():
        step, screening = services.step_update(step=step, **form.cleaned_data)
        screening_carry(request, screening)
        messages.success(request, "Step saved. Its attempts are all still here.")
        return redirect("ladder:step_detail", pk=step.pk)
    return _page(request, "ladder/step_form.html", {"form": form, "step": step})


@login_required
@require_http_methods(["GET", "POST"])
def step_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request.user, pk)
    if request.method == "POST":
        count = services.step_delete(step=step)
        messages.success(
            request,
            "Step deleted" + (f", with its {count} attempt{'s' if count != 1 else ''}." if count else "."),
        )
        return redirect("ladder:index")
    return _page(request, "ladder/step_confirm_delete.html", {"step": step, "count": step.attempts.count()})


@login_required
@require_POST
def step_override(request: AuthedRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request.user, pk)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That choice was not understood; nothing changed.")
        return redirect("ladder:step_detail", pk=step.pk)
    choice = form.cleaned_data["choice"]
    services.step_override_set(step=step, choice=choice)
    messages.success(
        request,
        {
            "mastered": "Marked as mastered. Your call counts.",
            "practising": "You’ll keep practising this step. There is no hurry.",
            "": "This step follows the rule again.",
        }[choice],
    )
    return redirect("ladder:step_detail", pk=step.pk)


# --------------------------------------------------------------------------- attempts


@login_required
@require_http_methods(["GET", "POST"])
def attempt_new(request: AuthedRequest, pk: int) -> HttpResponse:
    step = get_step_for_user(request.user, pk)
    form = AttemptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attempt, screening = services.attempt_log(step=step, **form.cleaned_data)
        screening_carry(request, screening)
        return redirect("ladder:attempt_detail", pk=attempt.pk)
    return _page(request, "ladder/attempt_form.html", {"form": form, "step": step, "attempt": None})


@login_required
@require_GET
def attempt_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request.user, pk)
    return _page(
        request,
        "ladder/attempt_detail.html",
        {"attempt": attempt, "step": attempt.step, "reflection": services.attempt_reflection(attempt)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def attempt_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request.user, pk)
    form = AttemptForm(request.POST or None, instance=attempt)
    if request.method == "POST" and form.is_valid():
        attempt, screening = services.attempt_update(attempt=attempt, **form.cleaned_data)
        screening_carry(request, screening)
        messages.success(request, "Attempt saved.")
        return redirect("ladder:attempt_detail", pk=attempt.pk)
    return _page(
        request, "ladder/attempt_form.html", {"form": form, "step": attempt.step, "attempt": attempt}
    )


@login_required
@require_http_methods(["GET", "POST"])
def attempt_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request.user, pk)
    step = attempt.step
    if request.method == "POST":
        services.attempt_delete(attempt=attempt)
        messages.success(request, "Attempt deleted.")
        return redirect("ladder:step_detail", pk=step.pk)
    return _page(request, "ladder/attempt_confirm_delete.html", {"attempt": attempt, "step": step})


# --------------------------------------------------------------------------- progress


@login_required
@require_GET
def progress(request: AuthedRequest) -> HttpResponse:
    return _page(request, "ladder/progress.html", {"progress": progress_for(request.user)})
