"""The progress page, the home panel and the export."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from bridgework.ladder.models import Step

from .conftest import make_attempt, make_step


def test_progress_with_nothing_yet_explains_itself(client: Client) -> None:
    response = client.get("/ladder/progress/")
    assert response.status_code == 200
    assert "Nothing to chart yet" in response.content.decode()
    assert response.context["progress"].charts == {}


def test_progress_charts_each_come_with_a_table(client: Client, user: Any) -> None:
    today = timezone.localdate()
    step = make_step(user, what="Ask for directions", expected_discomfort=40)
    make_attempt(step, happened_on=today - timedelta(days=15), discomfort_peak=20)
    make_attempt(step, happened_on=today - timedelta(days=1), discomfort_peak=10)
    other = make_step(user, what="Say no once", kind="boundary", expected_discomfort=60)
    make_attempt(other, happened_on=today, discomfort_peak=70, feared_happened="partly")
    response = client.get("/ladder/progress/")
    progress = response.context["progress"]
    assert progress.attempt_count == 3
    assert progress.weeks_practised in (2, 3)
    assert [total for _, _, total in progress.mastered] == [1]
    assert set(progress.charts) == {"mastered", "discomfort", "fear", "weeks"}
    body = response.content.decode()
    assert body.count('<svg class="chart"') == 4
    assert body.count("<table>") == 5  # four charts + asks by kind
    assert "Real-world asks made" in body
    assert "Partly" in body and "early signs" in body
    assert dict(progress.by_kind)["Say no or set a boundary"] == 1


def test_progress_shows_only_my_data(client: Client, other_step: Step) -> None:
    make_attempt(other_step)
    assert client.get("/ladder/progress/").context["progress"].attempt_count == 0
    assert client.post("/ladder/progress/").status_code == 405


def test_home_with_no_steps_suggests_the_library(client: Client) -> None:
    response = client.get("/")
    panel = next(p for p in response.context["panels"] if p.template == "ladder/_dashboard.html")
    assert panel.next_step.priority == 15
    assert panel.next_step.text == "Pick a first small step from the library"
    assert panel.next_step.url == "/ladder/library/"


def test_home_shows_the_next_step_and_the_last_reflection(client: Client, user: Any) -> None:
    step = make_step(user, what="Ask Sam for a lift")
    attempt = make_attempt(step, discomfort_peak=45)
    response = client.get("/")
    assert response.context["next_step"].priority == 50
    assert response.context["next_step"].text == "Practise: Ask Sam for a lift"
    body = response.content.decode()
    assert "Last reflection" in body and f"/ladder/attempts/{attempt.pk}/" in body


def test_the_home_panel_decrypts_only_the_text_it_shows(
    user: Any, monkeypatch: Any, django_assert_num_queries: Any
) -> None:
    from django.template.loader import render_to_string

    from bridgework.core import encryption
    from bridgework.ladder.dashboard import dashboard

    steps = [make_step(user, what=f"Step {n}", override="mastered") for n in range(10)]
    steps += [make_step(user, what=f"Later step {n}") for n in range(10)]
    make_attempt(steps[3], discomfort_peak=30)
    decrypted: list[str] = []
    real = encryption.decrypt

    def counting(value: str) -> str:
        decrypted.append(plain := real(value))
        return plain

    monkeypatch.setattr(encryption, "decrypt", counting)
    # The next step (counted in SQL), how many steps, the last attempt.
    with django_assert_num_queries(3):
        panel = dashboard(user)
        html = render_to_string(panel.template, {"panel": panel.context})
    assert sorted(decrypted) == ["Later step 0", "Step 3"]
    assert panel.next_step is not None and panel.next_step.text == "Practise: Later step 0"
    assert panel.context["step_count"] == 20
    assert "Later step 0" in html and "Step 3: you expected 60, the peak was 30" in html


def test_home_has_no_next_step_when_everything_is_mastered(client: Client, user: Any) -> None:
    make_step(user, override="mastered")
    panel = next(p for p in client.get("/").context["panels"] if p.template == "ladder/_dashboard.html")
    assert panel.next_step is None


def test_the_export_includes_decrypted_steps_and_attempts(client: Client, user: Any, other_step: Step) -> None:
    step = make_step(user)
    make_attempt(step, learned="They were kind")
    data = json.loads(client.get("/account/export/").content)["data"]["ladder"]
    assert len(data["steps"]) == 1
    exported = data["steps"][0]
    assert exported["who"] == "Sam" and exported["status"] == "practising"
    assert exported["attempts"][0]["learned"] == "They were kind"


def test_the_export_is_plain_json(user: Any) -> None:
    from bridgework.ladder.export import export_user_data
    from bridgework.ladder.services import step_override_set

    step = make_step(user)
    make_attempt(step)
    step_override_set(step=step, choice="mastered")
    data = export_user_data(user)
    assert json.loads(json.dumps(data)) == data
    assert data["steps"][0]["attempts"][0]["happened_on"] == step.attempts.get().happened_on.isoformat()
