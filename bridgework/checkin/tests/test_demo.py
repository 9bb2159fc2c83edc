from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bridgework.checkin import demo, insights, trends
from bridgework.checkin.models import CheckIn


def test_a_demo_year_shows_real_links_on_the_insights_page(user: Any) -> None:
    today = dt.date(2026, 11, 29)
    demo.create_demo_data(user, years=1, rng=random.Random(5), today=today)
    assert 200 < CheckIn.objects.filter(user=user).count() <= 366
    results, days = trends.insights_for(user, today=today)
    clear = [r for r in results if r.q < 0.05 and insights.relevance(r) == 0]
    assert any({r.x, r.y} == {"alone", "stress"} and r.lag == 0 and r.rho > 0 for r in clear)
    assert any((r.x, r.y, r.lag) == ("help_asked", "stress", 1) and r.rho < 0 for r in clear)
