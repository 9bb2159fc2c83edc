from __future__ import annotations

from typing import Any

import pytest

from bridgework.circle.models import Person
from bridgework.ladder.tests.conftest import make_step
from bridgework.safety.models import ScreeningEvent
from bridgework.voice.models import Message

from .helpers import BUILDER, make_message

pytestmark = pytest.mark.django_db


def test_the_index_lists_only_my_messages(client: Any, user: Any, other_user: Any) -> None:
    make_message(user, title="Mine")
    make_message(other_user, title="Theirs")
    response = client.get("/voice/")
    assert response.status_code == 200
    assert "Mine" in response.content.decode() and "Theirs" not in response.content.decode()


def test_the_index_needs_a_login(anon_client: Any) -> None:
    assert anon_client.get("/voice/").status_code == 302


def test_the_index_refuses_post(client: Any) -> None:
    assert client.post("/voice/").status_code == 405


def test_the_builder_saves_a_message_and_shows_it_three_ways(client: Any, user: Any) -> None:
    response = client.post("/voice/new/", BUILDER)
    message = Message.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == f"/voice/{message.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Hi Sam, My appointment is on Tuesday" in page
    assert "I feel nervous." in page and "I need to get there calmly." in page
    assert "Could you drive me on Tuesday at 8:30?" in page
    assert "Words to say aloud" in page and "As an e-mail" in page
    assert "Makes a concrete request" in page


def test_the_builder_offers_feeling_words(client: Any) -> None:
    page = client.get("/voice/new/").content.decode()
    assert "Looking for a word?" in page and "overwhelmed" in page


