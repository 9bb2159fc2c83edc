from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.urls import reverse
from django.utils import timezone

from bridgework.checkin.models import CheckIn

URL = reverse("checkin:insights")


def make_days(user: Any, n: int) -> None:
    rng = random.Random(4)
    today = timezone.localdate()
    rows = []
    for i in range(n):
        alone = rng.randint(0, 10)
        rows.append(
            CheckIn(
                user=user,
                date=today - dt.timedelta(days=i),
                alone=alone,
                stress=min(10, alone // 2 + rng.randint(0, 4)),
                help_asked=rng.randint(0, 2),
            )
        )
    CheckIn.objects.bulk_create(rows)


def test_it_says_nothing_before_14_days(client: Any, user: Any) -> None:
    make_days(user, 13)
    body = client.get(URL).content.decode()
    assert "Nothing to show yet" in body


def test_it_shows_honest_sentences_and_their_numbers(client: Any, user: Any) -> None:
    make_days(user, 60)
    body = client.get(URL).content.decode()
    assert "did more of it all alone" in body
    assert "your stress tended to be higher" in body
    assert "(n = 60)" in body
    assert "95 % interval" in body


def test_another_users_days_are_not_used(client: Any, other_user: Any) -> None:
    make_days(other_user, 60)
    assert "Nothing to show yet" in client.get(URL).content.decode()


def test_wrong_method_is_refused(client: Any) -> None:
    assert client.post(URL).status_code == 405


def test_a_change_is_seen_at_once_despite_the_cache(client: Any, user: Any) -> None:
    make_days(user, 30)
    assert "(n = 30)" in client.get(URL).content.decode()
    CheckIn.objects.filter(user=user).order_by("date")[0].delete()
    assert "(n = 29)" in client.get(URL).content.decode()
