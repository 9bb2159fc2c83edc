from __future__ import annotations

from typing import Any

from bridgework.core.rawrows import PlainQuery, json_datetime

from .models import LessonProgress, SoundsLikeMe

# What this part of the export reads (core.exporting keeps it until one changes): its own
# rows only.
AREAS = ["learn"]

# Built once per process (core.rawrows.PlainQuery). The times are written as Django's JSON
# encoder writes a datetime (the export's format for these two since they were added).
_LESSONS = PlainQuery(
    lambda user_id: LessonProgress.objects.filter(user_id=user_id).order_by("completed_at"),
    ("lesson", "lesson_slug"),
    ("completed_at", "completed_at", json_datetime),
)
_TOPICS = PlainQuery(
    lambda user_id: SoundsLikeMe.objects.filter(user_id=user_id),
    ("topic", "topic_id"),
    ("marked_at", "created_at", json_datetime),
)


def export_user_data(user: Any) -> dict[str, Any]:
    return {"lessons_completed": _LESSONS.rows(user.pk), "sounds_like_me": _TOPICS.rows(user.pk)}
