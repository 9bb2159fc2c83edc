from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter

from .models import Profile


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: Any, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            Profile.objects.get_or_create(user=user)
        return user


def user_display(user: Any) -> str:
    """How allauth names the person ("Logged in as …", e-mails): the name they chose, or
    their e-mail address — never the username generated from it, which nobody chose."""
    profile = Profile.objects.filter(user=user).only("display_name").first()
    return (profile.display_name if profile else "") or user.email
