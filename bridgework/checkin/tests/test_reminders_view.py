from __future__ import annotations

from typing import Any

from django.urls import reverse
from icalendar import Calendar

from bridgework.checkin.models import Reminder

URL = reverse("checkin:reminders")


def test_it_saves_time_days_and_email(client: Any, user: Any) -> None:
    response = client.post(URL, {"time": "07:30", "days": ["0", "2", "4"], "email": "on"})
    assert response.status_code == 302
    reminder = Reminder.objects.get(user=user)
    assert (reminder.time.isoformat(), reminder.days, reminder.email) == ("07:30:00", [0, 2, 4], True)


def test_a_bad_time_keeps_the_days_and_says_what_to_fix(client: Any, user: Any) -> None:
    response = client.post(URL, {"time": "25:99", "days": ["1"]})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Use a time like 20:00." in body
    assert 'value="1" checked' in body or 'value="1"\n' in body or "checked" in body


def test_the_feed_needs_no_login_and_says_nothing_private(anon_client: Any, user: Any) -> None:
    from bridgework.accounts.models import Profile

    Profile.objects.filter(user=user).update(timezone="Europe/Berlin")
    reminder = Reminder.objects.create(user=user, days=[0, 6])
    response = anon_client.get(reverse("checkin:feed", args=[reminder.feed_token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    calendar: Any = Calendar.from_ical(response.content)
    event: Any
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Bridgework check-in"
    assert event["RRULE"]["BYDAY"] == ["MO", "SU"]
    assert event["DTSTART"].dt.tzinfo.key == "Europe/Berlin"
    assert "VTIMEZONE" in text
    for private in ["alice", "Alice", "example.org"]:
        assert private not in text


def test_revoking_makes_a_new_link_and_the_old_one_stops(client: Any, anon_client: Any, user: Any) -> None:
    reminder = Reminder.objects.create(user=user, days=[1])
    old = reminder.feed_token
    assert client.post(reverse("checkin:revoke")).status_code == 302
    reminder.refresh_from_db()
    assert reminder.feed_token != old
    assert anon_client.get(reverse("checkin:feed", args=[old])).status_code == 404
    assert anon_client.get(reverse("checkin:feed", args=[reminder.feed_token])).status_code == 200


def test_unknown_feed_tokens_are_not_found(anon_client: Any) -> None:
    assert anon_client.get(reverse("checkin:feed", args=["x" * 32])).status_code == 404
    assert anon_client.get(reverse("checkin:feed", args=["short"])).status_code == 404


def test_wrong_methods_are_refused(client: Any, user: Any) -> None:
    assert client.put(URL).status_code == 405
    assert client.get(reverse("checkin:revoke")).status_code == 405
    reminder = Reminder.objects.create(user=user)
    assert client.post(reverse("checkin:feed", args=[reminder.feed_token])).status_code == 405


def test_another_users_settings_are_never_shown(client: Any, other_user: Any) -> None:
    theirs = Reminder.objects.create(user=other_user, days=[2])
    body = client.get(URL).content.decode()
    assert theirs.feed_token not in body
