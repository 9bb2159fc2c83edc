"""Logging, editing and deleting exchanges; the ledger page; dismissing observations."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bridgework.circle.models import DismissedObservation, Exchange
from bridgework.safety.models import ScreeningEvent

from .helpers import make_exchange, make_person, tomorrow


def valid(person_pk: int, **change: Any) -> dict[str, Any]:
    return {
        "person": str(person_pk),
        "direction": "received",
        "kind": "practical",
        "size": "medium",
        "discomfort": "70",
        "occurred_on": timezone.localdate().isoformat(),
        "note": "",
        **change,
    }


# --------------------------------------------------------------------------- log


def test_logging_an_exchange_saves_it_and_returns_to_the_ledger(client: Client, user: Any) -> None:
    sam = make_person(user)
    response = client.post("/circle/ledger/new/", valid(sam.pk, note="Lent me a drill"))
    assert response.status_code == 302
    assert response["Location"] == "/circle/ledger/"
    exchange = Exchange.objects.get(user=user)
    assert (exchange.person, exchange.direction, exchange.size, exchange.discomfort) == (sam, "received", "medium", 70)
    assert exchange.note == "Lent me a drill"


def test_the_log_form_starts_with_today_and_can_preselect_a_person(client: Client, user: Any) -> None:
    sam = make_person(user)
    body = client.get(f"/circle/ledger/new/?person={sam.pk}").content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in body
    assert f'<option value="{sam.pk}" selected>Sam</option>' in body


def test_a_link_can_prefill_the_form_but_saves_nothing(client: Client, user: Any) -> None:
    sam = make_person(user)
    response = client.get(
        f"/circle/ledger/new/?person={sam.pk}&direction=received&kind=listening&discomfort=35"
        "&occurred_on=2025-01-05&colour=red"
    )
    form = response.context["form"]
    assert form.initial["person"] == str(sam.pk)
    assert form.initial["direction"] == "received" and form.initial["discomfort"] == "35"
    assert "colour" not in form.initial
    body = response.content.decode()
    assert 'value="listening" required id="id_kind_0" checked' in body
    assert not Exchange.objects.exists()


def test_with_nobody_in_the_circle_the_log_form_says_to_add_someone(client: Client) -> None:
    body = client.get("/circle/ledger/new/").content.decode()
    assert "adding someone" in body


def test_discomfort_is_optional(client: Client, user: Any) -> None:
    sam = make_person(user)
    response = client.post("/circle/ledger/new/", valid(sam.pk, direction="gave", discomfort=""))
    assert response.status_code == 302
    assert Exchange.objects.get(user=user).discomfort is None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"discomfort": "101"}, "discomfort", "100 is the highest"),
        ({"discomfort": "-5"}, "discomfort", "0 is the lowest"),
        ({"kind": "money"}, "kind", "not one of the kinds of help"),
        ({"direction": "lent"}, "direction", "choose gave or received"),
        ({"size": "huge"}, "size", "choose small, medium or large"),
        ({"occurred_on": "not a date"}, "occurred_on", "year-month-day"),
        ({"person": ""}, "person", "Choose who it was with"),
    ],
)
def test_bad_input_is_explained_and_nothing_typed_is_lost(
    client: Client, user: Any, change: dict[str, Any], field: str, message: str
) -> None:
    sam = make_person(user)
    response = client.post("/circle/ledger/new/", valid(sam.pk, note="my words", **change))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert "my words" in response.content.decode()
    assert not Exchange.objects.exists()


def test_a_future_date_is_refused_kindly(client: Client, user: Any) -> None:
    sam = make_person(user)
    response = client.post("/circle/ledger/new/", valid(sam.pk, occurred_on=tomorrow().isoformat()))
    assert response.status_code == 200
    assert "in the future" in response.content.decode()
    assert not Exchange.objects.exists()


def test_someone_from_another_circle_cannot_be_named(client: Client, user: Any, other_user: Any) -> None:
    theirs = make_person(other_user, "Theirs")
    response = client.post("/circle/ledger/new/", valid(theirs.pk))
    assert response.status_code == 200
    assert "Choose someone from your circle" in str(response.context["form"].errors["person"])
    assert not Exchange.objects.exists()


def test_crisis_language_in_a_note_shows_help_and_saves(client: Client, user: Any) -> None:
    sam = make_person(user)
    response = client.post("/circle/ledger/new/", valid(sam.pk, note="I want to end my life"), follow=True)
    assert response.redirect_chain == [("/circle/ledger/", 302)]
    assert 'id="crisis-help"' in response.content.decode()
    assert Exchange.objects.filter(user=user).count() == 1
    assert ScreeningEvent.objects.filter(user=user, source="circle.exchange").exists()


def test_the_log_form_refuses_other_methods(client: Client) -> None:
    assert client.put("/circle/ledger/new/").status_code == 405


# --------------------------------------------------------------------------- edit / delete


def test_editing_an_exchange(client: Client, user: Any) -> None:
    sam = make_person(user)
    exchange = make_exchange(user, sam, "gave")
    response = client.post(f"/circle/ledger/{exchange.pk}/edit/", valid(sam.pk, size="large"))
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert (exchange.direction, exchange.size) == ("received", "large")


def test_an_unlinked_exchange_can_be_edited_and_stay_unlinked(client: Client, user: Any) -> None:
    exchange = make_exchange(user, None, "gave")
    body = client.get(f"/circle/ledger/{exchange.pk}/edit/").content.decode()
    assert "Someone you removed" in body
    response = client.post(f"/circle/ledger/{exchange.pk}/edit/", valid(0, person="", kind="company"))
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert (exchange.person, exchange.kind) == (None, "company")


def test_editing_to_a_future_date_changes_nothing(client: Client, user: Any) -> None:
    sam = make_person(user)
    exchange = make_exchange(user, sam, days_ago=3)
    response = client.post(f"/circle/ledger/{exchange.pk}/edit/", valid(sam.pk, occurred_on=tomorrow().isoformat()))
    assert response.status_code == 200
    exchange.refresh_from_db()
    assert exchange.occurred_on == timezone.localdate() - timedelta(days=3)


def test_deleting_an_exchange_asks_first(client: Client, user: Any) -> None:
    exchange = make_exchange(user, make_person(user))
    assert "Delete this exchange?" in client.get(f"/circle/ledger/{exchange.pk}/delete/").content.decode()
    assert Exchange.objects.filter(pk=exchange.pk).exists()
    assert client.post(f"/circle/ledger/{exchange.pk}/delete/").status_code == 302
    assert not Exchange.objects.filter(pk=exchange.pk).exists()


def test_another_users_exchange_is_404(client: Client, other_user: Any) -> None:
    theirs = make_exchange(other_user, make_person(other_user))
    for suffix in ["edit/", "delete/"]:
        assert client.get(f"/circle/ledger/{theirs.pk}/{suffix}").status_code == 404
        assert client.post(f"/circle/ledger/{theirs.pk}/{suffix}").status_code == 404
    assert Exchange.objects.filter(pk=theirs.pk).exists()


def test_exchange_pages_refuse_other_methods(client: Client, user: Any) -> None:
    exchange = make_exchange(user, make_person(user))
    assert client.put(f"/circle/ledger/{exchange.pk}/edit/").status_code == 405
    assert client.patch(f"/circle/ledger/{exchange.pk}/delete/").status_code == 405
    assert client.post("/circle/ledger/").status_code == 405


# --------------------------------------------------------------------------- ledger page


def test_the_ledger_shows_balance_charts_with_tables(client: Client, user: Any) -> None:
    sam, ada = make_person(user, "Sam"), make_person(user, "Ada", "middle")
    make_exchange(user, sam, "gave", size="large", days_ago=10)
    make_exchange(user, ada, "received", size="medium")
    response = client.get("/circle/ledger/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Overall you gave 3 and received 2" in body
    assert "<strong>-1</strong>" in body
    assert body.count('<svg class="chart"') == 2
    assert "Running balance, last 12 weeks" in body
    assert "Sam · gave" in body and "Ada · received" in body
    assert response.context["person_rows"][0].label == "Ada"


def test_the_ledger_is_private(client: Client, other_user: Any) -> None:
    make_exchange(other_user, make_person(other_user, "Hidden"), note="secret note")
    body = client.get("/circle/ledger/").content.decode()
    assert "Hidden" not in body and "secret note" not in body
    assert "Nothing logged yet" in body


def test_the_ledger_page_takes_a_fixed_number_of_queries(
    client: Client, user: Any, django_assert_max_num_queries: Any
) -> None:
    people = [make_person(user, f"P{i}") for i in range(5)]
    for day in range(60):
        make_exchange(user, people[day % 5], "gave" if day % 2 else "received", days_ago=day)
    with django_assert_max_num_queries(8):
        assert client.get("/circle/ledger/").status_code == 200


def test_the_ledger_is_served_from_cache_until_the_person_changes_something(
    client: Client, user: Any, django_assert_max_num_queries: Any
) -> None:
    sam = make_person(user, "Sam")
    make_exchange(user, sam, note="Lent me a drill")
    assert "Lent me a drill" in client.get("/circle/ledger/").content.decode()
    # Again: only the session and the person (with their data version) are read.
    with django_assert_max_num_queries(2):
        assert "Lent me a drill" in client.get("/circle/ledger/").content.decode()
    # A write of theirs (any POST) makes the cached page stale at once.
    client.post("/circle/ledger/new/", valid(sam.pk, note="Walked the dog for me"))
    body = client.get("/circle/ledger/").content.decode()
    assert "Walked the dog for me" in body and "Lent me a drill" in body


def test_a_cached_ledger_is_never_shown_to_someone_else(
    client: Client, other_client: Client, user: Any, other_user: Any
) -> None:
    make_exchange(user, make_person(user, "Sam"), note="Only mine")
    assert "Only mine" in client.get("/circle/ledger/").content.decode()
    body = other_client.get("/circle/ledger/").content.decode()
    assert "Only mine" not in body and "Nothing logged yet" in body


def test_the_ledger_lists_the_latest_30_exchanges_and_points_to_the_export(
    client: Client, user: Any
) -> None:
    sam = make_person(user, "Sam")
    exchanges = [make_exchange(user, sam, days_ago=day) for day in range(35)]
    body = client.get("/circle/ledger/").content.decode()
    table = body.split("<caption>Latest first</caption>")[1].split("</table>")[0]
    assert table.count("<tr>") == 31  # the header row and 30 exchanges
    newest, oldest_shown, hidden = exchanges[0], exchanges[29], exchanges[30]
    for exchange in (newest, oldest_shown):
        assert f'href="/circle/ledger/{exchange.pk}/edit/"' in table
        assert f'href="/circle/ledger/{exchange.pk}/delete/"' in table
    assert f"/circle/ledger/{hidden.pk}/edit/" not in table
    assert f'href="/circle/people/{sam.pk}/"' in table
    label = f"{newest.occurred_on.day} {newest.occurred_on:%b %Y}"
    assert f'<td data-label="Date">{label}</td>' in table and f"the exchange on {label}</span>" in table
    assert "Showing the latest 30 of your 35 exchanges." in body
    assert 'href="/account/export/">your data export</a> holds the full record' in body


def test_a_short_ledger_shows_every_exchange_without_the_note(client: Client, user: Any) -> None:
    make_exchange(user, make_person(user, "Sam"))
    make_exchange(user, None, "gave")
    body = client.get("/circle/ledger/").content.decode()
    assert body.split("<caption>Latest first</caption>")[1].count("<tr>") == 3
    assert "Showing the latest" not in body


def test_an_empty_ledger_draws_no_chart(client: Client) -> None:
    body = client.get("/circle/ledger/").content.decode()
    assert '<svg class="chart"' not in body


# --------------------------------------------------------------------------- observations


def over_give(user: Any) -> None:
    sam = make_person(user, "Sam", "middle")
    for day in range(3):
        make_exchange(user, sam, "gave", size="large", days_ago=day)


def test_over_giving_is_observed_gently_and_can_be_hidden(client: Client, user: Any) -> None:
    over_give(user)
    body = client.get("/circle/ledger/").content.decode()
    assert "You have been giving a lot more than you receive" in body
    response = client.post("/circle/observations/over-giving/dismiss/", {"next": "/circle/ledger/"})
    assert response.status_code == 302
    assert response["Location"] == "/circle/ledger/"
    assert DismissedObservation.objects.filter(user=user, key="over-giving").exists()
    assert "giving a lot more" not in client.get("/circle/ledger/").content.decode()


def test_dismissing_with_htmx_returns_nothing_to_swap_in(client: Client, user: Any) -> None:
    response = client.post("/circle/observations/receiving-easier/dismiss/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content == b""


def test_dismissing_twice_keeps_one_row_and_ignores_outside_next(client: Client, user: Any) -> None:
    client.post("/circle/observations/drifting:12/dismiss/")
    response = client.post("/circle/observations/drifting:12/dismiss/", {"next": "https://evil.example/"})
    assert response["Location"] == "/circle/ledger/"
    assert DismissedObservation.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("next_url", ["x", "ledger", "//evil.example/", "javascript:alert(1)"])
def test_a_next_that_is_not_a_local_path_goes_back_to_the_ledger(client: Client, user: Any, next_url: str) -> None:
    response = client.post("/circle/observations/over-giving/dismiss/", {"next": next_url})
    assert response.status_code == 302 and response["Location"] == "/circle/ledger/"


def test_dismissing_an_unknown_observation_is_404_and_needs_post(client: Client) -> None:
    assert client.post("/circle/observations/anything/dismiss/").status_code == 404
    assert client.get("/circle/observations/over-giving/dismiss/").status_code == 405


def test_dismissals_are_per_user(client: Client, other_client: Client, user: Any, other_user: Any) -> None:
    over_give(user)
    over_give(other_user)
    other_client.post("/circle/observations/over-giving/dismiss/")
    assert "giving a lot more" in client.get("/circle/ledger/").content.decode()


def test_a_quiet_close_friend_is_noticed(client: Client, user: Any) -> None:
    sam = make_person(user, "Sam", "close")
    make_exchange(user, sam, days_ago=30)
    body = client.get("/circle/ledger/").content.decode()
    assert "It has been a while since anything with Sam" in body
    assert f'action="/circle/observations/drifting:{sam.pk}/dismiss/"' in body


def test_a_date_before_1900_is_refused_and_the_note_kept(client: Client, user: Any) -> None:
    sam = make_person(user)
    response = client.post("/circle/ledger/new/", valid(sam.pk, occurred_on="0001-01-01", note="my words"))
    assert response.status_code == 200
    assert "before 1900" in response.content.decode()
    assert "my words" in response.content.decode()
    assert not Exchange.objects.exists()
