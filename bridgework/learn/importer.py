from __future__ import annotations

from datetime import datetime
from typing import Any

from bridgework.core.importing import IdMap, ImportProblem, Row, parse, restore

from .models import LessonProgress, SoundsLikeMe

PATH = "data.learn"


class Completed(Row):
    lesson: str
    completed_at: datetime | None = None


class Marked(Row):
    topic: str
    marked_at: datetime | None = None


class LearnData(Row):
    lessons_completed: list[Completed] = []
    sounds_like_me: list[Marked] = []


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    learn = parse(LearnData, data, PATH)
    created = 0
    seen: set[str] = set()
    for index, done in enumerate(learn.lessons_completed):
        path = f"{PATH}.lessons_completed[{index}]"
        if done.lesson in seen:
            raise ImportProblem(f"{path}.lesson: {done.lesson!r} is listed twice")
        seen.add(done.lesson)
        progress = LessonProgress(user=user, lesson_slug=done.lesson)
        restore(progress, path, keys={"lesson_slug": "lesson"}, completed_at=done.completed_at)
        created += 1
    seen = set()
    for index, mark in enumerate(learn.sounds_like_me):
        path = f"{PATH}.sounds_like_me[{index}]"
        if mark.topic in seen:
            raise ImportProblem(f"{path}.topic: {mark.topic!r} is listed twice")
        seen.add(mark.topic)
        row = SoundsLikeMe(user=user, topic_id=mark.topic)
        restore(row, path, keys={"topic_id": "topic"}, created_at=mark.marked_at)
        created += 1
    return created
