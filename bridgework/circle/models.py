"""The support circle (people, in rings) and the reciprocity ledger (exchanges).

Names and notes are encrypted at rest, so nothing here can be sorted or searched by them
in SQL: fetch the owner's rows, then sort in memory (see ``services.people_for``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from bridgework.core.fields import EncryptedTextField
from bridgework.safety.models import easiest_to_ask_first

from .observations import KINDS, RINGS

RING_CHOICES = [
    ("close", "Close"),
    ("middle", "Middle"),
    ("outer", "Outer"),
]
KIND_CHOICES = [
    ("listening", "Listening and emotional support"),
    ("practical", "Practical help"),
    ("information", "Information and advice"),
    ("company", "Company"),
]
SIZE_CHOICES = [("small", "Small"), ("medium", "Medium"), ("large", "Large")]
DIRECTION_CHOICES = [("gave", "I gave"), ("received", "I received")]

# The pure modules (observations.py, circlemap.py) keep the same ids as plain tuples;
# tests/test_models.py checks that the two never drift apart.
KIND_LABELS = dict(KIND_CHOICES)
RING_LABELS = dict(RING_CHOICES)

NAME_MAX = 80
NOTE_MAX = 2000
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Person(models.Model):
    """Someone in the user's life, placed in one ring of their circle."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_people"
    )
    name = EncryptedTextField()
    ring = models.CharField(max_length=10, choices=RING_CHOICES)
    # A list of KIND_CHOICES ids; a JSON list keeps "several kinds" to one column.
    helps_with = models.JSONField(default=list, blank=True)
    comfort = models.PositiveSmallIntegerField(validators=PERCENT)
    note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(comfort__gte=0, comfort__lte=100),
                name="circle_person_comfort_0_100",
            ),
            models.CheckConstraint(
                condition=models.Q(ring__in=RINGS), name="circle_person_ring_known"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def helps_with_labels(self) -> list[str]:
        return [KIND_LABELS[kind] for kind in KINDS if kind in self.helps_with]

    @property
    def ring_label(self) -> str:
        return RING_LABELS[self.ring]


def by_comfort(people: Iterable[Person]) -> list[Person]:
    """Easiest to ask first: highest comfort, then by name (the safety plan's order)."""
    return easiest_to_ask_first(people)


class Exchange(models.Model):
    """One ordinary act of giving or receiving, logged in the reciprocity ledger."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_exchanges"
    )
    # Kept when the person is removed from the circle: the history still counts.
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="exchanges"
    )
    direction = models.CharField(max_length=10, choices=DIRECTION_CHOICES)
    kind = models.CharField(max_length=12, choices=KIND_CHOICES)
    size = models.CharField(max_length=6, choices=SIZE_CHOICES, default="small")
    # How uncomfortable receiving felt (0 = not at all, 100 = very); optional.
    discomfort = models.PositiveSmallIntegerField(null=True, blank=True, validators=PERCENT)
    occurred_on = models.DateField()
    note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-created_at"]
        indexes = [
            models.Index(fields=["user", "occurred_on"]),
            # The ledger's totals per person (grouped by person over the whole history)
            # read from this index alone, in its order: at five years of exchanges 1.7 ms
            # -> 0.8 ms, where the table's rows had to be read and sorted.
            models.Index(fields=["user", "person", "direction", "size", "occurred_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(discomfort__isnull=True)
                | models.Q(discomfort__gte=0, discomfort__lte=100),
                name="circle_exchange_discomfort_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.kind} on {self.occurred_on}"

    @property
    def person_label(self) -> str:
        return self.person.name if self.person is not None else "someone you removed"


class DismissedObservation(models.Model):
    """The user hid an observation; it stays hidden for a while (see observations.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="circle_dismissed_observations",
    )
    key = models.CharField(max_length=60)
    dismissed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="circle_dismissal_once")
        ]

    def __str__(self) -> str:
        return self.key
