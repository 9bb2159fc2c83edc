"""Validation for the voice pages and the API (the API binds these same forms)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from bridgework.ladder.forms import AttemptForm

from .feedback import ISSUE_IDS
from .library import AREAS, KINDS
from .models import Message

RATING_ERRORS = {code: "Use a whole number from 0 to 100." for code in ("invalid", "min_value", "max_value")}


def _text(rows: int, maxlength: int, **attrs: Any) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "maxlength": maxlength, **attrs})


def _own(form: forms.BaseForm, user: User | None) -> None:
    """Only the user's own circle people and ladder steps can be chosen."""
    from bridgework.circle.models import Person
    from bridgework.ladder.models import Step

    for name, model, message in (
        ("person", Person, "Choose someone from your circle."),
        ("step", Step, "Choose a step from your ladder."),
    ):
        if name not in form.fields:
            continue
        field = form.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = model.objects.filter(user=user) if user is not None else model.objects.none()
        field.error_messages["invalid_choice"] = message


class MessageForm(forms.ModelForm):
    """The guided builder: the parts in steps, then the person's own wording."""

    class Meta:
        model = Message
        fields = [
            "title", "to_name", "person", "step",
            "situation", "feeling", "need", "request", "offer",
            "draft", "send_to",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"maxlength": 300}),
            "to_name": forms.TextInput(attrs={"maxlength": 300, "autocomplete": "off"}),
            "situation": _text(2, 1000),
            "feeling": _text(2, 1000),
            "need": _text(2, 1000),
            "request": _text(2, 1000),
            "offer": _text(2, 1000),
            "draft": _text(6, 5000),
            "send_to": forms.TextInput(attrs={"maxlength": 300, "autocomplete": "off", "inputmode": "email"}),
        }
        help_texts = {
            "title": "Only you see it, e.g. “Lift to the clinic”.",
            "to_name": "A name as you would write it in the greeting.",
            "person": "Optional: the person in your circle this is for.",
            "step": "Optional: link it to a step on your ladder, so sending it counts as practice.",
            "situation": "What happened or what is going on, as a camera would see it, e.g. "
            "“The report is due on Friday and I have two more to finish.”",
            "feeling": "One or two words are enough, e.g. “worried”, “worn out”.",
            "need": "What would help, underneath the request, e.g. “some rest”, “to feel included”.",
            "request": "Who, what and when, something they can say yes or no to, e.g. "
            "“Could you collect the kids on Thursday at 5?”",
            "offer": "Optional: what you can give in return, or simply your thanks.",
            "draft": "Optional. Write or paste the message as you would send it; "
            "leave it empty to use the text built from the steps above.",
            "send_to": "Optional. Used only for the send link on your own device. Stored encrypted.",
        }

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own(self, user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parts = ("situation", "feeling", "need", "request", "offer", "draft")
        if not self.errors and not any((data.get(name) or "").strip() for name in parts):
            raise forms.ValidationError(
                "Write at least one part — a request, a feeling, or the message in your own words."
            )
        return data


class PredictionForm(forms.ModelForm):
    """Before sending: what the person expects, to compare with what really happens."""

    class Meta:
        model = Message
        fields = ["prediction", "predicted_discomfort"]
        widgets = {
            "prediction": _text(3, 1000),
            "predicted_discomfort": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"}),
        }
        help_texts = {
            "prediction": "In your own words, e.g. “They’ll be annoyed and say no.”",
            "predicted_discomfort": "0 = not at all, 100 = the most you can imagine. A guess is fine.",
        }
        error_messages = {"predicted_discomfort": RATING_ERRORS}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["prediction"].required = True
        self.fields["prediction"].error_messages["required"] = (
            "Write a few words about what you expect; it makes the debrief useful."
        )

    def clean_prediction(self) -> str:
        text = (self.cleaned_data.get("prediction") or "").strip()
        if not text:
            raise forms.ValidationError("Write a few words about what you expect; it makes the debrief useful.")
        return text


class DebriefForm(AttemptForm):
    """What really happened, logged as an attempt on a ladder step."""

    step: forms.ModelChoiceField = forms.ModelChoiceField(
        label="The ladder step this was practice for",
        queryset=None,
        help_text="Sending it counts as an attempt on this step.",
        error_messages={"required": "Choose a step; add one on your ladder first if you have none."},
    )
    field_order = ["step"]

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own(self, user)


class CheckForm(forms.Form):
    text = forms.CharField(
        label="Your message",
        max_length=5000,
        widget=_text(6, 5000),
        help_text="Paste or write any message. Checking it saves nothing.",
        error_messages={"required": "Write or paste a message to check."},
    )


class DismissForm(forms.Form):
    issue = forms.ChoiceField(choices=[(i, i) for i in ISSUE_IDS])
    undo = forms.BooleanField(required=False)


class ScriptFilterForm(forms.Form):
    """The library filter; invalid values are simply ignored (it is a GET form)."""

    area = forms.ChoiceField(label="Part of life", choices=[("", "All"), *AREAS.items()], required=False)
    kind = forms.ChoiceField(label="What it does", choices=[("", "All"), *KINDS.items()], required=False)
