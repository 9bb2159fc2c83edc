"""The safety plan as JSON, mounted at ``/api/v1/safety/`` (session auth with CSRF).

``GET /plan`` gives the plan (blank fields before it is first saved); ``PATCH /plan``
changes only the fields given, validated by the same form as the page, and returns the
plan plus ``screening`` (everything written in words is screened; saving is never
blocked). ``circle_helper_ids`` lists people from the user's own circle only.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from bridgework.api.forms import bind
from bridgework.api.schemas import ERRORS, ScreeningOut
from bridgework.core.http import AuthedRequest

from . import services
from .forms import SafetyPlanForm
from .models import SafetyPlan

router = Router()


class SafetyPlanOut(Schema):
    warning_signs: str
    coping_alone: str
    distractions: str
    helpers: str
    circle_helper_ids: list[int]
    professionals: str
    environment: str
    reasons: str
    contact_name: str
    contact_phone: str
    contact_email: str
    contact_message: str
    # null until the plan is first saved.
    updated_at: datetime | None


class SafetyPlanPatch(Schema):
    warning_signs: str | None = None
    coping_alone: str | None = None
    distractions: str | None = None
    helpers: str | None = None
    circle_helper_ids: list[int] | None = None
    professionals: str | None = None
    environment: str | None = None
    reasons: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    contact_message: str | None = None


class SafetyPlanWriteOut(SafetyPlanOut):
    screening: ScreeningOut


def _plan_out(plan: SafetyPlan) -> SafetyPlanOut:
    return SafetyPlanOut(
        **{name: getattr(plan, name) for name in SafetyPlan.TEXT_FIELDS},
        circle_helper_ids=sorted(person.pk for person in plan.chosen_people),
        updated_at=plan.updated_at if plan.pk else None,
    )


@router.get("/plan", response={200: SafetyPlanOut, **ERRORS}, summary="Your safety plan")
def get_plan(request: AuthedRequest) -> SafetyPlanOut:
    return _plan_out(services.safety_plan_for(request.user))


@router.patch(
    "/plan",
    response={200: SafetyPlanWriteOut, **ERRORS},
    summary="Change your safety plan (only the fields given)",
)
def update_plan(request: AuthedRequest, payload: SafetyPlanPatch) -> SafetyPlanWriteOut:
    plan = services.safety_plan_for(request.user)
    form = bind(
        SafetyPlanForm,
        payload,
        instance=plan,
        partial=True,
        rename={"circle_helper_ids": "circle_helpers"},
        user=request.user,
    )
    plan, screening = services.safety_plan_save(user=request.user, **form.cleaned_data)
    plan = services.safety_plan_for(request.user)  # with the chosen people prefetched
    return SafetyPlanWriteOut(**_plan_out(plan).model_dump(), screening=ScreeningOut.of(screening))
