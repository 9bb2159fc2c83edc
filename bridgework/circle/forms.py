from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from bridgework.core.validators import validate_lived_date
from bridgework.core.widgets import CheckboxSelectMultiple, RadioSelect

from .models import (
    DIRECTION_CHOICES,
    KIND_CHOICES,
    NAME_MAX,
    NOTE_MAX,
    RING_CHOICES,
    SIZE_CHOICES,
    Exchange,
    Person,
)

PERCENT_ERRORS = {
    "min_value": "Use a number from 0 to 100 (0 is the lowest).",
    "max_value": "Use a number from 0 to 100 (100 is the highest).",
    "invalid": "Use a whole number from 0 to 100.",
}


def _percent_field(**kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=0,
        max_value=100,
        error_messages={**PERCENT_ERRORS, "required": "Give a number from 0 to 100."},
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"}),
        **kwargs,
    )


class PersonForm(forms.ModelForm):
    name = forms.CharField(
        max_length=NAME_MAX,
        label="Name or nickname",
        help_text="Whatever you call them. Only you see it, and it is stored encrypted.",
        error_messages={"required": "Give them a name or nickname, even just an initial."},
    )
    ring = forms.ChoiceField(
        choices=RING_CHOICES,
        widget=RadioSelect,
        label="Which ring are they in?",
        help_text="Close: people you would call in a hard week. Middle: friends, family or "
        "colleagues you see now and then. Outer: people you know a little. Rings can change.",
        error_messages={
            "required": "Choose a ring: close, middle or outer.",
            "invalid_choice": "“%(value)s” is not a ring here. Choose close, middle or outer.",
        },
    )
    helps_with = forms.MultipleChoiceField(
        choices=KIND_CHOICES,
        widget=CheckboxSelectMultiple,
        required=False,
        label="What could they help with?",
        help_text="Tick any that might fit, or none if you are not sure yet.",
        error_messages={
            "invalid_choice": "“%(value)s” is not one of the kinds of help listed here.",
        },
    )
    comfort = _percent_field(
        label="How comfortable would you feel asking them? (0–100)",
        help_text="0: I could not imagine it. 100: completely at ease. A rough guess is fine.",
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=NOTE_MAX,
        label="Note",
        help_text="Anything you want to remember about them. Stored encrypted.",
    )

    class Meta:
        model = Person
        fields = ["name", "ring", "helps_with", "comfort", "note"]


class ExchangeForm(forms.ModelForm):
    person = forms.TypedChoiceField(
        coerce=int,
        empty_value=None,
        label="With whom?",
        error_messages={
            "required": "Choose who it was with.",
            "invalid_choice": "Choose someone from your circle.",
        },
    )
    direction = forms.ChoiceField(
        choices=DIRECTION_CHOICES,
        widget=RadioSelect,
        label="Which way did it go?",
        error_messages={
            "required": "Say whether you gave or received.",
            "invalid_choice": "“%(value)s” is not a direction here: choose gave or received.",
        },
    )
    kind = forms.ChoiceField(
        choices=KIND_CHOICES,
        widget=RadioSelect,
        label="What kind of help?",
        error_messages={
            "required": "Choose the kind of help.",
            "invalid_choice": "“%(value)s” is not one of the kinds of help listed here.",
        },
    )
    size = forms.ChoiceField(
        choices=SIZE_CHOICES,
        widget=RadioSelect,
        initial="small",
        label="How big was it?",
        help_text="Small: a quick favour or chat. Medium: an hour or two. Large: a day, or a "
        "lot of care.",
        error_messages={
            "required": "Choose small, medium or large.",
            "invalid_choice": "“%(value)s” is not a size here: choose small, medium or large.",
        },
    )
    discomfort = _percent_field(
        required=False,
        label="How did receiving it feel? (0–100 discomfort)",
        help_text="For things you received. 0: completely easy. 100: very uncomfortable. "
        "Leave it empty if it does not apply.",
    )
    occurred_on = forms.DateField(
        label="When?",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Give the date it happened.",
            "invalid": "Give the date as year-month-day, for example 2025-03-14.",
        },
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=NOTE_MAX,
        label="Note",
        help_text="What happened, or how it felt. Stored encrypted.",
    )

    class Meta:
        model = Exchange
        fields = ["person", "direction", "kind", "size", "discomfort", "occurred_on", "note"]

    def __init__(self, *args: Any, people: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {person.pk: person for person in people}
        field = self.fields["person"]
        assert isinstance(field, forms.TypedChoiceField)
        # An exchange whose person was removed may stay unlinked when edited.
        unlinked = self.instance.pk is not None and self.instance.person_id is None
        empty = "Someone you removed (leave as it is)" if unlinked else "Choose someone…"
        field.choices = [("", empty)] + [(person.pk, person.name) for person in people]
        field.required = not unlinked
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("occurred_on", timezone.localdate())

    def clean_person(self) -> Person | None:
        pk = self.cleaned_data.get("person")
        if pk is None:
            return None
        return self.people[pk]

    def clean_occurred_on(self) -> date:
        day: date = self.cleaned_data["occurred_on"]
        validate_lived_date(
            day, future="That date is in the future. Log an exchange once it has happened."
        )
        return day
