"""The care team: clinicians, the person's invitations, what each clinician may see, and
the record of every look.

Privacy model in one paragraph: a clinician sees nothing until the person has redeemed
an invitation *and* ticked an area on that link. Consent lives on the link (one row per
person–clinician pair) and is read on every request, so a change takes effect on the
clinician's next page. Journal entries are never shared as an area, only one by one
(``SharedEntry``). Every clinician page that shows a person's data writes an ``AccessLog``
row the person can read.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from bridgework.core.fields import EncryptedTextField

# The areas a person can share. Journal entries are shared one by one (SharedEntry).
AREA_CHOICES = [
    ("assessments", "Questionnaire scores and reliable change"),
    ("ladder", "Practice ladder progress"),
    ("checkins", "Check-in trends and insights"),
    ("circle", "Circle summary"),
    ("safety_plan", "Safety plan"),
]
AREAS = [value for value, _ in AREA_CHOICES]
AREA_LABELS = dict(AREA_CHOICES)

# What an audit row can name: the areas, plus the pages that are not an area.
LOOK_CHOICES = [
    *AREA_CHOICES,
    ("journal", "A journal entry you shared"),
    ("overview", "Which areas you share"),
    ("dashboard", "A line on the clinician's client list"),
    ("report", "A PDF report"),
]
LOOK_LABELS = dict(LOOK_CHOICES)


class ClinicianProfile(models.Model):
    """Marks an account as a clinician's, with how they introduce themselves."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician_profile"
    )
    name = EncryptedTextField("Your name as clients know you")
    profession = EncryptedTextField("Profession", help_text="For example: clinical psychologist.")
    organisation = EncryptedTextField("Organisation or practice", blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name

    @property
    def introduction(self) -> str:
        parts = [self.name, self.profession, self.organisation]
        return ", ".join(part for part in parts if part)


class Invitation(models.Model):
    """A one-use code the person gives to their clinician; only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_invitations"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    redeemed_at = models.DateTimeField(null=True, blank=True)
    link = models.OneToOneField(
        "CareLink", on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"invitation {self.pk}"


class CareLink(models.Model):
    """One person–clinician link and what the person shares on it (default: nothing).

    ``user`` is the person (the owner, as everywhere in the app); ended links stay so the
    audit keeps naming who looked.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_links"
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_clients"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    consent_changed_at = models.DateTimeField(null=True, blank=True)
    assessments = models.BooleanField(
        "Questionnaire scores and reliable change",
        default=False,
        help_text="PHQ-9, GAD-7, PSS-10 and the Bridgework inventory: totals, bands, change.",
    )
    ladder = models.BooleanField(
        "Practice ladder progress",
        default=False,
        help_text="Your steps, attempts with their discomfort ratings, and what is mastered.",
    )
    ladder_notes = models.BooleanField(
        "…and the notes on the ladder",
        default=False,
        help_text="What you feared, who with, what happened and what you learned.",
    )
    checkins = models.BooleanField(
        "Check-in trends and insights",
        default=False,
        help_text="Mood, stress and sleep over time, and the patterns the app noticed.",
    )
    circle = models.BooleanField(
        "Circle summary",
        default=False,
        help_text="How many people are in each ring and the balance of give and take.",
    )
    circle_names = models.BooleanField(
        "…and the names in your circle",
        default=False,
        help_text="Without this, nobody in your circle is named.",
    )
    safety_plan = models.BooleanField(
        "Safety plan",
        default=False,
        help_text="Your safety plan as you wrote it.",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "clinician"],
                condition=models.Q(ended_at__isnull=True),
                name="care_one_open_link_per_pair",
            )
        ]
        indexes = [models.Index(fields=["clinician", "ended_at"], name="care_link_clinician")]

    def __str__(self) -> str:
        return f"care link {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    def shares(self, area: str) -> bool:
        """Whether the person shares ``area`` on this open link."""
        if area not in AREAS:
            raise ValueError(f"unknown area {area!r}")
        return self.is_open and bool(getattr(self, area))

    @property
    def shared_areas(self) -> list[str]:
        return [area for area in AREAS if self.shares(area)]

    @property
    def shared_area_labels(self) -> list[str]:
        return [AREA_LABELS[area] for area in self.shared_areas]

    @property
    def shares_anything(self) -> bool:
        return bool(self.shared_areas)


class SharedEntry(models.Model):
    """One journal entry the person chose to show to one clinician."""

    link = models.ForeignKey(CareLink, on_delete=models.CASCADE, related_name="shared_entries")
    entry = models.ForeignKey(
        "journal.Entry", on_delete=models.CASCADE, related_name="care_shares"
    )
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-shared_at"]
        constraints = [
            models.UniqueConstraint(fields=["link", "entry"], name="care_share_entry_once")
        ]

    def __str__(self) -> str:
        return f"entry {self.entry_id} on link {self.link_id}"


class AccessLog(models.Model):
    """One look by a clinician at something of the person's; the person can read them all."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_looks"
    )
    # Kept when the link goes (a clinician deleting their account): the person's record
    # of who looked must outlive it, so the name is copied at the time of the look.
    link = models.ForeignKey(
        CareLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="looks"
    )
    clinician_name = EncryptedTextField(blank=True, default="")
    area = models.CharField(max_length=20, choices=LOOK_CHOICES)
    object_id = models.CharField(max_length=40, blank=True, default="")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"], name="care_look_user_at")]

    def __str__(self) -> str:
        return f"{self.area} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def area_label(self) -> str:
        return LOOK_LABELS.get(self.area, self.area)
