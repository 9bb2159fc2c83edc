"""The journal list's entries written in Python (``journal/_entry_list.html``'s loop).

As a template loop a page of 25 entries was most of the list's time when rendered from
the database (a date in words, a link, the mood's label and the start of the text, each
through the template engine's lookups and filters). ``entry_items`` writes the same
characters; every value is escaped as the template escapes it, and a test compares the
two character for character.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils import dateformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from bridgework.core.links import url_for_pk

from .models import Entry

_MOODS = {value: str(label) for value, label in Entry.MOOD_CHOICES}


def entry_items(entries: Iterable[Entry]) -> SafeString:
    """The ``<li>`` of each entry, as the template's loop writes them."""
    url = url_for_pk("journal:detail")
    parts = []
    for entry in entries:
        mood = (
            f'<p><span class="tag">{escape(_MOODS.get(entry.mood, entry.mood))}</span></p>'
            if entry.mood
            else ""
        )
        parts.append(
            '\n      <li class="card">\n'
            f'        <h2><a href="{escape(url(entry.pk))}">'
            f"{escape(dateformat.format(entry.date, 'l j F Y'))}</a></h2>\n"
            f"        {mood}\n"
            f"        <p>{escape(Truncator(entry.body).chars(200))}</p>\n"
            "      </li>\n    "
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
