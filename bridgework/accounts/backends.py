"""Authentication backends that load the person's profile with the user, in one query.

Every page needs the profile (its time zone is activated for each request), so fetching
it together with the user saves a query on every request. Otherwise identical to the
Django and allauth backends they extend.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend


def _user_with_profile(backend: DjangoModelBackend, user_id: Any) -> Any:
    User = get_user_model()
    try:
        user = User._default_manager.select_related("profile").get(pk=user_id)
    except User.DoesNotExist:
        return None
    return user if backend.user_can_authenticate(user) else None


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id: Any) -> Any:
        return _user_with_profile(self, user_id)


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id: Any) -> Any:
        return _user_with_profile(self, user_id)
