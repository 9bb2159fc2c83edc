from __future__ import annotations

from typing import Any

from bridgework.core.rawrows import PlainQuery

from .models import Entry
from .prompts import prompts_by_id

# What this part of the export reads (core.exporting keeps it until one changes): its own
# rows only (prompts are the app's own text).
AREAS = ["journal"]

# Built once per process (core.rawrows.PlainQuery): plain rows, no model instance, no ORM
# converter chain, dates straight to ISO text; the dicts as exported ("prompt" holds the
# prompt's id until export_user_data puts its text there).
_ENTRIES = PlainQuery(
    lambda user_id: Entry.objects.filter(user_id=user_id).order_by("date", "created_at"),
    "date",
    "mood",
    "prompt_id",
    ("prompt", "prompt_id"),
    "body",
    "dismissed_patterns",
    "screening_level",
    "created_at",
    "updated_at",
)


def export_user_data(user: Any) -> dict[str, Any]:
    """All of the user's journal entries, decrypted (the export is theirs), in one query."""
    prompts = prompts_by_id()
    entries = _ENTRIES.rows(user.pk)
    for entry in entries:
        prompt = prompts.get(entry["prompt"])
        entry["prompt"] = prompt.text if prompt is not None else ""
    return {"entries": entries}
