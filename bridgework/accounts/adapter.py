"""How allauth behaves here: profiles at sign-up, fair login limits, encrypted 2FA secrets."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bridgework.core import encryption, encryption_keys

from .models import Profile

# Seconds a browser is asked to wait after a 429 (the shortest window of the limits).
RETRY_AFTER_SECONDS = 300


def too_many_attempts(request: HttpRequest) -> HttpResponse:
    """The 429 page: what happened, that it is not their account's fault, what to do."""
    response = render(request, "429.html", status=HTTPStatus.TOO_MANY_REQUESTS)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: Any, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            Profile.objects.get_or_create(user=user)
        return user

    def is_email_verified(self, request: HttpRequest, email: str) -> bool:
        # No mail server (a laptop): there is no mailbox to prove, and allauth will not
        # switch two-factor on for an unverified address. With one, the mail proves it.
        if settings.ACCOUNT_EMAIL_VERIFICATION == "none":
            return True
        return super().is_email_verified(request, email)

    # --- Failed logins -------------------------------------------------------------
    # allauth counts failures under one key per account; here the key is the client IP
    # *and* the account, so a stranger's wrong passwords lock only the stranger out. A
    # separate, much looser per-account limit (action "login_failed_account") stops a
    # guess spread over many IPs. See ACCOUNT_RATE_LIMITS in settings.

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        login = str(credentials.get("email", credentials.get("username", ""))).lower()
        return f"{ratelimit.get_ip(request)}:{login}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        login = str(credentials.get("email", credentials.get("username", ""))).lower()
        usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed_account", key=login
        )
        if usage is None:
            raise self.validation_error("too_many_login_attempts")
        self._account_rl_usage = usage
        super().pre_authenticate(request, **credentials)

    def _rollback_login_failed_rl_usage(self) -> None:
        super()._rollback_login_failed_rl_usage()
        usage = getattr(self, "_account_rl_usage", None)
        if usage:
            usage.rollback()

    def validation_error(self, code: str, *args: Any) -> ValidationError:
        if code == "too_many_login_attempts" and context.request is not None:
            # A form error would answer 200; the limit answers 429 with a clear page.
            raise ImmediateHttpResponse(too_many_attempts(context.request))
        return super().validation_error(code, *args)


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are stored encrypted with the app's keys."""

    def encrypt(self, text: str) -> str:
        return encryption.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(f"{encryption_keys.PREFIX}:"):
            return encrypted_text  # written before encryption (migration 0002 fixes it)
        return encryption.decrypt(encrypted_text)


def user_display(user: Any) -> str:
    """How allauth names the person ("Logged in as …", e-mails): the name they chose, or
    their e-mail address — never the username generated from it, which nobody chose."""
    profile = Profile.objects.filter(user=user).only("display_name").first()
    return (profile.display_name if profile else "") or user.email
