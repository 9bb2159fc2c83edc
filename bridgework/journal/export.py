from __future__ import annotations

from typing import Any

from .models import Entry


def export_user_data(user: Any) -> dict[str, Any]:
    """All of the user's journal entries, decrypted (the export is theirs)."""
    return {
        "entries": [
            {
                "date": entry.date.isoformat(),
                "mood": entry.mood,
                "prompt_id": entry.prompt_id,
                "prompt": entry.prompt_text,
                "body": entry.body,
                "dismissed_patterns": entry.dismissed_patterns,
                "screening_level": entry.screening_level,
                "created_at": entry.created_at.isoformat(),
                "updated_at": entry.updated_at.isoformat(),
            }
            for entry in Entry.objects.filter(user=user).order_by("date", "created_at")
        ]
    }
