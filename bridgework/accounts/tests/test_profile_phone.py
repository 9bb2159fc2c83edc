"""The profile on a phone: the curated time-zone picker, hiding scores on the home page,
and never showing a username nobody chose."""

from __future__ import annotations

from typing import Any

from django.test import Client

from bridgework.accounts.models import Profile


def test_the_time_zone_picker_offers_common_zones_by_region_not_raw_names(client: Client) -> None:
    body = client.get("/account/profile/").content.decode()
    assert '<optgroup label="Europe">' in body and '<optgroup label="North America">' in body
    assert '<option value="Europe/London">London, Edinburgh, Cardiff</option>' in body
    for raw in ("Factory", "W-SU", "Etc/GMT+5", "US/Pacific-New"):
        assert f'value="{raw}"' not in body
    assert "data-tz-search" in body  # the search box bridgework.js adds


def test_a_zone_chosen_earlier_that_is_not_listed_is_still_shown_and_kept(client: Client, user: Any) -> None:
    Profile.objects.filter(user=user).update(timezone="Europe/Vaduz")
    body = client.get("/account/profile/").content.decode()
    assert '<optgroup label="Your current choice"><option value="Europe/Vaduz" selected>' in body
    response = client.post("/account/profile/", {"display_name": "", "timezone": "Europe/Vaduz", "country": ""})
    assert response.status_code == 302


def test_it_rejects_a_zone_that_does_not_exist_in_plain_words(client: Client) -> None:
    response = client.post("/account/profile/", {"display_name": "", "timezone": "Nope/Nope", "country": ""})
    html = response.content.decode()
    assert "Choose a time zone from the list." in html
    assert 'class="error-summary"' in html


def test_scores_can_be_hidden_from_the_home_page(client: Client, user: Any) -> None:
    from bridgework.assess.instruments import get_instrument
    from bridgework.assess.services import sitting_save, sitting_start

    instrument = get_instrument("phq9")
    assert instrument is not None
    sitting = sitting_start(user=user, instrument=instrument)
    sitting_save(
        sitting=sitting, instrument=instrument,
        responses={item.id: 2 for item in instrument.items}, submit=True,
    )
    shown = client.get("/").content.decode()
    assert "(Moderately severe)" in shown or "18" in shown
    response = client.post(
        "/account/profile/",
        {"display_name": "Alice", "timezone": "UTC", "country": "GB", "hide_scores": "on"},
    )
    assert response.status_code == 302
    hidden = client.get("/").content.decode()
    assert "You chose to keep scores off this page" in hidden
    assert "PHQ-9</a>, " not in hidden


def test_the_welcome_step_does_not_ask_about_scores(client: Client) -> None:
    assert "hide_scores" not in client.get("/account/welcome/").content.decode()


def test_allauth_names_people_by_their_chosen_name_or_email(user: Any, other_user: Any) -> None:
    from allauth.account.utils import user_display

    assert user_display(user) == "Alice"
    Profile.objects.filter(user=other_user).update(display_name="")
    assert user_display(other_user) == "bob@example.org"
