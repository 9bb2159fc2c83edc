"""/api/v1/safety/plan: GET and PATCH of the safety plan, screened, in the one API shape."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from bridgework.circle.models import Person
from bridgework.safety.models import SafetyPlan, ScreeningEvent

URL = "/api/v1/safety/plan"


def patch(client: Client, data: dict[str, Any]) -> Any:
    return client.patch(URL, json.dumps(data), content_type="application/json")


def test_before_saving_the_plan_is_blank_and_no_row_is_made(client: Client, user: Any) -> None:
    body = client.get(URL).json()
    assert body["warning_signs"] == "" and body["circle_helper_ids"] == []
    assert body["updated_at"] is None
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_patch_changes_only_the_fields_given(client: Client, user: Any) -> None:
    assert patch(client, {"warning_signs": "Not sleeping", "reasons": "My dog"}).status_code == 200
    response = patch(client, {"reasons": "My dog, my niece"})
    assert response.status_code == 200
    body = response.json()
    assert body["warning_signs"] == "Not sleeping" and body["reasons"] == "My dog, my niece"
    assert body["screening"]["crisis"] is False and body["screening"]["help_url"] is None
    assert client.get(URL).json()["reasons"] == "My dog, my niece"


def test_crisis_language_is_saved_and_screened(client: Client, user: Any) -> None:
    response = patch(client, {"warning_signs": "when I want to die"})
    assert response.status_code == 200
    assert response.json()["screening"]["crisis"] is True
    assert response.json()["screening"]["help_url"] == "/safety/help/"
    assert SafetyPlan.objects.get(user=user).warning_signs == "when I want to die"
    assert ScreeningEvent.objects.filter(user=user, source="safety.plan").exists()


def test_it_links_only_my_own_circle_people(client: Client, user: Any, other_user: Any) -> None:
    mine = Person.objects.create(user=user, name="Sam", ring="close", comfort=80)
    theirs = Person.objects.create(user=other_user, name="Not mine", ring="close", comfort=80)
    assert patch(client, {"circle_helper_ids": [mine.pk]}).json()["circle_helper_ids"] == [mine.pk]
    refused = patch(client, {"circle_helper_ids": [theirs.pk]})
    assert refused.status_code == 422 and list(refused.json()["errors"]) == ["circle_helper_ids"]
    # A 20-digit id is a clear 422, not a server error.
    assert patch(client, {"circle_helper_ids": [10**19]}).status_code == 422
    assert client.get(URL).json()["circle_helper_ids"] == [mine.pk]


def test_bad_input_is_a_422_in_the_one_error_body(client: Client, user: Any) -> None:
    response = patch(client, {"warning_signs": "y" * 10_001, "reasons": "x" * 10_001})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] and set(body["errors"]) == {"warning_signs", "reasons"}
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_another_user_never_sees_my_plan(client: Client, other_client: Client, user: Any) -> None:
    patch(client, {"reasons": "My dog"})
    assert other_client.get(URL).json()["reasons"] == ""


def test_it_needs_a_session_and_the_csrf_token(anon_client: Client, user: Any) -> None:
    assert anon_client.get(URL).status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.patch(URL, "{}", content_type="application/json").status_code == 403
