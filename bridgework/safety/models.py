from __future__ import annotations

from django.conf import settings
from django.db import models


class ScreeningEvent(models.Model):
    """That crisis language was seen, when, and where — never the text itself."""

    LEVEL_CHOICES = [("concern", "Concern"), ("urgent", "Urgent")]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screening_events"
    )
    level = models.CharField(max_length=10, choices=LEVEL_CHOICES)
    # Which kind of text raised it, e.g. "journal.entry", "ladder.attempt".
    source = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Set when the person has answered the gentle check-in offered afterwards.
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.level} from {self.source} at {self.created_at:%Y-%m-%d %H:%M}"
