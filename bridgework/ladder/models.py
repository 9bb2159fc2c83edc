from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

from bridgework.core.fields import EncryptedTextField
from bridgework.core.validators import validate_lived_date

from .mastery import AttemptFacts

# Ratings are whole numbers from 0 (none at all) to 100 (the most I can imagine).
RATING_VALIDATORS = [
    MinValueValidator(0, "Use a number from 0 to 100."),
    MaxValueValidator(100, "Use a number from 0 to 100."),
]
SHORT_TEXT = [MaxLengthValidator(300)]
LONG_TEXT = [MaxLengthValidator(5000)]


def validate_not_in_future(value: date) -> None:
    # Named in migrations; also refuses dates before 1900 (a mistyped year).
    validate_lived_date(
        value, future="That date is in the future. Log a practice once it has happened."
    )


class Kind(models.TextChoices):
    ASK = "ask", "Ask for help"
    ACCEPT = "accept", "Accept help that is offered"
    SHARE = "share", "Share a feeling or a struggle"
    RECIPROCITY = "reciprocity", "Give and receive"
    BOUNDARY = "boundary", "Say no or set a boundary"


class Override(models.TextChoices):
    RULE = "", "Follow the rule"
    MASTERED = "mastered", "Mark as mastered"
    PRACTISING = "practising", "Keep practising"


class Step(models.Model):
    """One rung of the person's ladder: something they will try, and what they predict.

    ``who`` is free text; ``person`` optionally links someone from the user's circle.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ladder_steps"
    )
    what = EncryptedTextField("What I will do", validators=SHORT_TEXT)
    kind = models.CharField("Kind of step", max_length=20, choices=Kind.choices)
    who = EncryptedTextField("Who with", blank=True, default="", validators=SHORT_TEXT)
    # Optional link to someone in the user's circle; removing them keeps the step.
    person = models.ForeignKey(
        "circle.Person",
        verbose_name="Someone from my circle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ladder_steps",
    )
    expected_discomfort = models.PositiveSmallIntegerField(
        "How uncomfortable I expect it to be (0–100)", validators=RATING_VALIDATORS
    )
    feared_outcome = EncryptedTextField(
        "What I fear will happen", blank=True, default="", validators=SHORT_TEXT
    )
    feared_likelihood = models.PositiveSmallIntegerField(
        "How likely I think that is (0–100 %)", validators=RATING_VALIDATORS
    )
    # The person's own order; new steps are slotted in by expected discomfort.
    position = models.PositiveIntegerField(default=0)
    override = models.CharField(max_length=12, choices=Override.choices, blank=True, default="")
    override_at = models.DateTimeField(null=True, blank=True)
    # The library template this step was adopted from, if any (templates live in a file).
    template_slug = models.SlugField(max_length=80, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "expected_discomfort", "id"]
        indexes = [models.Index(fields=["user", "position"], name="ladder_step_user_pos")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expected_discomfort__lte=100)
                & models.Q(feared_likelihood__lte=100),
                name="ladder_step_ratings_0_100",
            )
        ]

    def __str__(self) -> str:
        return self.what


class FearedHappened(models.TextChoices):
    NO = "no", "No"
    PARTLY = "partly", "Partly"
    YES = "yes", "Yes"


class Response(models.TextChoices):
    BETTER = "better", "Better than I predicted"
    SAME = "same", "About the same"
    WORSE = "worse", "Worse than I predicted"


class Attempt(models.Model):
    """One real-world try at a step: discomfort before, at the peak and after, and what happened."""

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="attempts")
    happened_on = models.DateField("When", validators=[validate_not_in_future])
    discomfort_before = models.PositiveSmallIntegerField("Before", validators=RATING_VALIDATORS)
    discomfort_peak = models.PositiveSmallIntegerField("At the peak", validators=RATING_VALIDATORS)
    discomfort_after = models.PositiveSmallIntegerField("After", validators=RATING_VALIDATORS)
    feared_happened = models.CharField(
        "Did the outcome I feared happen?", max_length=8, choices=FearedHappened.choices
    )
    response = models.CharField(
        "How did the other person respond, compared with my prediction?",
        max_length=8,
        choices=Response.choices,
    )
    what_happened = EncryptedTextField(
        "What actually happened", blank=True, default="", validators=LONG_TEXT
    )
    learned = EncryptedTextField("What I learned", blank=True, default="", validators=LONG_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["happened_on", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(discomfort_before__lte=100)
                & models.Q(discomfort_peak__lte=100)
                & models.Q(discomfort_after__lte=100),
                name="ladder_attempt_ratings_0_100",
            )
        ]

    def __str__(self) -> str:
        return f"{self.happened_on}: {self.discomfort_peak}"

    def facts(self) -> AttemptFacts:
        return AttemptFacts(
            peak=self.discomfort_peak,
            feared_happened=self.feared_happened,
            happened_on=self.happened_on,
        )
