"""The home-page panel, the next small step and the export."""

from typing import Any

from django.test import Client

from bridgework.circle.dashboard import dashboard
from bridgework.circle.export import export_user_data
from bridgework.core.modules import export_all

from .helpers import make_exchange, make_person


def circle_panel(client: Client) -> Any:
    panels = client.get("/").context["panels"]
    return next(panel for panel in panels if panel.template == "circle/_dashboard.html")


def test_an_empty_circle_proposes_adding_the_first_person(user: Any) -> None:
    panel = dashboard(user)
    assert panel.next_step is not None
    assert panel.next_step.text == "Add the first person to your circle"
    assert panel.next_step.priority == 12
    assert panel.next_step.url == "/circle/people/new/"


def test_the_home_page_shows_the_panel_with_a_link_to_map_the_circle(client: Client) -> None:
    body = client.get("/").content.decode()
    assert "Map your circle" in body


def test_with_people_the_panel_shows_one_observation(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam", "middle")
    for _ in range(3):
        make_exchange(user, sam, "gave", size="large")
    panel = circle_panel(client)
    assert panel.next_step is None
    assert panel.context["people_count"] == 1
    assert panel.context["observation"].key == "over-giving"
    body = client.get("/").content.decode()
    assert "Hide this" in body
    assert 'name="next" value="/"' in body


def test_the_panel_takes_a_few_queries(user: Any, django_assert_max_num_queries: Any) -> None:
    sam = make_person(user)
    for day in range(30):
        make_exchange(user, sam, days_ago=day)
    # People per ring, the close ring with last contacts, the over-giving window, the
    # last scored receipts, and the dismissals when something was found.
    with django_assert_max_num_queries(5):
        dashboard(user)


def test_the_export_has_everything_decrypted_and_only_mine(user: Any, other_user: Any) -> None:
    sam = make_person(user, "Sam", note="old friend")
    make_exchange(user, sam, note="soup when I was ill")
    make_exchange(user, None, "gave")
    make_person(other_user, "Not mine")
    data = export_user_data(user)
    assert [p["name"] for p in data["people"]] == ["Sam"]
    assert data["people"][0]["note"] == "old friend"
    assert {e["note"] for e in data["exchanges"]} == {"soup when I was ill", ""}
    assert {e["person_id"] for e in data["exchanges"]} == {sam.pk, None}
    assert "circle" in export_all(user)["data"]


def test_circle_is_in_the_navigation(client: Client) -> None:
    assert '<a href="/circle/"' in client.get("/").content.decode()


def test_the_export_is_plain_json(user: Any) -> None:
    import json

    sam = make_person(user, "Sam")
    make_exchange(user, sam)
    data = export_user_data(user)
    assert json.loads(json.dumps(data)) == data
