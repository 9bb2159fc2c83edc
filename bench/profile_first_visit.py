"""What a person's first visit costs: each page's CPU the first time an account is seen.

Run: ``.venv/bin/python bench/profile_first_visit.py`` (not part of the test suite).

The first seconds of ``bench_load.py`` are many accounts arriving at once: a browser with
no CSRF cookie opens the journal's form, then the main pages, each computed for that
account for the first time (nothing in the per-person cache yet). This script does the
same, one account after another, straight through the WSGI application as a gunicorn
worker loads it (``bridgework.wsgi``, warm-up included), with the cache the load benchmark
uses (``BRIDGEWORK_SHARED_CACHE``, default 1: on SQLite, diskcache's files in the data
directory). ``PROFILE_ACCOUNTS``
(default 12) demo accounts with ``PROFILE_YEARS`` (default 1) of data; the first two are
not counted (the process's own first use of each code path). Prints each page's median
CPU (ms) over the counted accounts; ``PROFILE=1`` adds a cProfile of all counted first
visits (``PROFILE_TOP`` rows, default 40).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import shutil
import statistics
import time

ACCOUNTS = int(os.environ.get("PROFILE_ACCOUNTS", "12"))
YEARS = float(os.environ.get("PROFILE_YEARS", "1"))
TOP = int(os.environ.get("PROFILE_TOP", "40"))
PAGES = ["/journal/new/", "/", "/ladder/", "/circle/ledger/", "/journal/", "/circle/", "/privacy/"]


def main() -> None:
    os.environ.setdefault("BRIDGEWORK_SHARED_CACHE", "1")
    from _wsgi import caller, session_cookie, setup_django

    data_dir = setup_django("bridgework-first-visit-")
    try:
        from bridgework.accounts.management.commands.demo import create_demo_person

        people = [
            create_demo_person(email=f"first{n}@example.org", password="first-visit-1",
                               years=YEARS, seed=n)
            for n in range(ACCOUNTS)
        ]
        from bridgework.wsgi import application  # as a gunicorn worker loads it

        cookies = [session_cookie(user) for user in people]
        times: dict[str, list[float]] = {page: [] for page in PAGES}
        profile = cProfile.Profile() if os.environ.get("PROFILE") else None
        for n, cookie in enumerate(cookies):
            get = caller(application, cookie)  # a new browser: no CSRF cookie yet
            counted = n >= 2
            if counted and profile is not None:
                profile.enable()
            for page in PAGES:
                start = time.process_time()
                status, _ = get(page)
                elapsed = (time.process_time() - start) * 1000
                assert status.startswith("200"), f"{page}: {status}"
                if counted:
                    times[page].append(elapsed)
            if profile is not None:
                profile.disable()
        total = 0.0
        for page, values in times.items():
            median = statistics.median(values)
            total += median
            print(f"{page:<20} {median:6.2f} ms  (min {min(values):.2f}, max {max(values):.2f})")
        print(f"{'one first visit':<20} {total:6.2f} ms  ({ACCOUNTS - 2} accounts, {YEARS:g} year(s))")
        if profile is not None:
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(TOP)
            stats.sort_stats("tottime").print_stats(TOP)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
