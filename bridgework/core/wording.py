"""Bridgework's own words for the messages Django writes by default ("This field is
required.", "Select a valid choice. … is not one of the available choices.", "Ensure this
value is less than or equal to 100."). Set once at startup (``CoreConfig.ready``) so every
form, including allauth's sign-up, says things the same kind way. A field's own
``error_messages=`` still wins.
"""

from __future__ import annotations

from django import forms
from django.core import validators

FORM_MESSAGES: dict[type[forms.Field], dict[str, str]] = {
    forms.Field: {"required": "Please fill this in."},
    forms.ChoiceField: {"invalid_choice": "Choose one of the options offered."},
    forms.MultipleChoiceField: {
        "invalid_choice": "Choose from the options offered.",
        "invalid_list": "Choose from the options offered.",
    },
    forms.ModelChoiceField: {"invalid_choice": "Choose one of the options offered."},
    forms.ModelMultipleChoiceField: {
        "invalid_choice": "Choose from the options offered.",
        "invalid_pk_value": "Choose from the options offered.",
    },
    forms.IntegerField: {"invalid": "Use a whole number, like 7."},
    forms.FloatField: {"invalid": "Use a number, like 2.5."},
    forms.DecimalField: {"invalid": "Use a number, like 2.5."},
    forms.DateField: {"invalid": "Use a date like 2026-03-14."},
    forms.DateTimeField: {"invalid": "Use a date and time like 2026-03-14 18:30."},
    forms.TimeField: {"invalid": "Use a time like 18:30."},
    forms.EmailField: {},
    forms.URLField: {"invalid": "Use a web address like https://example.org."},
    forms.FileField: {
        "required": "Choose a file first.",
        "invalid": "That upload did not arrive as a file. Please choose it again.",
        "missing": "That upload did not arrive as a file. Please choose it again.",
        "empty": "That file is empty.",
    },
}

VALIDATOR_MESSAGES: dict[type[validators.BaseValidator] | type[validators.RegexValidator] | type[validators.EmailValidator], str] = {
    validators.MinValueValidator: "Use %(limit_value)s or more.",
    validators.MaxValueValidator: "Use %(limit_value)s or less.",
    validators.MaxLengthValidator: "Keep this to %(limit_value)d characters or fewer (it has %(show_value)d).",
    validators.MinLengthValidator: "Write at least %(limit_value)d characters (it has %(show_value)d).",
    validators.EmailValidator: "That does not look like an e-mail address; it needs an @ and a domain, like name@example.org.",
}


def apply() -> None:
    for field_class, messages in FORM_MESSAGES.items():
        # Each class's own dict, so a subclass's message is not pushed onto its parents.
        own = dict(field_class.__dict__.get("default_error_messages", {}))
        own.update(messages)
        field_class.default_error_messages = own
    for validator_class, message in VALIDATOR_MESSAGES.items():
        validator_class.message = message
