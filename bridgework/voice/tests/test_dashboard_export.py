from __future__ import annotations

import json
import random
from datetime import timedelta
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from bridgework.circle.models import Person
from bridgework.core.modules import export_all, import_all
from bridgework.ladder.tests.conftest import make_attempt, make_step
from bridgework.voice.dashboard import dashboard
from bridgework.voice.demo import create_demo_data
from bridgework.voice.export import export_user_data
from bridgework.voice.importer import import_user_data
from bridgework.voice.models import Message

from .helpers import make_message

pytestmark = pytest.mark.django_db


def test_an_empty_studio_invites_a_first_message(user: Any) -> None:
    panel = dashboard(user)
    assert panel is not None and panel.next_step is None
    assert panel.context == {"sent": 0, "waiting": None, "draft": None}


def test_a_draft_is_proposed_for_rehearsal(user: Any) -> None:
    message = make_message(user)
    panel = dashboard(user)
    assert panel is not None and panel.next_step is not None
    assert panel.next_step.url == f"/voice/{message.pk}/rehearse/"


def test_a_sent_message_waiting_for_its_debrief_comes_first(user: Any) -> None:
    make_message(user, title="Draft")
    sent = make_message(user, title="Sent one", sent_at=timezone.now())
    panel = dashboard(user)
    assert panel is not None and panel.next_step is not None
    assert panel.next_step.url == f"/voice/{sent.pk}/debrief/" and panel.next_step.priority > 50


def test_the_panel_costs_the_same_whatever_the_history(user: Any, django_assert_max_num_queries: Any) -> None:
    for number in range(30):
        make_message(user, title=f"Message {number}", sent_at=timezone.now() if number % 2 else None)
    with django_assert_max_num_queries(3):
        dashboard(user)


def test_the_home_page_shows_the_panel(client: Any, user: Any) -> None:
    make_message(user)
    page = client.get("/").content.decode()
    assert "Speak up" in page and "Lift to the clinic" in page


def test_speak_up_is_in_the_navigation(client: Any) -> None:
    assert 'href="/voice/"' in client.get("/").content.decode()


def test_the_export_is_decrypted_json_and_only_mine(user: Any, other_user: Any) -> None:
    make_message(user, dismissed=["hedging"])
    make_message(other_user, title="Not mine")
    data = json.loads(json.dumps(export_user_data(user)))
    assert [m["title"] for m in data["messages"]] == ["Lift to the clinic"]
    assert data["messages"][0]["feeling"] == "nervous" and data["messages"][0]["dismissed"] == ["hedging"]


def test_export_then_import_round_trips_with_links(user: Any, other_user: Any) -> None:
    person = Person.objects.create(user=user, name="Sam", ring="close", comfort=70)
    step = make_step(user, person=person)
    attempt = make_attempt(step)
    make_message(
        user,
        person=person,
        step=step,
        attempt=attempt,
        prediction="They'll say no.",
        predicted_discomfort=60,
        sent_at=timezone.now(),
        debriefed_at=timezone.now(),
        dismissed=["hedging"],
        script_slug="work-extra-project",
    )
    make_message(user, title="Second", draft="Could you call me on Friday?")
    payload = json.loads(json.dumps(export_all(user), cls=DjangoJSONEncoder))
    import_all(other_user, payload)
    before = payload["data"]["voice"]["messages"]
    after = export_user_data(other_user)["messages"]
    strip = {"id", "person_id", "step_id", "attempt_id"}
    assert [{k: v for k, v in m.items() if k not in strip} for m in after] == [
        {k: v for k, v in m.items() if k not in strip} for m in before
    ]
    # Titles are encrypted: pick the message in memory, not in SQL.
    copied = next(m for m in Message.objects.filter(user=other_user) if m.title == "Lift to the clinic")
    assert copied.person is not None and copied.person.user == other_user
    assert copied.step is not None and copied.step.user == other_user
    assert copied.attempt is not None and copied.attempt.step == copied.step


def test_import_names_the_bad_value(user: Any) -> None:
    from bridgework.core.importing import ImportProblem

    with pytest.raises(ImportProblem, match=r"data\.voice\.messages\[0\]\.predicted_discomfort"):
        import_user_data(user, {"messages": [{"title": "x", "predicted_discomfort": 300}]}, ids={})


def test_the_demo_writes_messages_linked_to_ladder_attempts(user: Any) -> None:
    step = make_step(user, kind="ask")
    for days in range(1, 12):
        make_attempt(step, happened_on=timezone.localdate() - timedelta(days=days))
    create_demo_data(user, years=0.1, rng=random.Random(4), today=timezone.localdate())
    messages = list(Message.objects.filter(user=user))
    assert len(messages) >= 3
    assert any(m.attempt_id for m in messages) and any(m.script_slug for m in messages)
