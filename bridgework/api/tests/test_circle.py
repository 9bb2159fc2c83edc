"""/api/v1/circle/: people and exchanges, with the same validation as the forms."""

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bridgework.circle.models import Exchange, Person
from bridgework.circle.tests.helpers import make_exchange, make_person, tomorrow

API = "/api/v1/circle"
PERSON = {"name": "Sam", "ring": "close", "helps_with": ["practical"], "comfort": 40}


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def patch(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")


def exchange_data(person_id: int | None, **change: Any) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "direction": "received",
        "kind": "listening",
        "size": "small",
        "discomfort": 55,
        "occurred_on": timezone.localdate().isoformat(),
        "note": "",
        **change,
    }


def test_the_api_needs_a_session(anon_client: Client) -> None:
    assert anon_client.get(f"{API}/people").status_code == 401


def test_the_api_enforces_csrf_for_writes(user: Any) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert post(strict, f"{API}/people", PERSON).status_code == 403
    assert not Person.objects.exists()


def test_people_crud(client: Client, user: Any) -> None:
    created = post(client, f"{API}/people", {**PERSON, "note": "neighbour"})
    assert created.status_code == 201
    body = created.json()
    assert body["name"] == "Sam" and body["note"] == "neighbour" and body["screening"]["crisis"] is False
    pk = body["id"]
    assert [p["name"] for p in client.get(f"{API}/people").json()["items"]] == ["Sam"]
    assert client.get(f"{API}/people/{pk}").json()["comfort"] == 40
    updated = patch(client, f"{API}/people/{pk}", {"ring": "middle", "comfort": 90})
    assert updated.status_code == 200 and updated.json()["ring"] == "middle"
    # PATCH changes only what it names.
    assert updated.json()["note"] == "neighbour" and updated.json()["helps_with"] == ["practical"]
    assert client.delete(f"{API}/people/{pk}").status_code == 204
    assert not Person.objects.filter(user=user).exists()


def test_people_are_listed_by_name(client: Client, user: Any) -> None:
    make_person(user, "zed")
    make_person(user, "Amy")
    assert [p["name"] for p in client.get(f"{API}/people").json()["items"]] == ["Amy", "zed"]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"comfort": 101}, "comfort"), ({"comfort": -1}, "comfort"), ({"ring": "inner"}, "ring"), ({"helps_with": ["money"]}, "helps_with")],
)
def test_bad_people_get_the_forms_messages(client: Client, change: dict[str, Any], field: str) -> None:
    response = post(client, f"{API}/people", {**PERSON, **change})
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Person.objects.exists()


def test_a_crisis_note_is_flagged_and_saved(client: Client) -> None:
    response = post(client, f"{API}/people", {**PERSON, "note": "I want to kill myself"})
    assert response.status_code == 201
    screening = response.json()["screening"]
    assert screening["crisis"] is True and screening["help_url"] == "/safety/help/"


def test_another_users_person_is_404(client: Client, other_user: Any) -> None:
    theirs = make_person(other_user)
    assert client.get(f"{API}/people/{theirs.pk}").status_code == 404
    assert patch(client, f"{API}/people/{theirs.pk}", PERSON).status_code == 404
    assert client.delete(f"{API}/people/{theirs.pk}").status_code == 404
    assert Person.objects.filter(pk=theirs.pk).exists()
    assert client.get(f"{API}/people").json() == {"items": [], "count": 0}


def test_exchanges_crud(client: Client, user: Any) -> None:
    sam = make_person(user)
    created = post(client, f"{API}/exchanges", exchange_data(sam.pk, note="coffee"))
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["person_id"] == sam.pk
    assert [e["id"] for e in client.get(f"{API}/exchanges").json()["items"]] == [pk]
    updated = patch(client, f"{API}/exchanges/{pk}", {"direction": "gave", "discomfort": None})
    assert updated.status_code == 200
    assert updated.json()["direction"] == "gave" and updated.json()["discomfort"] is None
    assert updated.json()["person_id"] == sam.pk and updated.json()["note"] == "coffee"
    assert updated.json()["screening"]["crisis"] is False
    assert client.delete(f"{API}/exchanges/{pk}").status_code == 204
    assert not Exchange.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "money"}, "kind"),
        ({"discomfort": 150}, "discomfort"),
        ({"occurred_on": "FUTURE"}, "occurred_on"),
        ({"person_id": None}, "person_id"),
    ],
)
def test_bad_exchanges_get_the_forms_messages(client: Client, user: Any, change: dict[str, Any], field: str) -> None:
    sam = make_person(user)
    if change.get("occurred_on") == "FUTURE":
        change = {"occurred_on": tomorrow().isoformat()}
    response = post(client, f"{API}/exchanges", {**exchange_data(sam.pk), **change})
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Exchange.objects.exists()


def test_an_exchange_cannot_name_another_users_person(client: Client, other_user: Any) -> None:
    theirs = make_person(other_user)
    response = post(client, f"{API}/exchanges", exchange_data(theirs.pk))
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["person_id"]


def test_another_users_exchange_is_404(client: Client, other_user: Any) -> None:
    theirs = make_exchange(other_user, make_person(other_user))
    assert client.get(f"{API}/exchanges/{theirs.pk}").status_code == 404
    assert patch(client, f"{API}/exchanges/{theirs.pk}", exchange_data(None)).status_code == 404
    assert client.delete(f"{API}/exchanges/{theirs.pk}").status_code == 404
    assert client.get(f"{API}/exchanges").json() == {"items": [], "count": 0}


def test_deleting_a_person_through_the_api_unlinks_their_exchanges(client: Client, user: Any) -> None:
    sam = make_person(user)
    exchange = make_exchange(user, sam)
    client.delete(f"{API}/people/{sam.pk}")
    assert client.get(f"{API}/exchanges/{exchange.pk}").json()["person_id"] is None


# --------------------------------------------------------------------------- pagination


def test_exchanges_come_a_page_at_a_time_latest_first(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam")
    exchanges = [make_exchange(user, sam, days_ago=day) for day in range(5)]
    first = client.get(f"{API}/exchanges?limit=2").json()
    assert first["count"] == 5
    assert [e["id"] for e in first["items"]] == [exchanges[0].pk, exchanges[1].pk]
    rest = client.get(f"{API}/exchanges?limit=2&offset=4").json()
    assert [e["id"] for e in rest["items"]] == [exchanges[4].pk]
    assert len(client.get(f"{API}/exchanges").json()["items"]) == 5


def test_people_come_a_page_at_a_time_by_name(client: Client, user: Any, other_user: Any) -> None:
    for name in ("Cy", "amy", "Bo"):
        make_person(user, name)
    make_person(other_user, "Aaron")
    page = client.get(f"{API}/people?limit=2&offset=1").json()
    assert page == {"items": page["items"], "count": 3}
    assert [p["name"] for p in page["items"]] == ["Bo", "Cy"]


def test_a_page_is_at_most_100_and_bad_paging_is_a_422(client: Client, user: Any) -> None:
    for day in range(101):
        make_exchange(user, None, days_ago=day)
    body = client.get(f"{API}/exchanges?limit=500").json()
    assert body["count"] == 101 and len(body["items"]) == 100
    assert len(client.get(f"{API}/exchanges").json()["items"]) == 100
    for query in ("limit=0", "offset=-1", "limit=many"):
        assert client.get(f"{API}/exchanges?{query}").status_code == 422
