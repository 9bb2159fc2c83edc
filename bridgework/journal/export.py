from __future__ import annotations

from typing import Any

from bridgework.core.rawrows import plain_rows

from .models import Entry
from .prompts import prompts_by_id


def export_user_data(user: Any) -> dict[str, Any]:
    """All of the user's journal entries, decrypted (the export is theirs).

    One query of plain rows (``core.rawrows.plain_rows``: no model instance, no ORM
    converter chain, dates straight to ISO text)."""
    prompts = prompts_by_id()
    return {
        "entries": [
            {
                "date": row["date"],
                "mood": row["mood"],
                "prompt_id": row["prompt_id"],
                "prompt": prompts[row["prompt_id"]].text if row["prompt_id"] in prompts else "",
                "body": row["body"],
                "dismissed_patterns": row["dismissed_patterns"],
                "screening_level": row["screening_level"],
                "created_at": row["created_at"],
                "updated_at": row["updated_at"],
            }
            for row in plain_rows(
                Entry.objects.filter(user=user).order_by("date", "created_at"),
                "date",
                "mood",
                "prompt_id",
                "body",
                "dismissed_patterns",
                "screening_level",
                "created_at",
                "updated_at",
            )
        ]
    }
