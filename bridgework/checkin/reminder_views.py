from __future__ import annotations

import hmac

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .models import Delivery, Reminder, Weekday, new_feed_token
from .reminders import feed_calendar, reminder_for, user_zone
from .widgets import ChipCheckboxSelectMultiple


class ReminderForm(forms.ModelForm):
    time = forms.TimeField(
        label="Time of day",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Use a time like 20:00.", "required": "Choose a time of day."},
    )
    days = forms.TypedMultipleChoiceField(
        label="Days of the week",
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=ChipCheckboxSelectMultiple,
        help_text="No days chosen means no reminders.",
        error_messages={"invalid_choice": "Choose days from Monday to Sunday."},
    )

    class Meta:
        model = Reminder
        fields = ["time", "days", "email"]
        help_texts = {"email": "Sent to your account's e-mail address at the time above."}


def _owner(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
@require_http_methods(["GET", "POST"])
def reminders(request: HttpRequest) -> HttpResponse:
    user = _owner(request)
    reminder = reminder_for(user)
    if request.method == "POST":
        form = ReminderForm(request.POST, instance=reminder)
        if form.is_valid():
            reminder.time = form.cleaned_data["time"]
            reminder.days = sorted(set(form.cleaned_data["days"]))
            reminder.email = form.cleaned_data["email"]
            reminder.save(update_fields=["time", "days", "email", "updated_at"])
            messages.success(request, "Your reminders are saved.")
            return redirect("checkin:reminders")
    else:
        form = ReminderForm(instance=reminder)
    feed_path = reverse("checkin:feed", args=[reminder.feed_token])
    return render(
        request,
        "checkin/reminders.html",
        {
            "form": form,
            "reminder": reminder,
            "feed_url": request.build_absolute_uri(feed_path),
            "webcal_url": "webcal://" + request.get_host() + feed_path,
            "zone": user_zone(user).key,
            "deliveries": list(Delivery.objects.filter(user=user).order_by("-day")[:7]),
            "last_sent": Delivery.objects.filter(user=user, status=Delivery.Status.SENT)
            .order_by("-sent_at")
            .values_list("sent_at", flat=True)
            .first(),
            "has_email": bool(user.email),
        },
    )


@login_required
@require_POST
def revoke(request: HttpRequest) -> HttpResponse:
    """A new secret link; the old one stops working at once."""
    reminder = reminder_for(_owner(request))
    reminder.feed_token = new_feed_token()
    reminder.save(update_fields=["feed_token", "updated_at"])
    messages.success(
        request,
        "Your calendar link is new. The old one no longer works: subscribe again with the link below.",
    )
    return redirect("checkin:reminders")


@never_cache
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar feed, for phone calendars: the secret in the URL is the only key."""
    reminder = (
        Reminder.objects.filter(feed_token=token).select_related("user__profile").first()
        if 20 <= len(token) <= 64
        else None
    )
    if reminder is None or not hmac.compare_digest(reminder.feed_token, token):
        raise Http404("No such calendar.")
    response = HttpResponse(
        feed_calendar(reminder, user_zone(reminder.user)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="bridgework-checkin.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
