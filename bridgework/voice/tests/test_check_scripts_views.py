from __future__ import annotations

from typing import Any

import pytest

from bridgework.voice.models import Message

pytestmark = pytest.mark.django_db


def test_checking_a_pasted_message_shows_notes_and_saves_nothing(client: Any) -> None:
    response = client.post("/voice/check/", {"text": "You always forget. Sorry, I'm such an idiot, never mind."})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Blame that may land as an attempt" not in page
    assert "Blame that may land as an attack" in page and "Putting yourself down" in page
    assert "Taking the ask back" in page
    assert not Message.objects.exists()


def test_checking_nothing_asks_for_a_message(client: Any) -> None:
    response = client.post("/voice/check/", {"text": ""})
    assert "Write or paste a message to check." in response.content.decode()


def test_check_keeps_the_text_when_it_is_too_long(client: Any) -> None:
    response = client.post("/voice/check/", {"text": "word " * 1200})
    assert response.status_code == 200
    assert "Keep this to 5000 characters or fewer" in response.content.decode()


def test_check_refuses_put(client: Any) -> None:
    assert client.put("/voice/check/").status_code == 405


def test_the_scripts_library_filters_by_area_and_kind(client: Any) -> None:
    page = client.get("/voice/scripts/").content.decode()
    assert page.count("Use the gentler one") >= 30
    page = client.get("/voice/scripts/?area=partner&kind=accept_help").content.decode()
    assert "Letting your partner comfort you" in page and "Turning down an extra project" not in page


def test_a_bad_filter_shows_everything(client: Any) -> None:
    page = client.get("/voice/scripts/?area=moon").content.decode()
    assert page.count("Use the firmer one") >= 30


def test_scripts_refuse_post(client: Any) -> None:
    assert client.post("/voice/scripts/").status_code == 405


def test_the_notes_page_lists_every_note(client: Any) -> None:
    page = client.get("/voice/notes/").content.decode()
    assert "A hint rather than an ask" in page and "More reasons than the ask needs" in page


def test_notes_refuse_post(client: Any) -> None:
    assert client.post("/voice/notes/").status_code == 405
