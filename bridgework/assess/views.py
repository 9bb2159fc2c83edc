from __future__ import annotations

import csv
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bridgework.core.access import parse_pk
from bridgework.core.fragments import cached_for_person, cached_page
from bridgework.core.http import AuthedRequest
from bridgework.core.paging import page_numbers, page_of
from bridgework.safety.services import screening_carry

from . import fhir
from .access import get_instrument_or_404, get_sitting_for_user
from .forms import AnswersForm, Part, initial_from, parts_of
from .instruments import instrument_list
from .models import Sitting
from .presentation import (
    change_between,
    history_charts,
    practice_for,
    profile_chart,
    subscale_rows,
)
from .scoring import band_for
from .services import (
    AlreadySubmitted,
    latest_sittings_for,
    sitting_save,
    sitting_start,
    submitted_sittings_for,
)

# Sittings per page of an instrument's history (the most recent first): a year of monthly
# questionnaires, a chart that stays readable on a phone.
SITTINGS_PER_PAGE = 12


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    """Every questionnaire with the person's latest result and any unfinished sitting."""
    latest, drafts = latest_sittings_for(request.user)
    rows = [
        {"instrument": i, "latest": latest.get(i.id), "draft": drafts.get(i.id)}
        for i in instrument_list()
    ]
    return render(request, "assess/index.html", {"rows": rows})


@login_required
@require_GET
def about(request: AuthedRequest, instrument_id: str) -> HttpResponse:
    instrument = get_instrument_or_404(instrument_id)
    return render(request, "assess/about.html", {"instrument": instrument})


@login_required
@require_POST
def start(request: AuthedRequest, instrument_id: str) -> HttpResponse:
    instrument = get_instrument_or_404(instrument_id)
    sitting = sitting_start(user=request.user, instrument=instrument)
    return redirect("assess:take", pk=sitting.pk)


