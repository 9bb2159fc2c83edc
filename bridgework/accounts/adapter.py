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
