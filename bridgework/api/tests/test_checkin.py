from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from bridgework.checkin.models import CheckIn

BASE = "/api/v1/checkin/checkins"


def post(client: Any, url: str, data: dict[str, Any], method: str = "post") -> Any:
    return getattr(client, method)(url, data, content_type="application/json")


def test_create_list_detail_patch_delete(client: Any, user: Any) -> None:
    today = timezone.localdate().isoformat()
    response = post(client, BASE, {"date": today, "stress": 7, "feelings": ["tense"], "note": "ok", "sleep_hours": 6.5})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["stress"] == 7 and body["feelings"] == ["tense"] and body["note"] == "ok"
    assert body["screening"]["crisis"] is False and body["screening"]["help_url"] is None
    pk = body["id"]

    listed = client.get(BASE).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == pk
    assert client.get(f"{BASE}/{pk}").json()["stress"] == 7

    patched = post(client, f"{BASE}/{pk}", {"energy": 3}, method="patch")
    assert patched.status_code == 200, patched.content
    assert patched.json()["energy"] == 3 and patched.json()["stress"] == 7
    assert patched.json()["feelings"] == ["tense"] and patched.json()["note"] == "ok"

    assert client.delete(f"{BASE}/{pk}").status_code == 204
    assert not CheckIn.objects.exists()


def test_it_rejects_stress_above_10_in_the_one_error_shape(client: Any) -> None:
    response = post(client, BASE, {"date": timezone.localdate().isoformat(), "stress": 11})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] and body["errors"]["stress"] == ["Use a whole number from 0 to 10, or leave it empty."]


def test_a_second_check_in_on_the_same_day_is_refused(client: Any) -> None:
    today = timezone.localdate().isoformat()
    post(client, BASE, {"date": today, "stress": 1})
    response = post(client, BASE, {"date": today, "stress": 2})
    assert response.status_code == 422
    assert "already checked in" in response.json()["errors"]["date"][0]


def test_old_or_future_days_are_refused(client: Any) -> None:
    today = timezone.localdate()
    for day in [today - dt.timedelta(days=8), today + dt.timedelta(days=1)]:
        response = post(client, BASE, {"date": day.isoformat(), "stress": 1})
        assert response.status_code == 422 and "date" in response.json()["errors"]


def test_an_empty_check_in_is_refused_with_a_non_field_error(client: Any) -> None:
    response = post(client, BASE, {"date": timezone.localdate().isoformat()})
    assert response.status_code == 422
    assert "__all__" in response.json()["errors"]


def test_a_crisis_note_is_saved_and_flagged(client: Any) -> None:
    response = post(client, BASE, {"date": timezone.localdate().isoformat(), "note": "I want to kill myself tonight"})
    assert response.status_code == 201
    assert response.json()["screening"]["crisis"] is True
    assert response.json()["screening"]["help_url"]


def test_another_users_check_in_is_not_found(client: Any, other_user: Any) -> None:
    theirs = CheckIn.objects.create(user=other_user, date=timezone.localdate(), stress=3, note="theirs")
    for method in ("get", "patch", "delete"):
        response = post(client, f"{BASE}/{theirs.pk}", {"stress": 1}, method=method)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found.", "errors": {}}
    assert client.get(BASE).json()["count"] == 0
    assert CheckIn.objects.get(pk=theirs.pk).stress == 3


def test_wrong_method_is_refused(client: Any) -> None:
    assert client.put(BASE, {}, content_type="application/json").status_code == 405


def test_it_needs_a_login(anon_client: Any) -> None:
    assert anon_client.get(BASE).status_code == 401
