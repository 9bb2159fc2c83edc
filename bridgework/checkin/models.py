from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

from bridgework.core.fields import EncryptedTextField

MAX_NOTE_CHARS = 2000
# How far back a check-in can be filled in (today plus the 7 days before it).
PAST_DAYS = 7


def scale(low: int, high: int) -> list[MinValueValidator | MaxValueValidator]:
    message = f"Use a whole number from {low} to {high}."
    return [MinValueValidator(low, message), MaxValueValidator(high, message)]


class BodySign(models.TextChoices):
    TENSION = "tension", "Tension"
    HEADACHE = "headache", "Headache"
    STOMACH = "stomach", "Stomach trouble"
    JAW = "jaw", "Tight jaw"
    TIREDNESS = "tiredness", "Tiredness"
    RACING_HEART = "racing_heart", "Racing heart"


class Mood(models.IntegerChoices):
    VERY_LOW = 1, "Very low"
    LOW = 2, "Low"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class SleepQuality(models.IntegerChoices):
    POOR = 1, "Poor"
    RESTLESS = 2, "Restless"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    DEEP = 5, "Deep"


class CheckIn(models.Model):
    """One day's check-in. Every measure may be left out; one check-in per person per day.

    Scales: stress, energy, numbness and "did it all alone" 0–10; mood and sleep quality
    1–5; sleep in hours (0–24, halves); help asked/accepted are counts of times that day.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    date = models.DateField()
    mood = models.PositiveSmallIntegerField(choices=Mood.choices, null=True, blank=True)
    stress = models.PositiveSmallIntegerField(null=True, blank=True, validators=scale(0, 10))
    energy = models.PositiveSmallIntegerField(null=True, blank=True, validators=scale(0, 10))
    sleep_hours = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0, "Use a number of hours from 0 to 24."),
            MaxValueValidator(24, "Use a number of hours from 0 to 24."),
        ],
    )
    sleep_quality = models.PositiveSmallIntegerField(
        choices=SleepQuality.choices, null=True, blank=True
    )
    body_signs = models.JSONField(default=list, blank=True)
    numbness = models.PositiveSmallIntegerField(null=True, blank=True, validators=scale(0, 10))
    alone = models.PositiveSmallIntegerField(
        "Today I did it all alone", null=True, blank=True, validators=scale(0, 10)
    )
    help_asked = models.PositiveSmallIntegerField(
        "Times I asked for help", null=True, blank=True, validators=scale(0, 50)
    )
    help_accepted = models.PositiveSmallIntegerField(
        "Times I accepted help", null=True, blank=True, validators=scale(0, 50)
    )
    # Words from data/feelings.yaml the person chose ("Name the feeling").
    feelings = models.JSONField(default=list, blank=True)
    note = EncryptedTextField(
        blank=True, default="", validators=[MaxLengthValidator(MAX_NOTE_CHARS)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="checkin_one_per_day"),
        ]

    def __str__(self) -> str:
        return f"check-in on {self.date}"

    def body_sign_labels(self) -> list[str]:
        labels = dict(BodySign.choices)
        return [str(labels.get(sign, sign)) for sign in self.body_signs]


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Weekday(models.IntegerChoices):
    MON = 0, "Mon"
    TUE = 1, "Tue"
    WED = 2, "Wed"
    THU = 3, "Thu"
    FRI = 4, "Fri"
    SAT = 5, "Sat"
    SUN = 6, "Sun"


class Reminder(models.Model):
    """When the person wants a nudge to check in, and how (calendar feed, e-mail)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_reminder"
    )
    time = models.TimeField(default="20:00")
    # Weekday numbers, Monday = 0.
    days = models.JSONField(default=list, blank=True)
    email = models.BooleanField("Send me an e-mail", default=False)
    # The secret in the calendar feed's URL; revoking it makes a new one.
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"reminder for user {self.user_id}"


class Delivery(models.Model):
    """One e-mail reminder for one person and local day: at most one per day, retried
    with back-off when the send fails, and shown to the person on the reminders page."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        RETRYING = "retrying", "Failed, will try again"
        FAILED = "failed", "Failed, gave up"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_deliveries"
    )
    day = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="checkin_one_reminder_a_day"),
        ]
        indexes = [models.Index(fields=["status", "next_try_at"])]

    def __str__(self) -> str:
        return f"reminder for user {self.user_id} on {self.day}: {self.status}"
