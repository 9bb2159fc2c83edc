from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from bridgework.ladder.models import Attempt
from bridgework.ladder.tests.conftest import make_step
from bridgework.voice.models import Message

from .helpers import make_message

pytestmark = pytest.mark.django_db


def debrief_post(step: Any, **fields: Any) -> dict[str, Any]:
    return {
        "step": step.pk,
        "happened_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "discomfort_before": 60,
        "discomfort_peak": 45,
        "discomfort_after": 10,
        "feared_happened": "no",
        "response": "better",
        "what_happened": "Sam said yes straight away.",
        "learned": "Asking took ten seconds.",
    } | fields


def test_rehearse_gives_the_words_a_time_and_prepared_replies(client: Any, user: Any) -> None:
    message = make_message(user)
    page = client.get(f"/voice/{message.pk}/rehearse/").content.decode()
    assert "Could you drive me on Tuesday at 8:30?" in page
    assert "seconds</strong>" in page and "What might they say?" in page
    assert "You could say:" in page


def test_rehearse_refuses_post(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.post(f"/voice/{message.pk}/rehearse/").status_code == 405


def test_send_offers_sms_and_mailto_links_with_the_contact(client: Any, user: Any) -> None:
    message = make_message(user, send_to="+44 7700 900123")
    page = client.get(f"/voice/{message.pk}/send/").content.decode()
    assert 'href="sms:+447700900123?&amp;body=Hi%20Sam%2C' in page
    assert 'href="mailto:?subject=' in page
    message = make_message(user, send_to="sam@example.org")
    page = client.get(f"/voice/{message.pk}/send/").content.decode()
    assert 'href="mailto:sam@example.org?subject=Could%20you%20drive' in page
    assert 'href="sms:?&amp;body=' in page


def test_the_prediction_is_saved_before_sending(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/send/", {"prediction": "They'll be annoyed.", "predicted_discomfort": "70"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.prediction == "They'll be annoyed." and message.predicted_discomfort == 70


def test_a_bad_prediction_keeps_the_text(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/send/", {"prediction": "They'll laugh", "predicted_discomfort": "170"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Use a whole number from 0 to 100." in page and "They&#x27;ll laugh" in page
    message.refresh_from_db()
    assert message.prediction == ""


def test_send_refuses_put(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.put(f"/voice/{message.pk}/send/").status_code == 405


def test_marking_as_sent_leads_to_the_debrief(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/sent/")
    assert response["Location"] == f"/voice/{message.pk}/debrief/"
    message.refresh_from_db()
    assert message.sent_at is not None


def test_marking_as_sent_refuses_get(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.get(f"/voice/{message.pk}/sent/").status_code == 405


def test_the_debrief_records_a_ladder_attempt_with_the_prediction(client: Any, user: Any) -> None:
    step = make_step(user)
    message = make_message(user, step=step, prediction="They'll say I should sort it myself.", predicted_discomfort=70)
    page = client.get(f"/voice/{message.pk}/debrief/").content.decode()
    assert "They&#x27;ll say I should sort it myself." in page
    response = client.post(f"/voice/{message.pk}/debrief/", debrief_post(step))
    attempt = Attempt.objects.get(step=step)
    assert response["Location"] == f"/ladder/attempts/{attempt.pk}/"
    assert attempt.what_happened.startswith("Before sending I expected: They'll say I should sort it myself.")
    assert "Sam said yes straight away." in attempt.what_happened
    message.refresh_from_db()
    assert message.attempt == attempt and message.debriefed_at is not None and message.sent_at is not None


def test_the_debrief_keeps_the_text_on_bad_input(client: Any, user: Any) -> None:
    step = make_step(user)
    message = make_message(user, step=step)
    response = client.post(f"/voice/{message.pk}/debrief/", debrief_post(step, discomfort_peak="101"))
    assert response.status_code == 200
    assert "Sam said yes straight away." in response.content.decode()
    assert not Attempt.objects.exists()


def test_the_debrief_refuses_someone_elses_step(client: Any, user: Any, other_user: Any) -> None:
    theirs = make_step(other_user)
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/debrief/", debrief_post(theirs))
    assert "Choose a step from your ladder." in response.content.decode()
    assert not Attempt.objects.exists()


def test_the_debrief_without_steps_points_to_the_ladder(client: Any, user: Any) -> None:
    message = make_message(user)
    assert "Add a step" in client.get(f"/voice/{message.pk}/debrief/").content.decode()


def test_the_debrief_refuses_delete(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.delete(f"/voice/{message.pk}/debrief/").status_code == 405


def test_deleting_a_debriefed_message_keeps_the_attempt(client: Any, user: Any) -> None:
    step = make_step(user)
    message = make_message(user, step=step)
    client.post(f"/voice/{message.pk}/debrief/", debrief_post(step))
    client.post(f"/voice/{message.pk}/delete/")
    assert not Message.objects.exists() and Attempt.objects.filter(step=step).count() == 1


def test_the_prediction_needs_a_few_words(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/send/", {"prediction": "  ", "predicted_discomfort": "40"})
    assert "Write a few words about what you expect" in response.content.decode()
    assert 'value="40"' in response.content.decode()
