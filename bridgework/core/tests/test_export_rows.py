"""The exports read through ``core.rawrows.PlainQuery`` write what the model instances
gave before: rows the demo person has none of (deliveries, invitations, looks), with
microseconds, empty values and time zones as the ORM gives them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bridgework.care import export as care_export
from bridgework.care.models import AccessLog, Invitation
from bridgework.checkin import export as checkin_export
from bridgework.checkin.models import Delivery, Reminder
from bridgework.safety import export as safety_export
from bridgework.safety.models import ScreeningEvent

pytestmark = pytest.mark.django_db

WHEN = dt.datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=dt.UTC)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def test_deliveries_and_the_reminder(user: Any) -> None:
    Reminder.objects.create(user=user, time=dt.time(20, 30), days=[0, 2], email=True)
    Delivery.objects.create(user=user, day=dt.date(2026, 3, 4), status="sent", attempts=1, sent_at=WHEN)
    Delivery.objects.create(user=user, day=dt.date(2026, 3, 3), last_error="Mailbox full")
    data = checkin_export.export_user_data(user)
    assert data["reminder"] == {"time": "20:30", "days": [0, 2], "email": True}
    assert data["deliveries"] == [
        {
            "day": d.day.isoformat(),
            "status": d.status,
            "attempts": d.attempts,
            "sent_at": _iso(d.sent_at),
            "last_error": d.last_error,
        }
        for d in Delivery.objects.filter(user=user).order_by("day")
    ]
    assert data["deliveries"][1]["sent_at"] == "2026-03-04T05:06:07.890123+00:00"


def test_screening_events(user: Any) -> None:
    ScreeningEvent.objects.create(user=user, level="concern", source="journal.entry")
    ScreeningEvent.objects.create(user=user, level="urgent", source="circle.exchange", acknowledged_at=WHEN)
    assert safety_export.export_user_data(user)["screening_events"] == [
        {
            "level": e.level,
            "source": e.source,
            "created_at": e.created_at.isoformat(),
            "acknowledged_at": _iso(e.acknowledged_at),
        }
        for e in ScreeningEvent.objects.filter(user=user).order_by("created_at")
    ]


def test_invitations_and_looks(user: Any) -> None:
    Invitation.objects.create(user=user, code_hash="a" * 64, expires_at=WHEN)
    Invitation.objects.create(user=user, code_hash="b" * 64, expires_at=WHEN, redeemed_at=WHEN)
    AccessLog.objects.create(user=user, clinician_name="Dr Carol", area="assessments", object_id="12")
    AccessLog.objects.create(user=user, clinician_name="Dr Carol", area="journal")
    data = care_export.export_user_data(user)
    assert data["invitations"] == [
        {"created_at": _iso(i.created_at), "expires_at": _iso(i.expires_at), "redeemed_at": _iso(i.redeemed_at)}
        for i in Invitation.objects.filter(user=user).order_by("created_at")
    ]
    assert data["looks"] == [
        {
            "at": _iso(look.at),
            "clinician": look.clinician_name,
            "area": look.area,
            "object_id": look.object_id,
            "link_id": look.link_id,
        }
        for look in AccessLog.objects.filter(user=user).order_by("at", "id")
    ]
    assert data["links"] == [] and data["clinician_profile"] is None


@pytest.mark.parametrize(
    "when",
    [WHEN, WHEN.replace(microsecond=0), WHEN.replace(microsecond=500), dt.datetime(2026, 1, 2, tzinfo=dt.UTC)],
)
def test_learn_times_are_written_as_djangos_encoder_writes_them(user: Any, when: dt.datetime) -> None:
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    from bridgework.learn import export as learn_export
    from bridgework.learn.models import LessonProgress, SoundsLikeMe

    LessonProgress.objects.create(user=user, lesson_slug="roots")
    LessonProgress.objects.filter(user=user).update(completed_at=when)
    SoundsLikeMe.objects.create(user=user, topic_id="help_aversion")
    SoundsLikeMe.objects.filter(user=user).update(created_at=when)
    expected = json.loads(json.dumps({"t": when}, cls=DjangoJSONEncoder))["t"]
    data = learn_export.export_user_data(user)
    assert data == {
        "lessons_completed": [{"lesson": "roots", "completed_at": expected}],
        "sounds_like_me": [{"topic": "help_aversion", "marked_at": expected}],
    }
