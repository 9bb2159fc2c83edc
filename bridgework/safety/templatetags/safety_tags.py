from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import User

from ..crisis_lines import Country, country_of, crisis_lines, for_country

register = template.Library()


@register.simple_tag
def crisis_country(user: User) -> Country | None:
    """The crisis lines for the user's country, or None (then show the fallback)."""
    if not isinstance(user, User):
        return None
    return for_country(country_of(user))


@register.simple_tag
def crisis_fallback() -> Any:
    return crisis_lines()
