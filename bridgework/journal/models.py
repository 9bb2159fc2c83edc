from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from bridgework.core.fields import EncryptedTextField

MAX_BODY_CHARS = 100_000


class Entry(models.Model):
    """One journal entry. The text is encrypted at rest and only readable by its owner."""

    MOOD_CHOICES = [
        ("", "No mood tag"),
        ("calm", "Calm"),
        ("content", "Content"),
        ("hopeful", "Hopeful"),
        ("tired", "Tired"),
        ("anxious", "Anxious"),
        ("low", "Low"),
        ("frustrated", "Frustrated"),
        ("lonely", "Lonely"),
        ("numb", "Numb"),
        ("mixed", "Mixed"),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    date = models.DateField(default=timezone.localdate, db_index=True)
    # A prompt id from data/prompts.yaml, or empty for free writing.
    prompt_id = models.CharField(max_length=40, blank=True)
    mood = models.CharField(max_length=20, choices=MOOD_CHOICES, blank=True)
    body = EncryptedTextField()
    # Pattern ids the person chose to hide for this entry.
    dismissed_patterns = models.JSONField(default=list, blank=True)
    # What crisis screening found when the text was saved ("none", "concern", "urgent"),
    # so viewing an entry does not screen it again. "" for an entry saved before levels
    # were stored (or imported from such an export): it is screened once when first shown.
    screening_level = models.CharField(max_length=10, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["user", "-date"])]
        verbose_name_plural = "entries"

    def __str__(self) -> str:
        return f"entry {self.pk} on {self.date}"

    @property
    def prompt_text(self) -> str:
        from .prompts import prompts_by_id

        prompt = prompts_by_id().get(self.prompt_id)
        return prompt.text if prompt else ""

    def dismiss_pattern(self, pattern_id: str) -> None:
        if pattern_id not in self.dismissed_patterns:
            self.dismissed_patterns = [*self.dismissed_patterns, pattern_id]
            self.save(update_fields=["dismissed_patterns", "updated_at"])
