"""Write paths of the voice studio.

Every write that saves free text screens it first (pure, the slow part, outside the
transaction) and records a crisis result inside the short write; saving is never blocked.
Validation lives in ``forms``; these functions get cleaned data.
"""

from __future__ import annotations

import inspect
from datetime import date
from typing import NotRequired, TypedDict, Unpack, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bridgework.circle.models import Person
from bridgework.ladder.models import Attempt, Step
from bridgework.safety.services import screen_texts, screening_record
from bridgework.screening.crisis import Screening

from .feedback import ISSUE_IDS, Feedback, check
from .models import Message

SOURCE = "voice.message"
TEXT_FIELDS = ("title", "to_name", "situation", "feeling", "need", "request", "offer", "draft", "send_to")


def _check_owner(user: User, person: Person | None, step: Step | None) -> None:
    # A message may only name the same user's circle person and ladder step.
    errors = {}
    if person is not None and person.user_id != user.pk:
        errors["person"] = "Choose someone from your circle."
    if step is not None and step.user_id != user.pk:
        errors["step"] = "Choose a step from your ladder."
    if errors:
        raise ValidationError(errors)


def _strip(text: str | None) -> str:
    return (text or "").strip()


class MessageWords(TypedDict):
    """What a person writes in a message and whom it is for (``MessageForm.cleaned_data``)."""

    title: str
    to_name: NotRequired[str]
    situation: NotRequired[str]
    feeling: NotRequired[str]
    need: NotRequired[str]
    request: NotRequired[str]
    offer: NotRequired[str]
    draft: NotRequired[str]
    send_to: NotRequired[str]
    person: NotRequired[Person | None]
    step: NotRequired[Step | None]


def _message_save(
    *, user: User, message: Message, words: MessageWords, update_fields: list[str] | None
) -> tuple[Message, Screening]:
    person, step = words.get("person"), words.get("step")
    _check_owner(user, person, step)
    for name in TEXT_FIELDS:
        setattr(message, name, _strip(cast(str | None, words.get(name))))
    message.person, message.step = person, step
    message.full_clean()
    screening = screen_texts(*(getattr(message, name) for name in TEXT_FIELDS))
    with transaction.atomic():
        message.save(update_fields=update_fields)
        screening_record(user=user, screening=screening, source=SOURCE)
    return message, screening


def message_create(
    *, user: User, script_slug: str = "", **words: Unpack[MessageWords]
) -> tuple[Message, Screening]:
    message = Message(user=user, script_slug=script_slug)
    return _message_save(user=user, message=message, words=words, update_fields=None)


def message_update(
    *, user: User, message: Message, **words: Unpack[MessageWords]
) -> tuple[Message, Screening]:
    """Change the message's own words and links. Dismissed notes stay dismissed."""
    fields = [*TEXT_FIELDS, "person", "step", "updated_at"]
    return _message_save(user=user, message=message, words=words, update_fields=fields)


def message_delete(*, user: User, message: Message) -> None:
    """Delete a message. A ladder attempt it recorded stays on the ladder."""
    if message.user_id != user.pk:
        raise ValidationError("Not your message.")
    message.delete()


def message_dismiss(*, user: User, message: Message, issue: str, undo: bool = False) -> list[str]:
    """Dismiss (or bring back) one feedback note on this draft; returns the dismissed ids."""
    if issue not in ISSUE_IDS:
        raise ValidationError({"issue": "That note was not understood."})
    dismissed = [i for i in message.dismissed if i in ISSUE_IDS and i != issue]
    if not undo:
        dismissed.append(issue)
    message.dismissed = sorted(set(dismissed), key=ISSUE_IDS.index)
    message.save(update_fields=["dismissed", "updated_at"])
    return message.dismissed


def message_feedback(message: Message) -> tuple[Feedback, list[str]]:
    """The feedback on the message's text, and which of its notes the person dismissed."""
    result = check(message.text)
    dismissed = [i for i in message.dismissed if i in result.ids]
    return result, dismissed


def message_predict(
    *, user: User, message: Message, prediction: str, predicted_discomfort: int | None = None
) -> tuple[Message, Screening]:
    """Record what the person expects before sending (set beside what happens in the debrief)."""
    message.prediction = _strip(prediction)
    message.predicted_discomfort = predicted_discomfort
    message.full_clean()
    screening = screen_texts(message.prediction)
    with transaction.atomic():
        message.save(update_fields=["prediction", "predicted_discomfort", "updated_at"])
        screening_record(user=user, screening=screening, source=SOURCE)
    return message, screening


def message_mark_sent(*, user: User, message: Message) -> Message:
    if message.user_id != user.pk:
        raise ValidationError("Not your message.")
    message.sent_at = timezone.now()
    message.save(update_fields=["sent_at", "updated_at"])
    return message


def debrief_text(message: Message, what_happened: str) -> str:
    """The attempt's "what happened", with the prediction made before sending above it."""
    what_happened = _strip(what_happened)
    if not message.prediction:
        return what_happened
    before = f"Before sending I expected: {message.prediction}"
    return f"{before}\n\nWhat happened: {what_happened}" if what_happened else before


def _attempt_log(*, user: User, step: Step, **fields: object) -> tuple[Attempt, Screening]:
    # The ladder's service is becoming keyword-only with ``user``; pass it when it takes it.
    from bridgework.ladder import services as ladder

    if "user" in inspect.signature(ladder.attempt_log).parameters:
        return ladder.attempt_log(user=user, step=step, **fields)  # type: ignore[arg-type, call-arg, unused-ignore]
    return ladder.attempt_log(step=step, **fields)  # type: ignore[arg-type, unused-ignore]


def message_debrief(
    *,
    user: User,
    message: Message,
    step: Step,
    happened_on: date,
    discomfort_before: int,
    discomfort_peak: int,
    discomfort_after: int,
    feared_happened: str,
    response: str,
    what_happened: str = "",
    learned: str = "",
) -> tuple[Attempt, Screening]:
    """Log the sending as an attempt on the ladder step, with the prediction made before it."""
    _check_owner(user, None, step)
    with transaction.atomic():
        attempt, screening = _attempt_log(
            user=user,
            step=step,
            happened_on=happened_on,
            discomfort_before=discomfort_before,
            discomfort_peak=discomfort_peak,
            discomfort_after=discomfort_after,
            feared_happened=feared_happened,
            response=response,
            what_happened=debrief_text(message, what_happened),
            learned=_strip(learned),
        )
        now = timezone.now()
        message.step = step
        message.attempt = attempt
        message.debriefed_at = now
        fields = ["step", "attempt", "debriefed_at", "updated_at"]
        if message.sent_at is None:
            message.sent_at = now
            fields.append("sent_at")
        message.save(update_fields=fields)
    return attempt, screening
