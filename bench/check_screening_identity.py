"""Check that a change to the screening code changes no result: old code against new.

Run: ``.venv/bin/python bench/check_screening_identity.py --old REF [--extra DIR]
[--cache DIR]`` from a worktree (REF: the commit whose screening code is the reference,
e.g. where a speed-up started). The old code is ``git archive REF bridgework`` in a
temporary directory, with this tree's ``bridgework/screening/data`` copied over it, so
both read the same model and lexicons and only the code differs; the new code is a copy
of this tree's, taken at the start (``--cache`` keeps the old code's results for the same
REF, data and texts, which saves most of the run the next time). Each side screens, in a process of its own, every
statement of every csv under ``tests/data`` (and ``--extra`` directories), the benchmark's
entries and 100,000-character worst cases, and variants that stress the windows and spans
(long texts, odd whitespace, huge sentences cut into pieces, upper case). Compared:
level, about, in_progress, crisis, the matched phrases, the prepared text, the frame's
verdict, the learned reader's window and span scores and the combiner's two
probabilities (to 1e-9). Exit status 1 on any difference.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-9


def statements(extra: list[Path]) -> list[str]:
    texts: list[str] = []
    csv.field_size_limit(10**7)
    for folder in [ROOT / "tests" / "data", *extra]:
        for path in sorted(folder.rglob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                if reader.fieldnames and "text" in reader.fieldnames:
                    texts += [row["text"] for row in reader if row.get("text")]
    return list(dict.fromkeys(texts))


def variants(texts: list[str], n: int = 1500) -> list[str]:
    """Texts that take the rarer paths of the windows and spans."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_screening import entries, worst_cases

    rng = random.Random(11)
    out = entries()
    out += list(worst_cases(out).values())
    for _ in range(n):
        kind = rng.randrange(6)
        picked = rng.choices(texts, k=rng.randint(2, 40))
        if kind == 0:  # long entries: many windows
            out.append(" ".join(rng.choices(texts, k=rng.randint(40, 160))))
        elif kind == 1:  # odd whitespace between and inside sentences
            seps = [" ", "  ", "\n", "\n\n", "\t", " \n ", ". ", "! ", "?\n"]
            out.append("".join(t + rng.choice(seps) for t in picked))
        elif kind == 2:  # no sentence ends: one huge sentence, cut into pieces
            out.append(" ".join(t.rstrip(".!?") for t in picked).replace(".", " ").replace("!", " ").replace("?", " ") * rng.randint(1, 6))
        elif kind == 3:  # upper case and accents: lower-casing and folding
            out.append(" ".join(picked).upper())
        elif kind == 4:  # a long stretch without spaces next to ordinary text
            out.append(" ".join(picked[:3]) + " " + "x" * rng.randint(250, 3000) + " " + " ".join(picked[3:]))
        else:  # cut at a random place
            joined = " ".join(picked)
            out.append(joined[rng.randrange(len(joined)) :])
    return out


def worker(texts_file: Path, out_file: Path) -> None:
    """Screen every text with the ``bridgework`` on ``sys.path``; pickle what it found."""
    import bridgework
    from bridgework.screening import crisis
    from bridgework.screening.learned import load_model
    from bridgework.screening.normalise import prepare

    print(f"  {bridgework.__file__}", file=sys.stderr)
    texts = pickle.loads(texts_file.read_bytes())
    model = load_model()
    results = []
    started = time.process_time()
    for text in texts:
        screening = crisis.screen(text)
        prepared = prepare(text) if text.strip() else ""
        verdict = crisis.screen_frame(text) if text.strip() else None
        learned = None
        if text.strip():
            scores, spans, near = model.read_all(prepared)
            combined = model.combine(crisis.combiner_features(scores, spans, near, verdict, len(text)))  # type: ignore[arg-type]
            learned = (scores.tolist(), spans.tolist(), combined)
        results.append(
            {
                "level": screening.level,
                "about": screening.about,
                "in_progress": screening.in_progress,
                "crisis": screening.crisis,
                "matches": screening.matches,
                "prepared": prepared,
                "frame": None
                if verdict is None
                else (
                    repr(verdict.screening),
                    verdict.set_aside,
                    verdict.kept_harm,
                    sorted(verdict.stances),
                    verdict.explicit,
                ),
                "learned": learned,
            }
        )
    print(f"  {len(texts)} texts in {time.process_time() - started:.1f} s CPU", file=sys.stderr)
    out_file.write_bytes(pickle.dumps(results))


