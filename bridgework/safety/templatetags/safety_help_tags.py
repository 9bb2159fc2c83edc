from __future__ import annotations

from django import template

from ..helping import HelpingSomeone, helping_someone

register = template.Library()


@register.simple_tag
def helping_someone_content() -> HelpingSomeone:
    """How to help someone at risk (``data/helping_someone.yaml``)."""
    return helping_someone()
