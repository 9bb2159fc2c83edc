"""A step's page lists its attempts newest first, a page at a time; mastery counts them all."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bridgework.ladder.mastery import ATTEMPTS_NEEDED
from bridgework.ladder.models import Step
from bridgework.ladder.views import ATTEMPTS_PER_PAGE

from .conftest import make_attempt, make_step

TOTAL = ATTEMPTS_PER_PAGE + 5


def _day(n: int) -> str:
    """How the table shows the attempt made ``n`` days ago."""
    return f'>{(timezone.localdate() - timedelta(days=n)).strftime("%-d %b %Y")}</th>'


@pytest.fixture
def busy_step(user: Any) -> Step:
    step = make_step(user, expected_discomfort=80)
    for n in range(1, TOTAL + 1):  # attempt n was n days ago; all calm, none feared
        make_attempt(step, happened_on=timezone.localdate() - timedelta(days=n), discomfort_peak=70)
    return step


def _page(client: Client, step: Step, page: str | None = None) -> str:
    response = client.get(f"/ladder/steps/{step.pk}/", {"page": page} if page else {})
    assert response.status_code == 200
    return response.content.decode()


def _rows(body: str) -> int:
    return body.count('class="row-actions"')


def test_page_one_shows_the_newest_attempts_and_page_two_the_older_ones(
    client: Client, busy_step: Step
) -> None:
    first = _page(client, busy_step)
    assert _rows(first) == ATTEMPTS_PER_PAGE
    assert _day(1) in first and _day(ATTEMPTS_PER_PAGE) in first and _day(TOTAL) not in first
    assert first.index(_day(1)) < first.index(_day(2))
    assert f"{TOTAL} attempts, newest first (page 1 of 2)" in first
    assert '<nav aria-label="Pages"' in first and 'href="?page=2" rel="next"' in first
    second = _page(client, busy_step, "2")
    assert _rows(second) == TOTAL - ATTEMPTS_PER_PAGE
    assert _day(TOTAL) in second and _day(1) not in second


@pytest.mark.parametrize(("asked", "shown"), [("junk", 1), ("0", 1), ("-2", 1), ("99", 2), ("9" * 400, 2)])
def test_a_bad_page_number_shows_the_nearest_page(
    client: Client, busy_step: Step, asked: str, shown: int
) -> None:
    assert f"(page {shown} of 2)" in _page(client, busy_step, asked)


def test_the_mastery_summary_counts_every_attempt_not_just_the_page(
    client: Client, busy_step: Step
) -> None:
    # 25 attempts at peak 70 of an expected 80: none calm, so none count toward mastery.
    make_attempt(busy_step, happened_on=timezone.localdate() - timedelta(days=400))
    body = _page(client, busy_step)
    assert f"1 of {ATTEMPTS_NEEDED} attempts so far count toward mastery" in " ".join(body.split())
    assert f"{TOTAL + 1} attempts, newest first" in body


def test_a_short_history_has_no_page_links(client: Client, user: Any) -> None:
    step = make_step(user)
    make_attempt(step)
    body = _page(client, step)
    assert _rows(body) == 1 and 'aria-label="Pages"' not in body and "1 attempt, newest first." in body


def test_another_users_step_is_404_on_every_page(client: Client, other_step: Step) -> None:
    for page in ("1", "2", "junk"):
        assert client.get(f"/ladder/steps/{other_step.pk}/", {"page": page}).status_code == 404
