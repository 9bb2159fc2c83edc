from __future__ import annotations

from django.conf import settings
from django.db import models


class Sitting(models.Model):
    """One sitting of one instrument: answers in progress, then submitted and scored.

    Scores are stored at submission so history, reliable change and the CSV export
    need no re-scoring; the answers stay alongside as the record of what was said.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sittings"
    )
    instrument_id = models.CharField(max_length=40)
    instrument_version = models.CharField(max_length=20)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    total = models.FloatField(null=True, blank=True)
    band = models.CharField(max_length=80, blank=True)
    subscales = models.JSONField(default=dict, blank=True)
    prorated = models.BooleanField(default=False)
    # An answer the instrument flags (e.g. PHQ-9 item 9 above 0) was given; recorded once.
    flagged = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "instrument_id", "submitted_at"])]

    def __str__(self) -> str:
        state = "submitted" if self.submitted_at else "in progress"
        return f"{self.instrument_id} {state} ({self.started_at:%Y-%m-%d})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def answers(self) -> dict[str, int | None]:
        """Item id → value; runs one query unless responses were prefetched."""
        return {row.item_id: row.value for row in self.responses.all()}


class Response(models.Model):
    sitting = models.ForeignKey(
        Sitting, on_delete=models.CASCADE, related_name="responses"
    )
    item_id = models.CharField(max_length=40)
    # None: the person chose to skip this (optional) item.
    value = models.SmallIntegerField(null=True, blank=True)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sitting", "item_id"], name="assess_one_response_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item_id}={self.value}"
