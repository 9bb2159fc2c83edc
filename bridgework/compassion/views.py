from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bridgework.core.charts import Point, bar_chart, line_chart
from bridgework.core.http import AuthedRequest
from bridgework.core.paging import page_numbers, page_of
from bridgework.safety.services import screening_carry

from . import services
from .acceptance import harshness_change, needs_gentle_nudge
from .access import get_kindness_for_user, get_session_for_user
from .content import exercises, get_exercise
from .forms import KindnessForm, PracticeForm
from .models import Kindness

# The ladder step proposed when kindness keeps bouncing off (ladder/data/step_templates.yaml).
NUDGE_STEP = "accept-compliment"
# Kindness entries per page on the log (each shown entry is decrypted).
KINDNESS_PAGE = 25


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    sessions = services.sessions_for(user=request.user)
    rated = [s for s in reversed(sessions) if s.harsh_before is not None or s.harsh_after is not None]
    chart = None
    if rated:
        points = [Point(f"{s.date:%-d %b}", s.harsh_before) for s in rated]
        chart = line_chart("How harsh your inner voice felt before practice", points, maximum=10)
    return render(
        request,
        "compassion/index.html",
        {
            "exercises": exercises().values(),
            "sessions": sessions[:10],
            "rated": rated,
            "chart": chart,
            "change": harshness_change((s.harsh_before, s.harsh_after) for s in sessions),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def practice(request: AuthedRequest, exercise_id: str) -> HttpResponse:
    exercise = get_exercise(exercise_id)
    if exercise is None:
        raise Http404("No such exercise")
    form = PracticeForm(request.POST if request.method == "POST" else None, exercise=exercise)
    if request.method == "POST" and form.is_valid():
        session, screening = services.session_create(
            user=request.user, exercise=exercise.id, **form.cleaned_data
        )
        screening_carry(request, screening)
        messages.success(request, "Saved. Thank you for taking that time for yourself.")
        return redirect("compassion:session", pk=session.pk)
    return render(request, "compassion/practice.html", {"exercise": exercise, "form": form})


@login_required
@require_GET
def session(request: AuthedRequest, pk: int) -> HttpResponse:
    practice_session = get_session_for_user(request.user, pk)
    exercise = get_exercise(practice_session.exercise)
    steps = exercise.steps if exercise else []
    answers = [
        (step.label, answer)
        for step, answer in zip(steps, practice_session.answers, strict=False)
        if answer
    ]
    return render(
        request,
        "compassion/session.html",
        {"session": practice_session, "exercise": exercise, "answers": answers},
    )


@login_required
@require_POST
def session_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    get_session_for_user(request.user, pk).delete()
    messages.success(request, "That practice session is deleted.")
    return redirect("compassion:index")


@login_required
@require_GET
def kindness(request: AuthedRequest) -> HttpResponse:
    shares = services.acceptance_by_month_for(user=request.user)
    total, accepted = services.acceptance_recent_for(user=request.user)
    page = page_of(
        Kindness.objects.filter(user=request.user).select_related("person"),
        request.GET.get("page"),
        KINDNESS_PAGE,
    )
    chart = None
    if any(share.total for share in shares):
        chart = bar_chart(
            "Share of kindness you let in, by month",
            # Months with nothing noted are in the table, not drawn as a zero.
            [Point(f"{share.month:%b %Y}", share.percent) for share in shares if share.total],
            maximum=100,
        )
    return render(
        request,
        "compassion/kindness.html",
        {
            "entries": page.object_list,
            "page": page,
            "page_numbers": page_numbers(page),
            "shares": shares,
            "chart": chart,
            "recent_total": total,
            "recent_accepted": accepted,
            "nudge": needs_gentle_nudge(total, accepted),
            "nudge_step": NUDGE_STEP,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def kindness_new(request: AuthedRequest) -> HttpResponse:
    form = KindnessForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        _, screening = services.kindness_create(user=request.user, **form.cleaned_data)
        screening_carry(request, screening)
        messages.success(request, "Noted. Letting kindness be seen is part of the practice.")
        return redirect("compassion:kindness")
    return render(request, "compassion/kindness_form.html", {"form": form, "entry": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def kindness_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_kindness_for_user(request.user, pk)
    form = KindnessForm(
        request.POST if request.method == "POST" else None, instance=entry, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        _, screening = services.kindness_update(kindness=entry, **form.cleaned_data)
        screening_carry(request, screening)
        messages.success(request, "Saved your changes.")
        return redirect("compassion:kindness")
    return render(request, "compassion/kindness_form.html", {"form": form, "entry": entry})


@login_required
@require_POST
def kindness_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    get_kindness_for_user(request.user, pk).delete()
    messages.success(request, "That entry is deleted.")
    return redirect("compassion:kindness")
