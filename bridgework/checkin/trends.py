"""What the trends and insights pages read: fixed windows of a person's check-ins."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import astuple, dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db.models import Count, Max

from . import insights
from .models import CheckIn

# The measures the trends and insights use, in column order (see insights.MEASURES).
MEASURE_FIELDS = [
    "mood",
    "stress",
    "energy",
    "sleep_hours",
    "sleep_quality",
    "numbness",
    "alone",
    "help_asked",
    "help_accepted",
]
# Insights look at the last year: enough days to see something, and a fixed cost.
INSIGHT_DAYS = 365

CHARTS = [
    # field, title, minimum, maximum
    ("mood", "Mood (1 very low – 5 very good)", 1, 5),
    ("stress", "Stress (0–10)", 0, 10),
    ("energy", "Energy (0–10)", 0, 10),
    ("sleep_hours", "Hours slept", 0, 12),
    ("numbness", "Numbness (0–10)", 0, 10),
    ("alone", "Did it all alone (0–10)", 0, 10),
    ("help_asked", "Times I asked for help", 0, 5),
    ("help_accepted", "Times I accepted help", 0, 5),
]


def checkin_rows_for(user: User, *, first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    """The measures of each check-in in [first, last], oldest first (no note decrypted)."""
    return list(
        CheckIn.objects.filter(user=user, date__range=(first, last))
        .order_by("date")
        .values("date", *MEASURE_FIELDS, "body_signs", "feelings")
    )


def measure_series(rows: list[dict[str, Any]]) -> dict[str, dict[dt.date, float]]:
    """Check-in rows → measure → {date: value} in the insights' column order."""
    series: dict[str, dict[dt.date, float]] = {name: {} for name in insights.MEASURES}
    for row in rows:
        day = row["date"]
        for name in MEASURE_FIELDS:
            value = row[name]
            if value is not None:
                series[name][day] = float(value)
        # A check-in always says which body signs and feelings were chosen (maybe none).
        series["body_signs"][day] = float(len(row["body_signs"] or []))
        series["feelings"][day] = float(len(row["feelings"] or []))
    return series


def insights_for(
    user: User, *, today: dt.date, min_n: int = insights.MIN_N
) -> tuple[list[insights.PairResult], int]:
    """The ranked pairs over the last year and how many days that year had a check-in.

    The result is cached under the year's check-in count and latest change, so a repeat
    view costs one aggregate query; any new, changed or deleted check-in (or a new day)
    makes a new key, so the cache is never stale.
    """
    first = today - dt.timedelta(days=INSIGHT_DAYS - 1)
    year = CheckIn.objects.filter(user=user, date__range=(first, today))
    state = year.aggregate(days=Count("id"), latest=Max("updated_at"))
    latest = state["latest"].isoformat() if state["latest"] else "-"
    key = f"checkin:insights:v1:{user.pk}:{today}:{min_n}:{state['days']}:{latest}"
    cached = cache.get(key)
    if cached is None:
        rows = checkin_rows_for(user, first=first, last=today)
        cached = [astuple(r) for r in insights.correlations(measure_series(rows), min_n=min_n)]
        cache.set(key, cached, timeout=60 * 60 * 24)
    results = [insights.PairResult(*values) for values in cached]
    return insights.ranked(results), state["days"]


@dataclass(frozen=True)
class FeelingCount:
    distinct: int
    previous: int
    top: list[tuple[str, int]]


def feeling_counts(rows: list[dict[str, Any]], previous_rows: list[dict[str, Any]]) -> FeelingCount:
    words = Counter(word for row in rows for word in row["feelings"] or [])
    earlier = {word for row in previous_rows for word in row["feelings"] or []}
    return FeelingCount(distinct=len(words), previous=len(earlier), top=words.most_common(8))


# Far enough from the ends of the calendar that a month and the one before it exist.
EARLIEST = dt.date(1900, 2, 1)
LATEST = dt.date(9999, 11, 30)


def period_bounds(period: str, anchor: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """(first, last, previous first, previous last) of the week (Mon–Sun) or month."""
    anchor = min(max(anchor, EARLIEST), LATEST)
    if period == "month":
        first = anchor.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        previous_last = first - dt.timedelta(days=1)
        previous_first = previous_last.replace(day=1)
    else:
        first = anchor - dt.timedelta(days=anchor.weekday())
        last = first + dt.timedelta(days=6)
        previous_first = first - dt.timedelta(days=7)
        previous_last = first - dt.timedelta(days=1)
    return first, last, previous_first, previous_last
