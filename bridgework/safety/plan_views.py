"""The safety plan and the gentle check-in. ``views.py`` holds the public help page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services
from .forms import CheckInForm, SafetyPlanForm
from .models import SafetyPlan


def _plan_or_blank(user: Any) -> SafetyPlan:
    # Not saved: looking at the plan must not create a row.
    plans = SafetyPlan.objects.filter(user=user).prefetch_related("circle_helpers")
    return plans.first() or SafetyPlan(user=user)


@login_required
@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    safety_plan = _plan_or_blank(request.user)
    form = SafetyPlanForm(instance=safety_plan)  # only for the section labels
    sections = [
        (name, form[name].label, getattr(safety_plan, name)) for name in SafetyPlan.SECTION_FIELDS
    ]
    return render(request, "safety/plan.html", {"plan": safety_plan, "sections": sections})


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest) -> HttpResponse:
    safety_plan = _plan_or_blank(request.user)
    if request.method == "POST":
        form = SafetyPlanForm(request.POST, instance=safety_plan, user=request.user)
        if form.is_valid():
            _, screening = services.safety_plan_save(user=request.user, data=form.cleaned_data)
            # Crisis help comes first on the saved plan (base.html): the text is saved.
            services.screening_carry(request, screening)
            messages.success(request, "Your safety plan is saved.")
            return redirect("safety:plan")
    else:
        form = SafetyPlanForm(instance=safety_plan, user=request.user)
    return render(request, "safety/plan_edit.html", {"form": form})


@login_required
@require_POST
def checkin(request: HttpRequest) -> HttpResponse:
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Choose one of the answers, or simply leave the check-in for later."
        )
        return redirect("core:home")
    services.checkin_acknowledge(user=request.user)
    if form.cleaned_data["feeling"] == "worse":
        messages.info(
            request,
            "Thank you for telling us. Here is your safety plan and the people you can reach right now.",
        )
        return redirect("safety:plan")
    messages.success(request, "Thank you for checking in.")
    return redirect("core:home")
