"""The circle page (map + table) and adding, viewing, editing and removing people."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from bridgework.circle.models import Person
from bridgework.safety.models import ScreeningEvent

from .helpers import make_exchange, make_person

VALID = {"name": "Sam", "ring": "close", "helps_with": ["listening", "company"], "comfort": "60"}
CRISIS_NOTE = "I want to kill myself"


# --------------------------------------------------------------------------- index


def test_an_empty_circle_invites_adding_someone(client: Client) -> None:
    response = client.get("/circle/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Start with one person" in body
    assert 'href="/circle/people/new/"' in body
    assert "circle-map" not in body


def test_the_map_draws_each_person_as_a_link_with_a_table_alternative(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam", "close", helps_with=["listening", "practical"])
    ada = make_person(user, "Ada", "outer", helps_with=[])
    body = client.get("/circle/").content.decode()
    assert '<svg class="circle-map"' in body
    assert f'href="/circle/people/{sam.pk}/" aria-label="Sam: close ring' in body
    assert ">LP</text>" in body
    # The table lists the same people, by ring then name.
    table = body[body.index("<table>") :]
    assert table.index("Sam") < table.index("Ada")
    assert f'<a href="/circle/people/{ada.pk}/">Ada</a>' in table
    assert "Not chosen yet" in table


def test_the_circle_shows_only_my_people(client: Client, other_user: Any) -> None:
    make_person(other_user, "Bobs-friend")
    assert "Bobs-friend" not in client.get("/circle/").content.decode()


def test_the_circle_needs_login_and_get(client: Client, anon_client: Client) -> None:
    assert anon_client.get("/circle/").status_code == 302
    assert client.post("/circle/").status_code == 405


# --------------------------------------------------------------------------- add


def test_adding_someone_saves_them_encrypted(client: Client, user: Any) -> None:
    response = client.post("/circle/people/new/", {**VALID, "note": "Met at choir"})
    assert response.status_code == 302
    assert response["Location"] == "/circle/"
    person = Person.objects.get(user=user)
    assert (person.name, person.ring, person.helps_with, person.comfort, person.note) == (
        "Sam", "close", ["listening", "company"], 60, "Met at choir",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, note FROM circle_person WHERE id = %s", [person.pk])
        stored_name, stored_note = cursor.fetchone()
    assert "Sam" not in stored_name and "choir" not in stored_note


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"comfort": "101"}, "comfort", "100 is the highest"),
        ({"comfort": "-1"}, "comfort", "0 is the lowest"),
        ({"comfort": "lots"}, "comfort", "whole number from 0 to 100"),
        ({"ring": "inner"}, "ring", "Choose close, middle or outer"),
        ({"helps_with": ["money"]}, "helps_with", "not one of the kinds of help"),
        ({"name": "  "}, "name", "name or nickname"),
    ],
)
def test_bad_input_is_explained_and_nothing_typed_is_lost(
    client: Client, user: Any, change: dict[str, Any], field: str, message: str
) -> None:
    response = client.post("/circle/people/new/", {**VALID, "note": "keep this note", **change})
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    body = response.content.decode()
    assert "keep this note" in body
    assert not Person.objects.filter(user=user).exists()


def test_crisis_language_shows_help_after_the_redirect_and_still_saves(client: Client, user: Any) -> None:
    response = client.post("/circle/people/new/", {**VALID, "note": CRISIS_NOTE}, follow=True)
    assert response.redirect_chain == [("/circle/", 302)]
    assert 'id="crisis-help"' in response.content.decode()
    # Shown once: a refresh neither saves again nor repeats the panel.
    assert 'id="crisis-help"' not in client.get("/circle/").content.decode()
    assert Person.objects.filter(user=user).count() == 1
    assert ScreeningEvent.objects.filter(user=user, source="circle.person").exists()


def test_the_add_form_needs_get_or_post(client: Client) -> None:
    assert client.get("/circle/people/new/").status_code == 200
    assert client.put("/circle/people/new/").status_code == 405


# --------------------------------------------------------------------------- view / edit


def test_a_person_page_shows_them_and_their_exchanges(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam", note="Loves hiking")
    moved = make_exchange(user, sam, "received", size="medium", note="Helped me move")
    make_exchange(user, sam, "gave")
    body = client.get(f"/circle/people/{sam.pk}/").content.decode()
    assert "Loves hiking" in body and "Helped me move" in body
    assert f'href="/circle/ledger/{moved.pk}/edit/"' in body
    assert "You gave 1 and received 2" in body
    assert f"/circle/ledger/new/?person={sam.pk}" in body


def test_another_users_person_is_404_everywhere(client: Client, other_user: Any) -> None:
    theirs = make_person(other_user, "Private")
    for url in ["", "edit/", "delete/"]:
        assert client.get(f"/circle/people/{theirs.pk}/{url}").status_code == 404
    assert client.post(f"/circle/people/{theirs.pk}/edit/", VALID).status_code == 404
    assert client.post(f"/circle/people/{theirs.pk}/delete/").status_code == 404
    assert Person.objects.get(pk=theirs.pk).name == "Private"
    assert client.get("/circle/people/999999/").status_code == 404


def test_editing_someone_moves_them_to_another_ring(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam", "outer")
    form = client.get(f"/circle/people/{sam.pk}/edit/").content.decode()
    assert 'value="Sam"' in form
    response = client.post(f"/circle/people/{sam.pk}/edit/", {**VALID, "ring": "middle", "comfort": "75"})
    assert response.status_code == 302
    assert response["Location"] == f"/circle/people/{sam.pk}/"
    sam.refresh_from_db()
    assert (sam.ring, sam.comfort) == ("middle", 75)


def test_editing_with_bad_input_changes_nothing(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam", comfort=40)
    response = client.post(f"/circle/people/{sam.pk}/edit/", {**VALID, "comfort": "150"})
    assert response.status_code == 200
    sam.refresh_from_db()
    assert sam.comfort == 40


def test_person_pages_refuse_other_methods(client: Client, user: Any) -> None:
    sam = make_person(user)
    assert client.post(f"/circle/people/{sam.pk}/").status_code == 405
    assert client.delete(f"/circle/people/{sam.pk}/edit/").status_code == 405
    assert client.put(f"/circle/people/{sam.pk}/delete/").status_code == 405


# --------------------------------------------------------------------------- remove


def test_removing_asks_first_and_says_what_happens_to_exchanges(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam")
    make_exchange(user, sam)
    make_exchange(user, sam)
    body = client.get(f"/circle/people/{sam.pk}/delete/").content.decode()
    assert "Remove Sam from your circle?" in body
    assert "Your 2 exchanges with them stay in your ledger" in body
    assert "ladder steps" in body
    assert Person.objects.filter(pk=sam.pk).exists()


def test_removing_keeps_their_exchanges_unlinked(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam")
    exchange = make_exchange(user, sam)
    response = client.post(f"/circle/people/{sam.pk}/delete/")
    assert response.status_code == 302
    assert not Person.objects.filter(pk=sam.pk).exists()
    exchange.refresh_from_db()
    assert exchange.person is None
    ledger = client.get("/circle/ledger/").content.decode()
    assert "someone you removed" in ledger
