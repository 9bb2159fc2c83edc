from __future__ import annotations

from datetime import timedelta
from typing import Any

from allauth.account.forms import SignupForm
from django import forms
from django.db.models import Subquery
from django.utils import timezone

from bridgework.journal.models import Entry

from .models import AREA_CHOICES, CareLink, ClinicianProfile
from .services import CODE_LENGTH, normalise_code

PROFILE_MAX = 200
RECENT_ENTRIES = 100


class ClinicianProfileForm(forms.ModelForm):
    class Meta:
        model = ClinicianProfile
        fields = ["name", "profession", "organisation"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "profession": forms.TextInput(),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("name", "profession", "organisation"):
            value = (data.get(name) or "").strip()
            if len(value) > PROFILE_MAX:
                self.add_error(name, f"Please keep this under {PROFILE_MAX} characters.")
            data[name] = value
        return data


class ClinicianSignupForm(SignupForm):
    """allauth's sign-up (e-mail, password twice) plus how the clinician introduces themselves."""

    name = forms.CharField(label="Your name as clients know you", max_length=PROFILE_MAX)
    profession = forms.CharField(
        label="Profession", max_length=PROFILE_MAX, help_text="For example: clinical psychologist."
    )
    organisation = forms.CharField(
        label="Organisation or practice", max_length=PROFILE_MAX, required=False
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Invitation code",
        max_length=40,
        help_text="The 16 letters and digits your client gave you; dashes and spaces do not matter.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                f"An invitation code has {CODE_LENGTH} letters and digits; this one has {len(code)}."
            )
        return code


class ConsentForm(forms.ModelForm):
    class Meta:
        model = CareLink
        fields = [
            "assessments",
            "ladder",
            "ladder_notes",
            "checkins",
            "circle",
            "circle_names",
            "safety_plan",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("ladder_notes") and not data.get("ladder"):
            self.add_error("ladder_notes", "Share the ladder itself to share its notes.")
        if data.get("circle_names") and not data.get("circle"):
            self.add_error("circle_names", "Share the circle summary to share names in it.")
        return data


class EntryShareForm(forms.Form):
    entry = forms.ModelChoiceField(
        label="Journal entry to share",
        queryset=Entry.objects.none(),
        empty_label="Choose an entry",
        help_text="Only this entry is shared. You can stop sharing it at any time.",
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["entry"]
        assert isinstance(field, forms.ModelChoiceField)
        own = Entry.objects.filter(user=user).order_by("-date", "-created_at")
        # The latest 100 as a subquery: a sliced queryset could not validate a choice.
        recent = own.values("pk")[:RECENT_ENTRIES]
        field.queryset = own.filter(pk__in=Subquery(recent))
        field.label_from_instance = _entry_label  # type: ignore[method-assign,assignment]


def _entry_label(entry: Entry) -> str:
    words = " ".join(entry.body.split()[:8])
    return f"{entry.date:%d %b %Y}: {words}…" if words else f"{entry.date:%d %b %Y}"


class ReportForm(forms.Form):
    areas = forms.MultipleChoiceField(
        label="What to put in the report",
        choices=AREA_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one area for the report."},
    )


VERDICT_CHOICES = [
    ("", "Any change"),
    ("worse", "Reliably worse on a questionnaire"),
    ("better", "Reliably better on a questionnaire"),
]
QUIET_CHOICES = [("", "Any time"), ("14", "Nothing for 14 days or more"), ("30", "Nothing for 30 days or more")]


class DashboardFilterForm(forms.Form):
    verdict = forms.ChoiceField(label="Reliable change", choices=VERDICT_CHOICES, required=False)
    quiet = forms.ChoiceField(label="Last activity", choices=QUIET_CHOICES, required=False)
    shares = forms.ChoiceField(
        label="Sharing",
        choices=[("", "Any area"), *AREA_CHOICES],
        required=False,
    )

    def quiet_since(self) -> Any:
        days = self.cleaned_data.get("quiet")
        return timezone.now() - timedelta(days=int(days)) if days else None
