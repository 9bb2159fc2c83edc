from typing import Any

from django.test import Client

from bridgework.accounts.models import Profile
from bridgework.safety.crisis_lines import load


def test_the_crisis_data_covers_the_required_countries() -> None:
    data = load()
    assert {"US", "CA", "GB", "IE", "AU", "NZ"} <= set(data.countries)
    for country in data.countries.values():
        assert country.emergency
        for line in country.lines:
            assert line.source and line.checked
            assert line.phone or line.sms


def test_logged_out_visitors_get_emergency_numbers_and_directory(anon_client: Client) -> None:
    response = anon_client.get("/safety/help/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Bridgework is not a crisis service" in body
    assert "112" in body and "findahelpline.com" in body


def test_it_shows_the_lines_for_my_country(client: Client, user: Any) -> None:
    body = client.get("/safety/help/").content.decode()  # Alice is in GB
    assert "Samaritans" in body
    assert 'href="tel:116123"' in body
    assert 'href="tel:999"' in body


def test_another_country_can_be_chosen(client: Client) -> None:
    body = client.get("/safety/help/?country=au").content.decode()
    assert "Lifeline" in body and "13 11 14" in body


def test_an_unknown_country_falls_back_gracefully(client: Client, user: Any) -> None:
    Profile.objects.filter(user=user).update(country="")
    response = client.get("/safety/help/?country=<script>")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    assert "Emergency numbers" in response.content.decode()


def test_help_refuses_post(anon_client: Client) -> None:
    assert anon_client.post("/safety/help/").status_code == 405
