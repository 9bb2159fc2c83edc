"""The ladder API at /api/v1/ladder/: same rules as the pages, scoped to the logged-in user."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from bridgework.ladder.models import Attempt, Step
from bridgework.ladder.tests.conftest import make_attempt, make_step

BASE = "/api/v1/ladder"

STEP = {
    "what": "Ask a colleague to check my slides",
    "kind": "ask",
    "who": "Jo",
    "expected_discomfort": 50,
    "feared_outcome": "Jo will think I'm slow",
    "feared_likelihood": 60,
}


def attempt_json(**fields: Any) -> dict[str, Any]:
    return {
        "happened_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "discomfort_before": 40,
        "discomfort_peak": 20,
        "discomfort_after": 5,
        "feared_happened": "no",
        "response": "better",
        "what_happened": "Jo was glad to help",
        "learned": "",
    } | fields


def test_create_list_update_delete_a_step(client: Client, user: Any) -> None:
    created = client.post(f"{BASE}/steps", STEP, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert body["status"] == "not_tried" and body["is_next"] is True
    assert body["screening"] == {
        "level": "none", "crisis": False, "in_progress": False, "about": "self", "help_url": None
    }
    step_id = body["id"]
    assert [s["id"] for s in client.get(f"{BASE}/steps").json()["items"]] == [step_id]
    updated = client.patch(f"{BASE}/steps/{step_id}", {"who": "Jo from finance"}, content_type="application/json")
    assert updated.status_code == 200 and updated.json()["who"] == "Jo from finance"
    assert updated.json()["what"] == STEP["what"]
    deleted = client.delete(f"{BASE}/steps/{step_id}")
    assert deleted.status_code == 204
    assert not Step.objects.filter(user=user).exists()


def test_step_validation_matches_the_forms(client: Client, user: Any) -> None:
    for bad in ({"expected_discomfort": 101}, {"feared_likelihood": -1}, {"kind": "bravery"}, {"what": ""}):
        response = client.post(f"{BASE}/steps", STEP | bad, content_type="application/json")
        assert response.status_code == 422, bad
        assert list(response.json()["errors"]) == [next(iter(bad))]
    lots = client.post(f"{BASE}/steps", STEP | {"expected_discomfort": "lots"}, content_type="application/json")
    assert lots.status_code == 422 and list(lots.json()["errors"]) == ["expected_discomfort"]
    assert not Step.objects.filter(user=user).exists()


def test_a_bad_update_changes_nothing(client: Client, step: Step) -> None:
    response = client.patch(f"{BASE}/steps/{step.pk}", {"expected_discomfort": 500, "override": "mastered"}, content_type="application/json")
    assert response.status_code == 422
    step.refresh_from_db()
    assert step.expected_discomfort == 60 and step.override == ""
    bad_override = client.patch(f"{BASE}/steps/{step.pk}", {"override": "forever"}, content_type="application/json")
    assert bad_override.status_code == 422


def test_override_through_the_api(client: Client, step: Step) -> None:
    response = client.patch(f"{BASE}/steps/{step.pk}", {"override": "mastered"}, content_type="application/json")
    assert response.json()["status"] == "mastered"


def test_log_an_attempt_until_mastered(client: Client, step: Step) -> None:
    url = f"{BASE}/steps/{step.pk}/attempts"
    first = client.post(url, attempt_json(), content_type="application/json")
    assert first.status_code == 201 and first.json()["step_status"] == "practising"
    second = client.post(url, attempt_json(discomfort_peak=30), content_type="application/json")
    assert second.json()["step_status"] == "mastered"
    assert client.get(url).json()["count"] == 2
    attempt_id = second.json()["id"]
    assert client.get(f"{BASE}/attempts/{attempt_id}").json()["what_happened"] == "Jo was glad to help"
    patched = client.patch(f"{BASE}/attempts/{attempt_id}", {"feared_happened": "partly"}, content_type="application/json")
    assert patched.status_code == 200 and patched.json()["step_status"] == "practising"
    assert client.delete(f"{BASE}/attempts/{attempt_id}").status_code == 204
    assert Attempt.objects.filter(step=step).count() == 1


def test_attempt_validation_matches_the_forms(client: Client, step: Step) -> None:
    url = f"{BASE}/steps/{step.pk}/attempts"
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    future = client.post(url, attempt_json(happened_on=tomorrow), content_type="application/json")
    assert future.status_code == 422 and "future" in future.json()["errors"]["happened_on"][0]
    for bad in ({"discomfort_peak": 101}, {"discomfort_before": -3}, {"response": "meh"}, {"happened_on": "soon"}):
        assert client.post(url, attempt_json(**bad), content_type="application/json").status_code == 422, bad
    assert not Attempt.objects.exists()


def test_crisis_language_is_saved_and_flagged(client: Client, step: Step) -> None:
    response = client.post(
        f"{BASE}/steps/{step.pk}/attempts", attempt_json(learned="I want to die"), content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["screening"]["crisis"] is True
    assert response.json()["screening"]["help_url"]


def test_another_users_objects_are_404(client: Client, other_step: Step, other_attempt: Attempt) -> None:
    s, a = other_step.pk, other_attempt.pk
    assert client.get(f"{BASE}/steps/{s}").status_code == 404
    assert client.patch(f"{BASE}/steps/{s}", {"what": "mine now"}, content_type="application/json").status_code == 404
    assert client.delete(f"{BASE}/steps/{s}").status_code == 404
    assert client.get(f"{BASE}/steps/{s}/attempts").status_code == 404
    assert client.post(f"{BASE}/steps/{s}/attempts", attempt_json(), content_type="application/json").status_code == 404
    assert client.get(f"{BASE}/attempts/{a}").json() == {"detail": "Not found.", "errors": {}}
    assert client.patch(f"{BASE}/attempts/{a}", {"discomfort_peak": 1}, content_type="application/json").status_code == 404
    assert client.delete(f"{BASE}/attempts/{a}").status_code == 404
    assert client.get(f"{BASE}/steps").json() == {"items": [], "count": 0}
    other_step.refresh_from_db()
    assert other_step.what == "Bob's private step" and Attempt.objects.filter(pk=a).exists()


def test_the_api_needs_a_session(anon_client: Client, step: Step) -> None:
    response = anon_client.get(f"{BASE}/steps")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized.", "errors": {}}


def test_writes_need_the_csrf_token(user: Any) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(f"{BASE}/steps", STEP, content_type="application/json").status_code == 403


def test_the_endpoints_are_in_the_openapi_schema(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert f"{BASE}/steps" in paths and f"{BASE}/attempts/{{attempt_id}}" in paths


def test_list_reports_status_per_step(client: Client, user: Any) -> None:
    step = make_step(user)
    make_attempt(step)
    assert client.get(f"{BASE}/steps").json()["items"][0]["attempt_count"] == 1


def test_steps_come_a_page_at_a_time_with_status_from_the_whole_ladder(
    client: Client, user: Any
) -> None:
    steps = [make_step(user, what=f"Step {n}", override="mastered") for n in range(3)]
    steps.append(make_step(user, what="Step 3"))
    page = client.get(f"{BASE}/steps?limit=2&offset=2").json()
    assert page["count"] == 4
    assert [s["id"] for s in page["items"]] == [steps[2].pk, steps[3].pk]
    assert [s["is_next"] for s in page["items"]] == [False, True]
    assert client.get(f"{BASE}/steps?limit=0").status_code == 422


def test_attempts_come_a_page_at_a_time_oldest_first(client: Client, step: Step) -> None:
    today = timezone.localdate()
    attempts = [make_attempt(step, happened_on=today - timedelta(days=d)) for d in (3, 2, 1)]
    page = client.get(f"{BASE}/steps/{step.pk}/attempts?limit=2&offset=1").json()
    assert page["count"] == 3
    assert [a["id"] for a in page["items"]] == [attempts[1].pk, attempts[2].pk]
    assert page["items"][0]["what_happened"] == "Sam said yes at once."


def test_a_step_can_name_and_unlink_a_person_from_my_circle(client: Client, user: Any) -> None:
    from bridgework.circle.models import Person

    sam = Person.objects.create(user=user, name="Sam", ring="close", comfort=70, helps_with=["practical"])
    created = client.post(f"{BASE}/steps", {**STEP, "person_id": sam.pk}, content_type="application/json")
    assert created.status_code == 201
    step_id = created.json()["id"]
    assert created.json()["person_id"] == sam.pk
    kept = client.patch(f"{BASE}/steps/{step_id}", {"what": "Ask Sam"}, content_type="application/json")
    assert kept.json()["person_id"] == sam.pk
    unlinked = client.patch(f"{BASE}/steps/{step_id}", {"person_id": None}, content_type="application/json")
    assert unlinked.status_code == 200
    assert Step.objects.get(pk=step_id).person is None


def test_it_rejects_another_users_person_on_a_step(client: Client, user: Any, other_user: Any) -> None:
    from bridgework.circle.models import Person

    theirs = Person.objects.create(user=other_user, name="Not mine", ring="close", comfort=50)
    response = client.post(f"{BASE}/steps", {**STEP, "person_id": theirs.pk}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == {"person_id": ["Choose someone from your circle."]}
    step = make_step(user)
    patched = client.patch(f"{BASE}/steps/{step.pk}", {"person_id": theirs.pk}, content_type="application/json")
    assert patched.status_code == 422
    assert Step.objects.get(pk=step.pk).person is None


def test_it_rejects_a_blank_what_like_the_form(client: Client, user: Any) -> None:
    response = client.post(f"{BASE}/steps", {**STEP, "what": "   "}, content_type="application/json")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["what"]
    step = make_step(user)
    patched = client.patch(f"{BASE}/steps/{step.pk}", {"what": " \n "}, content_type="application/json")
    assert patched.status_code == 422
    assert Step.objects.get(pk=step.pk).what == step.what


def test_the_api_rejects_a_date_before_1900(client: Client, step: Step) -> None:
    response = client.post(
        f"/api/v1/ladder/steps/{step.pk}/attempts",
        attempt_json(happened_on="1899-12-31"),
        content_type="application/json",
    )
    assert response.status_code == 422 and "1900" in response.json()["errors"]["happened_on"][0]
