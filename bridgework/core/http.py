"""Typing for views behind ``@login_required`` (and API endpoints behind session auth)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthedRequest(HttpRequest):
    """A request whose ``user`` is a real, logged-in ``User`` (annotate views with it)."""

    user: User
