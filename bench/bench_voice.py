"""Feedback on a 1,000-character draft (target: at most 20 ms).

Run: ``.venv/bin/python bench/bench_voice.py``. Pure: no database, no Django setup.
Prints the median and worst wall-clock time and the CPU time per check (on a busy
machine wall-clock includes waiting for a core; CPU time is the work itself).
"""

from __future__ import annotations

import random
import statistics
import time

SENTENCES = [
    "Sorry to bother you, I just wanted to ask something.",
    "I'm so tired this week and I need some rest.",
    "Could you pick the kids up on Thursday at 5?",
    "You never offer to help, and it would be nice if someone did.",
    "Because the car broke down, and work is chaos, and my mum is ill, I'm behind on everything.",
    "I'm useless at this, I know. No worries if not, I'll manage.",
    "It matters to me that we share the driving.",
    "Maybe we could possibly talk at some point, if that's okay?",
]


def draft(rng: random.Random, length: int = 1000) -> str:
    text = ""
    while len(text) < length:
        text += rng.choice(SENTENCES) + " "
    return text[:length]


def main() -> None:
    from bridgework.voice.feedback import check

    rng = random.Random(7)
    drafts = [draft(rng) for _ in range(200)]
    check(drafts[0])  # load and compile the rules once
    wall = []
    cpu_start = time.process_time()
    for text in drafts:
        start = time.perf_counter()
        check(text)
        wall.append((time.perf_counter() - start) * 1000)
    cpu = (time.process_time() - cpu_start) * 1000 / len(drafts)
    print(f"feedback on a 1,000-character draft: median {statistics.median(wall):.2f} ms, "
          f"worst {max(wall):.2f} ms wall clock; {cpu:.2f} ms CPU per check (target ≤ 20 ms)")


if __name__ == "__main__":
    main()
