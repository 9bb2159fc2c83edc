from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from bridgework.accounts.models import data_changed
from bridgework.safety.services import screen_texts, screening_record
from bridgework.screening.crisis import Screening
from bridgework.screening.patterns import PatternMatch, recognise

from .models import Entry

ENTRY_FIELDS = ["body", "date", "mood", "prompt_id"]
# Reflections shown after saving; more would feel like a lecture.
MAX_REFLECTIONS = 2


def entry_create(
    *, user: User, body: str, date: dt.date, mood: str = "", prompt_id: str = ""
) -> tuple[Entry, Screening]:
    """Save a new entry and screen its text. Saving is never blocked by the screening."""
    screening = screen_texts(body)
    with transaction.atomic():
        entry = Entry.objects.create(
            user=user,
            body=body,
            date=date,
            mood=mood,
            prompt_id=prompt_id,
            screening_level=screening.level,
        )
        screening_record(user=user, screening=screening, source="journal.entry")
    return entry, screening


def entry_update(
    *, entry: Entry, body: str, date: dt.date, mood: str = "", prompt_id: str = ""
) -> tuple[Entry, Screening]:
    screening = screen_texts(body)
    entry.body, entry.date, entry.mood, entry.prompt_id = body, date, mood, prompt_id
    entry.screening_level = screening.level
    # New words may show new patterns; earlier dismissals referred to the old text.
    entry.dismissed_patterns = []
    with transaction.atomic():
        entry.save(update_fields=[*ENTRY_FIELDS, "screening_level", "dismissed_patterns", "updated_at"])
        screening_record(user=entry.user, screening=screening, source="journal.entry")
    return entry, screening


def entry_screening_level(entry: Entry) -> str:
    """The level stored when the entry was saved; an entry saved before levels were stored
    is screened now, once, and its level kept."""
    if not entry.screening_level:
        entry.screening_level = screen_texts(entry.body).level
        Entry.objects.filter(pk=entry.pk).update(screening_level=entry.screening_level)
        data_changed(entry.user_id, "journal")  # often on a GET: the kept export is stale
    return entry.screening_level


def entry_reflections(entry: Entry) -> list[PatternMatch]:
    """At most two patterns recognised in the entry, minus those the person dismissed.

    Pattern reflection is for ordinary days: next to words of crisis it would be
    tone-deaf, so an entry whose text screened as crisis gets none (support only).
    Runs the pattern model on the decrypted text (a few milliseconds per entry).
    """
    if entry_screening_level(entry) != "none":
        return []
    found = [m for m in recognise(entry.body) if m.id not in entry.dismissed_patterns]
    return found[:MAX_REFLECTIONS]


def entries_for(user: User) -> QuerySet[Entry]:
    """The user's entries, newest first, with the fields a list shows.

    Lazy on purpose: every body is decrypted as its row loads, so slice (or page) the
    queryset before iterating it. The ``pk`` tie-break keeps pages stable.
    """
    return (
        Entry.objects.filter(user=user)
        .only("id", "date", "mood", "body", "prompt_id")
        .order_by("-date", "-created_at", "-pk")
    )


def matching_entries_for(user: User, *, query: str) -> list[Entry]:
    """The user's entries containing ``query`` (case-insensitive), newest first.

    The text is encrypted, so the database cannot search it: this decrypts every entry
    of the user in memory (one query; a few thousand entries take tens of milliseconds,
    see bench/bench_journal_search.py).
    """
    needle = query.casefold().strip()
    entries = entries_for(user=user)
    if not needle:
        return list(entries)
    return [entry for entry in entries if needle in entry.body.casefold()]
