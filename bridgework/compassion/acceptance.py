"""How much of the kindness that came one's way was let in: pure functions, no Django.

A kindness counts as *accepted* when the person accepted it or said thank you and let it
be; waving it off and paying it back at once do not count. Shares are per calendar month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

# Below this share over the recent window (with enough entries to mean something),
# the app gently proposes a ladder step about letting kindness land.
LOW_SHARE = 0.5
MIN_RECENT = 3


@dataclass(frozen=True)
class MonthShare:
    month: dt.date  # the first day of the month
    total: int
    accepted: int

    @property
    def share(self) -> float:
        return self.accepted / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def previous_months(today: dt.date, count: int) -> list[dt.date]:
    """The first days of the last ``count`` calendar months, oldest first, ending today's."""
    months = [month_start(today)]
    while len(months) < count:
        first = months[-1]
        months.append(month_start(first - dt.timedelta(days=1)))
    return list(reversed(months))


def monthly_shares(
    counts: Iterable[tuple[dt.date, int, int]], *, today: dt.date, months: int = 6
) -> list[MonthShare]:
    """``counts`` are (month start, total, accepted) rows; every month of the window is
    returned (empty months with total 0), oldest first."""
    by_month = {month_start(month): (total, accepted) for month, total, accepted in counts}
    return [
        MonthShare(month, *by_month.get(month, (0, 0)))
        for month in previous_months(today, months)
    ]


def needs_gentle_nudge(total: int, accepted: int) -> bool:
    """Whether recent kindness mostly bounced off: enough entries and a low share."""
    return total >= MIN_RECENT and accepted / total < LOW_SHARE


@dataclass(frozen=True)
class HarshnessChange:
    sessions: int
    mean_before: float
    mean_after: float

    @property
    def softened_by(self) -> float:
        return self.mean_before - self.mean_after


def harshness_change(pairs: Iterable[tuple[int | None, int | None]]) -> HarshnessChange | None:
    """Mean "how harsh is my inner voice" before and after, over sessions rated both times."""
    both = [(before, after) for before, after in pairs if before is not None and after is not None]
    if not both:
        return None
    return HarshnessChange(
        sessions=len(both),
        mean_before=sum(b for b, _ in both) / len(both),
        mean_after=sum(a for _, a in both) / len(both),
    )
