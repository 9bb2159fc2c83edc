"""Demo data for the learning path: lessons read over the first weeks, topics recognised."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bridgework.core.demo import bulk_create, moment, span_days

from .content import lessons, topics
from .models import LessonProgress, SoundsLikeMe


def create_demo_data(user: Any, *, years: float, rng: random.Random, today: dt.date) -> None:
    start = today - dt.timedelta(days=span_days(years))
    # Someone new reads a lesson every few days; with a short history, only the first few.
    day, progress = start, []
    for lesson in lessons():
        if day > today:
            break
        progress.append(
            LessonProgress(user=user, lesson_slug=lesson.slug, completed_at=moment(rng, day))
        )
        day += dt.timedelta(days=rng.randint(1, 6))
    bulk_create(LessonProgress, progress)

    # A handful of the pillars and costs "sound like me", marked while reading.
    read = {row.lesson_slug for row in progress}
    candidates = [tid for tid, (_, lesson) in topics().items() if lesson.slug in read]
    chosen = rng.sample(candidates, min(len(candidates), rng.randint(5, 8)))
    marks = [
        SoundsLikeMe(
            user=user,
            topic_id=topic_id,
            created_at=moment(rng, min(today, start + dt.timedelta(days=rng.randint(0, 30)))),
        )
        for topic_id in chosen
    ]
    bulk_create(SoundsLikeMe, marks)
