from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, Literal

from pydantic import Field, field_validator

from bridgework.core.importing import IdMap, Row, parse, restore

from .feelings import feeling_index
from .models import MAX_NOTE_CHARS, CheckIn, Delivery, Reminder

PATH = "data.checkin"
BodySignId = Literal["tension", "headache", "stomach", "jaw", "tiredness", "racing_heart"]


class CheckInRow(Row):
    date: date
    mood: int | None = None
    stress: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    body_signs: list[BodySignId] = []
    numbness: int | None = None
    alone: int | None = None
    help_asked: int | None = None
    help_accepted: int | None = None
    feelings: list[str] = []
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @field_validator("feelings")
    @classmethod
    def _known(cls, words: list[str]) -> list[str]:
        known = feeling_index()
        for word in words:
            if word not in known:
                raise ValueError(f"{word!r} is not one of the feeling words")
        return words


class ReminderRow(Row):
    time: time
    days: list[int] = Field(default=[], max_length=7)
    email: bool = False

    @field_validator("days")
    @classmethod
    def _weekdays(cls, days: list[int]) -> list[int]:
        if any(not 0 <= day <= 6 for day in days):
            raise ValueError("days are 0 (Monday) to 6 (Sunday)")
        return sorted(set(days))


class DeliveryRow(Row):
    day: date
    status: Literal["pending", "sent", "retrying", "failed"]
    attempts: int = Field(default=0, ge=0, le=100)
    sent_at: datetime | None = None
    last_error: str = Field(default="", max_length=300)


class CheckinData(Row):
    checkins: list[CheckInRow] = []
    reminder: ReminderRow | None = None
    deliveries: list[DeliveryRow] = []


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    parsed = parse(CheckinData, data, PATH)
    for index, row in enumerate(parsed.checkins):
        checkin = CheckIn(
            user=user,
            **row.model_dump(exclude={"created_at", "updated_at", "sleep_hours"}),
            sleep_hours=None if row.sleep_hours is None else round(row.sleep_hours, 1),
        )
        restore(
            checkin, f"{PATH}.checkins[{index}]", created_at=row.created_at, updated_at=row.updated_at
        )
    created = len(parsed.checkins)
    if parsed.reminder is not None:
        reminder = Reminder(user=user, **parsed.reminder.model_dump())
        restore(reminder, f"{PATH}.reminder")
        created += 1
    for index, delivery_row in enumerate(parsed.deliveries):
        # Old sends are history: nothing is re-sent after an import.
        status = "failed" if delivery_row.status in ("pending", "retrying") else delivery_row.status
        delivery = Delivery(user=user, **{**delivery_row.model_dump(), "status": status})
        restore(delivery, f"{PATH}.deliveries[{index}]")
        created += 1
    return created
