from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from bridgework.screening.patterns import PatternMatch, recognise
from bridgework.screening.crisis import Screening
from bridgework.safety.services import screening_record

from .models import Entry

# Reflections shown after saving; more would feel like a lecture.
MAX_REFLECTIONS = 2


@transaction.atomic
def entry_create(
    *, user: Any, body: str, date: dt.date, mood: str = "", prompt_id: str = ""
) -> tuple[Entry, Screening]:
    """Save a new entry and screen its text. Saving is never blocked by the screening."""
    entry = Entry.objects.create(user=user, body=body, date=date, mood=mood, prompt_id=prompt_id)
    return entry, screening_record(user=user, text=body, source="journal.entry")


@transaction.atomic
def entry_update(
    *, entry: Entry, body: str, date: dt.date, mood: str = "", prompt_id: str = ""
) -> Screening:
    entry.body, entry.date, entry.mood, entry.prompt_id = body, date, mood, prompt_id
    # New words may show new patterns; earlier dismissals referred to the old text.
    entry.dismissed_patterns = []
    entry.save(
        update_fields=["body", "date", "mood", "prompt_id", "dismissed_patterns", "updated_at"]
    )
    return screening_record(user=entry.user, text=body, source="journal.entry")


def entry_reflections(entry: Entry) -> list[PatternMatch]:
    """At most two patterns recognised in the entry, minus those the person dismissed.

    Runs the pattern model on the decrypted text (a few milliseconds per entry).
    """
    found = [m for m in recognise(entry.body) if m.id not in entry.dismissed_patterns]
    return found[:MAX_REFLECTIONS]


def entries_newest_first(*, user: Any) -> QuerySet[Entry]:
    """The user's entries, newest first, with the fields a list shows.

    Lazy on purpose: every body is decrypted as its row loads, so slice (or page) the
    queryset before iterating it. The ``pk`` tie-break keeps pages stable.
    """
    return (
        Entry.objects.filter(user=user)
        .only("id", "date", "mood", "body", "prompt_id")
        .order_by("-date", "-created_at", "-pk")
    )


def entries_search(*, user: Any, query: str) -> list[Entry]:
    """The user's entries containing ``query`` (case-insensitive), newest first.

    The text is encrypted, so the database cannot search it: this decrypts every entry
    of the user in memory (one query; a few thousand entries take tens of milliseconds,
    see bench/bench_journal_search.py).
    """
    needle = query.casefold().strip()
    entries = entries_newest_first(user=user)
    if not needle:
        return list(entries)
    return [entry for entry in entries if needle in entry.body.casefold()]