def test_the_builder_keeps_the_text_when_the_title_is_missing(client: Any, user: Any) -> None:
    response = client.post("/voice/new/", BUILDER | {"title": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please fill this in." in page
    assert "the buses are unreliable" in page
    assert not Message.objects.exists()


def test_the_builder_asks_for_at_least_one_part(client: Any) -> None:
    empty = {k: "" for k in BUILDER} | {"title": "Nothing yet"}
    response = client.post("/voice/new/", empty)
    assert response.status_code == 200
    assert "Write at least one part" in response.content.decode()


def test_the_builder_refuses_someone_elses_circle_person(client: Any, other_user: Any) -> None:
    theirs = Person.objects.create(user=other_user, name="Bob's friend", ring="close", comfort=50)
    response = client.post("/voice/new/", BUILDER | {"person": theirs.pk})
    assert response.status_code == 200
    assert "Choose someone from your circle." in response.content.decode()
    assert not Message.objects.exists()


def test_the_builder_refuses_someone_elses_step(client: Any, other_user: Any) -> None:
    step = make_step(other_user)
    response = client.post("/voice/new/", BUILDER | {"step": step.pk})
    assert "Choose a step from your ladder." in response.content.decode()


def test_the_builder_links_my_step_and_person(client: Any, user: Any) -> None:
    person = Person.objects.create(user=user, name="Sam", ring="close", comfort=70)
    step = make_step(user, person=person)
    client.post("/voice/new/", BUILDER | {"step": step.pk, "person": person.pk})
    message = Message.objects.get(user=user)
    assert message.step == step and message.person == person


def test_the_builder_starts_from_a_step(client: Any, user: Any) -> None:
    step = make_step(user, what="Ask Kim for a lift")
    page = client.get(f"/voice/new/?step={step.pk}").content.decode()
    assert 'value="Ask Kim for a lift"' in page


def test_the_builder_refuses_to_start_from_someone_elses_step(client: Any, other_user: Any) -> None:
    step = make_step(other_user)
    assert client.get(f"/voice/new/?step={step.pk}").status_code == 404


def test_the_builder_starts_from_a_script(client: Any, user: Any) -> None:
    page = client.get("/voice/new/?script=work-extra-project&variant=firmer").content.decode()
    assert "I&#x27;m not able to take this project on." in page
    response = client.post("/voice/new/", BUILDER | {"script_slug": "work-extra-project"})
    assert response.status_code == 302
    assert Message.objects.get(user=user).script_slug == "work-extra-project"


def test_saving_crisis_language_shows_help_after_the_redirect_and_still_saves(client: Any, user: Any) -> None:
    # The feeling is followed by other fields: each is screened as its own sentence.
    response = client.post("/voice/new/", BUILDER | {"feeling": "I want to kill myself"}, follow=True)
    message = Message.objects.get(user=user)
    assert response.redirect_chain == [(f"/voice/{message.pk}/", 302)]
    assert 'id="crisis-help"' in response.content.decode()
    assert 'id="crisis-help"' not in client.get(f"/voice/{message.pk}/").content.decode()
    assert ScreeningEvent.objects.filter(user=user, source="voice.message").exists()


def test_a_crisis_prediction_shows_help_too(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(
        f"/voice/{message.pk}/send/", {"prediction": "I don't want to be alive anymore", "predicted_discomfort": "90"}, follow=True
    )
    assert 'id="crisis-help"' in response.content.decode()


def test_the_builder_refuses_put(client: Any) -> None:
    assert client.put("/voice/new/").status_code == 405


def test_the_detail_page_shows_feedback_with_evidence(client: Any, user: Any) -> None:
    message = make_message(user, draft="Sorry to bother you, could you maybe help me on Friday? No worries if not.")
    page = client.get(f"/voice/{message.pk}/").content.decode()
    assert "Apologising for asking" in page and "sorry to bother" in page, page[page.find("feedback-heading"):][:3000]
    assert "Softening the ask away" in page


def test_another_users_message_is_404_everywhere(client: Any, other_user: Any) -> None:
    message = make_message(other_user)
    for path in ("", "edit/", "delete/", "rehearse/", "send/", "debrief/"):
        assert client.get(f"/voice/{message.pk}/{path}").status_code == 404, path
    for path in ("edit/", "delete/", "dismiss/", "send/", "sent/", "debrief/"):
        assert client.post(f"/voice/{message.pk}/{path}", {"issue": "hedging"}).status_code == 404, path
    assert Message.objects.filter(pk=message.pk).exists()


def test_the_detail_page_refuses_post(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.post(f"/voice/{message.pk}/").status_code == 405


def test_editing_saves_the_new_words(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/edit/", BUILDER | {"feeling": "worried"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.feeling == "worried"


def test_editing_with_bad_input_keeps_the_text(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/edit/", BUILDER | {"title": "", "feeling": "quite worried"})
    assert response.status_code == 200
    assert "quite worried" in response.content.decode()
    message.refresh_from_db()
    assert message.feeling == "nervous"


def test_editing_refuses_delete(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.delete(f"/voice/{message.pk}/edit/").status_code == 405


def test_deleting_asks_first_then_deletes(client: Any, user: Any) -> None:
    message = make_message(user)
    assert "Delete “Lift to the clinic”?" in client.get(f"/voice/{message.pk}/delete/").content.decode()
    assert client.post(f"/voice/{message.pk}/delete/").status_code == 302
    assert not Message.objects.exists()


def test_deleting_refuses_put(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.put(f"/voice/{message.pk}/delete/").status_code == 405


def test_a_dismissed_note_stays_dismissed_for_that_draft(client: Any, user: Any) -> None:
    message = make_message(user, draft="I just wanted to ask: could you call me on Friday at 6?")
    response = client.post(f"/voice/{message.pk}/dismiss/", {"issue": "hedging"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.dismissed == ["hedging"]
    page = client.get(f"/voice/{message.pk}/").content.decode()
    assert "Notes you set aside (1)" in page and "set it aside</button>" not in page
    client.post(f"/voice/{message.pk}/dismiss/", {"issue": "hedging", "undo": "on"})
    message.refresh_from_db()
    assert message.dismissed == []


def test_dismissing_an_unknown_note_changes_nothing(client: Any, user: Any) -> None:
    message = make_message(user)
    response = client.post(f"/voice/{message.pk}/dismiss/", {"issue": "rudeness"}, follow=True)
    assert "That note was not understood" in response.content.decode()
    message.refresh_from_db()
    assert message.dismissed == []


def test_dismissing_refuses_get(client: Any, user: Any) -> None:
    message = make_message(user)
    assert client.get(f"/voice/{message.pk}/dismiss/").status_code == 405


def test_a_bad_id_is_404(client: Any) -> None:
    assert client.get("/voice/99999999999999999999999/").status_code == 404


def test_a_ladder_step_links_to_the_builder(client: Any, user: Any) -> None:
    step = make_step(user)
    page = client.get(f"/ladder/steps/{step.pk}/").content.decode()
    assert f'href="/voice/new/?step={step.pk}"' in page
