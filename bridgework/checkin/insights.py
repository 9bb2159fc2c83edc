"""Honest insights: which daily measures tend to move together. Pure module, no Django.

For every pair of measures the person records, at lag 0 (same day) and lag 1 (x on day
d, y on calendar day d + 1), using only the days where both values exist:

- Spearman's ρ and its two-sided p, exactly as ``scipy.stats.spearmanr`` computes them
  (average ranks for ties, Pearson's r of the ranks, Student's t with n − 2 degrees of
  freedom). ``spearmanr`` itself costs about a millisecond a call, so the same arithmetic
  is written out here on numpy arrays; the tests check it against ``spearmanr``.
- A 95 % interval by Fisher's z with the Bonett–Wright standard error
  √((1 + ρ²/2)/(n − 3)): tanh(atanh ρ ± 1.96 · SE). At |ρ| = 1 atanh is infinite;
  the interval is then [ρ, ρ] (what clipping |ρ| just below 1 gives to 1e-12).
- Benjamini–Hochberg q over all the pairs reported (monotone, capped at 1).

A pair is reported only with n ≥ ``min_n`` days and when neither side is constant over
those days (ρ is undefined then). Lag 0 takes each unordered pair of distinct measures
once, in column order; lag 1 takes every ordered pair of distinct measures (x → y and
y → x are different questions: "after a day alone, was I more tired?").
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

MIN_N = 14
# scipy.stats.norm.ppf(0.975)
Z_975 = 1.959963984540054

Series = Mapping[dt.date, float]


@dataclass(frozen=True)
class PairResult:
    x: str
    y: str
    lag: int
    n: int
    rho: float
    p: float
    ci_low: float
    ci_high: float
    q: float = 1.0

    def as_json(self) -> dict[str, object]:
        return {
            "x": self.x,
            "y": self.y,
            "lag": self.lag,
            "n": self.n,
            "rho": self.rho,
            "p": self.p,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "q": self.q,
        }


def rank_average(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n with ties given their average rank (``scipy.stats.rankdata``'s default)."""
    sorter = np.argsort(values, kind="mergesort")
    inverse = np.empty(sorter.size, dtype=np.intp)
    inverse[sorter] = np.arange(sorter.size, dtype=np.intp)
    ordered = values[sorter]
    first = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    dense = np.cumsum(first)[inverse]
    bounds = np.concatenate((np.nonzero(first)[0], [first.size]))
    return 0.5 * (bounds[dense] + bounds[dense - 1] + 1)


def spearman_rho(x: np.ndarray, y: np.ndarray) -> float | None:
    """Spearman's ρ of two equal-length arrays, or None when either is constant."""
    if x.size < 2 or np.all(x == x[0]) or np.all(y == y[0]):
        return None
    rx = rank_average(x)
    ry = rank_average(y)
    rx = rx - rx.mean()
    ry = ry - ry.mean()
    r = float(np.dot(rx, ry) / math.sqrt(float(np.dot(rx, rx)) * float(np.dot(ry, ry))))
    return max(-1.0, min(1.0, r))


def spearman_p(rho: float, n: int) -> float:
    """Two-sided p of ρ on n pairs, as ``scipy.stats.spearmanr`` (t with n − 2 df)."""
    dof = n - 2
    if abs(rho) >= 1.0:
        return 0.0
    t = rho * math.sqrt(max(dof / ((rho + 1.0) * (1.0 - rho)), 0.0))
    return float(2 * special.stdtr(dof, -abs(t)))


def fisher_ci(rho: float, n: int, z: float = Z_975) -> tuple[float, float]:
    """95 % interval for ρ: Fisher's z with the Bonett–Wright SE √((1 + ρ²/2)/(n − 3))."""
    if abs(rho) >= 1.0:
        return rho, rho
    se = math.sqrt((1.0 + rho * rho / 2.0) / (n - 3))
    centre = math.atanh(rho)
    return math.tanh(centre - z * se), math.tanh(centre + z * se)


