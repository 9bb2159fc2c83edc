"""Logging attempts, the reflection card and mastery, through HTTP."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from bridgework.ladder.models import Attempt, Step
from bridgework.safety.models import ScreeningEvent

from .conftest import attempt_post, make_attempt, make_step


def test_logging_an_attempt_shows_the_reflection_card(client: Client, step: Step) -> None:
    response = client.post(f"/ladder/steps/{step.pk}/attempts/new/", attempt_post())
    attempt = Attempt.objects.get(step=step)
    assert response["Location"] == f"/ladder/attempts/{attempt.pk}/"
    body = client.get(response["Location"]).content.decode()
    assert "Your prediction and what happened" in body
    assert "You expected 60; the peak was 25." in body
    assert "35 lower than you predicted" in body
    assert "It did not happen." in body
    assert "counts toward mastering the step: 1 more like it to go" in body


def test_the_form_defaults_to_today_and_forbids_future_dates(client: Client, step: Step) -> None:
    body = client.get(f"/ladder/steps/{step.pk}/attempts/new/").content.decode()
    today = timezone.localdate().isoformat()
    assert f'value="{today}"' in body and f'max="{today}"' in body
    assert "<legend>How uncomfortable was it?" in body


def test_it_rejects_a_date_in_the_future_and_keeps_the_text(client: Client, step: Step) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        f"/ladder/steps/{step.pk}/attempts/new/",
        attempt_post(happened_on=tomorrow, learned="Keep this sentence"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "That date is in the future" in body
    assert "Keep this sentence" in body and tomorrow in body
    assert not Attempt.objects.exists()


def test_it_rejects_ratings_outside_0_to_100(client: Client, step: Step) -> None:
    response = client.post(
        f"/ladder/steps/{step.pk}/attempts/new/",
        attempt_post(discomfort_peak="101", discomfort_before="-1", discomfort_after="x"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"discomfort_peak", "discomfort_before", "discomfort_after"}
    assert 'value="101"' in response.content.decode()
    assert not Attempt.objects.exists()


def test_it_rejects_a_missing_answer_and_a_bad_date(client: Client, step: Step) -> None:
    response = client.post(
        f"/ladder/steps/{step.pk}/attempts/new/",
        attempt_post(feared_happened="", happened_on="last tuesday"),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"feared_happened", "happened_on"}


def test_a_second_calm_attempt_masters_the_step_and_suggests_the_next(client: Client, user: Any) -> None:
    first = make_step(user, what="Small ask", expected_discomfort=40)
    second = make_step(user, what="Bigger ask", expected_discomfort=70)
    make_attempt(first, discomfort_peak=30)
    assert client.get("/ladder/").context["next_row"].step == first
    response = client.post(
        f"/ladder/steps/{first.pk}/attempts/new/", attempt_post(discomfort_peak="20"), follow=True
    )
    body = response.content.decode()
    assert "You have mastered this step." in body
    assert "Suggested next step:" in body and "Bigger ask" in body
    ladder = client.get("/ladder/")
    assert ladder.context["next_row"].step == second


def test_a_partly_feared_outcome_does_not_master(client: Client, step: Step) -> None:
    make_attempt(step, discomfort_peak=10)
    response = client.post(
        f"/ladder/steps/{step.pk}/attempts/new/", attempt_post(feared_happened="partly"), follow=True
    )
    body = response.content.decode()
    assert "It partly happened." in body
    assert "doesn’t count toward mastery yet (1 of 2 so far)" in body


def test_crisis_language_in_an_attempt_brings_up_help(client: Client, step: Step, user: Any) -> None:
    response = client.post(
        f"/ladder/steps/{step.pk}/attempts/new/",
        attempt_post(learned="Honestly I want to kill myself"),
        follow=True,
    )
    assert 'id="crisis-help"' in response.content.decode()
    assert Attempt.objects.filter(step=step).count() == 1
    assert ScreeningEvent.objects.filter(user=user, source="ladder.attempt").exists()


def test_editing_and_deleting_an_attempt(client: Client, step: Step) -> None:
    attempt = make_attempt(step)
    response = client.post(f"/ladder/attempts/{attempt.pk}/edit/", attempt_post(discomfort_peak="55"))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.discomfort_peak == 55
    assert "Delete this attempt?" in client.get(f"/ladder/attempts/{attempt.pk}/delete/").content.decode()
    response = client.post(f"/ladder/attempts/{attempt.pk}/delete/")
    assert response["Location"] == f"/ladder/steps/{step.pk}/"
    assert Step.objects.filter(pk=step.pk).exists() and not Attempt.objects.exists()


def test_editing_an_attempt_with_bad_input_keeps_it(client: Client, step: Step) -> None:
    attempt = make_attempt(step)
    response = client.post(f"/ladder/attempts/{attempt.pk}/edit/", attempt_post(discomfort_after="200"))
    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.discomfort_after == 10


def test_wrong_methods_are_405(client: Client, step: Step) -> None:
    attempt = make_attempt(step)
    assert client.post(f"/ladder/attempts/{attempt.pk}/").status_code == 405
    assert client.put(f"/ladder/attempts/{attempt.pk}/edit/").status_code == 405
    assert client.patch(f"/ladder/steps/{step.pk}/attempts/new/").status_code == 405


def test_another_users_attempt_is_404(client: Client, other_attempt: Attempt) -> None:
    pk = other_attempt.pk
    for url in (f"/ladder/attempts/{pk}/", f"/ladder/attempts/{pk}/edit/", f"/ladder/attempts/{pk}/delete/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/ladder/attempts/{pk}/edit/", attempt_post()).status_code == 404
    assert client.post(f"/ladder/attempts/{pk}/delete/").status_code == 404
    assert Attempt.objects.filter(pk=pk).exists()


def test_it_rejects_a_date_before_1900_and_keeps_the_text(client: Client, step: Step) -> None:
    response = client.post(
        f"/ladder/steps/{step.pk}/attempts/new/",
        attempt_post(happened_on="0001-01-01", learned="Keep this sentence"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "before 1900" in body and "Keep this sentence" in body
    assert not Attempt.objects.exists()


def test_the_reflection_never_says_zero_more_to_go_when_i_chose_to_keep_practising(
    client: Client, step: Step
) -> None:
    from bridgework.ladder.services import step_override_set

    make_attempt(step)  # calm, and the fear did not happen: it counts
    step_override_set(step=step, choice="practising")
    response = client.post(f"/ladder/steps/{step.pk}/attempts/new/", attempt_post())
    body = client.get(response["Location"]).content.decode()
    assert "0 more like it to go" not in body
    assert "you chose to keep practising it" in body
