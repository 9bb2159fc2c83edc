from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from bridgework.checkin.models import CheckIn

URL = reverse("checkin:trends")


def test_week_shows_each_chart_with_its_table(client: Any, user: Any) -> None:
    today = timezone.localdate()
    CheckIn.objects.create(user=user, date=today, stress=7, feelings=["tense", "tired"])
    body = client.get(URL).content.decode()
    assert "Stress (0–10)" in body
    assert body.index("<svg") < body.index("<table", body.index("<svg"))
    assert "named 2 different feelings" in body


def test_month_compares_feelings_with_the_month_before(client: Any, user: Any) -> None:
    first = timezone.localdate().replace(day=1)
    CheckIn.objects.create(user=user, date=first, feelings=["calm", "hopeful", "tense"])
    CheckIn.objects.create(user=user, date=first - dt.timedelta(days=1), feelings=["numb"])
    body = client.get(URL, {"period": "month", "start": first.isoformat()}).content.decode()
    assert "named 3 different feelings, up from 1" in body


def test_junk_start_falls_back_to_today(client: Any) -> None:
    for start in ["junk", "99999-01-01", "0001-01-01", "9999-12-31"]:
        assert client.get(URL, {"period": "month", "start": start}).status_code == 200


def test_someone_elses_check_ins_are_not_counted(client: Any, other_user: Any) -> None:
    CheckIn.objects.create(user=other_user, date=timezone.localdate(), stress=9)
    assert "0 check-ins this week" in client.get(URL).content.decode()


def test_wrong_method_is_refused(client: Any) -> None:
    assert client.post(URL).status_code == 405
