"""Per-entry latency of crisis screening and pattern recognition.

Run: ``.venv/bin/python bench/bench_screening.py`` (pin to 2 cores with ``taskset -c 0,1``);
``--fresh``: each 100,000-character worst case read once by a new process, the first
reading of every word in it (the slowest way to meet a long text of new words).
Targets: screening mean <= 5 ms per entry of ~600 characters, and any 100,000-character
input <= 0.5 s (issue 11); patterns <= 20 ms per entry (issue 5). Times are CPU time of
this process (``time.thread_time``: numpy's idle worker threads and other processes are not counted), so a busy shared machine does not inflate them.
Each entry is screened three times (a new text each time, past the cache) and its
fastest run counts, as ``timeit`` advises: the slower runs measure the neighbours on a
shared machine (a single pass is printed too, for comparison).
"""

from __future__ import annotations

import base64
import csv
import random
import statistics
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bridgework.screening.crisis import screen
from bridgework.screening.patterns import recognise

ROOT = Path(__file__).resolve().parents[1]
# What a server process reads while it starts (``bridgework.warmup``).
SAMPLE = "I asked my sister for help with the move today and it went better than I feared."


def entries(n: int = 300) -> list[str]:
    sentences = []
    for name in ("crisis_sentences.csv", "pattern_sentences.csv"):
        with (ROOT / "tests" / "data" / name).open(encoding="utf-8") as handle:
            sentences += [row["text"] for row in csv.DictReader(handle)]
    rng = random.Random(7)
    # A journal entry: 5 to 25 sentences (roughly 300 to 1,500 characters).
    return [" ".join(rng.choices(sentences, k=rng.randint(5, 25))) for _ in range(n)]


def measure(label: str, func: object, texts: list[str], target_ms: float, runs: int = 3) -> None:
    timings = []
    single = []
    for text in texts:
        best = float("inf")
        for run in range(runs):
            start = time.thread_time()
            func(text + " " * run)  # type: ignore[operator]
            took = (time.thread_time() - start) * 1000
            best = min(best, took)
            if run == 0:
                single.append(took)
        timings.append(best)
    timings.sort()
    print(f"{label:<10} single pass: mean {statistics.mean(single):6.2f} ms")
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95)]
    verdict = "ok" if statistics.mean(timings) <= target_ms else "OVER TARGET"
    print(
        f"{label:<10} mean {statistics.mean(timings):6.2f} ms  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  max {timings[-1]:6.2f} ms  (target {target_ms} ms: {verdict})"
    )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        # One worst case, read once by a process that has read one sentence before.
        screen(SAMPLE)
        text = worst_cases(entries())[sys.argv[2]]
        start = time.thread_time()
        screen(text)
        print(time.thread_time() - start)
        return
    if sys.argv[1:] == ["--fresh"]:
        fresh()
        return
    texts = entries()
    screen(texts[0]), recognise(texts[0])  # warm caches, load the model
    print(f"{len(texts)} entries, mean {statistics.mean(map(len, texts)):.0f} characters")
    measure("screening", screen, texts, 5.0)
    measure("patterns", recognise, texts, 20.0)
    # The longest text the app accepts (100,000 characters), in the shapes that once made
    # screening slow: characters that expand under Unicode folding, one endless clause,
    # and a phrase repeated thousands of times.
    for label, text in worst_cases(texts).items():
        # The best of three runs (each a new text, past the cache): on a shared machine
        # the slowest runs measure the neighbours, not the code.
        runs = []
        for variant in range(3):
            start = time.thread_time()
            screen(text + " " * variant)
            runs.append(time.thread_time() - start)
        took = min(runs)
        # The first run also meets the text's words for the first time (no cache helps).
        print(
            f"worst case  {label:<34} {took:6.2f} s  {'ok' if took <= 0.5 else 'OVER TARGET'}"
            f"  (first run {runs[0]:.2f} s{'' if runs[0] <= 0.5 else ': OVER TARGET'})"
        )


def fresh() -> None:
    """Each worst case read once by a new process (which has read one sentence before,
    as a server's worker has, ``bridgework.warmup``): the first reading of every word."""
    slowest = 0.0
    for label in worst_cases(entries()):
        took = float(
            subprocess.run(
                [sys.executable, __file__, "--one", label], check=True, capture_output=True, text=True
            ).stdout.split()[-1]
        )
        slowest = max(slowest, took)
        print(f"fresh process  {label:<34} {took:6.2f} s  {'ok' if took <= 0.5 else 'OVER TARGET'}", flush=True)
    print(f"slowest {slowest:.2f} s")