def run(code: Path, texts_file: Path, out_file: Path) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    subprocess.run(
        [sys.executable, __file__, "--worker", str(texts_file), str(out_file)],
        check=True,
        env=env,
        cwd=code,
    )
    return pickle.loads(out_file.read_bytes())  # type: ignore[no-any-return]


def differences(a: object, b: object, path: str = "") -> list[str]:
    if isinstance(a, float) or isinstance(b, float):
        ok = isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= TOLERANCE
        return [] if ok else [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in differences(x, y, f"{path}[{i}]")]
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        return [d for key in a for d in differences(a[key], b[key], f"{path}.{key}")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, help="commit of the reference screening code")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="more folders of csv files")
    parser.add_argument("--no-variants", action="store_true", help="only the statements")
    parser.add_argument(
        "--cache", type=Path, help="folder that keeps the old code's results between runs"
    )
    args = parser.parse_args()
    texts = statements(args.extra)
    count = len(texts)
    if not args.no_variants:
        texts += variants(texts)
    print(f"{count} statements and {len(texts) - count} variants")
    commit = subprocess.run(
        ["git", "rev-parse", args.old], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    key = hashlib.sha256(commit.encode() + pickle.dumps(texts))
    for path in sorted((ROOT / "bridgework" / "screening" / "data").iterdir()):
        key.update(path.name.encode() + path.read_bytes())
    cached = args.cache / f"old-{key.hexdigest()[:16]}.pickle" if args.cache else None
    with tempfile.TemporaryDirectory(prefix="screening-identity-") as tmp:
        base = Path(tmp)
        texts_file = base / "texts.pickle"
        texts_file.write_bytes(pickle.dumps(texts))
        # The new code as it is now: editing the tree while this runs changes nothing.
        new = base / "new"
        shutil.copytree(
            ROOT / "bridgework", new / "bridgework", ignore=shutil.ignore_patterns("__pycache__")
        )
        if cached and cached.exists():
            print(f"old code ({args.old}): results kept in {cached}")
            before = pickle.loads(cached.read_bytes())
        else:
            old = base / "old"
            old.mkdir()
            archive = subprocess.run(
                ["git", "archive", commit, "bridgework"], cwd=ROOT, check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
            data = old / "bridgework" / "screening" / "data"
            shutil.rmtree(data)
            shutil.copytree(ROOT / "bridgework" / "screening" / "data", data)
            print(f"old code ({args.old}):")
            before = run(old, texts_file, base / "old.pickle")
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_bytes(pickle.dumps(before))
        print("new code (this tree):")
        after = run(new, texts_file, base / "new.pickle")
    found = 0
    largest = max(
        (
            abs(x - y)
            for a, b in zip(before, after, strict=True)
            if a["learned"] and b["learned"]
            for part in (0, 1)
            for x, y in zip(a["learned"][part], b["learned"][part], strict=True)  # type: ignore[index]
        ),
        default=0.0,
    )
    print(f"largest difference in the learned reader's scores: {largest:.3g}")
    for text, a, b in zip(texts, before, after, strict=True):
        diff = differences(a, b)
        if diff:
            found += 1
            if found <= 10:
                print(f"DIFFERENT: {text[:100]!r} ({len(text)} chars)")
                for line in diff[:5]:
                    print(f"    {line[:300]}")
    print(f"{len(texts)} texts compared, {found} with differences")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
