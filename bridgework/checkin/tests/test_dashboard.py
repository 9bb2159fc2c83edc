from __future__ import annotations

from typing import Any

from django.utils import timezone

from bridgework.checkin.dashboard import dashboard
from bridgework.checkin.models import CheckIn


def test_it_suggests_checking_in_until_done_today(user: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(1):
        panel = dashboard(user)
    assert panel.next_step is not None and panel.next_step.url == "/checkin/"
    CheckIn.objects.create(user=user, date=timezone.localdate(), stress=2)
    panel = dashboard(user)
    assert panel.next_step is None
    assert panel.context == {"done_today": True, "week_days": 1}


def test_the_home_page_shows_the_panel(client: Any) -> None:
    body = client.get("/").content.decode()
    assert "checkin-panel-heading" in body
