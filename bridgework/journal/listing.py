"""The journal list's entries written in Python (``journal/_entry_list.html``'s loop).

As a template loop a page of 25 entries was most of the list's time when rendered from
the database (a date in words, a link, the mood's label and the start of the text, each
through the template engine's lookups and filters). ``entry_items`` writes the same
characters; every value is escaped as the template escapes it, and a test compares the
two character for character.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, add_truncation_text, calculate_truncate_chars_length

from bridgework.core.links import url_for_pk

from .models import Entry

_MOODS = {value: str(label) for value, label in Entry.MOOD_CHOICES}


SHOWN_CHARS = 200  # the template's truncatechars:200


def _shortened(cut: int) -> Callable[[str], str]:
    """``Truncator(text).chars(SHOWN_CHARS)``, with a shortcut for ASCII text (no combining
    characters, nothing for NFC to change): as it is when short enough, else its first
    ``cut`` characters and the truncation mark, as ``Truncator`` writes them."""

    def shorten(text: str) -> str:
        if not text.isascii():
            return Truncator(text).chars(SHOWN_CHARS)
        return text if len(text) <= SHOWN_CHARS else add_truncation_text(text[:cut])

    return shorten


def entry_items(entries: Iterable[Entry]) -> SafeString:
    """The ``<li>`` of each entry, as the template's loop writes them."""
    url = url_for_pk("journal:detail")
    shorten = _shortened(calculate_truncate_chars_length(SHOWN_CHARS, None))
    # The date as ``date:"l j F Y"`` writes it, each name translated once per call.
    weekdays = [str(WEEKDAYS[day]) for day in range(7)]
    months = {number: str(name) for number, name in MONTHS.items()}
    parts = []
    for entry in entries:
        day = entry.date
        written = f"{weekdays[day.weekday()]} {day.day} {months[day.month]} {day.year:04d}"
        mood = (
            f'<p><span class="tag">{escape(_MOODS.get(entry.mood, entry.mood))}</span></p>'
            if entry.mood
            else ""
        )
        parts.append(
            '\n      <li class="card">\n'
            f'        <h2><a href="{escape(url(entry.pk))}">'
            f"{escape(written)}</a></h2>\n"
            f"        {mood}\n"
            f"        <p>{escape(shorten(entry.body))}</p>\n"
            "      </li>\n    "
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
