from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import User

from bridgework.accounts.models import profile_for

from ..crisis_lines import Country, crisis_lines, for_country

register = template.Library()


@register.simple_tag
def crisis_country(user: User) -> Country | None:
    """The crisis lines for the user's country, or None (then show the fallback)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return for_country(profile_for(user).country)


@register.simple_tag
def crisis_fallback() -> Any:
    return crisis_lines()
