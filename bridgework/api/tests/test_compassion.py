"""``/api/v1/compassion/`` in the one API shape."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bridgework.compassion.models import Kindness, PracticeSession

pytestmark = pytest.mark.django_db
BASE = "/api/v1/compassion"


def post(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(data), content_type="application/json")


def test_a_session_is_created_with_the_screening_envelope(client: Client, user: Any) -> None:
    response = post(client, f"{BASE}/sessions", {"exercise": "break", "answer_1": "Hard day", "harsh_before": 7})
    assert response.status_code == 201
    body = response.json()
    assert body["exercise"] == "break" and body["harsh_before"] == 7
    assert body["screening"] == {"level": "none", "crisis": False, "in_progress": False, "about": "self", "help_url": None}
    assert PracticeSession.objects.get(user=user).answer_1 == "Hard day"


def test_a_bad_rating_or_exercise_gets_the_one_error_body(client: Client) -> None:
    response = post(client, f"{BASE}/sessions", {"exercise": "break", "harsh_before": 12})
    assert response.status_code == 422
    assert set(response.json()) == {"detail", "errors"} and "harsh_before" in response.json()["errors"]
    response = post(client, f"{BASE}/sessions", {"exercise": "juggling"})
    assert response.status_code == 422 and "exercise" in response.json()["errors"]


def test_kindness_create_patch_list_and_delete(client: Client, user: Any) -> None:
    today = timezone.localdate().isoformat()
    created = post(client, f"{BASE}/kindness", {"date": today, "kind": "praise", "what": "Nice words", "response": "deflected"})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["accepted"] is False
    patched = client.patch(f"{BASE}/kindness/{pk}", json.dumps({"response": "thanked"}), content_type="application/json")
    assert patched.status_code == 200 and patched.json()["accepted"] is True
    assert patched.json()["what"] == "Nice words"  # a PATCH changes only what it names
    listed = client.get(f"{BASE}/kindness").json()
    assert listed["count"] == 1 and listed["items"][0]["response"] == "thanked"
    assert client.delete(f"{BASE}/kindness/{pk}").status_code == 204
    assert not Kindness.objects.exists()


def test_another_users_kindness_and_session_are_404(
    client: Client, others_kindness: Kindness, others_session: PracticeSession
) -> None:
    for path in (f"{BASE}/kindness/{others_kindness.pk}", f"{BASE}/sessions/{others_session.pk}"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["detail"] == "Not found."
        assert client.delete(path).status_code == 404
    assert client.patch(
        f"{BASE}/kindness/{others_kindness.pk}", json.dumps({"response": "repaid"}), content_type="application/json"
    ).status_code == 404
    others_kindness.refresh_from_db()
    assert others_kindness.response == "accepted"


def test_the_api_needs_a_login(anon_client: Client) -> None:
    assert anon_client.get(f"{BASE}/kindness").status_code == 401