def worst_cases(texts: list[str]) -> dict[str, str]:
    """100,000-character inputs in the shapes that are hardest for screening."""
    n = 100_000
    return {
        "U+FDFA x 100k": "\ufdfa" * n,
        "'a ' x 50k": "a " * (n // 2),
        "'I want to die ' repeated": ("I want to die " * n)[:n],
        "one endless risky clause": ("i am going to kill myself tonight with the pills and " * n)[:n],
        "every concept, no full stop": (
            "took all my pills right now standing on the ledge my friend said she wants to die "
            "years ago not suicidal goodbye note passwords tonight gun rope bridge "
        ) * (n // 150),
        "one 100k word": "k" * n,
        "unique words": " ".join(f"w{i:x}q" for i in range(n // 7))[:n],
        "punctuation only": ". , ; ! ? " * (n // 10),
        "emoji and skulls": "\U0001f480 myself \u26b0\ufe0f " * (n // 12),
        "100k of prose": " ".join(texts)[:n],
        **unseen_cases(n),
        "unseen prose": unseen_prose(n),
        "words that begin phrases": phrase_openers(n),
    }


def unseen_prose(n: int = 100_000) -> str:
    """Statements the entries are not made of (so, in a new process, words not read
    yet), in a shuffled order."""
    rows: list[str] = []
    for path in sorted((ROOT / "tests" / "data" / "train").glob("screening_t*.csv")):
        with path.open(encoding="utf-8") as handle:
            rows += [row["text"] for row in csv.DictReader(handle)]
    random.Random(5).shuffle(rows)
    return " ".join(rows)[:n]


def phrase_openers(n: int = 100_000) -> str:
    """Every word a crisis phrase can begin with, shuffled, again and again."""
    from bridgework.screening.frame import lexicon

    openers = sorted(lexicon().scanner._words)
    random.Random(5).shuffle(openers)
    line = " ".join(openers) + " "
    return (line * (n // len(line) + 1))[:n]


def unseen_cases(n: int = 100_000) -> dict[str, str]:
    """100,000-character inputs made of words no reading has met before (each word's
    features are computed on its first reading in a process, so these are slowest the
    first time: the benchmark prints the first run)."""
    rng = random.Random(3)
    lower = string.ascii_lowercase

    def word(low: int = 3, high: int = 10, alphabet: str = lower) -> str:
        return "".join(rng.choices(alphabet, k=rng.randint(low, high)))

    def words(make: Callable[[], str], sep: str = " ") -> str:
        out: list[str] = []
        length = 0
        while length < n:
            out.append(make())
            length += len(out[-1]) + len(sep)
        return sep.join(out)[:n]

    def chars(low: int, high: int, k: int) -> str:
        return "".join(chr(rng.randint(low, high)) for _ in range(k))

    return {
        "random words": words(word),
        "random letters and spaces": "".join(rng.choices(lower + "     ", k=n)),
        "one random 100k word": "".join(rng.choices(lower, k=n)),
        "100k digits": "".join(rng.choices(string.digits, k=n)),
        "digit words": words(lambda: word(2, 9, string.digits)),
        "hex words": words(lambda: rng.randbytes(8).hex()),
        "mixed-case words": words(lambda: word(3, 10, string.ascii_letters)),
        "words and punctuation": words(lambda: word() + rng.choice(".,;!?")),
        "random printable": "".join(rng.choices(string.printable, k=n)),
        "short lines": words(lambda: word(1, 4), "\n"),
        "CJK, no spaces": chars(0x4E00, 0x9FFF, n),
        "CJK words": words(lambda: chars(0x4E00, 0x9FFF, rng.randint(1, 6))),
        "Arabic words": words(lambda: chars(0x0621, 0x064A, rng.randint(2, 8))),
        "Cyrillic words": words(lambda: chars(0x0430, 0x044F, rng.randint(2, 9))),
        "accented words": words(lambda: word(3, 9, "àáâãäåæçèéêëìíîïñòóôõöùúûüý")),
        "zalgo words": words(lambda: "".join(c + chars(0x300, 0x36F, rng.randint(0, 5)) for c in word(3, 7))),
        "combining marks": "".join(rng.choice("aeiou") + "\u0301\u0308" for _ in range(n // 3)),
        "URLs": words(lambda: f"https://{word()}.com/{word()}/{word()}?q={word()}&id={rng.randint(0, 10**9)}"),
        "base64 blob": base64.b64encode(rng.randbytes(n))[:n].decode(),
        "base64 lines": base64.encodebytes(rng.randbytes(n)).decode()[:n],
        "newlines": "\n" * n,
    }


if __name__ == "__main__":
    main()
