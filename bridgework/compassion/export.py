from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from bridgework.core.rawrows import plain_rows

from .models import Kindness, PracticeSession


def export_user_data(user: User) -> dict[str, Any]:
    """All of the user's practice sessions and kindness entries, decrypted; plain rows
    (``core.rawrows.plain_rows``), no model instances."""
    return {
        "sessions": [
            {
                "exercise": s["exercise"],
                "date": s["date"],
                "answer_1": s["answer_1"],
                "answer_2": s["answer_2"],
                "answer_3": s["answer_3"],
                "harsh_before": s["harsh_before"],
                "harsh_after": s["harsh_after"],
                "created_at": s["created_at"],
            }
            for s in plain_rows(
                PracticeSession.objects.filter(user=user).order_by("date", "created_at", "pk"),
                "exercise",
                "date",
                "answer_1",
                "answer_2",
                "answer_3",
                "harsh_before",
                "harsh_after",
                "created_at",
            )
        ],
        "kindness": [
            {
                "date": k["date"],
                "kind": k["kind"],
                "what": k["what"],
                "person_id": k["person_id"],
                "from_name": k["from_name"],
                "response": k["response"],
                "created_at": k["created_at"],
                "updated_at": k["updated_at"],
            }
            for k in plain_rows(
                Kindness.objects.filter(user=user).order_by("date", "created_at", "pk"),
                "date",
                "kind",
                "what",
                "person_id",
                "from_name",
                "response",
                "created_at",
                "updated_at",
            )
        ],
    }
