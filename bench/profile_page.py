"""Where one page's server time goes: cProfile over many requests through the WSGI handler.

Run: ``.venv/bin/python bench/profile_page.py /privacy/ [/circle/ledger/ ...]``
(not part of the test suite). ``PROFILE_YEARS`` (default 5) years of demo data for one
person in a throwaway data directory; ``PROFILE_REPEAT`` (default 200) requests per page;
``PROFILE_TOP`` (default 35) rows of the cumulative and own-time tables;
``PROFILE_ANON=1`` requests the pages logged out; ``PROFILE_COLD=1`` makes the per-person
page cache miss on every request (``core.fragments``: what the first view of a page costs
after a write to its module, or a person's first visit of the day).

Requests go straight to Django's WSGI handler (no test client, no network), carrying the
session cookie of a real login, so the profile is what gunicorn's worker runs per request.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("PROFILE_REPEAT", "200"))
YEARS = float(os.environ.get("PROFILE_YEARS", "5"))
TOP = int(os.environ.get("PROFILE_TOP", "35"))


def setup() -> Path:
    from _wsgi import setup_django

    data_dir = setup_django("bridgework-profile-")
    from _wsgi import add_bare_url

    add_bare_url()  # /bench-bare/: a view that returns "ok", through every middleware
    if os.environ.get("PROFILE_COLD"):
        from bench_history import MissingCache

        from bridgework.core import fragments

        fragments.cache = MissingCache(fragments.cache)  # type: ignore[assignment]
        MissingCache.missing = True
    return data_dir


def main(paths: list[str]) -> None:
    data_dir = setup()
    try:
        from bridgework.accounts.management.commands.demo import create_demo_person

        user = create_demo_person(email="profile@example.org", password="profile-pass-1", years=YEARS)
        from _wsgi import caller, session_cookie

        from bridgework.wsgi import application  # as a gunicorn worker loads it

        cookie = "" if os.environ.get("PROFILE_ANON") else session_cookie(user)
        call = caller(application, cookie)

        def get(path: str) -> str:
            return call(path)[0]

        for path in paths:
            status = get(path)
            assert status.startswith("200"), f"{path}: {status}"
            for _ in range(5):
                get(path)
            start = time.process_time()
            for _ in range(REPEAT):
                get(path)
            plain = (time.process_time() - start) * 1000 / REPEAT
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(REPEAT):
                get(path)
            profile.disable()
            print(f"\n=== {path}: {plain:.2f} ms CPU per request unprofiled ({REPEAT} requests)")
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(TOP)
            stats.sort_stats("tottime").print_stats(TOP)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:] or ["/privacy/"])
