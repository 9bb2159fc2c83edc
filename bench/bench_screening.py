"""Per-entry latency of crisis screening and pattern recognition.

Run: ``.venv/bin/python bench/bench_screening.py`` (pin to 2 cores with ``taskset -c 0,1``).
Targets (issue 5): screening <= 5 ms, patterns <= 20 ms per entry.
"""

from __future__ import annotations

import csv
import random
import statistics
import time
from pathlib import Path

from bridgework.screening.crisis import screen
from bridgework.screening.patterns import recognise

ROOT = Path(__file__).resolve().parents[1]


def entries(n: int = 300) -> list[str]:
    sentences = []
    for name in ("crisis_sentences.csv", "pattern_sentences.csv"):
        with (ROOT / "tests" / "data" / name).open(encoding="utf-8") as handle:
            sentences += [row["text"] for row in csv.DictReader(handle)]
    rng = random.Random(7)
    # A journal entry: 5 to 25 sentences (roughly 300 to 1,500 characters).
    return [" ".join(rng.choices(sentences, k=rng.randint(5, 25))) for _ in range(n)]


def measure(label: str, func: object, texts: list[str], target_ms: float) -> None:
    timings = []
    for text in texts:
        start = time.perf_counter()
        func(text)  # type: ignore[operator]
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95)]
    verdict = "ok" if p95 <= target_ms else "OVER TARGET"
    print(
        f"{label:<10} mean {statistics.mean(timings):6.2f} ms  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  max {timings[-1]:6.2f} ms  (target {target_ms} ms: {verdict})"
    )


def main() -> None:
    texts = entries()
    screen(texts[0]), recognise(texts[0])  # warm caches, load the model
    print(f"{len(texts)} entries, mean {statistics.mean(map(len, texts)):.0f} characters")
    measure("screening", screen, texts, 5.0)
    measure("patterns", recognise, texts, 20.0)
    # The longest text the app accepts (100,000 characters), in the shapes that once made
    # screening slow: characters that expand under Unicode folding, one endless clause,
    # and a phrase repeated thousands of times.
    worst = {
        "U+FDFA x 100k": "\ufdfa" * 100_000,
        "'a ' x 50k": "a " * 50_000,
        "'I want to die ' x 7k": "I want to die " * 7_000,
        "100k of prose": " ".join(texts)[:100_000],
    }
    for label, text in worst.items():
        start = time.perf_counter()
        screen(text)
        print(f"worst case  {label:<24} {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
