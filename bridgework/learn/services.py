from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from .models import LessonProgress, SoundsLikeMe


def completed_slugs_for(user: User) -> set[str]:
    return set(LessonProgress.objects.filter(user=user).values_list("lesson_slug", flat=True))


def marked_topics_for(user: User) -> set[str]:
    return set(SoundsLikeMe.objects.filter(user=user).values_list("topic_id", flat=True))


def lesson_complete(*, user: User, slug: str) -> None:
    LessonProgress.objects.get_or_create(user=user, lesson_slug=slug)


@transaction.atomic
def topic_toggle(*, user: User, topic_id: str, marked: bool | None = None) -> bool:
    """Set "this sounds like me" for a topic (flip it when ``marked`` is None); return
    whether it is now marked.

    The page sends the state it wants, so a double click or a resubmitted form does not
    undo itself; ``get_or_create`` keeps two simultaneous requests from colliding on the
    one-mark-per-topic constraint."""
    existing = SoundsLikeMe.objects.filter(user=user, topic_id=topic_id)
    if marked is None:
        marked = not existing.exists()
    if marked:
        SoundsLikeMe.objects.get_or_create(user=user, topic_id=topic_id)
    else:
        existing.delete()
    return marked

