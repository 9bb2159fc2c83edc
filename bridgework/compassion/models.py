from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from bridgework.core.fields import EncryptedTextField

# One answer of an exercise, or one kindness note: generous, but not a novel.
ANSWER_MAX = 5000
FROM_MAX = 80

HARSHNESS = [MinValueValidator(0), MaxValueValidator(10)]

# What came your way.
KIND_CHOICES = [
    ("help", "Help"),
    ("thanks", "Thanks"),
    ("praise", "Praise or a compliment"),
    ("care", "Care or concern"),
]
# How you responded. "accepted" and "thanked" count as letting it land.
RESPONSE_CHOICES = [
    ("deflected", "I waved it off or played it down"),
    ("repaid", "I paid it back at once"),
    ("accepted", "I accepted it"),
    ("thanked", "I said thank you and let it be"),
]
ACCEPTED_RESPONSES = frozenset({"accepted", "thanked"})


class PracticeSession(models.Model):
    """One time through a self-compassion exercise (``content.exercises()`` by id).

    The answers are the person's own words, encrypted. The optional before/after ratings
    ("how harsh is my inner voice", 0–10) let change show over time.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="compassion_sessions"
    )
    exercise = models.CharField(max_length=20)
    date = models.DateField(default=timezone.localdate)
    answer_1 = EncryptedTextField(blank=True, default="")
    answer_2 = EncryptedTextField(blank=True, default="")
    answer_3 = EncryptedTextField(blank=True, default="")
    harsh_before = models.PositiveSmallIntegerField(null=True, blank=True, validators=HARSHNESS)
    harsh_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=HARSHNESS)
    created_at = models.DateTimeField(auto_now_add=True)

    ANSWER_FIELDS = ("answer_1", "answer_2", "answer_3")

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(harsh_before__lte=10) | models.Q(harsh_before__isnull=True),
                name="compassion_session_before_0_10",
            ),
            models.CheckConstraint(
                condition=models.Q(harsh_after__lte=10) | models.Q(harsh_after__isnull=True),
                name="compassion_session_after_0_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} on {self.date}"

    @property
    def answers(self) -> list[str]:
        return [getattr(self, name) for name in self.ANSWER_FIELDS]


class Kindness(models.Model):
    """Help, thanks, praise or care that came the person's way, and how they met it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kindnesses"
    )
    date = models.DateField(default=timezone.localdate)
    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    # Someone in the circle, or a name typed here (encrypted), or nobody named.
    person = models.ForeignKey(
        "circle.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_name = EncryptedTextField(blank=True, default="")
    what = EncryptedTextField()
    response = models.CharField(max_length=10, choices=RESPONSE_CHOICES)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-date"])]
        verbose_name_plural = "kindnesses"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=[k for k, _ in KIND_CHOICES]),
                name="compassion_kindness_kind_known",
            ),
            models.CheckConstraint(
                condition=models.Q(response__in=[r for r, _ in RESPONSE_CHOICES]),
                name="compassion_kindness_response_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.date}"

    @property
    def accepted(self) -> bool:
        return self.response in ACCEPTED_RESPONSES

    @property
    def from_label(self) -> str:
        if self.person_id is not None and self.person is not None:
            return self.person.name
        return self.from_name
