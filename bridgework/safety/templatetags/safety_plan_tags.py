from __future__ import annotations

from django import template
from django.contrib.auth.models import User

from ..models import SafetyPlan

register = template.Library()


@register.simple_tag
def safety_plan_for(user: User) -> SafetyPlan | None:
    """The user's saved safety plan, or None (anonymous or not written yet).

    Two queries: the plan, and the circle people chosen in it.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    return SafetyPlan.objects.filter(user=user).prefetch_related("circle_helpers").first()
