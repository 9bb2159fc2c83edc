"""What the cache costs: each operation, and a login, with each cache Bridgework can use.

Run: ``.venv/bin/python bench/bench_cache.py`` (not part of the test suite). A throwaway
SQLite data directory; three caches side by side in one process: each worker's own memory
(``LocMemCache``, SQLite's default with one process), Django's database cache in the
application's SQLite database (what ``BRIDGEWORK_SHARED_CACHE=1`` gave on SQLite before),
and diskcache's SQLite files in the data directory (what it gives now: its Django backend
as shipped, which Django closes after every request, and ``core.cache.SharedDiskCache``,
which keeps its connections).

1. **Operations** (``CACHE_REPEAT``, default 400, each; CPU and wall time, median): a read
   that finds a sealed page of ``CACHE_VALUE_KB`` (28, the load benchmark's average), a
   read that misses, a write of such a page, and one round of allauth's rate-limit lock
   (``add`` a lock key, read the history, write it, delete the lock); and the same page
   read once a request (the cache closed after it, as Django does at every request's end).
2. **A login** (the test client, a demo person, the right password; ``CACHE_LOGINS``,
   default 8, each a different person): the SQL statements it runs on the application
   database and its CPU (Argon2id is ~40 ms of it).
"""

from __future__ import annotations

import os
import secrets
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPEAT = int(os.environ.get("CACHE_REPEAT", "400"))
VALUE_KB = int(os.environ.get("CACHE_VALUE_KB", "28"))
LOGINS = int(os.environ.get("CACHE_LOGINS", "8"))


def caches_to_compare(data_dir: Path) -> dict[str, dict[str, Any]]:
    from django.conf import settings

    shared = {"SHARDS": 8, "DATABASE_TIMEOUT": 0.010, "OPTIONS": {"size_limit": 1 << 30}}
    if "SharedDiskCache" in settings.CACHES["default"]["BACKEND"]:
        shared = {k: v for k, v in settings.CACHES["default"].items() if k != "BACKEND"}
    return {
        "memory (per process)": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                 "LOCATION": "bench", "OPTIONS": {"MAX_ENTRIES": 1000}},
        "database (SQLite)": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                              "LOCATION": "bridgework_cache",
                              "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4}},
        "diskcache, as shipped": {**shared, "BACKEND": "diskcache.DjangoCache",
                                  "LOCATION": str(data_dir / "cache-bench-1")},
        "diskcache, kept open": {**shared, "BACKEND": "bridgework.core.cache.SharedDiskCache",
                                 "LOCATION": str(data_dir / "cache-bench-2")},
    }


def timed(operation: Callable[[int], object]) -> tuple[float, float]:
    """Median CPU and wall ms of ``operation(n)`` over REPEAT calls."""
    cpu, wall = [], []
    for n in range(REPEAT):
        c, w = time.process_time(), time.perf_counter()
        operation(n)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def operations(cache: Any) -> dict[str, tuple[float, float]]:
    value = secrets.token_urlsafe(VALUE_KB * 768)  # VALUE_KB of text, as a sealed page
    for n in range(REPEAT):
        cache.set(f"page:{n}", value, 600)

    def lock_round(n: int) -> None:
        key = f"allauth:rl:login:{n}"
        assert cache.add(f"{key}:lock", True, timeout=10)
        history = cache.get(key, [])
        cache.set(key, [*history, time.time()], 300)
        cache.delete(f"{key}:lock")

    return {
        "read, found": timed(lambda n: cache.get(f"page:{n}")),
        "read, missing": timed(lambda n: cache.get(f"nothing:{n}")),
        "write a page": timed(lambda n: cache.set(f"new:{n}", value, 600)),
        "rate-limit lock round": timed(lock_round),
        "read, then request ends": timed(lambda n: (cache.get(f"page:{n}"), cache.close())),
    }


def logins(people: list[Any]) -> tuple[float, float]:
    """Median SQL statements and CPU ms of a successful login, one person each."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts, cpu = [], []
    for person in people:
        client = Client(HTTP_HOST="127.0.0.1")
        with CaptureQueriesContext(connection) as queries:
            start = time.process_time()
            response = client.post("/accounts/login/",
                                   {"login": person.email, "password": "cache-bench-1"})
            cpu.append((time.process_time() - start) * 1000)
        assert response.status_code == 302, response.status_code
        counts.append(len(queries))
    return statistics.median(counts), statistics.median(cpu)


def main() -> None:
    from _wsgi import setup_django

    data_dir = setup_django("bridgework-cache-")
    try:
        from django.core.cache import caches
        from django.core.management import call_command
        from django.test.utils import override_settings

        from bridgework.conftest import make_user

        people = []
        for n in range(LOGINS * 5 + 4):
            person = make_user(f"cache{n}@example.org")
            person.set_password("cache-bench-1")
            person.save(update_fields=["password"])
            people.append(person)
        print(f"{'cache':<22} {'operation':<24} {'CPU ms':>7} {'wall ms':>8}   ({REPEAT} each, "
              f"{VALUE_KB} KB values; load average {os.getloadavg()[0]:.1f})")
        compared = caches_to_compare(data_dir)
        for label, config in compared.items():
            with override_settings(CACHES={"default": config}):
                call_command("createcachetable", verbosity=0)  # for the database cache
                for name, (c, w) in operations(caches["default"]).items():
                    print(f"{label:<22} {name:<24} {c:7.3f} {w:8.3f}")
                caches["default"].clear()
        print()
        print(f"{'cache':<22} a login: SQL statements, CPU ms (median of {LOGINS})")
        for index, (label, config) in enumerate(compared.items()):
            with override_settings(CACHES={"default": config}):
                # Not counted: the process's first login loads code, and a cache's first
                # use opens it (diskcache: eight files, ~30 ms; once a process).
                logins(people[-1 - index:len(people) - index])
                count, c = logins(people[index * LOGINS:(index + 1) * LOGINS])
                print(f"{label:<22} {count:5.0f} statements, {c:6.1f} ms")
                caches["default"].clear()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
