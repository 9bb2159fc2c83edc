"""Server CPU per request of the main pages with 1 and 5 years of history, as ratios.

Run: ``.venv/bin/python bench/bench_history.py`` (not part of the test suite).

A throwaway data directory gets two demo people from ``bridgework demo`` (one with
``BENCH_SHORT`` years, default 1, one with ``BENCH_LONG``, default 5). With the session
cookie of each, every page is requested once to warm up, then ``BENCH_REPEAT`` times
(default 30) straight through Django's WSGI application (``_wsgi.py``: what a gunicorn
worker runs, without the test client's own overhead), measuring ``time.process_time()``
(CPU of this process: middleware, view, queries, template; no network, no waiting). Pages
are interleaved round by round so a noisy neighbour affects them all alike.

The report gives each page's median CPU as a ratio to the privacy page (a static page)
measured in the same run, and the long/short ratio. Pages cached per person (home,
ledger, ladder, journal, circle, results) are also measured as a cache miss ("after a
change": what the first view after a write to that page's module costs, rendered from the
database); the home page also right after a write in Learn (only Learn's panel is computed
again: a write in one module touches no other cached page here) and cold (every panel). Two reference rows: a view that
returns "ok" through the whole middleware stack (what every request pays), and the same
view through Django with no middleware at all ("bare Django"). Targets (issue 12): home, ladder,
ledger, journal, circle and the latest results page ≤ 3× privacy at 5 years; fixed-size
pages' 5y/1y ≤ 1.2; the export of 5 years ≤ 10× privacy; privacy itself ≤ 1.5 ms. The
export keeps each module's part sealed until something it reads changes
(``core.exporting``): its row is measured as the pages are, each round right after the
write in Learn above (only Learn's part and the parts read on every export are read
again), and once more with every part read from the database ("after a change").
Output goes to stdout and ``bench/results/history.txt``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
SHORT = float(os.environ.get("BENCH_SHORT", "1"))
LONG = float(os.environ.get("BENCH_LONG", "5"))
ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "history.txt"

# (label, path or callable(user) -> path, target ratio to privacy at LONG years or None,
#  whether the page shows a fixed amount whatever the history)
PAGES: list[tuple[str, Any, float | None, bool]] = [
    ("bare Django (no mw)", "bare", None, True),
    ("'ok' view, all mw", "/bench-bare/", None, True),
    ("privacy (baseline)", "/privacy/", None, True),
    ("privacy, logged out", "anon:/privacy/", None, True),
    ("home", "/", 3, True),
    ("home, after a write in Learn", "~/", None, True),
    ("home, cold (all panels)", "!/", None, True),
    ("ladder", "/ladder/", 3, True),
    ("ladder, after a change", "!/ladder/", None, True),
    ("ledger", "/circle/ledger/", 3, True),
    ("ledger, after a change", "!/circle/ledger/", None, True),
    ("journal", "/journal/", 3, True),
    ("journal, after a change", "!/journal/", None, True),
    ("circle", "/circle/", 3, True),
    ("circle, after a change", "!/circle/", None, False),
    ("latest results", "results", 3, True),
    ("latest results, after a change", "!results", None, True),
    ("assess", "/assess/", None, True),
    ("learn", "/learn/", None, True),
    ("ladder progress", "/ladder/progress/", None, False),
    ("journal calendar", "/journal/calendar/", None, True),
    ("safety plan", "/safety/plan/", None, True),
    ("busiest person", "person", None, True),
    ("busiest step", "step", None, True),
    ("assess history (phq9)", "/assess/phq9/history/", None, True),
    ("export (JSON)", "/account/export/", 10, False),
    ("export, after a change", "!/account/export/", None, False),
]


def setup() -> Path:
    from _wsgi import setup_django

    data_dir = setup_django("bridgework-bench-")
    from _wsgi import add_bare_url

    from bridgework.core import exporting, fragments

    add_bare_url()
    fragments.cache = MissingCache(fragments.cache)  # type: ignore[assignment]
    exporting.cache = MissingCache(exporting.cache)  # type: ignore[assignment]
    return data_dir


def resolve(path: Any, user: Any) -> str:
    from django.db.models import Count

    from bridgework.assess.models import Sitting
    from bridgework.circle.models import Person
    from bridgework.ladder.models import Step

    if isinstance(path, str) and path.startswith("!") and path != "!" and not path.startswith("!/"):
        return "!" + resolve(path[1:], user)
    if path == "results":
        latest = Sitting.objects.filter(user=user, submitted_at__isnull=False).order_by("-submitted_at").first()
        assert latest is not None
        return f"/assess/sittings/{latest.pk}/results/"
    if path == "person":
        person = Person.objects.filter(user=user).annotate(n=Count("exchanges")).order_by("-n").first()
        assert person is not None
        return f"/circle/people/{person.pk}/"
    if path == "step":
        step = Step.objects.filter(user=user).annotate(n=Count("attempts")).order_by("-n").first()
        assert step is not None
        return f"/ladder/steps/{step.pk}/"
    return str(path)


class MissingCache:
    """The per-person cache of ``core.fragments`` as seen by this benchmark: while
    ``missing`` is set, every read misses (the page is rendered from the database and
    stored again, as after a write); otherwise the real cache."""

    missing = False

    def __init__(self, real: Any) -> None:
        self.real = real

    def get(self, key: str, default: Any = None) -> Any:
        return default if self.missing else self.real.get(key, default)

    def get_many(self, keys: Any) -> Any:
        return {} if self.missing else self.real.get_many(keys)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def cpu_ms(get: Any, url: str, bump: Any = None) -> float:
    """CPU of one GET. A URL starting with "!" is requested while the per-person caches
    miss (``MissingCache``): what the first view after a write to that page's module
    costs, without making the other pages' caches miss too. "~": first ``bump()``
    (untimed), what a write in Learn does to the caches, then the GET."""
    if url.startswith("~"):
        bump()
        url = url[1:]
    start = time.process_time()
    status, _ = get(url)
    elapsed = (time.process_time() - start) * 1000
    if not status.startswith("200"):
        raise RuntimeError(f"{url}: HTTP {status}")
    return elapsed


def main() -> None:
    data_dir = setup()
    try:
        run()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run() -> None:
    import django
    from _wsgi import bare_application, caller, session_cookie
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bridgework.accounts.management.commands.demo import create_demo_person

    # The application as a gunicorn worker loads it (bridgework.wsgi: warmed up, and what
    # it loaded kept out of the garbage collector's scans).
    from bridgework.wsgi import application

    bare = caller(bare_application())
    anonymous = caller(application)
    clients = {}
    for years in (SHORT, LONG):
        started = time.perf_counter()
        user = create_demo_person(email=f"bench{years:g}@example.org", password="bench-password-1", years=years)
        print(f"{years:g} years built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        full = caller(application, session_cookie(user))

        def get(url: str, full: Any = full) -> tuple[str, int]:
            if url.startswith("!"):
                MissingCache.missing = True
                try:
                    return full(url[1:])
                finally:
                    MissingCache.missing = False
            if url.startswith("anon:"):
                return anonymous(url[5:])
            return bare("/bench-bare/") if url == "bare" else full(url)

        def bump(user_id: int = user.pk) -> None:
            from bridgework.accounts.models import data_changed

            data_changed(user_id, "learn")  # what marking a lesson done does to the caches

        clients[years] = (get, {label: resolve(path, user) for label, path, _, _ in PAGES}, bump)

    timings: dict[tuple[str, float], list[float]] = {}
    queries: dict[tuple[str, float], int] = {}
    for years, (client, urls, bump) in clients.items():
        for label, url in urls.items():
            if url.startswith("~"):
                bump()
            with CaptureQueriesContext(connection) as captured:
                cpu_ms(client, url.lstrip("~"))
            queries[label, years] = len(captured.captured_queries)
    for _ in range(REPEAT):
        for years, (client, urls, bump) in clients.items():
            for label, url in urls.items():
                timings.setdefault((label, years), []).append(cpu_ms(client, url, bump))

    median = {key: statistics.median(values) for key, values in timings.items()}
    base = median["privacy (baseline)", LONG]
    lines = [
        f"Bridgework server CPU per request, {SHORT:g} vs {LONG:g} years of history",
        f"{time.strftime('%Y-%m-%d %H:%M')}  Python {sys.version.split()[0]}  Django {django.get_version()}  "
        f"{connection.vendor}  median of {REPEAT} after one warm-up (time.process_time, WSGI calls)  "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
        f"privacy page: {base:.2f} ms CPU (target ≤ 1.5 ms)",
        "",
        f"{'page':<32} {'ms 1y':>7} {'ms 5y':>7} {'×priv 5y':>9} {'target':>7} {'5y/1y':>6} {'SQL 1y/5y':>10}  ok",
        "-" * 94,
    ]
    failures = 0
    for label, _, target, fixed in PAGES:
        short, long = median[label, SHORT], median[label, LONG]
        ratio, growth = long / base, long / short
        ok = (target is None or ratio <= target) and (not fixed or growth <= 1.2)
        ok = ok and (label != "privacy (baseline)" or long <= 1.5)
        failures += not ok
        lines.append(
            f"{label:<32} {short:7.2f} {long:7.2f} {ratio:9.2f} {('≤' + str(target)) if target else '':>7} "
            f"{growth:6.2f} {queries[label, SHORT]:>4}/{queries[label, LONG]:<5}  {'yes' if ok else 'NO'}"
        )
    lines += ["", f"{failures} page(s) miss a target." if failures else "Every target holds."]
    text = "\n".join(lines)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
