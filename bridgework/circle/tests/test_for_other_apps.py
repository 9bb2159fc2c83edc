"""What the circle offers other apps: person choices for a ladder step, the ledger offer."""

from datetime import date
from types import SimpleNamespace
from typing import Any

from bridgework.circle.services import person_choices_for
from bridgework.circle.templatetags.circle_tags import ledger_offer

from .helpers import make_person


def test_choices_put_the_easiest_people_for_the_step_first(user: Any, other_user: Any) -> None:
    make_person(user, "Sam", "close", helps_with=["listening"], comfort=80)
    ada = make_person(user, "Ada", "middle", helps_with=["practical"], comfort=30)
    lee = make_person(user, "Lee", "outer", helps_with=["information"], comfort=70)
    make_person(other_user, "Not mine")
    choices = person_choices_for(user, "ask")
    assert choices[0] == ("", "No one from my circle")
    group, suggested = choices[1]
    assert group == "Easiest to ask for this kind of step"
    assert [pk for pk, _ in suggested] == [lee.pk, ada.pk]
    assert suggested[0][1] == "Lee (outer ring, comfort 70)"
    assert [label for _, label in choices[2][1]] == ["Sam (close ring, comfort 80)"]
    assert "Not mine" not in str(choices)


def test_with_an_empty_circle_the_choice_says_where_to_add_people(user: Any) -> None:
    assert person_choices_for(user, "ask") == [("", "Nobody yet: add people on the Circle page")]


def test_the_ledger_offer_prefills_a_received_exchange(user: Any) -> None:
    sam = make_person(user)
    attempt = SimpleNamespace(
        step=SimpleNamespace(person=sam, kind="share"),
        discomfort_peak=65,
        happened_on=date(2025, 3, 4),
    )
    offer = ledger_offer(attempt)
    assert offer["url"] == (
        f"/circle/ledger/new/?person={sam.pk}&direction=received&kind=listening&size=small"
        "&discomfort=65&occurred_on=2025-03-04"
    )


def test_no_offer_without_a_person() -> None:
    attempt = SimpleNamespace(step=SimpleNamespace(person=None, kind="ask"))
    assert ledger_offer(attempt) == {"url": None}
