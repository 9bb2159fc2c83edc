from __future__ import annotations

import json
from typing import Any

from django import forms

from bridgework.core.widgets import FastSelect, GroupedSelect
from bridgework.safety.crisis_lines import country_choices

from .models import Profile, timezone_choices
from .timezones import grouped_choices


class ProfileForm(forms.ModelForm):
    # Any real zone is accepted; the list offers the common ones by region (and searches).
    timezone = forms.ChoiceField(
        choices=timezone_choices,
        label="Time zone",
        widget=GroupedSelect(grouped_choices),
        help_text="Pick the city nearest you that shares your clock.",
        error_messages={"invalid_choice": "Choose a time zone from the list."},
    )
    country = forms.ChoiceField(
        choices=country_choices,
        widget=FastSelect,
        required=False,
        label="Country",
        help_text="Used only to show the right crisis lines. Not listed? Leave it empty and "
        "we show emergency numbers and an international directory.",
    )

    class Meta:
        model = Profile
        fields = ["display_name", "timezone", "country", "hide_scores"]
        widgets = {"display_name": forms.TextInput(attrs={"maxlength": 60})}


class WelcomeForm(ProfileForm):
    """The two optional questions after sign-up (where you are, your clock)."""

    class Meta(ProfileForm.Meta):
        fields = ["display_name", "timezone", "country"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        label="Your password",
    )
    confirm = forms.CharField(
        label='Type DELETE to confirm',
        help_text="This removes everything you have stored here, at once and for good.",
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password

    def clean_confirm(self) -> str:
        confirm: str = self.cleaned_data["confirm"]
        if confirm.strip() != "DELETE":
            raise forms.ValidationError("Type DELETE in capital letters to confirm.")
        return confirm


MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Your export file",
        help_text="The .json file you downloaded from “Download everything you have stored "
        "here” (at most 20 MB).",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self) -> Any:
        """The file's JSON, parsed; every problem names the file and where in it."""
        upload = self.cleaned_data["file"]
        name = upload.name or "The file"
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                f"{name} is {upload.size / 1024 / 1024:.1f} MB; an export can be at most 20 MB."
            )
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                f"{name} is not a text (UTF-8) file: choose the .json file of your export."
            ) from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                f"{name} is damaged or is not a Bridgework export, so nothing was imported. "
                "Download a fresh copy with “Download everything you have stored here” and try "
                f"again. (Technical detail: {name} line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        except (ValueError, RecursionError) as exc:
            # e.g. an integer too long to convert, or lists nested thousands deep.
            raise forms.ValidationError(
                f"{name} is not a Bridgework export, so nothing was imported. "
                f"(Technical detail: {exc})"
            ) from None
