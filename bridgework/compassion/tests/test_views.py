"""The kindness area through HTTP, as a person would use it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bridgework.circle.models import Person
from bridgework.compassion.models import Kindness, PracticeSession
from bridgework.safety.models import ScreeningEvent

pytestmark = pytest.mark.django_db


# -- the area's home -----------------------------------------------------------------


def test_the_index_lists_every_exercise(client: Client) -> None:
    page = client.get("/compassion/")
    assert page.status_code == 200
    for title in ("A self-compassion break", "What would I say to a friend?", "A compassionate letter", "Soothing-rhythm breathing"):
        assert title in page.content.decode()


def test_the_index_needs_a_login(anon_client: Client) -> None:
    page = anon_client.get("/compassion/")
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]


def test_the_index_refuses_post(client: Client) -> None:
    assert client.post("/compassion/").status_code == 405


def test_the_index_shows_ratings_as_a_chart_and_a_table(client: Client, user: Any) -> None:
    PracticeSession.objects.create(user=user, exercise="break", harsh_before=8, harsh_after=5)
    PracticeSession.objects.create(user=user, exercise="friend", harsh_before=6, harsh_after=5)
    body = client.get("/compassion/").content.decode()
    assert "<svg" in body and "<table" in body
    assert "7.0 out of 10 on average before practice and 5.0 after" in body


# -- practice ----------------------------------------------------------------------


def test_a_break_is_saved_encrypted_with_its_ratings(client: Client, user: Any) -> None:
    response = client.post(
        "/compassion/practice/break/",
        {"harsh_before": "8", "answer_1": "Work is a lot", "answer_2": "Anyone would", "answer_3": "Go gently", "harsh_after": "5"},
    )
    session = PracticeSession.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == f"/compassion/sessions/{session.pk}/"
    assert (session.exercise, session.harsh_before, session.harsh_after) == ("break", 8, 5)
    assert session.answers == ["Work is a lot", "Anyone would", "Go gently"]
    page = client.get(response["Location"]).content.decode()
    assert "Go gently" in page and "8 out of 10 before" in page
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT answer_1 FROM compassion_practicesession")
        (stored,) = cursor.fetchone()
    assert "Work is a lot" not in str(stored)


def test_ratings_and_answers_are_all_optional(client: Client, user: Any) -> None:
    assert client.post("/compassion/practice/breathing/", {}).status_code == 302
    session = PracticeSession.objects.get(user=user)
    assert session.harsh_before is None and session.harsh_after is None


def test_it_rejects_a_rating_above_10_and_keeps_what_was_typed(client: Client, user: Any) -> None:
    response = client.post("/compassion/practice/friend/", {"harsh_before": "11", "answer_1": "I keep my words"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose a number from 0 (gentle) to 10 (very harsh)." in body
    assert "I keep my words" in body
    assert not PracticeSession.objects.filter(user=user).exists()


def test_an_unknown_exercise_is_a_404(client: Client) -> None:
    assert client.get("/compassion/practice/juggling/").status_code == 404


def test_the_breathing_pacer_works_without_javascript(client: Client) -> None:
    body = client.get("/compassion/practice/breathing/").content.decode()
    assert 'class="breathing-circle"' in body and "compassion.css" in body
    assert "<script" not in body.split("<main", 1)[-1].split("</main>")[0]


def test_crisis_words_in_an_answer_bring_help_after_the_redirect_and_still_save(client: Client, user: Any) -> None:
    response = client.post(
        "/compassion/practice/friend/", {"answer_1": "I want to kill myself tonight, I have the pills ready"}, follow=True
    )
    assert PracticeSession.objects.filter(user=user).count() == 1
    assert ScreeningEvent.objects.filter(user=user, source="compassion.session").exists()
    assert "/safety/help/" in response.content.decode()


def test_another_users_session_is_a_404(client: Client, others_session: PracticeSession) -> None:
    assert client.get(f"/compassion/sessions/{others_session.pk}/").status_code == 404
    assert client.post(f"/compassion/sessions/{others_session.pk}/delete/").status_code == 404
    assert PracticeSession.objects.filter(pk=others_session.pk).exists()


def test_a_session_can_be_deleted_by_post_only(client: Client, user: Any) -> None:
    session = PracticeSession.objects.create(user=user, exercise="break")
    assert client.get(f"/compassion/sessions/{session.pk}/delete/").status_code == 405
    assert client.post(f"/compassion/sessions/{session.pk}/delete/").status_code == 302
    assert not PracticeSession.objects.filter(pk=session.pk).exists()


# -- kindness log ------------------------------------------------------------------


def test_kindness_is_logged_from_a_circle_person(client: Client, user: Any) -> None:
    sam = Person.objects.create(user=user, name="Sam", ring="close", comfort=70)
    response = client.post(
        "/compassion/kindness/new/",
        {"date": timezone.localdate().isoformat(), "kind": "help", "what": "Carried the shopping", "person": sam.pk, "response": "thanked"},
    )
    assert response.status_code == 302
    entry = Kindness.objects.get(user=user)
    assert entry.person == sam and entry.accepted
    page = client.get("/compassion/kindness/").content.decode()
    assert "Carried the shopping" in page and "from Sam" in page


def test_it_will_not_link_another_users_circle_person(client: Client, user: Any, other_user: Any) -> None:
    bobs = Person.objects.create(user=other_user, name="Bob's friend", ring="close", comfort=70)
    response = client.post(
        "/compassion/kindness/new/",
        {"date": timezone.localdate().isoformat(), "kind": "help", "what": "x", "person": bobs.pk, "response": "accepted"},
    )
    assert response.status_code == 200
    assert "Choose someone from your circle, or nobody." in response.content.decode()
    assert not Kindness.objects.exists()


def test_it_rejects_a_future_day_and_a_missing_response_keeping_the_text(client: Client) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post("/compassion/kindness/new/", {"date": tomorrow.isoformat(), "kind": "praise", "what": "Kind words"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "That day has not happened yet." in body
    assert "Choose how you responded." in body
    assert "Kind words" in body
    assert not Kindness.objects.exists()


def test_the_log_shows_the_share_let_in_per_month(client: Client, user: Any) -> None:
    today = timezone.localdate()
    for response in ("accepted", "deflected", "thanked", "repaid"):
        Kindness.objects.create(user=user, date=today, kind="praise", what="w", response=response)
    body = client.get("/compassion/kindness/").content.decode()
    assert "<svg" in body and "Kindness accepted per month" in body
    assert "<td>4</td><td>2</td><td>50 %</td>" in body


def test_a_low_share_proposes_letting_one_compliment_stand(client: Client, user: Any) -> None:
    today = timezone.localdate()
    for _ in range(4):
        Kindness.objects.create(user=user, date=today, kind="praise", what="w", response="deflected")
    body = client.get("/compassion/kindness/").content.decode()
    assert "let one compliment stand" in body and "/ladder/library/accept-compliment/adopt/" in body
    from bridgework.compassion.dashboard import dashboard

    step = dashboard(user).next_step
    assert step is not None and "let one compliment stand" in step.text


def test_kindness_can_be_edited_and_deleted(client: Client, user: Any, kindness: Kindness) -> None:
    url = f"/compassion/kindness/{kindness.pk}/edit/"
    assert client.get(url).status_code == 200
    data = {"date": kindness.date.isoformat(), "kind": "praise", "what": "Said the report was clear", "response": "thanked"}
    assert client.post(url, data).status_code == 302
    kindness.refresh_from_db()
    assert kindness.response == "thanked" and kindness.what == "Said the report was clear"
    assert client.post(f"/compassion/kindness/{kindness.pk}/delete/").status_code == 302
    assert not Kindness.objects.filter(pk=kindness.pk).exists()


def test_another_users_kindness_is_a_404(client: Client, others_kindness: Kindness) -> None:
    assert client.get(f"/compassion/kindness/{others_kindness.pk}/edit/").status_code == 404
    assert client.post(f"/compassion/kindness/{others_kindness.pk}/delete/").status_code == 404
    assert "Bob's secret help" not in client.get("/compassion/kindness/").content.decode()


def test_the_log_refuses_post_and_survives_a_junk_page(client: Client) -> None:
    assert client.post("/compassion/kindness/").status_code == 405
    assert client.get("/compassion/kindness/?page=abc").status_code == 200


def test_the_log_shows_older_kindness_a_page_at_a_time(client: Client, user: Any) -> None:
    today = timezone.localdate()
    for days in range(30):
        Kindness.objects.create(
            user=user, date=today - dt.timedelta(days=days), kind="help", what=f"Help {days}",
            response="accepted",
        )
    first = client.get("/compassion/kindness/").content.decode()
    second = client.get("/compassion/kindness/?page=2").content.decode()
    assert "Help 0<" in first and "Help 29<" not in first and 'rel="next"' in first
    assert "Help 29<" in second and "Help 0<" not in second
