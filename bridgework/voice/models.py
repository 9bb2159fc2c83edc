"""A message the person is preparing: its parts, their own draft, and how it went.

Every free text is encrypted at rest. A message may belong to a ladder step and to a
person in the circle (both the same user's; ``services`` checks it) and, once debriefed,
points at the ladder attempt that recorded it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

from bridgework.core.fields import EncryptedTextField

from .compose import Parts

SHORT_TEXT = [MaxLengthValidator(300)]
PART_TEXT = [MaxLengthValidator(1000)]
DRAFT_TEXT = [MaxLengthValidator(5000)]


class Message(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="voice_messages"
    )
    title = EncryptedTextField("A short name for it", validators=SHORT_TEXT)
    to_name = EncryptedTextField("Who it is for", blank=True, default="", validators=SHORT_TEXT)
    situation = EncryptedTextField("What happened, in plain facts", blank=True, default="", validators=PART_TEXT)
    feeling = EncryptedTextField("What I feel", blank=True, default="", validators=PART_TEXT)
    need = EncryptedTextField("What I need", blank=True, default="", validators=PART_TEXT)
    request = EncryptedTextField("My request: who, what, when", blank=True, default="", validators=PART_TEXT)
    offer = EncryptedTextField("What I can offer, or my thanks", blank=True, default="", validators=PART_TEXT)
    # The person's own wording; when empty, the text built from the parts is used.
    draft = EncryptedTextField("The message in my own words", blank=True, default="", validators=DRAFT_TEXT)
    send_to = EncryptedTextField("Phone number or e-mail", blank=True, default="", validators=SHORT_TEXT)
    person = models.ForeignKey(
        "circle.Person",
        verbose_name="Someone from my circle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voice_messages",
    )
    step = models.ForeignKey(
        "ladder.Step",
        verbose_name="A step on my ladder",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voice_messages",
    )
    # The boundary script this message started from, if any (scripts live in a file).
    script_slug = models.SlugField(max_length=80, blank=True, default="")
    # Feedback notes the person dismissed for this draft: a list of issue ids.
    dismissed = models.JSONField(default=list, blank=True)
    # Before sending: the person's prediction, kept to set beside what really happened.
    prediction = EncryptedTextField("What I expect will happen", blank=True, default="", validators=PART_TEXT)
    predicted_discomfort = models.PositiveSmallIntegerField(
        "How uncomfortable I expect sending it to be (0–100)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "Use a number from 0 to 100."), MaxValueValidator(100, "Use a number from 0 to 100.")],
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    attempt = models.ForeignKey(
        "ladder.Attempt", on_delete=models.SET_NULL, null=True, blank=True, related_name="voice_messages"
    )
    debriefed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["user", "-updated_at"], name="voice_message_user_upd")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(predicted_discomfort__isnull=True) | models.Q(predicted_discomfort__lte=100),
                name="voice_message_discomfort_0_100",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def parts(self) -> Parts:
        return Parts(
            to_name=self.to_name,
            situation=self.situation,
            feeling=self.feeling,
            need=self.need,
            request=self.request,
            offer=self.offer,
        )

    @property
    def text(self) -> str:
        """What gets checked and sent: the person's own draft, or the text built from the parts."""
        return self.draft.strip() or self.parts.text_message()

    @property
    def spoken(self) -> str:
        """Words to say aloud: the person's own draft if they wrote one, else built from the parts."""
        return self.draft.strip() or self.parts.spoken()

    @property
    def email_subject(self) -> str:
        return self.parts.email_subject() if (self.request or self.need) else self.title

    @property
    def email_body(self) -> str:
        return self.draft.strip() or self.parts.email_body()

    @property
    def debriefed(self) -> bool:
        return self.debriefed_at is not None
