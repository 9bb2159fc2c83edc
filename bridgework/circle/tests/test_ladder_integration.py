"""A ladder step can name someone from the circle; an attempt with them can join the ledger."""

from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from bridgework.ladder.models import Step
from bridgework.ladder.services import attempt_log, step_create

from .helpers import make_person

STEP = {
    "what": "Ask for a lift to the station",
    "kind": "ask",
    "who": "",
    "expected_discomfort": "30",
    "feared_outcome": "they will be annoyed",
    "feared_likelihood": "40",
}


def test_the_step_form_offers_my_circle_easiest_first(client: Client, user: Any, other_user: Any) -> None:
    make_person(user, "Sam", helps_with=["listening"], comfort=90)
    make_person(user, "Ada", helps_with=["practical"], comfort=60)
    make_person(other_user, "Stranger")
    step, _ = step_create(user=user, what="Ask Ada", kind="ask", expected_discomfort=20, feared_likelihood=30)
    body = client.get(f"/ladder/steps/{step.pk}/edit/").content.decode()
    assert '<optgroup label="Easiest to ask for this kind of step">' in body
    assert body.index("Ada (close ring") < body.index("Everyone else in your circle") < body.index("Sam (close ring")
    assert "Stranger" not in body


def test_a_step_can_name_someone_from_my_circle(client: Client, user: Any) -> None:
    ada = make_person(user, "Ada", helps_with=["practical"])
    response = client.post("/ladder/steps/new/", {**STEP, "person": str(ada.pk)})
    assert response.status_code == 302
    step = Step.objects.get(user=user)
    assert step.person == ada
    detail = client.get(f"/ladder/steps/{step.pk}/").content.decode()
    assert f'<a href="/circle/people/{ada.pk}/">Ada</a>' in detail


def test_a_step_cannot_name_someone_from_another_circle(client: Client, user: Any, other_user: Any) -> None:
    theirs = make_person(other_user, "Theirs")
    response = client.post("/ladder/steps/new/", {**STEP, "person": str(theirs.pk)})
    assert response.status_code == 200
    assert "Choose someone from your circle" in response.content.decode()
    assert not Step.objects.filter(user=user).exists()


def test_removing_a_person_keeps_their_ladder_step(client: Client, user: Any) -> None:
    ada = make_person(user, "Ada")
    step, _ = step_create(user=user, what="Ask Ada", kind="ask", expected_discomfort=20, feared_likelihood=30, person=ada)
    confirm = client.get(f"/circle/people/{ada.pk}/delete/").content.decode()
    assert "The ladder step that names them stays on your ladder" in confirm
    client.post(f"/circle/people/{ada.pk}/delete/")
    step.refresh_from_db()
    assert step.person is None and step.what == "Ask Ada"


def test_an_attempt_with_a_person_offers_to_add_it_to_the_ledger(client: Client, user: Any) -> None:
    ada = make_person(user, "Ada")
    step, _ = step_create(user=user, what="Share a worry", kind="share", expected_discomfort=50, feared_likelihood=50, person=ada)
    day = timezone.localdate() - timedelta(days=1)
    attempt, _ = attempt_log(
        step=step, happened_on=day, discomfort_before=40, discomfort_peak=55,
        discomfort_after=20, feared_happened="no", response="better",
    )
    body = client.get(f"/ladder/attempts/{attempt.pk}/").content.decode()
    assert "Add to my ledger as received" in body
    url = (
        f"/circle/ledger/new/?person={ada.pk}&amp;direction=received&amp;kind=listening"
        f"&amp;size=small&amp;discomfort=55&amp;occurred_on={day.isoformat()}"
    )
    assert url in body
    # Nothing is added until the person confirms the prefilled form.
    from bridgework.circle.models import Exchange

    assert not Exchange.objects.exists()


def test_no_offer_for_an_attempt_without_a_person(client: Client, user: Any) -> None:
    step, _ = step_create(user=user, what="Ask a stranger the time", kind="ask", expected_discomfort=10, feared_likelihood=10)
    attempt, _ = attempt_log(
        step=step, happened_on=timezone.localdate(), discomfort_before=10, discomfort_peak=10,
        discomfort_after=5, feared_happened="no", response="same",
    )
    assert "Add to my ledger" not in client.get(f"/ladder/attempts/{attempt.pk}/").content.decode()
