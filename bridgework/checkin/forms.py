from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from .feelings import feeling_words
from .models import MAX_NOTE_CHARS, PAST_DAYS, BodySign, CheckIn, Mood, SleepQuality
from .services import ANSWERS, UPDATABLE
from .widgets import ChipCheckboxSelectMultiple, ChipRadioSelect, HiddenInput, NumberInput, Slider


def scale_field(label: str, help_text: str) -> forms.IntegerField:
    message = "Use a whole number from 0 to 10, or leave it empty."
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=10,
        widget=Slider(minimum=0, maximum=10),
        help_text=help_text,
        error_messages={"min_value": message, "max_value": message, "invalid": message},
    )


def count_field(label: str) -> forms.IntegerField:
    message = "Use a whole number of times from 0 to 50, or leave it empty."
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=50,
        widget=NumberInput(attrs={"min": 0, "max": 50, "inputmode": "numeric"}),
        error_messages={"min_value": message, "max_value": message, "invalid": message},
    )




class CheckInForm(forms.ModelForm):
    """One day's check-in. Every measure is optional: an honest gap beats a guess."""

    date = forms.DateField(widget=HiddenInput)
    mood = forms.TypedChoiceField(
        label="Mood",
        choices=Mood.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=ChipRadioSelect,
    )
    stress = scale_field("Stress", "0 = none at all, 10 = the most I can imagine.")
    energy = scale_field("Energy", "0 = empty, 10 = full of energy.")
    sleep_hours = forms.DecimalField(
        label="Hours slept",
        required=False,
        min_value=0,
        max_value=24,
        max_digits=3,
        decimal_places=1,
        widget=NumberInput(attrs={"min": 0, "max": 24, "step": 0.5, "inputmode": "decimal"}),
        error_messages={
            "min_value": "Use a number of hours from 0 to 24.",
            "max_value": "Use a number of hours from 0 to 24.",
            "invalid": "Use a number of hours, like 7 or 6.5.",
            "max_decimal_places": "Use at most one decimal, like 6.5.",
        },
    )
    sleep_quality = forms.TypedChoiceField(
        label="How I slept",
        choices=SleepQuality.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=ChipRadioSelect,
    )
    body_signs = forms.MultipleChoiceField(
        label="Body signs today",
        choices=BodySign.choices,
        required=False,
        widget=ChipCheckboxSelectMultiple,
    )
    numbness = scale_field("Numbness", "0 = I feel things fully, 10 = I feel nothing at all.")
    alone = scale_field(
        "Today I did it all alone", "0 = not at all, 10 = everything, with no one's help."
    )
    help_asked = count_field("Times I asked for help")
    help_accepted = count_field("Times I accepted help")
    feelings = forms.MultipleChoiceField(
        label="Name the feeling",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Pick any words that fit, even roughly. More precise than “fine” is the aim.",
        error_messages={"invalid_choice": "“%(value)s” is not one of the feeling words."},
    )
    note = forms.CharField(
        label="A note for yourself",
        required=False,
        max_length=MAX_NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. Only you can read it; it is encrypted on this machine.",
        error_messages={
            "max_length": "Please keep the note under %(limit_value)s characters; nothing is saved yet."
        },
    )

    class Meta:
        model = CheckIn
        fields = list(UPDATABLE)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["feelings"].choices = [(f.word, f.word) for f in feeling_words()]  # type: ignore[attr-defined]

    def clean_date(self) -> dt.date:
        day: dt.date = self.cleaned_data["date"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError("That day has not happened yet. Check in for today or earlier.")
        if day < today - dt.timedelta(days=PAST_DAYS) and (
            self.instance.pk is None or self.instance.date != day
        ):
            raise forms.ValidationError(
                f"Check-ins can be filled in for today and the {PAST_DAYS} days before it."
            )
        taken = CheckIn.objects.filter(user=self.user, date=day)
        if self.instance.pk is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                "You already checked in on that day. Change that check-in instead."
            )
        return day

    def clean_note(self) -> str:
        note: str = self.cleaned_data.get("note") or ""
        return note.strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answers = [name for name in ANSWERS if data.get(name) not in (None, "", [])]
        if not answers and not self.errors:
            raise forms.ValidationError(
                "Nothing to save yet: answer at least one question, even just the mood."
            )
        return data

    def validate_unique(self) -> None:
        # clean_date gives the friendly message for the one-a-day rule.
        pass
