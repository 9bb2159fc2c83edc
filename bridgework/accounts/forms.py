from __future__ import annotations

from typing import Any

from django import forms

from bridgework.core.widgets import FastSelect
from bridgework.safety.crisis_lines import country_choices

from .models import Profile, timezone_choices


class ProfileForm(forms.ModelForm):
    timezone = forms.ChoiceField(choices=timezone_choices, label="Time zone", widget=FastSelect)
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
