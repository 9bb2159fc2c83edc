from __future__ import annotations

from django import forms

from .models import SafetyPlan

_SECTION = {"rows": 4}
MAX_FIELD_CHARS = 10_000


class SafetyPlanForm(forms.ModelForm):
    class Meta:
        model = SafetyPlan
        fields = SafetyPlan.TEXT_FIELDS
        widgets = {
            **{name: forms.Textarea(attrs=_SECTION) for name in SafetyPlan.SECTION_FIELDS},
            "contact_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "contact_message": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "warning_signs": "1. My warning signs",
            "coping_alone": "2. Things I can do on my own to feel a little better",
            "distractions": "3. People and places that take my mind off things",
            "helpers": "4. People I can ask for help",
            "professionals": "5. Professionals and crisis lines I can contact",
            "environment": "6. Making my surroundings safer",
            "reasons": "7. My reasons to keep going",
            "contact_name": "A person I would message when things get hard",
            "contact_phone": "Their phone number",
            "contact_email": "Their email address",
            "contact_message": "The message I would send them",
        }
        help_texts = {
            "warning_signs": "Thoughts, feelings, situations that tell you a crisis might be building.",
            "coping_alone": "Small things: a walk, a shower, music, breathing, a pet.",
            "distractions": "Places to be around people, or people who lift your mood without talking about it.",
            "helpers": "Names and how to reach them. Asking is hard; writing them here is a first step.",
            "professionals": "Your doctor, therapist, and the crisis lines on the Get help now page.",
            "environment": "For example, asking someone to keep medication or other means for you.",
            "reasons": "What matters to you — people, animals, plans, anything.",
            "contact_message": "Nothing is ever sent automatically. When you need it, one tap opens it in your messages or email, ready to send.",
        }

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        for name in SafetyPlan.TEXT_FIELDS:
            value = data.get(name) or ""
            if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                self.add_error(name, f"Please keep this under {MAX_FIELD_CHARS:,} characters.")
        return data


class CheckInForm(forms.Form):
    FEELING_CHOICES = [
        ("better", "A bit better"),
        ("same", "About the same"),
        ("worse", "Still struggling"),
    ]
    feeling = forms.ChoiceField(
        label="How are you doing now?", choices=FEELING_CHOICES, widget=forms.RadioSelect
    )
