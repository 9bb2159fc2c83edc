from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.urls import reverse

from bridgework.core.forms import ModelMultipleChoiceField

from .models import SafetyPlan, easiest_to_ask_first

_SECTION = {"rows": 4}
MAX_FIELD_CHARS = 10_000
NOT_YOUR_CIRCLE = "Choose only people from your own circle."
# The circle checkboxes sit right under step 4, the free text about the same people.
_FIELDS = [*SafetyPlan.TEXT_FIELDS]
_FIELDS.insert(_FIELDS.index("helpers") + 1, "circle_helpers")


def _person_label(person: Any) -> str:
    kinds = ", ".join(person.helps_with_labels).lower()
    helps = f" — can help with {kinds}" if kinds else ""
    return f"{person.name}{helps} (comfort {person.comfort})"


class SafetyPlanForm(forms.ModelForm):
    """The plan. Pass ``user``: the circle checkboxes list and accept only their people."""

    class Meta:
        model = SafetyPlan
        fields = _FIELDS
        field_classes = {"circle_helpers": ModelMultipleChoiceField}
        widgets = {
            "circle_helpers": forms.CheckboxSelectMultiple,
            **{name: forms.Textarea(attrs=_SECTION) for name in SafetyPlan.SECTION_FIELDS},
            "contact_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "contact_message": forms.Textarea(attrs={"rows": 3}),
        }
        labels = SafetyPlan.LABELS
        help_texts = {
            "warning_signs": "Thoughts, feelings, situations that tell you a crisis might be building.",
            "coping_alone": "Small things: a walk, a shower, music, breathing, a pet.",
            "distractions": "Places to be around people, or people who lift your mood without talking about it.",
            "helpers": "Names and how to reach them. Asking is hard; writing them here is a first step.",
            "circle_helpers": "Optional. The people you feel most at ease asking come first.",
            "professionals": "Your doctor, therapist, and the crisis lines on the Get help now page.",
            "environment": "For example, asking someone to keep medication or other means for you.",
            "reasons": "What matters to you — people, animals, plans, anything.",
            "contact_message": "Nothing is ever sent automatically. When you need it, one tap opens it in your messages or email, ready to send.",
        }

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:
            # Without an owner there is nobody to choose from; leave the links alone.
            del self.fields["circle_helpers"]
            return
        field = self.fields["circle_helpers"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        # The queryset is what validation checks: another user's person is never valid.
        # (It starts as all circle people; the model is named only in models.py.)
        assert field.queryset is not None
        field.queryset = field.queryset.filter(user=user)
        field.error_messages["invalid_choice"] = NOT_YOUR_CIRCLE
        field.error_messages["invalid_pk_value"] = NOT_YOUR_CIRCLE
        # The people easiest to ask first, each with what they can help with.
        field.choices = [
            (person.pk, _person_label(person)) for person in easiest_to_ask_first(field.queryset)
        ]
        if not field.choices:
            field.help_text = (
                "Nobody in your circle yet. You can "
                f'<a href="{reverse("circle:index")}">add people on the Circle page</a> '
                "and choose them here later."
            )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        for name in SafetyPlan.TEXT_FIELDS:
            value = data.get(name) or ""
            if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                self.add_error(name, f"Please keep this under {MAX_FIELD_CHARS:,} characters.")
        return data


class FollowUpForm(forms.Form):
    """The answer to the follow-up offered after crisis language was seen."""

    FEELING_CHOICES = [
        ("better", "A bit better"),
        ("same", "About the same"),
        ("worse", "Still struggling"),
    ]
    feeling = forms.ChoiceField(
        label="How are you doing now?", choices=FEELING_CHOICES, widget=forms.RadioSelect
    )
