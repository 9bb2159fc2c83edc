from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import models

from bridgework.core.fields import EncryptedTextField


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
    # Set when the person has answered the gentle follow-up offered afterwards.
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.level} from {self.source} at {self.created_at:%Y-%m-%d %H:%M}"


def easiest_to_ask_first(people: Iterable[Any]) -> list[Any]:
    """Circle people by comfort (highest first), then by name — in memory, as names are
    encrypted."""
    return sorted(people, key=lambda person: (-person.comfort, person.name.casefold(), person.pk))


DEFAULT_HELP_MESSAGE = (
    "Hi, I'm having a really hard time right now and I don't want to be alone with it. "
    "Could you call me or come over when you can?"
)


class SafetyPlan(models.Model):
    """A Stanley–Brown safety plan in the person's own words; every field is encrypted."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    warning_signs = EncryptedTextField(blank=True)
    coping_alone = EncryptedTextField(blank=True)
    distractions = EncryptedTextField(blank=True)
    helpers = EncryptedTextField(blank=True)
    # Step 4 can also name people from the user's circle (only their own: see forms.py
    # and services.safety_plan_save). Removing someone from the circle drops them here.
    # A string reference: the safety app imports no other app (every app imports it).
    circle_helpers = models.ManyToManyField("circle.Person", blank=True, related_name="safety_plans")
    professionals = EncryptedTextField(blank=True)
    environment = EncryptedTextField(blank=True)
    reasons = EncryptedTextField(blank=True)
    # The one person a pre-written message goes to — only when the person taps it.
    contact_name = EncryptedTextField(blank=True)
    contact_phone = EncryptedTextField(blank=True)
    contact_email = EncryptedTextField(blank=True)
    contact_message = EncryptedTextField(blank=True, default=DEFAULT_HELP_MESSAGE)
    updated_at = models.DateTimeField(auto_now=True)

    SECTION_FIELDS = [
        "warning_signs",
        "coping_alone",
        "distractions",
        "helpers",
        "professionals",
        "environment",
        "reasons",
    ]
    TEXT_FIELDS = [
        *SECTION_FIELDS,
        "contact_name",
        "contact_phone",
        "contact_email",
        "contact_message",
    ]
    # The form's headings; screening reads each answer under its heading (see services).
    LABELS = {
        "warning_signs": "1. My warning signs",
        "coping_alone": "2. Things I can do on my own to feel a little better",
        "distractions": "3. People and places that take my mind off things",
        "helpers": "4. People I can ask for help",
        "circle_helpers": "People from my circle I can ask for help",
        "professionals": "5. Professionals and crisis lines I can contact",
        "environment": "6. Making my surroundings safer",
        "reasons": "7. My reasons to keep going",
        "contact_name": "A person I would message when things get hard",
        "contact_phone": "Their phone number",
        "contact_email": "Their email address",
        "contact_message": "The message I would send them",
    }
    # Everything the person writes in words (not the phone number or e-mail address).
    SCREENED_FIELDS = [*SECTION_FIELDS, "contact_name", "contact_message"]

    def __str__(self) -> str:
        return f"safety plan of user {self.user_id}"

    @property
    def is_empty(self) -> bool:
        """No section written and nobody chosen (the last check is a query unless prefetched)."""
        if any(getattr(self, name).strip() for name in self.SECTION_FIELDS):
            return False
        return not self.chosen_people

    @property
    def chosen_people(self) -> list[Any]:
        """The circle people chosen for step 4, easiest to ask first.

        One query unless ``circle_helpers`` was prefetched; none for an unsaved plan.
        """
        if self.pk is None:
            return []
        return easiest_to_ask_first(self.circle_helpers.all())

    @property
    def sms_href(self) -> str:
        digits = "".join(ch for ch in self.contact_phone if ch.isdigit() or ch == "+")
        return f"sms:{digits}?&body={quote(self.contact_message)}" if digits else ""

    @property
    def mailto_href(self) -> str:
        if "@" not in self.contact_email:
            return ""
        subject = quote("Could you reach out to me?")
        return f"mailto:{quote(self.contact_email.strip(), safe='@')}?subject={subject}&body={quote(self.contact_message)}"
