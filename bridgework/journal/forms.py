from __future__ import annotations

import datetime as dt

from django import forms

from bridgework.core.validators import validate_lived_date
from bridgework.core.widgets import ChipRadioSelect, RadioSelect

from .models import MAX_BODY_CHARS, Entry
from .prompts import prompt_choices


class EntryForm(forms.ModelForm):
    prompt_id = forms.ChoiceField(
        label="Guided prompt",
        required=False,
        widget=RadioSelect,
        help_text="Optional. A question to write about, if it helps to have one.",
    )
    body = forms.CharField(
        label="Your entry",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Only you can read this. It is encrypted on this machine.",
        error_messages={
            "required": "The entry is empty. Write a few words first — even one line is fine."
        },
    )

    class Meta:
        model = Entry
        fields = ["date", "prompt_id", "mood", "body"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "mood": ChipRadioSelect}
        labels = {"mood": "Mood tag"}
        help_texts = {"mood": "Optional."}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["prompt_id"].choices = prompt_choices()  # type: ignore[attr-defined]

    def clean_date(self) -> dt.date:
        day: dt.date = self.cleaned_data["date"]
        validate_lived_date(
            day, future="That date is in the future. Date the entry today or earlier."
        )
        return day

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError(
                "The entry is empty. Write a few words first — even one line is fine."
            )
        if len(body) > MAX_BODY_CHARS:
            raise forms.ValidationError(
                f"This entry is {len(body):,} characters long; the limit is {MAX_BODY_CHARS:,}. "
                "Please split it into two entries — nothing has been saved yet."
            )
        return body


class SearchForm(forms.Form):
    q = forms.CharField(label="Search your entries", required=False, max_length=200)
