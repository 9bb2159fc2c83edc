"""The pure acceptance and harshness arithmetic (no database)."""

from __future__ import annotations

import datetime as dt

from bridgework.compassion.acceptance import (
    harshness_change,
    monthly_shares,
    needs_gentle_nudge,
    previous_months,
)


def test_previous_months_runs_back_across_a_new_year() -> None:
    assert previous_months(dt.date(2026, 2, 14), 4) == [
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
    ]


def test_monthly_shares_fill_empty_months_with_zero() -> None:
    shares = monthly_shares([(dt.date(2026, 1, 1), 4, 1)], today=dt.date(2026, 2, 3), months=3)
    assert [(s.month, s.total, s.accepted) for s in shares] == [
        (dt.date(2025, 12, 1), 0, 0),
        (dt.date(2026, 1, 1), 4, 1),
        (dt.date(2026, 2, 1), 0, 0),
    ]
    assert shares[1].share == 0.25 and shares[1].percent == 25
    assert shares[0].share == 0.0


def test_it_nudges_only_with_enough_entries_and_a_low_share() -> None:
    assert needs_gentle_nudge(4, 1)
    assert not needs_gentle_nudge(4, 2)  # half let in is not "low"
    assert not needs_gentle_nudge(2, 0)  # too few to say anything


def test_harshness_change_uses_only_sessions_rated_both_times() -> None:
    change = harshness_change([(8, 5), (6, None), (None, 3), (6, 5)])
    assert change is not None
    assert change.sessions == 2
    assert change.mean_before == 7 and change.mean_after == 5
    assert change.softened_by == 2
    assert harshness_change([(None, 4)]) is None
