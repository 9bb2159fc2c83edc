"""The three kinds of crisis help after a save, and the check-in that names the day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from bridgework.ladder.tests.conftest import attempt_post, make_step
from bridgework.safety import dashboard
from bridgework.safety.models import SafetyPlan, ScreeningEvent
from bridgework.screening.crisis import Screening


def _panel(user: Any, screening: Screening) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("safety/_crisis_help.html", {"screening": screening}, request=request)


def test_an_emergency_under_way_leads_with_call_now(user: Any) -> None:
    SafetyPlan.objects.create(user=user, contact_name="Sam", contact_phone="+447700900123")
    html = _panel(user, Screening(level="urgent", in_progress=True))
    assert 'data-help-kind="emergency"' in html
    assert html.index('href="tel:') < html.index("Your message to Sam") < html.index("Someone to talk to")


def test_other_crisis_puts_my_plan_and_message_before_the_lines(user: Any) -> None:
    SafetyPlan.objects.create(user=user, coping_alone="Walk the dog", contact_name="Sam")
    html = _panel(user, Screening(level="concern"))
    assert 'data-help-kind="crisis"' in html
    assert html.index("Open your safety plan") < html.index("Your message to Sam") < html.index(
        "Talk to someone now"
    )


def test_about_someone_else_shows_how_to_help_never_the_self_panel(user: Any) -> None:
    SafetyPlan.objects.create(user=user, contact_name="Sam")
    html = _panel(user, Screening(level="urgent", about="other"))
    assert 'data-help-kind="other"' in html and "Ask them directly" in html
    assert "Your message to Sam" not in html and "Open your safety plan" not in html


def test_a_journal_entry_about_a_friend_at_risk_shows_how_to_help(client: Any) -> None:
    body = "My friend told me tonight that she wants to kill herself."
    response = client.post(
        reverse("journal:new"),
        {"date": "2026-01-01", "body": body, "mood": "", "prompt_id": ""},
        follow=True,
    )
    assert 'data-help-kind="other"' in response.text


def test_easier_than_i_thought_in_a_ladder_reflection_shows_no_crisis_help(
    client: Any, user: Any
) -> None:
    step = make_step(user)
    response = client.post(
        f"/ladder/steps/{step.pk}/attempts/new/",
        attempt_post(learned="Easier than I thought."),
        follow=True,
    )
    assert response.status_code == 200
    assert 'id="crisis-help"' not in response.text
    assert not ScreeningEvent.objects.filter(user=user).exists()


def test_the_checkin_names_the_real_day() -> None:
    today = dt.date(2026, 11, 29)  # a Sunday
    assert dashboard.day_phrase(today, today) == "Earlier today"
    assert dashboard.day_phrase(dt.date(2026, 11, 28), today) == "Yesterday"
    assert dashboard.day_phrase(dt.date(2026, 11, 24), today) == "On Tuesday"
    assert dashboard.day_phrase(dt.date(2026, 11, 22), today) == "Last Sunday"


def test_the_checkin_on_the_dashboard_says_when(client: Any, user: Any) -> None:
    ScreeningEvent.objects.create(user=user, level="concern", source="journal.entry")
    body = client.get("/").text
    assert "Earlier today you wrote something that sounded really heavy" in body
    assert "A few days ago" not in body
