"""The safety plan's "people I can ask for help" picks from the circle, through HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bridgework.safety.export import export_user_data
from bridgework.safety.forms import NOT_YOUR_CIRCLE
from bridgework.safety.models import SafetyPlan
from bridgework.safety.services import safety_plan_save

from .helpers import make_person

pytestmark = pytest.mark.django_db

PLAN = {
    "warning_signs": "Not sleeping",
    "helpers": "Sam: 07700 900123",
    "contact_name": "Sam",
    "contact_phone": "+44 7700 900123",
    "contact_message": "Could you call me tonight?",
}


def test_the_form_lists_only_my_people_easiest_to_ask_first(
    client: Any, user: Any, other_user: Any
) -> None:
    make_person(user, "Sam", helps_with=["listening"], comfort=30)
    make_person(user, "Ada", "middle", helps_with=["practical", "company"], comfort=80)
    make_person(other_user, "Not mine", comfort=100)
    text = client.get(reverse("safety:plan_edit")).text
    assert "<legend>People from my circle I can ask for help" in text
    assert 'type="checkbox" name="circle_helpers"' in text
    assert "Not mine" not in text
    ada = text.index("Ada — can help with practical help, company (comfort 80)")
    sam = text.index("Sam — can help with listening and emotional support (comfort 30)")
    assert ada < sam


def test_it_saves_the_chosen_people_and_shows_them_everywhere(client: Any, user: Any) -> None:
    sam = make_person(user, "Sam", comfort=30)
    ada = make_person(user, "Ada", helps_with=["practical"], comfort=80)
    make_person(user, "Lee")
    response = client.post(
        reverse("safety:plan_edit"), {**PLAN, "circle_helpers": [sam.pk, ada.pk]}, follow=True
    )
    plan = SafetyPlan.objects.get(user=user)
    assert [p.pk for p in plan.chosen_people] == [ada.pk, sam.pk]
    assert plan.helpers == "Sam: 07700 900123"
    assert "From my circle" in response.text and "Ada</strong> — practical help" in response.text
    assert "Lee" not in response.text
    # The edit form keeps them ticked.
    edit = client.get(reverse("safety:plan_edit")).text
    assert f'value="{ada.pk}" id="id_circle_helpers_0" checked' in edit
    assert export_user_data(user)["safety_plan"]["circle_helpers"] == [
        {"id": ada.pk, "name": "Ada"},
        {"id": sam.pk, "name": "Sam"},
    ]


def test_a_plan_of_only_chosen_people_is_not_empty(client: Any, user: Any) -> None:
    sam = make_person(user, "Sam")
    client.post(reverse("safety:plan_edit"), {"circle_helpers": [sam.pk]})
    text = client.get(reverse("safety:plan")).text
    assert "You have not written a safety plan yet" not in text and "Sam" in text


def test_unticking_everyone_clears_the_links(client: Any, user: Any) -> None:
    sam = make_person(user, "Sam")
    client.post(reverse("safety:plan_edit"), {**PLAN, "circle_helpers": [sam.pk]})
    client.post(reverse("safety:plan_edit"), PLAN)
    assert SafetyPlan.objects.get(user=user).chosen_people == []


def test_another_users_person_is_rejected_with_a_message(
    client: Any, user: Any, other_user: Any
) -> None:
    mine = make_person(user, "Sam")
    theirs = make_person(other_user, "Bob's friend")
    response = client.post(
        reverse("safety:plan_edit"), {**PLAN, "circle_helpers": [mine.pk, theirs.pk]}
    )
    assert response.status_code == 200
    assert NOT_YOUR_CIRCLE in response.text
    assert "Bob&#x27;s friend" not in response.text and "Bob's friend" not in response.text
    # Nothing typed is lost: the form comes back with it.
    assert "Not sleeping" in response.text
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_a_malformed_id_is_rejected_with_the_same_message(client: Any, user: Any) -> None:
    response = client.post(reverse("safety:plan_edit"), {**PLAN, "circle_helpers": ["x"]})
    assert response.status_code == 200 and NOT_YOUR_CIRCLE in response.text


def test_the_service_ignores_people_from_another_circle(user: Any, other_user: Any) -> None:
    mine = make_person(user, "Sam")
    theirs = make_person(other_user, "Bob's friend")
    plan, _ = safety_plan_save(user=user, **PLAN, circle_helpers=[mine, theirs])
    assert [p.pk for p in plan.circle_helpers.all()] == [mine.pk]


def test_removing_someone_from_the_circle_drops_them_from_the_plan(
    client: Any, user: Any
) -> None:
    sam = make_person(user, "Sam")
    ada = make_person(user, "Ada")
    client.post(reverse("safety:plan_edit"), {**PLAN, "circle_helpers": [sam.pk, ada.pk]})
    confirm = client.get(reverse("circle:person_delete", args=[ada.pk])).text
    assert "no longer listed among the people you chose in your safety plan" in confirm
    client.post(reverse("circle:person_delete", args=[ada.pk]), follow=True)
    plan = SafetyPlan.objects.get(user=user)
    assert [p.pk for p in plan.chosen_people] == [sam.pk]
    assert plan.helpers == "Sam: 07700 900123"
    assert "Ada" not in client.get(reverse("safety:plan")).text


def test_the_plan_works_without_the_circle(client: Any, user: Any) -> None:
    edit = client.get(reverse("safety:plan_edit")).text
    assert "Nobody in your circle yet" in edit and reverse("circle:index") in edit
    response = client.post(reverse("safety:plan_edit"), PLAN, follow=True)
    assert response.status_code == 200 and "From my circle" not in response.text
    assert "Not sleeping" in response.text
    assert export_user_data(user)["safety_plan"]["circle_helpers"] == []


def test_crisis_help_lists_the_chosen_people(client: Any, user: Any) -> None:
    sam = make_person(user, "Sam", helps_with=["listening"])
    client.post(reverse("safety:plan_edit"), {**PLAN, "circle_helpers": [sam.pk]})
    response = client.post(
        reverse("journal:new"),
        {"date": "2026-01-01", "body": "I want to die", "mood": "", "prompt_id": ""},
        follow=True,
    )
    assert 'id="crisis-help"' in response.text
    assert "People you chose to ask for help" in response.text
    assert "Sam (listening and emotional support)" in response.text


def test_wrong_method_on_the_edit_page(client: Any) -> None:
    assert client.put(reverse("safety:plan_edit")).status_code == 405


def test_the_plan_page_fetches_chosen_people_in_one_query(
    client: Any, user: Any, django_assert_num_queries: Any
) -> None:
    people = [make_person(user, name) for name in ("Sam", "Ada", "Lee")]
    client.post(reverse("safety:plan_edit"), {**PLAN, "circle_helpers": [p.pk for p in people]})
    # The session with the user, the plan, the chosen people; then the saved-plan message,
    # kept in the session (server side), is consumed: one session update (in a savepoint
    # in tests).
    with django_assert_num_queries(6):
        client.get(reverse("safety:plan"))
