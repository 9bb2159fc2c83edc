"""Journal search at a few thousand entries (text decrypted in memory).

Run: ``BRIDGEWORK_DATA_DIR=$(mktemp -d) .venv/bin/python bench/bench_journal_search.py``.
Creates a throwaway SQLite database in that directory.
"""

from __future__ import annotations

import os
import random
import statistics
import time

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "3000"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgework.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from bridgework.journal.models import Entry
    from bridgework.journal.services import matching_entries_for

    call_command("migrate", verbosity=0)
    user, _ = get_user_model().objects.get_or_create(username="bench")
    Entry.objects.filter(user=user).delete()
    words = (
        ["asked", "help", "sister", "garden", "tired", "work", "lift", "friend", "cooked", "quiet", "walk", "river", "meeting"]
    )
    rng = random.Random(3)
    Entry.objects.bulk_create(
        Entry(user=user, body=" ".join(rng.choices(words, k=120))) for _ in range(ENTRIES)
    )
    timings = []
    for query in ["lift", "sister", "nothing-matches", "Garden", "river walk"] * 4:
        start = time.perf_counter()
        matching_entries_for(user=user, query=query)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"search over {ENTRIES} entries (~{len(' '.join(rng.choices(words, k=120)))} chars each): "
        f"median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms"
    )


if __name__ == "__main__":
    main()
