"""Check-in page and insights with a year of daily check-ins: median ≤ 25 ms each.

Run: ``.venv/bin/python bench/bench_checkin.py`` (not part of the test suite).

Points ``BRIDGEWORK_DATA_DIR`` at a throwaway directory, builds one person's year with
the app's demo hook (about 300 check-ins), then times with Django's test client:
``GET /checkin/`` (today's check-in page), ``GET /checkin/insights/`` as a repeat view
(the results are cached under the year's count and latest change) and with nothing
cached (one query for the year, up to 165 pairs of Spearman, intervals, BH q, sentences), the
pure ``insights.correlations`` alone, and ``GET /checkin/trends/?period=month``.
The static privacy page is timed in the same run for scale: machines here are shared
and noisy. Environment: ``BENCH_REPEAT`` (default 30). Budget: median ≤ 25 ms (issue 16).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
BUDGET_MS = 25.0
ROOT = Path(__file__).resolve().parent.parent


def timed(action: Callable[[], object]) -> tuple[float, float]:
    action()  # warm up
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> int:
    data_dir = tempfile.mkdtemp(prefix="bench-checkin-")
    os.environ["BRIDGEWORK_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgework.settings")
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core.cache import cache
        from django.core.management import call_command
        from django.test import Client
        from django.utils import timezone

        from bridgework.accounts.models import Profile
        from bridgework.checkin import demo, insights, trends
        from bridgework.checkin.models import CheckIn

        settings.ALLOWED_HOSTS = ["*"]
        call_command("migrate", verbosity=0)
        user = get_user_model().objects.create_user("bench", "bench@example.org", "x" * 20)
        Profile.objects.create(user=user)
        today = timezone.localdate()
        demo.create_demo_data(user, years=1, rng=random.Random(2), today=today)
        count = CheckIn.objects.filter(user=user).count()
        series = trends.measure_series(trends.checkin_rows_for(user, first=today.replace(year=today.year - 1), last=today))

        client = Client()
        client.force_login(user)

        def get(path: str) -> Callable[[], object]:
            def run() -> object:
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
                return response

            return run

        def uncached(action: Callable[[], object]) -> Callable[[], object]:
            def run() -> object:
                cache.clear()
                return action()

            return run

        rows = [
            ("GET /privacy/ (static page, for scale)", timed(get("/privacy/"))),
            ("GET /checkin/ (today's check-in)", timed(get("/checkin/"))),
            ("GET /checkin/insights/", timed(get("/checkin/insights/"))),
            ("GET /checkin/insights/ (nothing cached)", timed(uncached(get("/checkin/insights/")))),
            ("insights.correlations (pure)", timed(lambda: insights.correlations(series))),
            ("GET /checkin/trends/?period=month", timed(get("/checkin/trends/?period=month"))),
        ]
        print(f"{count} check-ins over one year; {REPEAT} timed runs each; budget median ≤ {BUDGET_MS:.0f} ms")
        worst = 0.0
        for name, (median, most) in rows:
            print(f"  {name:40} median {median:6.1f} ms   max {most:6.1f} ms")
            if name.startswith(("GET /checkin/ ", "GET /checkin/insights", "insights.")):
                worst = max(worst, median)
        return 0 if worst <= BUDGET_MS else 1
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
