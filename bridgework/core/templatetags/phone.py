"""``{{ text|tel_links|linebreaks }}``: phone numbers in what someone wrote become tap-to-call
links (``tel:``); everything else is escaped as usual."""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# At least 6 digits, optionally starting with +, with spaces, dashes, dots or brackets
# between them: 020 7946 0000, +44 7700 900123, (555) 010-4477, 116 123. Dates are skipped.
PHONE = re.compile(r"(?<![\w+/])(\+?\(?\d[\d ()\-.]{5,}\d)(?![\w/])")

DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def tel_href(number: str) -> str:
    digits = _digits(number)
    return f"tel:{digits}" if len(digits.lstrip("+")) >= 3 else ""


@register.filter(is_safe=True)
def tel_links(text: str) -> SafeString:
    parts: list[str] = []
    last = 0
    for match in PHONE.finditer(text or ""):
        number = match.group(1)
        if len(_digits(number).lstrip("+")) < 6 or DATE.fullmatch(number):
            continue
        parts.append(conditional_escape(text[last : match.start(1)]))
        parts.append(format_html('<a href="{}">{}</a>', tel_href(number), number))
        last = match.end(1)
    parts.append(conditional_escape((text or "")[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


@register.filter
def tel(number: str) -> str:
    """``<a href="{{ number|tel }}">``: the tel: address for a typed phone number."""
    return tel_href(number or "")
