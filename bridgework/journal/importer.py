from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import Field

from bridgework.core.importing import IdMap, Row, parse, restore

from .models import MAX_BODY_CHARS, Entry

PATH = "data.journal"


class EntryRow(Row):
    date: date
    mood: str = ""
    prompt_id: str = ""
    # The prompt's wording, shown in the export for reading; it comes from the prompt file.
    prompt: str = ""
    body: str = Field(max_length=MAX_BODY_CHARS)
    dismissed_patterns: list[str] = []
    # Older exports have no level: "" means the entry is screened once when first shown.
    screening_level: Literal["", "none", "concern", "urgent"] = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None


class JournalData(Row):
    entries: list[EntryRow] = []


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    journal = parse(JournalData, data, PATH)
    for index, row in enumerate(journal.entries):
        entry = Entry(
            user=user,
            date=row.date,
            mood=row.mood,
            prompt_id=row.prompt_id,
            body=row.body,
            dismissed_patterns=row.dismissed_patterns,
            screening_level=row.screening_level,
        )
        restore(
            entry, f"{PATH}.entries[{index}]", created_at=row.created_at, updated_at=row.updated_at
        )
    return len(journal.entries)
