from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from bridgework.compassion.models import Kindness, PracticeSession


@pytest.fixture
def kindness(user: Any) -> Kindness:
    return Kindness.objects.create(
        user=user,
        date=timezone.localdate() - dt.timedelta(days=1),
        kind="praise",
        what="My manager said the report was clear",
        response="deflected",
    )


@pytest.fixture
def others_kindness(other_user: Any) -> Kindness:
    return Kindness.objects.create(
        user=other_user, date=timezone.localdate(), kind="help", what="Bob's secret help", response="accepted"
    )


@pytest.fixture
def others_session(other_user: Any) -> PracticeSession:
    return PracticeSession.objects.create(user=other_user, exercise="friend", answer_1="Bob's harsh thought")
