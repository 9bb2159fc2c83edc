from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from bridgework.circle.models import Person
from bridgework.core.validators import validate_lived_date
from bridgework.core.widgets import ChipRadioSelect

from .content import Exercise
from .models import ANSWER_MAX, FROM_MAX, KIND_CHOICES, RESPONSE_CHOICES, Kindness

HARSH_CHOICES = [(str(n), str(n)) for n in range(11)]


def harshness_field(label: str) -> forms.TypedChoiceField:
    """0–10 as a row of tappable numbers; choosing none means "not rated" (a slider
    could not be left unrated, and this works without JavaScript)."""
    return forms.TypedChoiceField(
        label=label,
        choices=HARSH_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=ChipRadioSelect,
        help_text="0 is gentle, 10 is very harsh. Skip it if you would rather not rate.",
        error_messages={"invalid_choice": "Choose a number from 0 (gentle) to 10 (very harsh)."},
    )


class PracticeForm(forms.Form):
    """One exercise's answers; the step labels come from the exercise file."""

    harsh_before = harshness_field("Before: how harsh is your inner voice right now?")
    answer_1 = forms.CharField(required=False, max_length=ANSWER_MAX, widget=forms.Textarea)
    answer_2 = forms.CharField(required=False, max_length=ANSWER_MAX, widget=forms.Textarea)
    answer_3 = forms.CharField(required=False, max_length=ANSWER_MAX, widget=forms.Textarea)
    harsh_after = harshness_field("After: how harsh is your inner voice now?")

    def __init__(self, *args: Any, exercise: Exercise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.exercise = exercise
        names = ["answer_1", "answer_2", "answer_3"]
        for name, step in zip(names, exercise.steps, strict=False):
            self.fields[name].label = step.label
            self.fields[name].help_text = step.help
            self.fields[name].widget.attrs.update({"rows": 4, "maxlength": ANSWER_MAX})
        for name in names[len(exercise.steps) :]:
            del self.fields[name]

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("answer_1", "answer_2", "answer_3") if name in self.fields]


def _errors(what: str) -> dict[str, str]:
    return {"required": what, "invalid_choice": "Choose one of the options shown."}


class KindnessForm(forms.ModelForm):
    date = forms.DateField(
        label="When",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Give the day it happened.", "invalid": "Use a date like 2026-05-31."},
    )
    kind = forms.ChoiceField(
        choices=KIND_CHOICES,
        widget=ChipRadioSelect,
        label="What came your way?",
        error_messages=_errors("Choose what came your way: help, thanks, praise or care."),
    )
    what = forms.CharField(
        label="What happened?",
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A line is enough: “Sam carried the shopping up”, “my manager said the report was clear”.",
        error_messages={"required": "Write a few words about what happened."},
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label="From someone in your circle",
        empty_label="Nobody from my circle",
        error_messages={"invalid_choice": "Choose someone from your circle, or nobody."},
    )
    from_name = forms.CharField(
        label="Or from whom",
        max_length=FROM_MAX,
        required=False,
        help_text="Optional. Only you see it, and it is stored encrypted.",
    )
    response = forms.ChoiceField(
        choices=RESPONSE_CHOICES,
        widget=ChipRadioSelect,
        label="How did you respond?",
        help_text="No wrong answer: noticing is the practice.",
        error_messages=_errors("Choose how you responded."),
    )

    class Meta:
        model = Kindness
        fields = ["date", "kind", "what", "person", "from_name", "response"]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = Person.objects.filter(user=user)
        if self.instance.pk is None:
            self.initial.setdefault("date", timezone.localdate())

    def clean_date(self) -> Any:
        value = self.cleaned_data["date"]
        validate_lived_date(value, future="That day has not happened yet. Record kindness that already came.")
        return value
