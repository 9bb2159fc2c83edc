"""Speed of Cronbach's α: bridgework.assess.psychometrics against pingouin.

Not part of the test suite. Run it after ``pip install -e '.[bench]'``:

    .venv/bin/python bench/bench_psychometrics.py [--rows 10000] [--items 50] [--repeat 20]

It times α on a rows × items matrix of 1–6 ratings, first complete, then with 5 % of
cells missing (pingouin's default is pairwise deletion, as ours), checks that the two
agree, and prints the median times and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
import pingouin

from bridgework.assess import psychometrics


def median_seconds(function: Callable[[], float], repeat: int) -> tuple[float, float]:
    value = function()  # warm-up (imports, caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def make_data(rows: int, items: int, missing: float, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    trait = rng.normal(size=(rows, 1))
    noise = rng.normal(size=(rows, items))
    data = np.clip(np.round(3.5 + trait + noise), 1, 6)
    if missing:
        data[rng.random(size=data.shape) < missing] = np.nan
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    print(f"Cronbach's alpha on {args.rows:,} × {args.items} (median of {args.repeat} runs)")
    for missing in (0.0, 0.05):
        data = make_data(args.rows, args.items, missing)
        frame = pd.DataFrame(data)
        ours, our_alpha = median_seconds(
            lambda d=data: psychometrics.cronbach_alpha(d), args.repeat
        )
        theirs, their_alpha = median_seconds(
            lambda f=frame: float(pingouin.cronbach_alpha(data=f)[0]), args.repeat
        )
        assert abs(our_alpha - their_alpha) < 1e-9, (our_alpha, their_alpha)
        print(
            f"  {missing:>4.0%} missing: bridgework {ours * 1e3:8.2f} ms   "
            f"pingouin {theirs * 1e3:8.2f} ms   pingouin/bridgework = {theirs / ours:5.2f}×   "
            f"(alpha {our_alpha:.6f} both)"
        )
    data = make_data(args.rows, args.items, 0.05)
    full, _ = median_seconds(
        lambda: psychometrics.reliability(data, minimum=1, maximum=6).alpha,
        max(3, args.repeat // 4),
    )
    print(f"  full analysis (α, std α, ω, item statistics, 5 % missing): {full * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
