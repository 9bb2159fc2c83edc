"""The pure statistics, checked against scipy and numpy directly (no database)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
import pytest
from scipy import stats

from bridgework.checkin import insights
from bridgework.checkin.insights import CsvProblem, correlations, read_csv

DAY = dt.date(2026, 1, 1)


def series_from(values: Sequence[float | None], start: dt.date = DAY) -> dict[dt.date, float]:
    return {start + dt.timedelta(days=i): v for i, v in enumerate(values) if v is not None}


def reference(xs: list[float], ys: list[float]) -> tuple[float, float, float, float]:
    """ρ and p from scipy, the interval written out independently."""
    rho, p = stats.spearmanr(xs, ys)
    n = len(xs)
    se = math.sqrt((1 + rho**2 / 2) / (n - 3))
    z = stats.norm.ppf(0.975)
    return float(rho), float(p), math.tanh(math.atanh(rho) - z * se), math.tanh(math.atanh(rho) + z * se)


def test_rank_average_matches_scipy_rankdata_with_ties() -> None:
    values = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], dtype=float)
    assert np.allclose(insights.rank_average(values), stats.rankdata(values))


@pytest.mark.parametrize("seed", range(5))
def test_it_matches_scipy_spearmanr_and_the_interval_to_1e6(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 11, 60).astype(float)
    y = np.clip(x // 2 + rng.integers(0, 6, 60), 0, 10)
    result = insights.pair_stats("x", "y", 0, x, y)
    assert result is not None
    rho, p, low, high = reference(list(x), list(y))
    assert result.rho == pytest.approx(rho, abs=1e-9)
    assert result.p == pytest.approx(p, abs=1e-9, rel=1e-6)
    assert result.ci_low == pytest.approx(low, abs=1e-9)
    assert result.ci_high == pytest.approx(high, abs=1e-9)


def test_it_uses_only_days_where_both_exist() -> None:
    x = [1, 2, None, 4, 5, 6, 7, None, 9, 10, 11, 12, 13, 14, 15, 16, 3, 8]
    y = [2, None, 3, 5, 4, 6, 9, 8, None, 10, 12, 11, 14, 13, 16, 15, 1, 7]
    (result,) = [r for r in correlations({"x": series_from(x), "y": series_from(y)}) if r.lag == 0]
    both = [(a, b) for a, b in zip(x, y, strict=True) if a is not None and b is not None]
    rho, p, low, high = reference([a for a, _ in both], [b for _, b in both])
    assert result.n == len(both) == 14
    assert result.rho == pytest.approx(rho, abs=1e-9)
    assert result.p == pytest.approx(p, rel=1e-6)


def test_lag_one_follows_calendar_days_not_rows() -> None:
    rng = np.random.default_rng(7)
    days = [DAY + dt.timedelta(days=d) for d in range(80) if d % 5 != 3]  # gaps every 5 days
    x = {d: float(rng.integers(0, 11)) for d in days}
    y = {d: float(rng.integers(0, 11)) for d in days}
    results = {(r.x, r.y, r.lag): r for r in correlations({"x": x, "y": y})}
    pairs = [(x[d], y[d + dt.timedelta(days=1)]) for d in days if d + dt.timedelta(days=1) in y]
    rho, p, _, _ = reference([a for a, _ in pairs], [b for _, b in pairs])
    assert results[("x", "y", 1)].n == len(pairs) < len(days) - 1
    assert results[("x", "y", 1)].rho == pytest.approx(rho, abs=1e-9)
    assert results[("x", "y", 1)].p == pytest.approx(p, rel=1e-6)
    assert ("y", "x", 1) in results and ("y", "x", 0) not in results
    assert ("x", "x", 1) not in results


def test_it_skips_constant_sides_and_small_n() -> None:
    x = series_from([float(i % 7) for i in range(30)])
    constant = series_from([3.0] * 30)
    short = series_from([float(i) for i in range(13)])
    results = correlations({"x": x, "c": constant, "s": short})
    assert all("c" not in (r.x, r.y) for r in results)
    assert all("s" not in (r.x, r.y) for r in results)
    assert correlations({"x": x, "s": short}, min_n=12)


def test_bh_q_is_monotone_capped_and_matches_a_hand_computation() -> None:
    ps = [0.01, 0.04, 0.03, 0.5, 0.9]
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    hand = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * m / rank)
        hand[i] = min(running, 1.0)
    assert insights.bh_q(ps) == pytest.approx(hand, abs=1e-12)


def test_perfect_correlation_has_a_point_interval_and_zero_p() -> None:
    values = np.arange(20, dtype=float)
    result = insights.pair_stats("x", "y", 0, values, values * 2)
    assert result is not None
    assert (result.rho, result.p, result.ci_low, result.ci_high) == (1.0, 0.0, 1.0, 1.0)


def test_q_is_over_exactly_the_pairs_reported() -> None:
    rng = np.random.default_rng(3)
    data = {name: series_from([float(v) for v in rng.integers(0, 11, 40)]) for name in "abc"}
    results = correlations(data)
    assert len(results) == 3 + 6
    assert [r.q for r in results] == pytest.approx(list(stats.false_discovery_control([r.p for r in results])))


def test_sentences_never_overclaim() -> None:
    base = dict(x="help_asked", y="stress", lag=1, n=41, rho=-0.3, p=0.04, ci_low=-0.5, ci_high=-0.01)
    chance = insights.describe(insights.PairResult(**base, q=0.2))  # type: ignore[arg-type]
    assert chance == (
        "On days after you asked for help more, your stress tended to be lower the next day (n = 41). "
        "This could be chance."
    )
    clear = insights.describe(insights.PairResult(**base, q=0.01))  # type: ignore[arg-type]
    assert "does not show that one causes the other" in clear


def test_costs_against_doing_it_alone_come_first() -> None:
    def make(x: str, y: str, q: float) -> insights.PairResult:
        return insights.PairResult(x, y, 0, 30, 0.5, 0.01, 0.1, 0.7, q)

    ranked = insights.ranked([make("mood", "energy", 0.001), make("stress", "alone", 0.2)])
    assert (ranked[0].x, ranked[0].y) == ("stress", "alone")


def test_read_csv_names_the_line_of_a_bad_date_or_a_repeated_day() -> None:
    with pytest.raises(CsvProblem, match="line 3: '2026-13-01' is not a date"):
        read_csv([["date", "a"], ["2026-01-01", "1"], ["2026-13-01", "2"]])
    with pytest.raises(CsvProblem, match="line 4: 2026-01-01 appears twice"):
        read_csv([["date", "a"], ["2026-01-01", "1"], ["2026-01-02", ""], ["2026-01-01", "2"]])
    with pytest.raises(CsvProblem, match="line 2: a: 'x' is not a number"):
        read_csv([["date", "a"], ["2026-01-01", "x"]])


def test_read_csv_keeps_column_order_and_treats_empty_as_missing() -> None:
    series = read_csv([["b", "date", "a"], ["1", "2026-01-01", ""], ["", "2026-01-02", "2.5"]])
    assert list(series) == ["b", "a"]
    assert series["b"] == {DAY: 1.0}
    assert series["a"] == {DAY + dt.timedelta(days=1): 2.5}
