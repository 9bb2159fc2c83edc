from __future__ import annotations

from typing import Any

from .models import LessonProgress, SoundsLikeMe


def export_user_data(user: Any) -> dict[str, Any]:
    return {
        "lessons_completed": [
            {"lesson": row.lesson_slug, "completed_at": row.completed_at}
            for row in LessonProgress.objects.filter(user=user).order_by("completed_at")
        ],
        "sounds_like_me": [
            {"topic": row.topic_id, "marked_at": row.created_at}
            for row in SoundsLikeMe.objects.filter(user=user)
        ],
    }
