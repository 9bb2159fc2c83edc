from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from bridgework.checkin.models import CheckIn
from bridgework.safety.models import ScreeningEvent

URL = reverse("checkin:index")


def answers(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "mood": "4",
        "stress": "6",
        "energy": "5",
        "sleep_hours": "6.5",
        "sleep_quality": "3",
        "body_signs": ["tension", "jaw"],
        "numbness": "2",
        "alone": "8",
        "help_asked": "1",
        "help_accepted": "0",
        "feelings": ["tense", "hopeful"],
        "note": "Long day.",
    }
    data.update(changes)
    return data


def test_it_shows_todays_empty_check_in(client: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "How was today?" in body
    assert 'name="stress"' in body and 'value="on edge"' in body
    assert "<select" not in body


def test_it_saves_todays_check_in_and_redirects(client: Any, user: Any) -> None:
    response = client.post(URL, answers())
    assert response.status_code == 302
    checkin = CheckIn.objects.get(user=user)
    assert checkin.date == timezone.localdate()
    assert (checkin.mood, checkin.stress, checkin.alone, checkin.help_asked) == (4, 6, 8, 1)
    assert str(checkin.sleep_hours) == "6.5"
    assert checkin.body_signs == ["tension", "jaw"]
    assert checkin.feelings == ["tense", "hopeful"]
    assert checkin.note == "Long day."
    page = client.get(response["Location"]).content.decode()
    assert "Log it on my ladder" in page


def test_every_answer_is_optional_but_one_is_needed(client: Any, user: Any) -> None:
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "answer at least one question" in response.content.decode()
    assert client.post(URL, {"stress": "3"}).status_code == 302
    checkin = CheckIn.objects.get(user=user)
    assert checkin.mood is None and checkin.stress == 3 and checkin.feelings == []


def test_a_second_post_today_changes_the_same_check_in(client: Any, user: Any) -> None:
    client.post(URL, answers())
    client.post(URL, answers(stress="2"))
    assert CheckIn.objects.get(user=user).stress == 2


def test_it_rejects_stress_above_10_and_keeps_what_was_typed(client: Any, user: Any) -> None:
    response = client.post(URL, answers(stress="11", note="keep me"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Use a whole number from 0 to 10" in body
    assert "keep me" in body and 'value="11"' in body
    assert not CheckIn.objects.exists()


def test_it_rejects_an_unknown_feeling_word(client: Any) -> None:
    response = client.post(URL, answers(feelings=["fine-ish"]))
    assert response.status_code == 200
    assert "is not one of the feeling words" in response.content.decode()


def test_it_fills_in_a_past_day(client: Any, user: Any) -> None:
    day = timezone.localdate() - dt.timedelta(days=3)
    response = client.post(reverse("checkin:day", args=[day.isoformat()]), answers())
    assert response.status_code == 302
    assert CheckIn.objects.get(user=user).date == day


def test_days_older_than_a_week_or_in_the_future_are_not_found(client: Any) -> None:
    today = timezone.localdate()
    for day in [today - dt.timedelta(days=8), today + dt.timedelta(days=1)]:
        assert client.get(reverse("checkin:day", args=[day.isoformat()])).status_code == 404
    assert client.get(reverse("checkin:day", args=["not-a-day"])).status_code == 404


def test_the_posted_date_cannot_move_a_check_in(client: Any, user: Any) -> None:
    client.post(URL, answers(date="2001-01-01"))
    assert CheckIn.objects.get(user=user).date == timezone.localdate()


def test_a_crisis_note_is_saved_and_help_shown(client: Any, user: Any) -> None:
    response = client.post(URL, answers(note="I want to kill myself tonight"), follow=True)
    assert CheckIn.objects.filter(user=user).exists()
    assert ScreeningEvent.objects.filter(user=user, source="checkin.checkin").exists()
    assert response.status_code == 200
    assert response.redirect_chain  # post/redirect/get: the help is carried to the next page
    assert 'id="crisis-help"' in response.content.decode()
    assert 'id="crisis-help"' not in client.get(URL).content.decode()  # shown once


def test_the_note_is_encrypted_at_rest(client: Any, user: Any) -> None:
    from django.db import connection

    client.post(URL, answers(note="secret words here"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkin_checkin")
        (stored,) = cursor.fetchone()
    assert "secret words" not in stored


def test_wrong_method_is_refused(client: Any) -> None:
    assert client.put(URL).status_code == 405


def test_it_needs_a_login(anon_client: Any) -> None:
    assert anon_client.get(URL).status_code == 302


def test_another_users_check_in_is_not_found(client: Any, other_user: Any) -> None:
    theirs = CheckIn.objects.create(user=other_user, date=timezone.localdate(), stress=3)
    assert client.get(reverse("checkin:delete", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("checkin:delete", args=[theirs.pk])).status_code == 404
    assert CheckIn.objects.filter(pk=theirs.pk).exists()
    # Their check-in for today does not show on my page.
    assert "Save changes" not in client.get(URL).content.decode()
