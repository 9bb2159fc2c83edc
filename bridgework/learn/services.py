from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from bridgework.core.rawrows import Prepared

from .models import LessonProgress, SoundsLikeMe

# Built once per process (core.rawrows.Prepared): the home panel's two queries, which
# the ORM took longer to build than SQLite to run, each time the panel was computed.
_completed = Prepared(
    lambda user_id: LessonProgress.objects.filter(user=user_id).values_list("lesson_slug")
)
_marked = Prepared(
    lambda user_id: SoundsLikeMe.objects.filter(user=user_id).values_list("topic_id")
)


def completed_slugs_for(user: User) -> set[str]:
    return {slug for (slug,) in _completed.rows(user.pk)}


def marked_topics_for(user: User) -> set[str]:
    return {topic for (topic,) in _marked.rows(user.pk)}


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

