"""The 30-question inventory one section at a time, with "n of 30" and saved progress."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from bridgework.assess.forms import parts_of
from bridgework.assess.instruments import all_instruments
from bridgework.assess.models import Sitting

BII = all_instruments()["bii"]
PHQ9 = all_instruments()["phq9"]


def start(client: Any, instrument_id: str) -> Sitting:
    client.post(reverse("assess:start", args=[instrument_id]))
    return Sitting.objects.latest("started_at")


def test_long_questionnaires_are_split_by_section_and_short_ones_are_not() -> None:
    parts = parts_of(BII)
    assert [len(p.item_ids) for p in parts] == [5] * 6
    assert parts[1].title == "Letting people in" and (parts[1].first_number, parts[1].last_number) == (6, 10)
    assert len(parts_of(PHQ9)) == 1


def test_the_first_page_shows_one_section_and_where_you_are(client: Any) -> None:
    sitting = start(client, "bii")
    html = client.get(reverse("assess:take", args=[sitting.pk])).content.decode()
    assert html.count("<legend>") == 5
    assert "Part 1 of 6: Asking for help" in html and "questions 1–5 of 30" in html
    assert "0 of 30 answered" in html
    assert 'value="next"' in html and 'value="submit"' not in html


def test_next_saves_the_section_and_turns_the_page(client: Any) -> None:
    sitting = start(client, "bii")
    data = {"part": "1", "action": "next", **{f"bii_0{n}": "4" for n in range(1, 6)}}
    response = client.post(reverse("assess:take", args=[sitting.pk]), data)
    assert response.status_code == 302 and response["Location"].endswith("?part=2")
    assert len(sitting.answers()) == 5
    html = client.get(response["Location"]).content.decode()
    assert "Part 2 of 6: Letting people in" in html and "5 of 30 answered" in html
    # The answers from part 1 travel along, hidden, so a submit can check them all.
    assert '<input type="hidden" name="bii_01" value="4">' in html


def test_coming_back_later_opens_the_first_unfinished_section(client: Any) -> None:
    sitting = start(client, "bii")
    answers = {f"bii_{n:02d}": "3" for n in range(1, 11)}
    client.post(reverse("assess:take", args=[sitting.pk]), {"part": "2", "action": "save", **answers})
    html = client.get(reverse("assess:take", args=[sitting.pk])).content.decode()
    assert "Part 3 of 6: Control and certainty" in html


def test_a_submit_with_a_problem_earlier_shows_that_section(client: Any) -> None:
    sitting = start(client, "bii")
    answers = {f"bii_{n:02d}": "3" for n in range(1, 31)} | {"bii_07": "9"}
    response = client.post(reverse("assess:take", args=[sitting.pk]), {"part": "6", "action": "submit", **answers})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Part 2 of 6" in html and 'class="error-summary"' in html
    assert Sitting.objects.get(pk=sitting.pk).submitted_at is None


def test_a_nonsense_part_number_falls_back_to_the_first(client: Any) -> None:
    sitting = start(client, "bii")
    for bad in ("x", "-4", "99999999999999999999"):
        response = client.get(reverse("assess:take", args=[sitting.pk]) + f"?part={bad}")
        assert response.status_code == 200
    assert "Part 6 of 6" in client.get(reverse("assess:take", args=[sitting.pk]) + "?part=99").content.decode()
