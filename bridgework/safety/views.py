"""The safety app's pages, in three parts: the public help page ("Get help now"), the
person's safety plan, and the gentle follow-up offered on the home page after crisis
language was seen. Screening itself is ``bridgework.screening`` (pure) and
``services.screen_texts`` / ``screening_record``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bridgework.core.http import AuthedRequest

from . import services
from .crisis_lines import country_of, crisis_lines, for_country
from .forms import FollowUpForm, SafetyPlanForm
from .models import SafetyPlan

# --------------------------------------------------------------------------- help


@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """Crisis lines, for everyone, logged in or not. A ``?country=XX`` picks another country."""
    data = crisis_lines()
    code = request.GET.get("country", "").upper()
    if not code and isinstance(request.user, User):
        code = country_of(request.user)
    country = for_country(code)
    return render(
        request,
        "safety/help.html",
        {
            "country": country,
            "country_code": code if country else "",
            "countries": sorted(data.countries.items(), key=lambda item: item[1].name),
            "international": data.international,
            "fallback": data.emergency_fallback,
        },
    )


# --------------------------------------------------------------------------- plan


@login_required
@require_GET
def plan(request: AuthedRequest) -> HttpResponse:
    safety_plan = services.safety_plan_for(request.user)
    form = SafetyPlanForm(instance=safety_plan)  # only for the section labels
    sections = [
        (name, form[name].label, getattr(safety_plan, name)) for name in SafetyPlan.SECTION_FIELDS
    ]
    return render(request, "safety/plan.html", {"plan": safety_plan, "sections": sections})


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: AuthedRequest) -> HttpResponse:
    safety_plan = services.safety_plan_for(request.user)
    if request.method == "POST":
        form = SafetyPlanForm(request.POST, instance=safety_plan, user=request.user)
        if form.is_valid():
            _, screening = services.safety_plan_save(user=request.user, **form.cleaned_data)
            # Crisis help comes first on the saved plan (base.html): the text is saved.
            services.screening_carry(request, screening)
            messages.success(request, "Your safety plan is saved.")
            return redirect("safety:plan")
    else:
        form = SafetyPlanForm(instance=safety_plan, user=request.user)
    return render(request, "safety/plan_edit.html", {"form": form})


# --------------------------------------------------------------------------- follow-up


@login_required
@require_POST
def followup(request: AuthedRequest) -> HttpResponse:
    """The answer to the gentle follow-up the home page offers after crisis language."""
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Choose one of the answers, or simply leave this for later."
        )
        return redirect("core:home")
    services.followup_acknowledge(user=request.user)
    if form.cleaned_data["feeling"] == "worse":
        messages.info(
            request,
            "Thank you for telling us. Here is your safety plan and the people you can reach right now.",
        )
        return redirect("safety:plan")
    messages.success(request, "Thank you for checking in.")
    return redirect("core:home")
