import json
import re
from typing import Any

from django.test import Client

from bridgework.learn.content import lessons
from bridgework.learn.models import LessonProgress


def test_logged_out_visitors_see_the_welcome_page(anon_client: Client) -> None:
    response = anon_client.get("/")
    assert response.status_code == 200
    assert b"Create a private account" in response.content


def test_every_page_has_get_help_now(anon_client: Client, client: Client) -> None:
    for c, path in [(anon_client, "/"), (anon_client, "/learn/"), (client, "/"), (client, "/account/profile/")]:
        body = c.get(path).content.decode()
        assert '<a class="help-now" href="/safety/help/">Get help now</a>' in body, path


def test_home_offers_the_first_lesson_as_next_step(client: Client) -> None:
    response = client.get("/")
    first = lessons()[0]
    assert response.status_code == 200
    assert response.context["next_step"].url == f"/learn/{first.slug}/"


def test_the_learn_panel_moves_on_to_the_next_unread_lesson(client: Client, user: Any) -> None:
    LessonProgress.objects.create(user=user, lesson_slug=lessons()[0].slug)
    response = client.get("/")
    learn = next(p for p in response.context["panels"] if p.template == "learn/_dashboard.html")
    assert learn.next_step.url == f"/learn/{lessons()[1].slug}/"
    # After the first lesson, other areas may take the lead, but never with nothing to offer.
    assert response.context["next_step"] is not None


def test_home_links_only_to_areas_that_exist(client: Client) -> None:
    body = client.get("/").content.decode()
    for link in [line for line in body.split('href="') if line.startswith("/")]:
        path = link.split('"')[0]
        if path.startswith("/static/"):
            continue
        assert client.get(path).status_code in (200, 302), path


def test_home_refuses_post(client: Client) -> None:
    assert client.post("/").status_code == 405


def test_privacy_page_is_public(anon_client: Client) -> None:
    response = anon_client.get("/privacy/")
    assert response.status_code == 200
    assert b"not a crisis service" in response.content


def test_export_returns_only_my_data(client: Client, user: Any, other_user: Any) -> None:
    LessonProgress.objects.create(user=user, lesson_slug="roots")
    LessonProgress.objects.create(user=other_user, lesson_slug="closeness")
    response = client.get("/account/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    payload = json.loads(response.content)
    assert payload["data"]["accounts"]["email"] == "alice@example.org"
    lessons_done = [row["lesson"] for row in payload["data"]["learn"]["lessons_completed"]]
    assert lessons_done == ["roots"]


def test_export_needs_login(anon_client: Client) -> None:
    response = anon_client.get("/account/export/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_api_docs_work_offline(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    body = response.content.decode()
    # Every script and stylesheet from this server (not a CDN). Only the addresses are
    # checked: the page's random CSRF token once contained "cdn" and failed a whole-page check.
    addresses = re.findall(r'(?:src|href)="([^"]*)"', body)
    assert addresses
    assert all(address.startswith(("/", "#")) for address in addresses), addresses
    assert not any("cdn" in address.lower() for address in addresses)
    assert "/static/ninja/swagger-ui-bundle.js" in body


def test_pages_load_no_outside_resources(anon_client: Client) -> None:
    body = anon_client.get("/").content.decode()
    for attribute in ('src="http', "href=\"http", "@import", "fonts.googleapis"):
        assert attribute not in body


def test_home_suggests_setting_a_country_only_when_missing(client: Client, user: Any) -> None:
    assert "Set your country" not in client.get("/").content.decode()
    user.profile.country = ""
    user.profile.save(update_fields=["country"])
    assert "Set your country" in client.get("/").content.decode()


def test_the_openapi_schema_lists_every_module_and_is_built_once(client: Client) -> None:
    from bridgework.api.api import api

    first = client.get("/api/openapi.json")
    assert first.status_code == 200
    paths = first.json()["paths"]
    assert any(p.startswith("/api/v1/ladder/") for p in paths)
    assert any(p.startswith("/api/v1/circle/") for p in paths)
    assert api.get_openapi_schema(path_prefix="/api/") is api.get_openapi_schema(path_prefix="/api/")