def bh_q(pvalues: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p (q), monotone and capped at 1, in the input order
    (the same as ``scipy.stats.false_discovery_control(p, method="bh")``)."""
    m = len(pvalues)
    if m == 0:
        return []
    ps = np.asarray(pvalues, dtype=float)
    order = np.argsort(ps, kind="mergesort")
    scaled = ps[order] * m / np.arange(1, m + 1)
    # From the largest p down, each q is the smallest scaled p at or above its rank.
    monotone = np.minimum.accumulate(scaled[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(monotone, 1.0)
    return [float(value) for value in q]


def pair_stats(x: str, y: str, lag: int, xs: np.ndarray, ys: np.ndarray) -> PairResult | None:
    rho = spearman_rho(xs, ys)
    if rho is None:
        return None
    n = int(xs.size)
    low, high = fisher_ci(rho, n)
    return PairResult(x=x, y=y, lag=lag, n=n, rho=rho, p=spearman_p(rho, n), ci_low=low, ci_high=high)


def pairs(names: Sequence[str]) -> list[tuple[str, str, int]]:
    """The pairs tested, in the reporting order: lag 0 unordered, then lag 1 ordered."""
    same_day = [(a, b, 0) for i, a in enumerate(names) for b in names[i + 1 :]]
    next_day = [(a, b, 1) for a in names for b in names if a != b]
    return same_day + next_day


def _dense(series: Mapping[str, Series]) -> tuple[list[str], np.ndarray]:
    """Measures as rows of one array over consecutive calendar days (NaN = missing)."""
    names = list(series)
    days = sorted({day for values in series.values() for day in values})
    table = np.full((len(names), (days[-1] - days[0]).days + 2 if days else 1), np.nan)
    if days:
        first = days[0]
        for row, name in enumerate(names):
            values = series[name]
            if values:
                index = np.fromiter(((day - first).days for day in values), dtype=np.intp, count=len(values))
                table[row, index] = np.fromiter(values.values(), dtype=float, count=len(values))
    return names, table


class _Ranks:
    """Centred ranks of a measure over the days a mask selects, computed once per mask:
    most pairs of check-in measures share the same days, so most ranks are reused."""

    def __init__(self, table: np.ndarray) -> None:
        self.table = table
        self.cache: dict[tuple[int, int, bytes], tuple[np.ndarray, float]] = {}

    def get(self, row: int, shift: int, mask: np.ndarray) -> tuple[np.ndarray, float]:
        key = (row, shift, mask.tobytes())
        found = self.cache.get(key)
        if found is None:
            values = self.table[row, shift : shift + mask.size][mask]
            ranks = rank_average(values)
            ranks -= ranks.mean()
            found = (ranks, float(np.dot(ranks, ranks)))
            self.cache[key] = found
        return found


def correlations(series: Mapping[str, Series], *, min_n: int = MIN_N) -> list[PairResult]:
    """Every reportable pair of ``series`` (name → {date: value}), with BH q over them.

    ``series`` is iterated in its own order (the column order). Missing values are
    simply absent from a measure's mapping. Pairs are aligned on calendar days (lag 1:
    x on day d, y on day d + 1), never on rows.
    """
    names, table = _dense(series)
    width = table.shape[1] - 1  # the last column is a padding day for lag 1
    present = ~np.isnan(table)
    ranks = _Ranks(table)
    index = {name: row for row, name in enumerate(names)}
    found: list[tuple[str, str, int, int, float]] = []
    for x, y, lag in pairs(names):
        i, j = index[x], index[y]
        mask = present[i, :width] & present[j, lag : lag + width]
        n = int(np.count_nonzero(mask))
        if n < max(min_n, 4):  # n − 3 must stay positive for the interval
            continue
        rx, sx = ranks.get(i, 0, mask)
        ry, sy = ranks.get(j, lag, mask)
        if sx == 0.0 or sy == 0.0:  # a constant side: ρ is undefined
            continue
        rho = max(-1.0, min(1.0, float(np.dot(rx, ry)) / math.sqrt(sx * sy)))
        found.append((x, y, lag, n, rho))
    qs = bh_q([spearman_p(rho, n) for *_, n, rho in found])
    results = []
    for (x, y, lag, n, rho), q in zip(found, qs, strict=True):
        low, high = fisher_ci(rho, n)
        results.append(PairResult(x, y, lag, n, rho, spearman_p(rho, n), low, high, q))
    return results


# ---------------------------------------------------------------------------------------
# Plain words for the check-in measures.

@dataclass(frozen=True)
class Measure:
    key: str
    # "your stress", "how much you did alone"
    noun: str
    # for lag-1 sentences: "On days after you ___"
    after_high: str
    # a cost of doing it all alone (stress, numbness...), a way of reaching out, or other
    kind: str = "other"
    higher: str = "higher"
    lower: str = "lower"


MEASURES: dict[str, Measure] = {
    measure.key: measure
    for measure in [
        Measure("alone", "how much you did all alone", "did more of it all alone", "alone"),
        Measure("help_asked", "how often you asked for help", "asked for help more", "reach"),
        Measure("help_accepted", "how often you accepted help", "accepted more help", "reach"),
        Measure("stress", "your stress", "felt more stressed", "cost"),
        Measure("numbness", "your numbness", "felt more numb", "cost"),
        Measure("body_signs", "the body signs you noticed", "noticed more body signs", "cost", "more", "fewer"),
        Measure("sleep_hours", "your sleep", "slept longer", "cost", "longer", "shorter"),
        Measure("sleep_quality", "how well you slept", "slept better", "cost", "better", "worse"),
        Measure("energy", "your energy", "had more energy", "cost"),
        Measure("mood", "your mood", "were in a better mood", "cost", "better", "lower"),
        Measure("feelings", "how many feelings you named", "named more feelings", "other", "more", "fewer"),
    ]
}


def relevance(result: PairResult) -> int:
    """0 = a cost against doing it alone or reaching out (what this app is about),
    1 = reaching out against doing it alone, 2 = everything else."""
    kinds = {MEASURES[result.x].kind if result.x in MEASURES else "other",
             MEASURES[result.y].kind if result.y in MEASURES else "other"}
    if "cost" in kinds and kinds & {"alone", "reach"}:
        return 0
    if kinds == {"alone", "reach"}:
        return 1
    return 2


def describe(result: PairResult) -> str:
    """One sentence that never claims more than the numbers show."""
    x, y = MEASURES[result.x], MEASURES[result.y]
    if result.lag == 0 and y.kind in {"alone", "reach"} and x.kind not in {"alone", "reach"}:
        x, y = y, x  # same day is symmetric: lead with doing it alone or reaching out
    direction = y.higher if result.rho > 0 else y.lower
    when = "after" if result.lag == 1 else "when"
    text = f"On days {when} you {x.after_high}, {y.noun} tended to be {direction}"
    if result.lag == 1:
        text += " the next day"
    text += f" (n = {result.n})."
    if abs(result.rho) < 0.1:
        text += " The link is very weak."
    if result.q >= 0.05:
        text += " This could be chance."
    else:
        text += (
            " This is unlikely to be chance alone, but it does not show that one causes"
            " the other."
        )
    return text


def strength(rho: float) -> str:
    size = abs(rho)
    if size < 0.1:
        return "very weak"
    if size < 0.3:
        return "weak"
    if size < 0.5:
        return "moderate"
    return "strong"


def ranked(results: Sequence[PairResult]) -> list[PairResult]:
    """Most relevant first, then the clearest (lowest q, then largest |ρ|)."""
    return sorted(results, key=lambda r: (relevance(r), r.q, -abs(r.rho), r.lag))


# ---------------------------------------------------------------------------------------
# The CSV read by ``bridgework insights``.

# Besides the empty cell, the spellings of "missing" that pandas and R write.
MISSING = {"", "na", "nan", "n/a", "null", "none"}


class CsvProblem(ValueError):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}")


def read_csv(rows: Sequence[Sequence[str]]) -> dict[str, dict[dt.date, float]]:
    """Rows of a CSV (header first) → column name → {date: value}, in column order.

    A ``date`` column (YYYY-MM-DD) is required; every other column is numeric, an empty
    cell is missing. Raises ``CsvProblem`` naming the 1-based line of a bad date, a
    repeated day or a value that is not a finite number.
    """
    if not rows:
        raise CsvProblem(1, "the file is empty; expected a header with a 'date' column")
    header = [name.strip() for name in rows[0]]
    if "date" not in header:
        raise CsvProblem(1, "no 'date' column in the header")
    if len(set(header)) != len(header):
        raise CsvProblem(1, "a column name appears twice in the header")
    date_at = header.index("date")
    columns = [(i, name) for i, name in enumerate(header) if i != date_at]
    series: dict[str, dict[dt.date, float]] = {name: {} for _, name in columns}
    seen: dict[dt.date, int] = {}
    for offset, row in enumerate(rows[1:]):
        line = offset + 2
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        raw = row[date_at].strip() if date_at < len(row) else ""
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            raise CsvProblem(line, f"{raw!r} is not a date (expected YYYY-MM-DD)") from None
        if day in seen:
            raise CsvProblem(line, f"{day} appears twice (first on line {seen[day]})")
        seen[day] = line
        for i, name in columns:
            cell = row[i].strip() if i < len(row) else ""
            if cell.lower() in MISSING:
                continue
            try:
                value = float(cell)
            except ValueError:
                raise CsvProblem(line, f"{name}: {cell!r} is not a number") from None
            if not math.isfinite(value):
                raise CsvProblem(line, f"{name}: {cell!r} is not a finite number")
            series[name][day] = value
    return series
