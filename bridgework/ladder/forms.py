from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from bridgework.core.forms import ModelChoiceField
from bridgework.core.widgets import ChipRadioSelect, RadioSelect, Slider

from .library import STAKES
from .models import Attempt, Kind, Override, Step
from .services import ATTEMPT_FIELDS

RATING_ERRORS = {
    code: "Use a whole number from 0 to 100." for code in ("invalid", "min_value", "max_value")
}


def _rating() -> Slider:
    return Slider(maximum=100)


def _drop_blank_choice(form: forms.BaseForm, *names: str) -> None:
    # Radio buttons need no "---------" option: nothing chosen is already visible.
    for name in names:
        field = form.fields[name]
        assert isinstance(field, forms.ChoiceField)
        choices = cast(list[tuple[str, str]], list(field.choices))  # type: ignore[arg-type]
        field.choices = [(value, label) for value, label in choices if value != ""]


class StepForm(forms.ModelForm):
    """A step's own fields, for the pages and the API. To add a field, add it to
    ``Meta.fields`` and as a keyword to ``services.step_create``/``step_update``."""

    class Meta:
        model = Step
        field_classes = {"person": ModelChoiceField}
        fields = [
            "what", "kind", "who", "person", "expected_discomfort", "feared_outcome", "feared_likelihood"
        ]
        widgets = {
            # Two lines, so a longer step is never cut off on a phone.
            "what": forms.Textarea(attrs={"maxlength": 300, "rows": 2, "class": "short-text"}),
            "kind": ChipRadioSelect,
            "who": forms.TextInput(attrs={"maxlength": 300, "autocomplete": "off"}),
            "expected_discomfort": _rating(),
            "feared_outcome": forms.TextInput(attrs={"maxlength": 300}),
            "feared_likelihood": _rating(),
        }
        help_texts = {
            "what": "Something concrete you could do this week, e.g. “Ask Sam to read over my email”.",
            "who": "A name or a role. Only you can see it, and it is stored encrypted.",
            "person": "Optional. For a low-stakes ask, start with the people listed first: "
            "those you feel most at ease asking for this kind of help.",
            "expected_discomfort": "0 = no discomfort at all, 100 = the most you can imagine. A guess is fine.",
            "feared_outcome": "The thought that makes this hard, in your own words, e.g. “they’ll think I’m weak”.",
            "feared_likelihood": "How sure you feel, right now, that it will happen. Your practice will test this.",
        }
        error_messages = {
            "expected_discomfort": RATING_ERRORS,
            "feared_likelihood": RATING_ERRORS,
        }

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _drop_blank_choice(self, "kind")
        # Only the user's own circle; the easiest people to ask for this kind of step first.
        from bridgework.circle.models import Person
        from bridgework.circle.services import person_choices_for

        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Person.objects.filter(user=user) if user is not None else Person.objects.none()
        field.error_messages["invalid_choice"] = "Choose someone from your circle."
        if user is not None:
            kind = self.data.get("kind") if self.is_bound else self.initial.get("kind", self.instance.kind)
            field.choices = person_choices_for(user, kind or None)


class AttemptForm(forms.ModelForm):
    class Meta:
        model = Attempt
        fields = list(ATTEMPT_FIELDS)
        widgets = {
            "happened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "discomfort_before": _rating(),
            "discomfort_peak": _rating(),
            "discomfort_after": _rating(),
            "feared_happened": RadioSelect,
            "response": RadioSelect,
            "what_happened": forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
            "learned": forms.Textarea(attrs={"rows": 3, "maxlength": 5000}),
        }
        help_texts = {
            "happened_on": "The day you tried it. Today or earlier.",
            "discomfort_before": "Just before you did it, 0–100.",
            "discomfort_peak": "The most uncomfortable moment, 0–100.",
            "discomfort_after": "A little while afterwards, 0–100.",
            "feared_happened": "“Partly” is an honest answer too.",
            "what_happened": "What they said or did, and what you noticed in yourself.",
            "learned": "Anything this tells you about your prediction, or about them.",
        }
        error_messages = {
            name: RATING_ERRORS
            for name in ("discomfort_before", "discomfort_peak", "discomfort_after")
        } | {"happened_on": {"invalid": "Enter a date like 2025-03-14."}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _drop_blank_choice(self, "feared_happened", "response")
        today = timezone.localdate()
        self.fields["happened_on"].widget.attrs["max"] = today.isoformat()
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("happened_on", today)


class OverrideForm(forms.Form):
    """The person's own call on a step: mastered, keep practising, or "" to follow the rule."""

    choice = forms.ChoiceField(
        choices=Override.choices,
        required=False,
        error_messages={"invalid_choice": 'Use "", "mastered" or "practising".'},
    )


class LibraryFilterForm(forms.Form):
    """The library filter; invalid values are simply ignored (it is a GET form)."""

    kind = forms.ChoiceField(
        label="Kind of step", choices=[("", "All kinds"), *Kind.choices], required=False
    )
    stakes = forms.ChoiceField(
        label="Expected discomfort",
        choices=[("", "Any"), *[(band, label) for band, label, _, _ in STAKES]],
        required=False,
    )
