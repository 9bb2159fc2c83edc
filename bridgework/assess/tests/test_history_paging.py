"""An instrument's history shows a page of sittings at a time; the comparison still
reaches the first and the latest, and any own sitting asked for by id."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bridgework.assess.models import Sitting
from bridgework.assess.views import SITTINGS_PER_PAGE

pytestmark = pytest.mark.django_db

TOTAL = SITTINGS_PER_PAGE + 6
START = datetime(2024, 1, 1, 12, tzinfo=UTC)


def _history(user: Any, count: int = TOTAL) -> list[Sitting]:
    """``count`` GAD-7 sittings a week apart; the n-th (from 0) scored n % 22."""
    sittings = [
        Sitting.objects.create(
            user=user,
            instrument_id="gad7",
            instrument_version="1",
            submitted_at=START + timedelta(weeks=n),
            total=n % 22,
        )
        for n in range(count)
    ]
    return sittings


def _get(client: Any, **params: Any) -> Any:
    return client.get(reverse("assess:history", args=["gad7"]), params)


def _table(html: str) -> str:
    return html.split("<tbody>")[1].split("</tbody>")[0]


def _day(sitting: Sitting) -> str:
    return f">{sitting.submitted_at:%-d %b %Y}, "


def test_page_one_shows_the_most_recent_sittings_and_page_two_older_ones(
    client: Any, user: Any
) -> None:
    sittings = _history(user)
    html = _get(client).content.decode()
    table = _table(html)
    assert table.count("<tr>") == SITTINGS_PER_PAGE
    assert _day(sittings[-1]) in table and _day(sittings[6]) in table
    assert _day(sittings[5]) not in table
    # In time order within the page, like the chart above it.
    assert table.index(_day(sittings[6])) < table.index(_day(sittings[-1]))
    assert f"{TOTAL} times you completed it" in html and "page 1 of 2" in html
    assert '<nav aria-label="Pages"' in html
    older = _table(_get(client, page="2").content.decode())
    assert older.count("<tr>") == 6
    assert _day(sittings[0]) in older and _day(sittings[6]) not in older


@pytest.mark.parametrize(("asked", "shown"), [("junk", 1), ("0", 1), ("-1", 1), ("7", 2), ("9" * 300, 2)])
def test_a_bad_page_number_shows_the_nearest_page(
    client: Any, user: Any, asked: str, shown: int
) -> None:
    _history(user)
    response = _get(client, page=asked)
    assert response.status_code == 200
    assert f"page {shown} of 2" in response.content.decode()


def test_the_comparison_defaults_to_first_and_latest_on_any_page(client: Any, user: Any) -> None:
    sittings = _history(user)
    for page in ("1", "2"):
        html = _get(client, page=page).content.decode()
        assert f'<option value="{sittings[0].pk}" selected>' in html
        assert f'<option value="{sittings[-1].pk}" selected>' in html
        assert f"From {sittings[0].total:g} to {sittings[-1].total:g}" in html


def test_an_own_sitting_from_another_page_can_be_compared(client: Any, user: Any) -> None:
    sittings = _history(user)
    response = _get(client, before=sittings[2].pk, after=sittings[3].pk)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"From {sittings[2].total:g} to {sittings[3].total:g}" in html
    assert "Please choose" not in html


def test_a_foreign_or_junk_choice_is_refused_without_a_server_error(
    client: Any, user: Any, other_user: Any
) -> None:
    _history(user)
    (foreign,) = _history(other_user, 1)
    for value in (str(foreign.pk), "abc", "9" * 30):
        response = _get(client, before=value)
        assert response.status_code == 400, value
        assert "Please choose two of your own" in response.content.decode()


def test_the_page_costs_the_same_queries_whatever_the_history(client: Any, user: Any) -> None:
    _history(user, 3)
    _get(client)
    with CaptureQueriesContext(connection) as short:
        _get(client)
    _history(user, 3 * SITTINGS_PER_PAGE)
    with CaptureQueriesContext(connection) as long:
        _get(client)
    assert len(long.captured_queries) == len(short.captured_queries)
