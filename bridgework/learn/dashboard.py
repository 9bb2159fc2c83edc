from __future__ import annotations

from typing import Any

from django.urls import reverse

from bridgework.core.modules import NextStep, Panel

from .content import lessons, topics
from .services import completed_slugs_for, marked_topics_for

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["learn"]


def dashboard(user: Any) -> Panel:
    done = completed_slugs_for(user)
    unread = [lesson for lesson in lessons() if lesson.slug not in done]
    marked = marked_topics_for(user)
    next_step = None
    if unread:
        lesson = unread[0]
        next_step = NextStep(
            text=f"Read “{lesson.meta.title}” ({lesson.meta.minutes} minutes)",
            url=reverse("learn:lesson", args=[lesson.slug]),
            # The very first lesson comes before everything else (it explains why the rest
            # is offered); later lessons give way to assessments and practice.
            priority=30 if not done else 10,
            label="Read the lesson",
        )
    return Panel(
        template="learn/_dashboard.html",
        context={
            "done": len(done & {lesson.slug for lesson in lessons()}),
            "total": len(lessons()),
            "marked": [topic for tid, (topic, _) in topics().items() if tid in marked],
        },
        next_step=next_step,
    )
