from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bridgework.conftest import make_user
from bridgework.core.tests.fill import fill_user, without_ids

URL = "/account/import/"


def upload(content: bytes | str, name: str = "backup.json") -> dict[str, Any]:
    data = content.encode() if isinstance(content, str) else content
    return {"file": SimpleUploadedFile(name, data, content_type="application/json")}


def export_of(client: Client) -> dict[str, Any]:
    response = client.get("/account/export/")
    assert response.status_code == 200
    payload: dict[str, Any] = json.loads(response.content)
    return payload


def _to_the_millisecond(value: Any) -> Any:
    """The export writes times to the millisecond as Django's JSON encoder does: ".000"
    for a time with a few microseconds, nothing for a time with none. A restored time has
    none, so the same instant may come back without its ".000" (CI met it on PostgreSQL)."""
    if isinstance(value, dict):
        return {key: _to_the_millisecond(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_the_millisecond(item) for item in value]
    if isinstance(value, str) and _NO_MILLISECONDS.fullmatch(value):
        return value.replace(".000", "")
    return value


_NO_MILLISECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000(?:Z|[+-]\d\d:\d\d)")


def comparable(payload: dict[str, Any]) -> dict[str, Any]:
    data = _to_the_millisecond(without_ids(payload))
    # The login belongs to the account, not to the backup.
    for key in ("email", "date_joined"):
        data["data"]["accounts"].pop(key)
    return data  # type: ignore[no-any-return]


@pytest.fixture
def backup(user: Any, client: Client) -> dict[str, Any]:
    fill_user(user)
    return export_of(client)


@pytest.fixture
def fresh(db: None) -> tuple[Any, Client]:
    newcomer = make_user("carol@example.org", display_name="")
    client = Client()
    client.force_login(newcomer)
    return newcomer, client


def post(client: Client, payload: Any, name: str = "backup.json") -> Any:
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post(URL, upload(body, name))


def test_it_restores_a_full_export_into_a_fresh_account(
    backup: dict[str, Any], fresh: tuple[Any, Client]
) -> None:
    _, client = fresh

    response = post(client, backup)

    assert response.status_code == 302
    assert response["Location"] == "/account/profile/"
    page = client.get(response["Location"]).content.decode()
    assert "Your data is restored:" in page
    assert comparable(export_of(client)) == comparable(backup)


def test_it_restores_an_older_export_that_calls_sittings_administrations(
    backup: dict[str, Any], fresh: tuple[Any, Client]
) -> None:
    _, client = fresh
    older = json.loads(json.dumps(backup))
    older["data"]["assess"] = {"administrations": older["data"]["assess"].pop("sittings")}

    response = post(client, older)

    assert response.status_code == 302
    assert comparable(export_of(client)) == comparable(backup)


def test_the_message_counts_the_rows_restored(
    backup: dict[str, Any], fresh: tuple[Any, Client]
) -> None:
    _, client = fresh
    data = backup["data"]
    sittings = data["assess"]["sittings"]
    expected = (
        len(data["learn"]["lessons_completed"])
        + len(data["learn"]["sounds_like_me"])
        + len(sittings)
        + sum(len(sitting["responses"]) for sitting in sittings)
        + sum(len(rows) for rows in data["circle"].values())
        + len(data["ladder"]["steps"])
        + sum(len(step["attempts"]) for step in data["ladder"]["steps"])
        + len(data["journal"]["entries"])
        + 1  # the safety plan
        + len(data["safety"]["screening_events"])
    )

    response = post(client, backup)

    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [f"Your data is restored: {expected} rows imported."]


def test_it_leaves_the_other_users_data_alone(
    user: Any,
    backup: dict[str, Any],
    fresh: tuple[Any, Client],
    other_user: Any,
    other_client: Client,
) -> None:
    fill_user(other_user)
    others_before = export_of(other_client)
    mine_before = export_of(_client_for(user))
    _, client = fresh

    post(client, backup)

    assert export_of(other_client)["data"] == others_before["data"]
    assert export_of(_client_for(user))["data"] == mine_before["data"]


def _client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_shows_the_form(fresh: tuple[Any, Client]) -> None:
    _, client = fresh
    response = client.get(URL)
    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()


def test_the_profile_links_to_it(client: Client) -> None:
    assert URL in client.get("/account/profile/").content.decode()


def test_it_refuses_an_account_that_has_data(
    user: Any, client: Client, backup: dict[str, Any]
) -> None:
    from bridgework.ladder.models import Step

    steps = Step.objects.filter(user=user).count()
    assert "already has Bridgework data" in client.get(URL).content.decode()

    response = post(client, backup)

    assert response.status_code == 200
    assert "already has Bridgework data, so nothing was imported" in response.content.decode()
    assert Step.objects.filter(user=user).count() == steps


def test_it_requires_login(anon_client: Client) -> None:
    response = anon_client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_rejects_other_methods(client: Client) -> None:
    assert client.put(URL).status_code == 405
    assert client.delete(URL).status_code == 405


def test_it_names_the_line_and_column_of_broken_json(fresh: tuple[Any, Client]) -> None:
    _, client = fresh
    response = post(client, '{\n  "format": "bridgework-export/1",\n  "data": {,}\n}', "mine.json")
    assert response.status_code == 200
    assert "mine.json line 3, column 12: Expecting property name" in response.content.decode()


def test_it_rejects_a_file_that_is_not_text(fresh: tuple[Any, Client]) -> None:
    _, client = fresh
    response = post(client, b"\xff\xd8\xff\xe0 a photo", "photo.json")
    assert "photo.json is not a text (UTF-8) file" in response.content.decode()


def test_it_rejects_another_format(fresh: tuple[Any, Client]) -> None:
    _, client = fresh
    response = post(client, {"format": "someone-else/3", "data": {}})
    assert "format: expected &#x27;bridgework-export/1&#x27;" in response.content.decode()


def test_it_rejects_json_that_is_not_an_export(fresh: tuple[Any, Client]) -> None:
    _, client = fresh
    response = post(client, "[1, 2, 3]")
    assert "not a Bridgework export" in response.content.decode()


def test_it_names_an_unknown_app(fresh: tuple[Any, Client], backup: dict[str, Any]) -> None:
    _, client = fresh
    backup["data"]["gardening"] = {}
    response = post(client, backup)
    assert "data.gardening: unknown app" in response.content.decode()


def test_it_names_the_path_of_an_out_of_range_value(
    fresh: tuple[Any, Client], backup: dict[str, Any]
) -> None:
    newcomer, client = fresh
    backup["data"]["ladder"]["steps"][1]["expected_discomfort"] = 140

    response = post(client, backup)

    assert "data.ladder.steps[1].expected_discomfort: must be 0–100" in response.content.decode()
    # All or nothing: the apps imported before ladder were rolled back too.
    from bridgework.core.modules import has_user_data

    assert not has_user_data(newcomer)


def test_it_names_the_path_of_a_wrong_type(
    fresh: tuple[Any, Client], backup: dict[str, Any]
) -> None:
    _, client = fresh
    backup["data"]["journal"]["entries"][0]["date"] = 20240101
    response = post(client, backup)
    assert "data.journal.entries[0].date:" in response.content.decode()


def test_it_refuses_a_file_over_20_mb(fresh: tuple[Any, Client]) -> None:
    _, client = fresh
    response = post(client, b" " * (20 * 1024 * 1024 + 1), "huge.json")
    assert response.status_code == 200
    assert "huge.json is 20.0 MB; an export can be at most 20 MB." in response.content.decode()


def test_it_asks_for_a_file(fresh: tuple[Any, Client]) -> None:
    _, client = fresh
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "Choose a file first." in response.content.decode()


def test_times_are_compared_to_the_millisecond_the_export_keeps() -> None:
    assert _to_the_millisecond({"a": ["2026-11-30T14:28:51.000Z"]}) == {
        "a": ["2026-11-30T14:28:51Z"]
    }
    assert _to_the_millisecond("2026-11-30T14:28:51.012Z") == "2026-11-30T14:28:51.012Z"
