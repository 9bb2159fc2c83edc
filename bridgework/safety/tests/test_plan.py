"""The safety plan, the follow-up and the enriched crisis help, through HTTP."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from bridgework.safety import dashboard
from bridgework.safety.export import export_user_data
from bridgework.safety.models import SafetyPlan, ScreeningEvent

pytestmark = pytest.mark.django_db

PLAN = {
    "warning_signs": "Not sleeping, skipping meals",
    "coping_alone": "A hot shower, the dog",
    "distractions": "The library",
    "helpers": "Sam",
    "professionals": "Dr Lee",
    "environment": "Ask Sam to keep my meds",
    "reasons": "My dog, my niece",
    "contact_name": "Sam",
    "contact_phone": "+44 7700 900123",
    "contact_email": "sam@example.org",
    "contact_message": "Could you call me tonight?",
}


def test_viewing_an_empty_plan_invites_writing_one(client: Any, user: Any) -> None:
    response = client.get(reverse("safety:plan"))
    assert "You have not written a safety plan yet" in response.text
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_it_saves_and_shows_the_plan_with_a_message_ready(client: Any, user: Any) -> None:
    response = client.post(reverse("safety:plan_edit"), PLAN, follow=True)
    assert response.status_code == 200
    plan = SafetyPlan.objects.get(user=user)
    assert plan.reasons == "My dog, my niece"
    assert "Not sleeping" in response.text and "Print" in response.text
    assert 'href="sms:+447700900123?&amp;body=Could%20you%20call%20me%20tonight%3F"' in response.text
    assert "mailto:sam@example.org?subject=" in response.text


def test_the_edit_form_shows_seven_steps(client: Any) -> None:
    response = client.get(reverse("safety:plan_edit"))
    for n in range(1, 8):
        assert f"{n}. " in response.text


def test_crisis_language_in_the_plan_shows_help_and_saves(client: Any, user: Any) -> None:
    response = client.post(reverse("safety:plan_edit"), {**PLAN, "warning_signs": "when I want to die"}, follow=True)
    assert response.redirect_chain == [(reverse("safety:plan"), 302)]
    assert 'id="crisis-help"' in response.text
    assert SafetyPlan.objects.get(user=user).warning_signs == "when I want to die"


def test_it_rejects_an_overlong_field(client: Any, user: Any) -> None:
    response = client.post(reverse("safety:plan_edit"), {**PLAN, "reasons": "x" * 10_001})
    assert "under 10,000 characters" in response.text
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_plan_pages_need_login_and_right_methods(anon_client: Any, client: Any) -> None:
    assert anon_client.get(reverse("safety:plan")).status_code == 302
    assert client.post(reverse("safety:plan")).status_code == 405
    assert client.get(reverse("safety:followup")).status_code == 405


def test_each_user_sees_only_their_own_plan(client: Any, other_client: Any) -> None:
    client.post(reverse("safety:plan_edit"), PLAN)
    assert "Not sleeping" not in other_client.get(reverse("safety:plan")).text


def test_help_page_links_to_the_plan(client: Any) -> None:
    assert reverse("safety:plan") in client.get(reverse("safety:help")).text


def test_crisis_help_offers_the_plan_and_message(client: Any, user: Any) -> None:
    client.post(reverse("safety:plan_edit"), PLAN)
    response = client.post(
        reverse("journal:new"), {"date": "2026-01-01", "body": "I want to die", "mood": "", "prompt_id": ""}, follow=True
    )
    assert 'id="crisis-help"' in response.text
    assert "Your message to Sam" in response.text and "Open your safety plan" in response.text


def test_home_offers_a_gentle_checkin_after_a_screening_event(client: Any, user: Any) -> None:
    assert dashboard.dashboard(user) is None
    ScreeningEvent.objects.create(user=user, level="concern", source="journal.entry")
    assert "Checking in" in client.get("/").text


def test_old_events_do_not_prompt_a_checkin(user: Any) -> None:
    event = ScreeningEvent.objects.create(user=user, level="concern", source="journal.entry")
    ScreeningEvent.objects.filter(pk=event.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    assert dashboard.dashboard(user) is None


def test_answering_the_checkin_closes_it(client: Any, user: Any) -> None:
    ScreeningEvent.objects.create(user=user, level="concern", source="journal.entry")
    response = client.post(reverse("safety:followup"), {"feeling": "worse"})
    assert response.url == reverse("safety:plan")
    assert dashboard.dashboard(user) is None


def test_a_bad_checkin_answer_changes_nothing(client: Any, user: Any) -> None:
    ScreeningEvent.objects.create(user=user, level="concern", source="journal.entry")
    client.post(reverse("safety:followup"), {"feeling": "nope"})
    assert dashboard.dashboard(user) is not None


def test_export_includes_plan_and_events(client: Any, user: Any) -> None:
    client.post(reverse("safety:plan_edit"), PLAN)
    ScreeningEvent.objects.create(user=user, level="urgent", source="journal.entry")
    data = export_user_data(user)
    assert data["safety_plan"]["reasons"] == "My dog, my niece"
    assert data["screening_events"][0]["level"] == "urgent"


def test_crisis_language_in_the_prewritten_message_shows_help_and_saves(client: Any, user: Any) -> None:
    message = "I am going to end it tonight, please come"
    response = client.post(reverse("safety:plan_edit"), {**PLAN, "contact_message": message}, follow=True)
    assert 'id="crisis-help"' in response.text
    assert SafetyPlan.objects.get(user=user).contact_message == message
    assert ScreeningEvent.objects.filter(user=user, source="safety.plan").exists()


def test_the_default_prewritten_message_is_not_a_crisis(client: Any, user: Any) -> None:
    from bridgework.safety.models import DEFAULT_HELP_MESSAGE

    response = client.post(reverse("safety:plan_edit"), {**PLAN, "contact_message": DEFAULT_HELP_MESSAGE})
    assert response.status_code == 302
    assert not ScreeningEvent.objects.filter(user=user).exists()


def test_a_20_digit_circle_helper_id_is_refused_not_a_server_error(client: Any, user: Any) -> None:
    response = client.post(reverse("safety:plan_edit"), {**PLAN, "circle_helpers": ["9" * 20]})
    assert response.status_code == 200
    assert "Choose only people from your own circle." in response.text
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_a_crisis_written_in_a_section_still_shows_help(client: Any, user: Any) -> None:
    # Each answer is read under its heading; the heading never hides what is said now.
    warning = "I've got the pills counted out and I'm doing it tonight"
    response = client.post(reverse("safety:plan_edit"), {**PLAN, "warning_signs": warning}, follow=True)
    assert 'id="crisis-help"' in response.text
    assert SafetyPlan.objects.get(user=user).warning_signs == warning
    assert ScreeningEvent.objects.filter(user=user, source="safety.plan", level="urgent").exists()


@pytest.mark.parametrize("name", SafetyPlan.SCREENED_FIELDS)
def test_a_calm_answer_under_each_heading_is_not_a_crisis(name: str) -> None:
    """The headings are the app's words ("Things I can do on my own to feel a little
    better"): read with a calm answer they must not show help."""
    from bridgework.safety.services import _under_heading, screen_texts

    for answer in ("A hot shower, the dog", "Sam", "The library", "Could you call me tonight?"):
        assert not screen_texts(_under_heading(name, answer)).crisis, (name, answer)
