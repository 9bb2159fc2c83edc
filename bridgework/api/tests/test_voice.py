"""The voice API at /api/v1/voice/: same forms and services as the pages, one error shape."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bridgework.ladder.models import Attempt
from bridgework.ladder.tests.conftest import make_step
from bridgework.voice.models import Message
from bridgework.voice.tests.helpers import BUILDER, make_message

pytestmark = pytest.mark.django_db
BASE = "/api/v1/voice"


def test_create_list_patch_delete_a_message(client: Client, user: Any) -> None:
    created = client.post(f"{BASE}/messages", BUILDER, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert body["screening"] == {"level": "none", "crisis": False, "in_progress": False, "about": "self", "help_url": None}
    assert body["text"].startswith("Hi Sam,")
    pk = body["id"]
    listed = client.get(f"{BASE}/messages").json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == pk
    patched = client.patch(f"{BASE}/messages/{pk}", {"feeling": "worried"}, content_type="application/json")
    assert patched.status_code == 200
    assert patched.json()["feeling"] == "worried" and patched.json()["title"] == BUILDER["title"]
    assert client.delete(f"{BASE}/messages/{pk}").status_code == 204
    assert not Message.objects.exists()


def test_create_rejects_a_missing_title_with_the_one_error_shape(client: Client) -> None:
    response = client.post(f"{BASE}/messages", BUILDER | {"title": ""}, content_type="application/json")
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] and body["errors"]["title"] == ["Please fill this in."]


def test_create_rejects_someone_elses_step(client: Client, other_user: Any) -> None:
    step = make_step(other_user)
    response = client.post(f"{BASE}/messages", BUILDER | {"step_id": step.pk}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"]["step"] == ["Choose a step from your ladder."]


def test_crisis_language_is_saved_and_flagged(client: Client) -> None:
    response = client.post(
        f"{BASE}/messages", BUILDER | {"feeling": "I want to kill myself"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["screening"]["crisis"] is True
    assert response.json()["screening"]["help_url"] == "/safety/help/"


def test_a_message_comes_with_its_feedback(client: Client, user: Any) -> None:
    message = make_message(user, draft="Sorry, I'm useless at this. Could you help me on Friday?")
    body = client.get(f"{BASE}/messages/{message.pk}").json()
    ids = [issue["id"] for issue in body["feedback"]["issues"]]
    assert "over_apology" in ids and "self_deprecation" in ids
    assert body["feedback"]["has_request"] is True


def test_dismissing_a_note(client: Client, user: Any) -> None:
    message = make_message(user, draft="I just wondered: could you call me on Friday?")
    response = client.post(f"{BASE}/messages/{message.pk}/dismissals", {"issue": "hedging"}, content_type="application/json")
    assert response.json() == {"dismissed": ["hedging"]}
    body = client.get(f"{BASE}/messages/{message.pk}").json()
    assert [i["dismissed"] for i in body["feedback"]["issues"] if i["id"] == "hedging"] == [True]
    bad = client.post(f"{BASE}/messages/{message.pk}/dismissals", {"issue": "rude"}, content_type="application/json")
    assert bad.status_code == 422 and "issue" in bad.json()["errors"]


def test_debrief_records_an_attempt_with_the_prediction(client: Client, user: Any) -> None:
    step = make_step(user)
    message = make_message(user, prediction="They'll say no.")
    response = client.post(
        f"{BASE}/messages/{message.pk}/debrief",
        {
            "step_id": step.pk,
            "happened_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "discomfort_before": 60,
            "discomfort_peak": 40,
            "discomfort_after": 10,
            "feared_happened": "no",
            "response": "better",
            "what_happened": "Sam said yes.",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    attempt = Attempt.objects.get(step=step)
    assert "They'll say no." in attempt.what_happened and "Sam said yes." in attempt.what_happened
    assert response.json()["attempt_id"] == attempt.pk


def test_debrief_refuses_a_future_date(client: Client, user: Any) -> None:
    step = make_step(user)
    message = make_message(user)
    response = client.post(
        f"{BASE}/messages/{message.pk}/debrief",
        {
            "step_id": step.pk,
            "happened_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "discomfort_before": 60,
            "discomfort_peak": 40,
            "discomfort_after": 10,
            "feared_happened": "no",
            "response": "better",
        },
        content_type="application/json",
    )
    assert response.status_code == 422 and "happened_on" in response.json()["errors"]
    assert not Attempt.objects.exists()


def test_check_any_text_saves_nothing(client: Client) -> None:
    response = client.post(f"{BASE}/check", {"text": "You never help. It would be nice if someone did."}, content_type="application/json")
    assert response.status_code == 200
    ids = {i["id"] for i in response.json()["issues"]}
    assert {"blame", "vague_request"} <= ids
    assert not Message.objects.exists()


def test_scripts_are_listed(client: Client) -> None:
    body = client.get(f"{BASE}/scripts?limit=5").json()
    assert body["count"] >= 30 and len(body["items"]) == 5


def test_another_users_message_is_404(client: Client, other_user: Any) -> None:
    message = make_message(other_user)
    for method, path in (("get", ""), ("patch", ""), ("delete", ""), ("post", "/dismissals"), ("post", "/debrief")):
        response = getattr(client, method)(f"{BASE}/messages/{message.pk}{path}", {}, content_type="application/json")
        assert response.status_code in (404, 422), (method, path)
        if response.status_code == 404:
            assert response.json() == {"detail": "Not found.", "errors": {}}
    assert client.get(f"{BASE}/messages/{message.pk}").status_code == 404
    assert client.delete(f"{BASE}/messages/{message.pk}").status_code == 404
    assert Message.objects.filter(pk=message.pk).exists()


def test_the_api_needs_a_login(anon_client: Client) -> None:
    assert anon_client.get(f"{BASE}/messages").status_code == 401
