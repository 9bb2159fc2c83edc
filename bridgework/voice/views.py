from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bridgework.core.http import AuthedRequest
from bridgework.safety.services import screening_carry

from . import compose, services
from .access import get_message_for_user
from .feedback import check, rule_texts
from .forms import (
    CheckForm,
    DebriefForm,
    DismissForm,
    MessageForm,
    PredictionForm,
    ScriptFilterForm,
)
from .library import VARIANTS, feeling_groups, filter_scripts, responses, script_by_slug
from .models import Message


def _save_failed(form: Any, exc: ValidationError) -> None:
    # The form checks the same rules first; this only catches what the service adds.
    form.add_error(None, exc)


def _builder(request: AuthedRequest, form: MessageForm, message: Message | None, script: Any = None) -> HttpResponse:
    return render(
        request,
        "voice/message_form.html",
        {"form": form, "message": message, "feelings": feeling_groups(), "script": script},
    )


# --------------------------------------------------------------------------- messages


@login_required
@require_GET
def index(request: AuthedRequest) -> HttpResponse:
    # Only the columns the list shows are decrypted (title, to_name).
    items = list(
        Message.objects.filter(user=request.user).only(
            "id", "title", "to_name", "sent_at", "debriefed_at", "updated_at", "step_id"
        )[:100]
    )
    return render(request, "voice/index.html", {"items": items})


@login_required
@require_http_methods(["GET", "POST"])
def message_new(request: AuthedRequest) -> HttpResponse:
    user = request.user
    script = None
    initial: dict[str, Any] = {}
    if request.method == "GET":
        script = script_by_slug(request.GET.get("script", ""))
        variant = request.GET.get("variant", "gentler")
        if script is not None:
            initial = {"title": script.title, "draft": script.variant(variant if variant in VARIANTS else "gentler")}
        step_pk = request.GET.get("step")
        if step_pk:
            from bridgework.ladder.access import get_step_for_user

            step = get_step_for_user(user, int(step_pk)) if step_pk.isdigit() else None
            if step is None:
                raise Http404("No such step")
            initial.update({"step": step.pk, "title": step.what, "person": step.person_id})
    form = MessageForm(request.POST or None, initial=initial, user=user)
    if request.method == "POST" and form.is_valid():
        slug = request.POST.get("script_slug", "")
        try:
            message, screening = services.message_create(
                user=user, script_slug=slug if script_by_slug(slug) else "", **form.cleaned_data
            )
        except ValidationError as exc:
            _save_failed(form, exc)
        else:
            screening_carry(request, screening)
            messages.success(request, "Saved. Here is your message in three forms, with some notes on the wording.")
            return redirect("voice:detail", pk=message.pk)
    elif request.method == "POST":
        script = script_by_slug(request.POST.get("script_slug", ""))
    return _builder(request, form, None, script)