@login_required
@require_http_methods(["GET", "POST"])
def take(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(request.user, pk)
    if sitting.is_submitted:
        return redirect("assess:results", pk=sitting.pk)
    instrument = get_instrument_or_404(sitting.instrument_id)
    parts = parts_of(instrument)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        submitting = action == "submit"
        part = _part_number(request.POST.get("part"), parts)
        form = AnswersForm(request.POST, instrument=instrument, submitting=submitting)
        valid = form.is_valid()
        try:
            # Keep what was valid even when the form is not, so nothing is lost.
            saved = sitting_save(
                sitting=sitting,
                instrument=instrument,
                responses=form.responses() if valid else form.valid_responses(),
                submit=submitting and valid,
            )
        except AlreadySubmitted:
            # The same form arrived twice (a double click): the first one counted.
            return redirect("assess:results", pk=sitting.pk)
        # Crisis help after the save, on the next page (or this one, re-shown with errors).
        screening_carry(request, saved.screening)
        if valid:
            if submitting:
                return redirect("assess:results", pk=sitting.pk)
            take_url = reverse("assess:take", args=[sitting.pk])
            if action in ("next", "back"):
                # Answers are saved at every step; "next" and "back" just turn the page.
                step = 1 if action == "next" else -1
                return redirect(f"{take_url}?part={max(1, min(len(parts), part + step))}")
            messages.success(
                request, "Your answers are saved. You can come back and finish any time."
            )
            return redirect(f"{take_url}?part={part}")
        status = 400
        # Show the first page with a problem on it.
        part = next(
            (p.index + 1 for p in parts if any(i in form.errors for i in p.item_ids)), part
        )
    else:
        answers = sitting.answers()
        form = AnswersForm(initial=initial_from(answers), instrument=instrument)
        if "part" in request.GET:
            part = _part_number(request.GET.get("part"), parts)
        else:
            # Carry on where the person left off: the first page with an unanswered question.
            part = next(
                (p.index + 1 for p in parts if any(i not in answers for i in p.item_ids)), 1
            )
    current = parts[part - 1]
    return render(
        request,
        "assess/take.html",
        {
            "instrument": instrument,
            "sitting": sitting,
            "form": form,
            "parts": parts,
            "part": current,
            "shown_ids": set(current.item_ids),
            "answered": len([v for v in form.radio_values().values() if v]),
            "is_last_part": part == len(parts),
            "next_part": parts[part] if part < len(parts) else None,
        },
        status=status,
    )


def _part_number(raw: str | None, parts: list[Part]) -> int:
    """The 1-based page asked for, kept within the questionnaire (bad input: page 1)."""
    try:
        number = int(raw or "1")
    except ValueError:
        return 1
    return max(1, min(len(parts), number))


@login_required
@require_GET
@cached_page(areas=["assess"])
def results(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(request.user, pk)
    if not sitting.is_submitted:
        return redirect("assess:take", pk=sitting.pk)
    instrument = get_instrument_or_404(sitting.instrument_id)

    def body() -> str:
        rows = subscale_rows(instrument, sitting)
        earlier = (
            Sitting.objects.filter(
                user=request.user,
                instrument_id=instrument.id,
                submitted_at__lt=sitting.submitted_at,
            )
            .order_by("-submitted_at")
            .first()
        )
        context = {
            "instrument": instrument,
            "sitting": sitting,
            "band": band_for(instrument, sitting.total),
            "score_range": instrument.score_range(),
            "rows": rows,
            "chart": profile_chart(instrument, rows),
            "practice": practice_for(instrument, rows),
            "change": change_between(instrument, earlier, sitting) if earlier else None,
            "earlier": earlier,
        }
        return render_to_string("assess/_results_body.html", context, request)

    # A submitted sitting does not change; what sits beside it (the earlier sitting) can
    # only change through Recognise: served from the per-person cache until then.
    html = cached_for_person(request, f"assess_results_{sitting.pk}", body, areas=["assess"])
    return render(request, "assess/results.html", {"instrument": instrument, "body": html})


@login_required
@require_GET
def history(request: AuthedRequest, instrument_id: str) -> HttpResponse:
    """The chart and table of one page of sittings (the most recent first, in time order
    within the page), and reliable change between any two of the person's sittings.

    A fixed number of queries whatever the history: the page, its count, the first and
    the latest sitting, and the two chosen for comparison if they are on another page."""
    instrument = get_instrument_or_404(instrument_id)
    everything = submitted_sittings_for(request.user, instrument_id=instrument.id)
    page = page_of(everything, request.GET.get("page"), SITTINGS_PER_PAGE)
    sittings = list(reversed(page.object_list))
    first, latest = everything.last(), everything.first()
    # The comparison offers the first sitting, the latest and this page's.
    choices = {str(s.pk): s for s in [first, *sittings, latest] if s is not None}
    asked = {key: request.GET.get(key, "") for key in ("before", "after")}
    elsewhere = [parse_pk(pk) for pk in asked.values() if pk and pk not in choices]
    if any(elsewhere):
        choices |= {str(s.pk): s for s in everything.filter(pk__in=[pk for pk in elsewhere if pk])}
    bad_choice = any(pk and pk not in choices for pk in asked.values())
    before = choices.get(asked["before"]) or first
    after = choices.get(asked["after"]) or latest
    change = None
    if before and after and before.pk != after.pk:
        change = change_between(instrument, before, after)
    options = sorted(choices.values(), key=lambda s: (s.submitted_at, s.pk))
    return render(
        request,
        "assess/history.html",
        {
            "instrument": instrument,
            "sittings": sittings,
            "page": page,
            "page_numbers": page_numbers(page),
            "options": options,
            "charts": history_charts(instrument, sittings) if sittings else [],
            "before": before,
            "after": after,
            "change": change,
            "bad_choice": bad_choice,
        },
        status=400 if bad_choice else 200,
    )


@login_required
@require_POST
def delete(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(request.user, pk)
    sitting.delete()
    messages.success(request, "That questionnaire and its answers are deleted.")
    return redirect("assess:index")


@login_required
@require_GET
def questionnaire_fhir(request: AuthedRequest, instrument_id: str) -> JsonResponse:
    instrument = get_instrument_or_404(instrument_id)
    return JsonResponse(fhir.questionnaire(instrument), content_type="application/fhir+json")


@login_required
@require_GET
def sitting_fhir(request: AuthedRequest, pk: int) -> HttpResponse:
    """One sitting as a FHIR Bundle: its QuestionnaireResponse and its total as an Observation."""
    sitting = get_sitting_for_user(request.user, pk)
    instrument = get_instrument_or_404(sitting.instrument_id)
    data = fhir.bundle(
        [fhir_sitting(instrument, sitting)], timestamp=sitting.updated_at
    )
    response = HttpResponse(json.dumps(data, indent=2), content_type="application/fhir+json")
    response["Content-Disposition"] = (
        f'attachment; filename="{instrument.id}-{sitting.pk}.fhir.json"'
    )
    return response


def fhir_sitting(instrument: Any, sitting: Sitting) -> fhir.Sitting:
    """What the FHIR bundle needs of one sitting (reads its answers: one query)."""
    return fhir.Sitting(
        instrument=instrument,
        response_id=f"bridgework-{sitting.pk}",
        answers=sitting.answers(),
        authored=sitting.submitted_at or sitting.updated_at,
        completed=sitting.is_submitted,
        total=sitting.total,
    )


@login_required
@require_GET
def scores_csv(request: AuthedRequest) -> HttpResponse:
    """Every submitted score of the person, one row per score (total or subscale)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bridgework-scores.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["sitting", "instrument", "version", "submitted_at", "scale", "score", "band"]
    )
    sittings = Sitting.objects.filter(
        user=request.user, submitted_at__isnull=False
    ).order_by("submitted_at")
    for a in sittings:
        stamp = a.submitted_at.isoformat() if a.submitted_at else ""
        writer.writerow(
            [a.pk, a.instrument_id, a.instrument_version, stamp, "total", _num(a.total), a.band]
        )
        for scale, value in a.subscales.items():
            writer.writerow(
                [a.pk, a.instrument_id, a.instrument_version, stamp, scale, _num(value), ""]
            )
    return response


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"

