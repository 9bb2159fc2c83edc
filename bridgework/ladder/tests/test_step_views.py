"""Creating, viewing, editing, deleting and overriding steps, through HTTP."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client

from bridgework.ladder.models import Attempt, Step
from bridgework.safety.models import ScreeningEvent

from .conftest import make_attempt, make_step, step_post


def test_it_creates_a_step_and_shows_it(client: Client, user: Any) -> None:
    response = client.post("/ladder/steps/new/", step_post())
    step = Step.objects.get(user=user)
    assert response.status_code == 302
    assert response["Location"] == f"/ladder/steps/{step.pk}/"
    assert step.who == "Priya next door"
    page = client.get(response["Location"]).content.decode()
    assert "Ask my neighbour to water the plants" in page
    assert "Not tried yet" in page


def test_free_text_is_encrypted_at_rest(client: Client, user: Any) -> None:
    client.post("/ladder/steps/new/", step_post())
    with connection.cursor() as cursor:
        cursor.execute("SELECT what, who, feared_outcome FROM ladder_step")
        raw = " ".join(cursor.fetchone())
    assert "neighbour" not in raw and "Priya" not in raw and "nuisance" not in raw


def test_the_new_step_form_renders_with_labels_and_a_fieldset(client: Client) -> None:
    body = client.get("/ladder/steps/new/").content.decode()
    assert "<legend>Kind of step" in body
    assert "<legend>Your prediction</legend>" in body
    assert 'name="expected_discomfort"' in body and 'max="100"' in body
    assert "---------" not in body


def test_it_rejects_discomfort_above_100_and_keeps_what_was_typed(client: Client, user: Any) -> None:
    response = client.post("/ladder/steps/new/", step_post(expected_discomfort="140", what="My own words"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Use a whole number from 0 to 100." in body
    assert 'My own words</textarea>' in body and 'value="140"' in body
    assert not Step.objects.filter(user=user).exists()


def test_it_rejects_a_negative_or_non_numeric_likelihood(client: Client, user: Any) -> None:
    for bad in ("-5", "lots"):
        response = client.post("/ladder/steps/new/", step_post(feared_likelihood=bad))
        assert response.status_code == 200
        assert "0 to 100" in response.content.decode()
    assert not Step.objects.filter(user=user).exists()


def test_it_rejects_an_unknown_kind_and_missing_text(client: Client) -> None:
    response = client.post("/ladder/steps/new/", step_post(kind="bravery", what=""))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"kind", "what"}


def test_crisis_language_is_saved_and_help_shown_at_once(client: Client, user: Any) -> None:
    response = client.post(
        "/ladder/steps/new/", step_post(feared_outcome="I want to die if they say no"), follow=True
    )
    assert response.status_code == 200
    assert Step.objects.filter(user=user).count() == 1
    assert 'id="crisis-help"' in response.content.decode()
    assert ScreeningEvent.objects.filter(user=user, source="ladder.step").exists()
    # Shown once, not on every page after.
    assert 'id="crisis-help"' not in client.get("/ladder/").content.decode()


def test_editing_a_step_keeps_its_attempts(client: Client, step: Step) -> None:
    make_attempt(step)
    make_attempt(step)
    response = client.post(f"/ladder/steps/{step.pk}/edit/", step_post(what="A new wording"))
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.what == "A new wording"
    assert step.attempts.count() == 2


def test_editing_with_bad_input_changes_nothing(client: Client, step: Step) -> None:
    response = client.post(f"/ladder/steps/{step.pk}/edit/", step_post(expected_discomfort="101"))
    assert response.status_code == 200
    assert 'value="101"' in response.content.decode()
    step.refresh_from_db()
    assert step.expected_discomfort == 60


def test_delete_asks_first_and_says_how_many_attempts_go(client: Client, step: Step) -> None:
    for _ in range(3):
        make_attempt(step)
    page = client.get(f"/ladder/steps/{step.pk}/delete/").content.decode()
    assert "3 logged attempts" in page
    response = client.post(f"/ladder/steps/{step.pk}/delete/", follow=True)
    assert "with its 3 attempts" in response.content.decode()
    assert not Step.objects.filter(pk=step.pk).exists()
    assert not Attempt.objects.exists()


def test_delete_renumbers_the_rest_of_the_ladder(client: Client, user: Any) -> None:
    first, second, third = (make_step(user, what=w) for w in "abc")
    client.post(f"/ladder/steps/{first.pk}/delete/")
    assert list(Step.objects.filter(user=user).values_list("what", "position")) == [("b", 0), ("c", 1)]
    assert second.pk and third.pk


def test_override_both_ways_and_back_to_the_rule(client: Client, step: Step) -> None:
    url = f"/ladder/steps/{step.pk}/override/"
    client.post(url, {"choice": "mastered"})
    step.refresh_from_db()
    assert step.override == "mastered" and step.override_at is not None
    assert "You marked this step as mastered" in client.get(f"/ladder/steps/{step.pk}/").content.decode()
    make_attempt(step)
    make_attempt(step)
    client.post(url, {"choice": "practising"})
    step.refresh_from_db()
    assert step.override == "practising"
    page = client.get(f"/ladder/steps/{step.pk}/").content.decode()
    assert "keep practising this step" in page and 'class="status status-practising"' in page
    client.post(url, {"choice": ""})
    step.refresh_from_db()
    assert step.override == "" and step.override_at is None


def test_an_unknown_override_changes_nothing(client: Client, step: Step) -> None:
    response = client.post(f"/ladder/steps/{step.pk}/override/", {"choice": "forever"}, follow=True)
    assert response.status_code == 200
    assert "not understood" in response.content.decode()
    step.refresh_from_db()
    assert step.override == ""


def test_wrong_methods_are_405(client: Client, step: Step) -> None:
    assert client.get(f"/ladder/steps/{step.pk}/override/").status_code == 405
    assert client.post(f"/ladder/steps/{step.pk}/").status_code == 405
    assert client.put(f"/ladder/steps/{step.pk}/edit/").status_code == 405
    assert client.delete(f"/ladder/steps/{step.pk}/delete/").status_code == 405


def test_another_users_step_is_404_everywhere(client: Client, other_step: Step) -> None:
    pk = other_step.pk
    for url in (f"/ladder/steps/{pk}/", f"/ladder/steps/{pk}/edit/", f"/ladder/steps/{pk}/delete/",
                f"/ladder/steps/{pk}/attempts/new/"):
        assert client.get(url).status_code == 404, url
    for url, data in ((f"/ladder/steps/{pk}/edit/", step_post()), (f"/ladder/steps/{pk}/delete/", {}),
                      (f"/ladder/steps/{pk}/override/", {"choice": "mastered"}),
                      (f"/ladder/steps/{pk}/move/", {"direction": "up"}),
                      (f"/ladder/steps/{pk}/attempts/new/", {})):
        assert client.post(url, data).status_code == 404, url
    other_step.refresh_from_db()
    assert other_step.what == "Bob's private step" and other_step.override == ""


def test_a_missing_step_is_404(client: Client) -> None:
    assert client.get("/ladder/steps/999999/").status_code == 404


def test_pages_need_login(anon_client: Client, step: Step) -> None:
    for url in ("/ladder/", "/ladder/library/", "/ladder/progress/", f"/ladder/steps/{step.pk}/"):
        response = anon_client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_20_digit_person_id_is_refused_not_a_server_error(client: Client, user: Any) -> None:
    from django.urls import reverse

    from bridgework.ladder.models import Step

    data = {"what": "Ask Sam", "kind": "ask", "expected_discomfort": 30, "feared_likelihood": 40, "person": "9" * 20}
    response = client.post(reverse("ladder:step_new"), data)
    assert response.status_code == 200
    assert "Choose someone from your circle." in response.content.decode()
    assert not Step.objects.filter(user=user).exists()