@login_required
@require_GET
def message_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    result, dismissed = services.message_feedback(message)
    return render(
        request,
        "voice/message_detail.html",
        {
            "message": message,
            "text": message.text,
            "spoken": message.spoken,
            "email_subject": message.email_subject,
            "email_body": message.email_body,
            "feedback": result,
            "notes": [issue for issue in result.issues if issue.id not in dismissed],
            "dismissed": [issue for issue in result.issues if issue.id in dismissed],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def message_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    form = MessageForm(request.POST or None, instance=message, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            message, screening = services.message_update(user=request.user, message=message, **form.cleaned_data)
        except ValidationError as exc:
            _save_failed(form, exc)
        else:
            screening_carry(request, screening)
            messages.success(request, "Saved.")
            return redirect("voice:detail", pk=message.pk)
    return _builder(request, form, message)


@login_required
@require_http_methods(["GET", "POST"])
def message_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    if request.method == "POST":
        services.message_delete(user=request.user, message=message)
        messages.success(request, "Message deleted.")
        return redirect("voice:index")
    return render(request, "voice/message_confirm_delete.html", {"message": message})


@login_required
@require_POST
def message_dismiss(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    form = DismissForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That note was not understood; nothing changed.")
    else:
        undo = form.cleaned_data["undo"]
        services.message_dismiss(user=request.user, message=message, issue=form.cleaned_data["issue"], undo=undo)
        messages.success(request, "The note is back." if undo else "Note set aside. You know your situation best.")
    return redirect(reverse("voice:detail", args=[message.pk]) + "#feedback")


# --------------------------------------------------------------------------- check any text


@login_required
@require_http_methods(["GET", "POST"])
def check_text(request: AuthedRequest) -> HttpResponse:
    form = CheckForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = check(form.cleaned_data["text"])
    return render(request, "voice/check.html", {"form": form, "feedback": result})


# --------------------------------------------------------------------------- scripts


@login_required
@require_GET
def scripts(request: AuthedRequest) -> HttpResponse:
    form = ScriptFilterForm(request.GET or None)
    area = kind = ""
    if form.is_bound and form.is_valid():
        area, kind = form.cleaned_data["area"], form.cleaned_data["kind"]
    return render(request, "voice/scripts.html", {"form": form, "scripts": filter_scripts(area=area, kind=kind)})


# --------------------------------------------------------------------------- rehearse, send, debrief


@login_required
@require_GET
def rehearse(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    spoken = message.spoken
    return render(
        request,
        "voice/rehearse.html",
        {
            "message": message,
            "spoken": spoken,
            "seconds": compose.speaking_seconds(spoken),
            "responses": responses(),
        },
    )


def _send_links(message: Message) -> dict[str, str]:
    contact = message.send_to
    return {
        "sms": compose.sms_link(message.text, contact if compose.looks_like_phone(contact) else ""),
        "mailto": compose.mailto_link(message.email_subject, message.email_body, contact),
    }


@login_required
@require_http_methods(["GET", "POST"])
def send(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    form = PredictionForm(request.POST or None, instance=message)
    if request.method == "POST" and form.is_valid():
        message, screening = services.message_predict(user=request.user, message=message, **form.cleaned_data)
        screening_carry(request, screening)
        messages.success(request, "Prediction saved. When you're ready, send it from your device.")
        return redirect(reverse("voice:send", args=[message.pk]) + "#send-links")
    if request.method == "POST":
        message.refresh_from_db()
    return render(
        request,
        "voice/send.html",
        {"message": message, "form": form, "send_links": _send_links(message), "text": message.text},
    )


@login_required
@require_POST
def mark_sent(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    services.message_mark_sent(user=request.user, message=message)
    messages.success(request, "Well done for sending it. When you know how it went, come back for the debrief.")
    return redirect("voice:debrief", pk=message.pk)


@login_required
@require_http_methods(["GET", "POST"])
def debrief(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_message_for_user(request.user, pk)
    user = request.user
    initial = {"step": message.step_id} if message.step_id else {}
    if message.predicted_discomfort is not None:
        initial["discomfort_before"] = message.predicted_discomfort
    form = DebriefForm(request.POST or None, initial=initial, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            attempt, screening = services.message_debrief(user=user, message=message, **form.cleaned_data)
        except ValidationError as exc:
            _save_failed(form, exc)
        else:
            screening_carry(request, screening)
            messages.success(request, "Recorded on your ladder. Here is how it compares with what you predicted.")
            return redirect("ladder:attempt_detail", pk=attempt.pk)
    has_steps = form.fields["step"].queryset.exists()  # type: ignore[attr-defined]
    return render(request, "voice/debrief.html", {"message": message, "form": form, "has_steps": has_steps})


@login_required
@require_GET
def notes(request: AuthedRequest) -> HttpResponse:
    """What each feedback note looks for, in plain words."""
    rules = rule_texts()
    if not rules:
        raise Http404("No notes")
    return render(request, "voice/notes.html", {"rules": list(rules.values())})
