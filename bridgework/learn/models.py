from __future__ import annotations

from django.conf import settings
from django.db import models

# Lessons and topics live in files, so rows refer to them by their stable ids (slugs).


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson_slug = models.SlugField(max_length=80)
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_slug"], name="learn_progress_once")
        ]

    def __str__(self) -> str:
        return self.lesson_slug


class SoundsLikeMe(models.Model):
    """A pillar or hidden cost the person recognised in themselves."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sounds_like_me"
    )
    topic_id = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "topic_id"], name="learn_topic_once")
        ]

    def __str__(self) -> str:
        return self.topic_id
