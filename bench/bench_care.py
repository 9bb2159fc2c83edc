"""Median time of the clinician's client list with 200 clients (target: ≤ 100 ms on PostgreSQL).

Run on a throwaway PostgreSQL server (the figure that counts)::

    scripts/with-postgres.sh .venv/bin/python bench/bench_care.py

or without ``with-postgres.sh`` on SQLite. Not part of the test suite.

It points ``BRIDGEWORK_DATA_DIR`` at a fresh temporary directory before Django loads,
migrates, and builds one clinician (with TOTP) and ``BENCH_CLIENTS`` (default 200)
clients, each with a year of history inserted in bulk: 12 PHQ-9, 12 GAD-7 and 12 PSS-10
sittings, a 15-step ladder with 60 attempts, a circle, and daily check-ins when the
checkin app provides them. Every client shares every area. The list is requested once
to warm up (its SQL queries counted), then timed ``BENCH_REPEAT`` times (default 30)
with Django's test client: the time includes the queries, the reliable-change arithmetic,
the template and the 200-row audit insert each request writes. The table goes to stdout
and ``bench/results/care.txt``.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "200"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
TARGET_MS = 100.0
ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "care.txt"


def build(rng: random.Random) -> object:
    from allauth.mfa.totp.internal.auth import TOTP
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from bridgework.accounts.models import Profile
    from bridgework.assess.models import Sitting
    from bridgework.care.models import CareLink, ClinicianProfile
    from bridgework.circle.models import Exchange, Person
    from bridgework.ladder.models import Attempt, Step

    User = get_user_model()
    clinician = User.objects.create_user("carol", "carol@clinic.example", "bench password 1")
    ClinicianProfile.objects.create(user=clinician, name="Dr Carol", profession="Psychologist")
    TOTP.activate(clinician, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    now = timezone.now()
    today = timezone.localdate()
    people = User.objects.bulk_create(
        User(username=f"client{n}", email=f"client{n}@example.org") for n in range(CLIENTS)
    )
    Profile.objects.bulk_create(
        Profile(user=person, display_name=f"Client {n}") for n, person in enumerate(people)
    )
    sittings = []
    for person in people:
        for instrument, high in (("phq9", 27), ("gad7", 21), ("pss10", 40)):
            for month in range(12):
                at = now - timedelta(days=30 * month + rng.randint(0, 5))
                sittings.append(
                    Sitting(
                        user=person, instrument_id=instrument, instrument_version="1",
                        submitted_at=at, total=rng.randint(0, high), band="",
                    )
                )
    Sitting.objects.bulk_create(sittings, batch_size=2000)
    steps = Step.objects.bulk_create(
        (
            Step(user=person, what=f"Ask for help {k}", kind="ask",
                 expected_discomfort=rng.randint(20, 90), feared_likelihood=50, position=k)
            for person in people
            for k in range(15)
        ),
        batch_size=2000,
    )
    Attempt.objects.bulk_create(
        (
            Attempt(step=step, happened_on=today - timedelta(days=rng.randint(0, 365)),
                    discomfort_before=40, discomfort_peak=rng.randint(5, 90), discomfort_after=10,
                    feared_happened=rng.choice(["no", "no", "partly", "yes"]), response="same")
            for step in steps
            for _ in range(4)
        ),
        batch_size=2000,
    )
    for person in people:
        friends = Person.objects.bulk_create(
            Person(user=person, name=f"Friend {k}", ring=rng.choice(["close", "middle", "outer"]),
                   comfort=50)
            for k in range(8)
        )
        Exchange.objects.bulk_create(
            Exchange(user=person, person=rng.choice(friends), direction=rng.choice(["gave", "received"]),
                     kind="practical", occurred_on=today - timedelta(days=rng.randint(0, 200)))
            for _ in range(20)
        )
    try:
        checkin = apps.get_model("checkin", "CheckIn")
    except LookupError:
        checkin = None
    if checkin is not None:
        checkin._default_manager.bulk_create(
            (
                checkin(user=person, date=today - timedelta(days=d), mood=rng.randint(1, 5),
                        stress=rng.randint(0, 10))
                for person in people
                for d in range(365)
                if rng.random() < 0.7
            ),
            batch_size=5000,
        )
    CareLink.objects.bulk_create(
        CareLink(user=person, clinician=clinician, assessments=True, ladder=True,
                 checkins=True, circle=True, safety_plan=True)
        for person in people
    )
    return clinician


def main() -> None:
    data_dir = tempfile.mkdtemp(prefix="bridgework-bench-care-")
    os.environ["BRIDGEWORK_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgework.settings")
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        settings.ALLOWED_HOSTS = ["testserver"]
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        clinician = build(random.Random(17))
        built = time.perf_counter() - started
        if connection.vendor == "postgresql":
            # What autovacuum would have done by now on a real server after bulk loading.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        client = Client()
        client.force_login(clinician)
        statements: list[str] = []

        def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            statements.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get("/care/clinician/")
        assert response.status_code == 200, response.status_code
        assert response.content.decode().count("/care/clinician/clients/") >= CLIENTS

        def median_of(path: str) -> tuple[float, list[float]]:
            times = []
            for _ in range(REPEAT):
                start = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times), times

        baseline, _ = median_of("/privacy/")
        median, times = median_of("/care/clinician/")
        engine = connection.vendor
        load = os.getloadavg()[0]
        lines = [
            f"Clinician client list, {CLIENTS} clients sharing every area, {engine} "
            f"({datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; data built in {built:.1f} s; "
            f"load average {load:.1f} on {os.cpu_count()} cores)",
            f"queries per request: {len(statements)} (session, user, role, TOTP, 5 for the list, "
            "1 audit insert)",
            f"median {median:.1f} ms, p90 {sorted(times)[int(0.9 * len(times)) - 1]:.1f} ms, "
            f"min {min(times):.1f} ms over {REPEAT} requests (target ≤ {TARGET_MS:.0f} ms)",
            f"static privacy page in the same run: median {baseline:.1f} ms "
            f"(list / static = {median / baseline:.1f})",
            "within target" if median <= TARGET_MS else "OVER TARGET",
        ]
        print("\n".join(lines))
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
