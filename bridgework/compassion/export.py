from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from bridgework.core.rawrows import PlainQuery

from .models import Kindness, PracticeSession

# What this part of the export reads (core.exporting keeps it until one changes): kindnesses
# name circle people (set to none when one is deleted).
AREAS = ["compassion", "circle"]

# Built once per process (core.rawrows.PlainQuery): plain rows, the dicts as exported.
_SESSIONS = PlainQuery(
    lambda user_id: PracticeSession.objects.filter(user_id=user_id).order_by("date", "created_at", "pk"),
    "exercise",
    "date",
    "answer_1",
    "answer_2",
    "answer_3",
    "harsh_before",
    "harsh_after",
    "created_at",
)
_KINDNESS = PlainQuery(
    lambda user_id: Kindness.objects.filter(user_id=user_id).order_by("date", "created_at", "pk"),
    "date",
    "kind",
    "what",
    "person_id",
    "from_name",
    "response",
    "created_at",
    "updated_at",
)


def export_user_data(user: User) -> dict[str, Any]:
    """All of the user's practice sessions and kindness entries, decrypted; plain rows
    (``core.rawrows.PlainQuery``), no model instances."""
    return {"sessions": _SESSIONS.rows(user.pk), "kindness": _KINDNESS.rows(user.pk)}
