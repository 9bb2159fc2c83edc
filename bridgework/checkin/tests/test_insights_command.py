"""`bridgework insights FILE.csv`: every line checked against scipy on the same file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from scipy import stats


def write_csv(path: Path, seed: int = 11) -> dict[str, dict[dt.date, float]]:
    rng = np.random.default_rng(seed)
    start = dt.date(2025, 3, 1)
    days = [start + dt.timedelta(days=d) for d in range(150) if rng.random() > 0.2]
    rng.shuffle(days)  # rows out of order: days are matched by date, not by row
    columns: dict[str, dict[dt.date, float]] = {"stress": {}, "alone": {}, "sleep": {}, "flat": {}}
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["stress", "date", "alone", "sleep", "flat"])
        for day in days:
            alone = int(rng.integers(0, 11))
            stress = int(np.clip(alone // 2 + rng.integers(0, 6), 0, 10))
            sleep = round(float(rng.normal(7, 1)), 1)
            row = {"stress": stress, "alone": alone, "sleep": sleep, "flat": 4}
            cells = []
            for name in ["stress", "alone", "sleep", "flat"]:
                if rng.random() < 0.12:
                    cells.append("")
                else:
                    cells.append(str(row[name]))
                    columns[name][day] = float(row[name])
            writer.writerow([cells[0], day.isoformat(), *cells[1:]])
    return columns


def expected(columns: dict[str, dict[dt.date, float]], min_n: int) -> list[dict[str, object]]:
    names = list(columns)
    tests = [(a, b, 0) for i, a in enumerate(names) for b in names[i + 1 :]]
    tests += [(a, b, 1) for a in names for b in names if a != b]
    out = []
    for x, y, lag in tests:
        pairs = [
            (columns[x][d], columns[y][d + dt.timedelta(days=lag)])
            for d in sorted(columns[x])
            if d + dt.timedelta(days=lag) in columns[y]
        ]
        xs, ys = [a for a, _ in pairs], [b for _, b in pairs]
        if len(pairs) < min_n or len(set(xs)) < 2 or len(set(ys)) < 2:
            continue
        rho, p = stats.spearmanr(xs, ys)
        se = math.sqrt((1 + rho**2 / 2) / (len(pairs) - 3))
        z = stats.norm.ppf(0.975)
        out.append(
            {"x": x, "y": y, "lag": lag, "n": len(pairs), "rho": rho, "p": p,
             "ci_low": math.tanh(math.atanh(rho) - z * se), "ci_high": math.tanh(math.atanh(rho) + z * se)}
        )
    qs = stats.false_discovery_control([row["p"] for row in out])
    for row, q in zip(out, qs, strict=True):
        row["q"] = q
    return out


def run(path: Path, *args: str) -> list[dict[str, object]]:
    out = io.StringIO()
    call_command("insights", str(path), *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("min_n", [14, 100])
def test_every_line_matches_an_independent_computation(tmp_path: Path, min_n: int) -> None:
    path = tmp_path / "days.csv"
    columns = write_csv(path)
    got = run(path, "--min-n", str(min_n))
    want = expected(columns, min_n)
    assert [(g["x"], g["y"], g["lag"], g["n"]) for g in got] == [
        (w["x"], w["y"], w["lag"], w["n"]) for w in want
    ]
    for g, w in zip(got, want, strict=True):
        assert list(g) == ["x", "y", "lag", "n", "rho", "p", "ci_low", "ci_high", "q"]
        for key in ["rho", "p", "ci_low", "ci_high", "q"]:
            assert g[key] == pytest.approx(w[key], abs=1e-6), (g["x"], g["y"], g["lag"], key)
    assert all("flat" not in (g["x"], g["y"]) for g in got)  # constant: skipped


def test_a_duplicate_day_exits_2_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("date,a\n2026-01-01,1\n2026-01-02,2\n2026-01-01,3\n")
    with pytest.raises(CommandError, match=r"dup.csv:4: 2026-01-01 appears twice") as caught:
        run(path)
    assert caught.value.returncode == 2


def test_a_bad_date_exits_2_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("date,a\n2026-01-01,1\n01/02/2026,2\n")
    with pytest.raises(CommandError, match=r"bad.csv:3: '01/02/2026' is not a date") as caught:
        run(path)
    assert caught.value.returncode == 2


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as caught:
        run(tmp_path / "nope.csv")
    assert caught.value.returncode == 2
