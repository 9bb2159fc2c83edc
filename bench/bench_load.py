"""Load benchmark under gunicorn with locust: many people at once, and long writes at once.

Run: ``.venv/bin/python bench/bench_load.py`` (needs the ``bench`` and ``server`` extras;
not part of the test suite). Everything stays on this machine: a throwaway data
directory, gunicorn on 127.0.0.1, locust headless against it, both stopped at the end.

1. **People**: ``BENCH_PEOPLE`` (200) simulated people, logged in to ``BENCH_ACCOUNTS``
   (50) demo accounts with ``BENCH_YEARS`` (1) of history each, browse and write for ``BENCH_SECONDS`` (60) through locust's ``Person`` (3–10 s between
   actions). Target: 0 errors, p95 ≤ 100 ms.
2. **Long writers**: ``BENCH_WRITERS`` (16) people save 100,000-character journal entries
   back to back for ``BENCH_WRITE_SECONDS`` (30) on SQLite. Target: 0 errors, and every
   save the server acknowledged is in the database afterwards (decrypted and found).

The report also splits the people's figures (locust's, and the time inside a worker from
gunicorn's access log) into the first ``BENCH_EARLY`` (15) seconds, when the people arrive
and every account's pages are computed for the first time, and the rest; with each request
name's p95 in both, and what the workers did in each (``_gunicorn_probe.py``, gunicorn
hooks: each request's CPU, and how long its worker waited for a CPU meanwhile — on two
cores shared with locust and other work, that wait is most of a slow request).

gunicorn runs ``BENCH_WORKERS`` (4, as ``bridgework/gunicorn_conf.py``) sync workers sharing
one cache (``BRIDGEWORK_SHARED_CACHE=1``, the README's setting for several workers: on
SQLite, diskcache's files in the data directory; ``=0`` gives each worker its own memory
cache). The report counts the per-person pages the workers computed (``_gunicorn_probe.py``,
``BENCH_CACHE_LOG``): per account, and how many a worker computed again because it could
not see another's copy. Figures go to stdout and ``bench/results/load.txt``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "load.txt"
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "200"))
# Demo accounts behind them (each shared by PEOPLE / ACCOUNTS simulated people, like tabs).
ACCOUNTS = int(os.environ.get("BENCH_ACCOUNTS", "50"))
YEARS = float(os.environ.get("BENCH_YEARS", "1"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
WRITERS = int(os.environ.get("BENCH_WRITERS", "16"))
WRITE_SECONDS = int(os.environ.get("BENCH_WRITE_SECONDS", "30"))
# As many sync workers as the shipped server settings start (bridgework/gunicorn_conf.py).
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
EARLY = float(os.environ.get("BENCH_EARLY", "15"))
PYTHON = sys.executable
# CPU seconds locust itself used, by user class (run_locust).
GENERATOR_CPU: dict[str, float] = {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_people(count: int, years: float) -> list[dict[str, Any]]:
    """Demo people with sessions made directly (the login endpoint is rate-limited per IP
    by design; logging 200 people in from one address is not what is measured)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    # The app's own session store (SESSION_ENGINE), as a login would write it.
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore

    from bridgework.accounts.management.commands.demo import create_demo_person
    from bridgework.circle.models import Person

    people = []
    for n in range(count):
        user = create_demo_person(
            email=f"person{n}@example.org", password="bench-password-1", years=years, seed=n
        )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        person = Person.objects.filter(user=user).values_list("pk", flat=True).first()
        people.append({"session": session.session_key, "person": person, "user": user.pk})
    return people


def start_gunicorn(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "bridgework.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--timeout", "120", "--graceful-timeout", "5",
         # Hooks that log each request's CPU and run-queue wait in its worker (BENCH_SERVER_LOG).
         "--config", str(HERE / "_gunicorn_probe.py"),
         # Server-side duration of each request (ms): time in Django, not in the queue.
         "--access-logfile", str(log.with_name("access.log")),
         "--access-logformat", "%(m)s %(U)s %(s)s %(M)s %(t)s"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"gunicorn did not start; see {log}")


def warm_up(port: int, session: str) -> None:
    """Load every worker's code paths before measuring (the first request of a worker
    imports and loads content for seconds)."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor

    def get(path: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        try:
            connection.request("GET", path, headers={"Cookie": f"sessionid={session}"})
            return connection.getresponse().status
        except OSError:
            return 0  # a very busy machine: the measured run will show it
        finally:
            connection.close()

    if get("/ladder/") != 200:  # a session the app does not know answers with the login page
        raise SystemExit("the benchmark's sessions are not logged in")
    paths = ["/", "/ladder/", "/circle/ledger/", "/circle/", "/journal/", "/journal/new/", "/privacy/"]
    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        for _ in range(3):
            list(pool.map(get, paths * WORKERS))


def run_locust(env: dict[str, str], port: int, user_class: str, users: int, seconds: int,
               prefix: Path) -> dict[str, dict[str, str]]:
    import resource

    spawn_rate = max(1, users // 10)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [PYTHON, "-m", "locust", "-f", str(HERE / "locustfile.py"), user_class, "--headless",
         "--users", str(users), "--spawn-rate", str(spawn_rate), "--run-time", f"{seconds}s",
         "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary",
         "--stop-timeout", "30", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, check=False, timeout=seconds + 180,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The load generator shares the two cores with the server it measures: say how much.
    GENERATOR_CPU[user_class] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        return {row["Name"]: row for row in csv.DictReader(stats)}


def describe(rows: dict[str, dict[str, str]]) -> list[str]:
    lines = [f"{'request':<20} {'count':>6} {'fail':>5} {'median ms':>9} {'p95 ms':>7} {'p99 ms':>7}"]
    for name, row in sorted(rows.items(), key=lambda item: item[0] == "Aggregated"):
        lines.append(
            f"{name:<20} {row['Request Count']:>6} {row['Failure Count']:>5} "
            f"{row['50%']:>9} {row['95%']:>7} {row['99%']:>7}"
        )
    return lines


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="bridgework-load-"))
    env = {
        **os.environ,
        "BRIDGEWORK_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "bridgework.settings",
        "BRIDGEWORK_ALLOWED_HOSTS": "127.0.0.1",
        "BENCH_SESSIONS": str(data_dir / "sessions.json"),
        "BENCH_ACKS": str(data_dir / "acks.txt"),
        "BENCH_REQUEST_LOG": str(data_dir / "requests.csv"),
        "BENCH_SERVER_LOG": str(data_dir / "server.csv"),
        "BENCH_CACHE_LOG": str(data_dir / "computed.csv"),
        # Several workers share one cache, as the README's server setup says they must
        # (login rate limits; the per-person page cache): on SQLite, diskcache's files.
        # With each worker's own memory cache a page cached by one worker misses in the
        # others (the report counts how often).
        "BRIDGEWORK_SHARED_CACHE": os.environ.get("BRIDGEWORK_SHARED_CACHE", "1"),
    }
    env.pop("DATABASE_URL", None)
    os.environ.update(
        {k: env[k] for k in ("BRIDGEWORK_DATA_DIR", "DJANGO_SETTINGS_MODULE", "BRIDGEWORK_SHARED_CACHE")}
    )
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    server = None
    try:
        started = time.perf_counter()
        people = make_people(min(PEOPLE, ACCOUNTS), YEARS)
        built = time.perf_counter() - started
        Path(env["BENCH_SESSIONS"]).write_text(json.dumps(people), encoding="utf-8")
        port = free_port()
        server = start_gunicorn(env, port, data_dir / "gunicorn.log")
        warm_up(port, people[0]["session"])
        access = data_dir / "access.log"
        access.write_text("", encoding="utf-8")  # the warm-up is not measured
        server_log = Path(env["BENCH_SERVER_LOG"])
        server_log.write_text("", encoding="utf-8")
        computed = Path(env["BENCH_CACHE_LOG"])
        computed.write_text("", encoding="utf-8")
        loads = [os.getloadavg()[0]]
        cpu_before = server_cpu(server.pid)
        browse = run_locust(env, port, "Person", PEOPLE, SECONDS, data_dir / "people")
        cpu_used = server_cpu(server.pid) - cpu_before
        loads.append(os.getloadavg()[0])
        served = server_times(access, cpu_used)
        phases = split_phases(Path(env["BENCH_REQUEST_LOG"]), access, server_log)
        phases += computed_texts(computed, Path(env["BENCH_REQUEST_LOG"]))
        shutil.copy(computed, data_dir / "computed_people.csv")
        shutil.copy(access, data_dir / "access_people.log")  # kept with BENCH_KEEP=1
        shutil.copy(server_log, data_dir / "server_people.csv")
        access.write_text("", encoding="utf-8")
        server_log.write_text("", encoding="utf-8")
        env.pop("BENCH_REQUEST_LOG")
        writes = run_locust(env, port, "LongWriter", WRITERS, WRITE_SECONDS, data_dir / "writers")
        loads.append(os.getloadavg()[0])
        lost = check_acknowledged(Path(env["BENCH_ACKS"]), [p["user"] for p in people])
        report(browse, writes, lost, built, served=served, loads=loads, phases=phases)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if os.environ.get("BENCH_KEEP") == "1":
            print(f"data kept in {data_dir}", file=sys.stderr)
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


def server_cpu(master: int) -> float:
    """CPU seconds (user + system) used so far by gunicorn's master and its workers."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = [master]
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        children = []
    total = 0.0
    for pid in pids + [int(c) for c in children]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def server_times(access: Path, cpu_seconds: float) -> str:
    """Median and p95 of the time gunicorn's workers spent on each request (ms), from the
    access log: what the server costs, without the time a request waited for a worker;
    and the workers' CPU per request, which says what two idle cores could serve."""
    import statistics

    times = []
    for line in access.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3].isdigit():
            times.append(int(parts[3]))
    if len(times) < 20:
        return "too few requests logged"
    cuts = statistics.quantiles(times, n=20)
    per_request = cpu_seconds * 1000 / len(times)
    return (
        f"median {statistics.median(times):.0f} ms, p95 {cuts[-1]:.0f} ms over {len(times)} "
        f"requests ({len(times) / SECONDS:.1f}/s); workers' CPU {per_request:.1f} ms per request, "
        f"i.e. about {2000 / per_request:.0f} requests/s on two idle cores"
    )


def _percentiles(values: list[float]) -> str:
    import statistics

    if len(values) < 20:
        return f"{len(values)} requests (too few for percentiles)"
    cuts = statistics.quantiles(values, n=100)
    return (
        f"{len(values)} requests, median {statistics.median(values):.0f} ms, "
        f"p95 {cuts[94]:.0f} ms, p99 {cuts[98]:.0f} ms"
    )


def split_phases(requests: Path, access: Path, server_log: Path) -> list[str]:
    """The people's figures in the first ``EARLY`` seconds (from the first request) and in
    the rest: locust's response times, failures, and the time inside a worker; each
    request name's p95 in both; and what the workers did in each (``_gunicorn_probe.py``):
    CPU, and time spent waiting for a CPU while handling a request."""
    import datetime as dt

    if not requests.exists():
        return ["   (no request log)"]
    rows = []
    for line in requests.read_text(encoding="utf-8").splitlines():
        start, name, ms, failed = line.rsplit(",", 3)
        rows.append((float(start), name, float(ms), int(failed)))
    if not rows:
        return ["   (no requests)"]
    first = min(start for start, *_ in rows)
    lines = []
    for label, early in ((f"first {EARLY:g} s", True), ("the rest", False)):
        chosen = [r for r in rows if (r[0] - first < EARLY) == early]
        failures = sum(r[3] for r in chosen)
        slow = sum(1 for r in chosen if r[2] > 100)
        lines.append(
            f"   {label:<12} locust: {_percentiles([r[2] for r in chosen])}, {failures} failures, "
            f"{slow} over 100 ms"
        )
    # gunicorn's %(t)s: [30/Nov/2026:09:46:27 +0000], to the second.
    served: list[tuple[float, int]] = []
    for line in access.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[3].isdigit():
            try:
                when = dt.datetime.strptime(f"{parts[4]} {parts[5]}", "[%d/%b/%Y:%H:%M:%S %z]")
            except ValueError:
                continue
            served.append((when.timestamp(), int(parts[3])))
    for label, early in ((f"first {EARLY:g} s", True), ("the rest", False)):
        # The log's seconds are whole: a request in the second the phase starts counts as early.
        chosen_ms = [float(ms) for when, ms in served if (when - int(first) < EARLY) == early]
        lines.append(f"   {label:<12} in a worker: {_percentiles(chosen_ms)}")
    lines += _server_phases(server_log, first)
    lines.append(f"   {'request':<20} p95 ms (requests): first {EARLY:g} s / the rest")
    for name in sorted({r[1] for r in rows}):
        both = []
        for early in (True, False):
            times = sorted(r[2] for r in rows if r[1] == name and (r[0] - first < EARLY) == early)
            both.append(f"{times[int(0.95 * (len(times) - 1))]:.0f} ({len(times)})" if times else "-")
        lines.append(f"   {name:<20} {both[0]:>12} / {both[1]}")
    return lines


def _server_phases(server_log: Path, first: float) -> list[str]:
    """Per phase: requests handled, the workers' CPU for them, and how long they waited
    for a CPU meanwhile (other processes on the same cores: locust, the neighbours)."""
    if not server_log.exists():
        return []
    logged = []
    for line in server_log.read_text(encoding="utf-8").splitlines():
        start, _method, _path, wall, cpu, queue = line.split(",")
        logged.append((float(start), float(wall), float(cpu), float(queue) if queue else None))
    lines = []
    for label, early in ((f"first {EARLY:g} s", True), ("the rest", False)):
        chosen = [r for r in logged if (r[0] - first < EARLY) == early]
        waits = [r[3] for r in chosen if r[3] is not None]
        waited = f"{sum(waits) / 1000:.1f} s waiting for a CPU" if waits else "no run-queue figures"
        lines.append(
            f"   {label:<12} workers: {len(chosen)} requests, {sum(r[2] for r in chosen) / 1000:.1f} s CPU, "
            f"{waited}, {sum(r[1] for r in chosen) / 1000:.1f} s in all"
        )
    return lines


def computed_texts(computed: Path, requests: Path) -> list[str]:
    """How often the people's pages were computed (``_gunicorn_probe.py``'s cache log):
    each per-person text (a whole page, or a part such as a home panel) computed and
    stored, per account, in the first ``EARLY`` seconds and in the rest; and how many of
    those computed a version some worker had computed already (a copy in another worker's
    own memory cache, or two workers missing at the same moment)."""
    if not computed.exists() or not requests.exists():
        return []
    starts = [float(line.split(",", 1)[0]) for line in requests.read_text(encoding="utf-8").splitlines()]
    if not starts:
        return []
    first = min(starts)
    rows = [line.split(",") for line in computed.read_text(encoding="utf-8").splitlines() if line]
    accounts = len({row[4] for row in rows}) or 1
    seen: set[str] = set()
    by_name: dict[tuple[str, str], list[int]] = {}  # computed, again; first 15 s and the rest
    for when, _pid, kind, name, _user, digest in sorted(rows, key=lambda row: float(row[0])):
        counts = by_name.setdefault((kind, name), [0, 0, 0, 0])
        early = 0 if float(when) - first < EARLY else 2
        counts[early] += 1
        if digest in seen:
            counts[early + 1] += 1
        seen.add(digest)
    total = [sum(c[i] for c in by_name.values()) for i in range(4)]
    lines = [
        f"   per-person texts computed ({accounts} accounts): first {EARLY:g} s {total[0]} "
        f"({total[0] / accounts:.1f} an account), of them already computed by a worker {total[1]}; "
        f"the rest {total[2]}, again {total[3]}",
        f"   {'text':<28} first {EARLY:g} s: computed (again) / the rest: computed (again)",
    ]
    for (kind, name), counts in sorted(by_name.items()):
        label = f"{kind} {name}"
        lines.append(f"   {label:<28} {counts[0]:>5} ({counts[1]}) / {counts[2]} ({counts[3]})")
    return lines


def check_acknowledged(acks_file: Path, users: list[int]) -> tuple[int, int]:
    """(acknowledged saves, of which missing from the database)."""
    from bridgework.journal.models import Entry

    acknowledged = set(acks_file.read_text(encoding="utf-8").split()) if acks_file.exists() else set()
    found = set()
    for body in Entry.objects.filter(user_id__in=users).values_list("body", flat=True).iterator():
        if body.startswith("marker "):
            found.add(body.split()[1])
    return len(acknowledged), len(acknowledged - found)


def report(browse: dict[str, dict[str, str]], writes: dict[str, dict[str, str]],
           lost: tuple[int, int], built: float, *, served: str, loads: list[float],
           phases: list[str]) -> None:
    import platform

    total = browse["Aggregated"]
    long = writes["Aggregated"]
    acknowledged, missing = lost
    ok_people = (
        int(total["Request Count"]) > 0
        and int(total["Failure Count"]) == 0
        and float(total["95%"]) <= 100
    )
    ok_writes = (
        int(long["Request Count"]) > 0
        and int(long["Failure Count"]) == 0
        and missing == 0
        and acknowledged > 0
    )
    lines = [
        "Bridgework load benchmark (gunicorn + locust on 127.0.0.1, SQLite)",
        f"{time.strftime('%Y-%m-%d %H:%M')}  Python {platform.python_version()}  "
        f"{os.cpu_count()} CPUs  gunicorn {WORKERS} sync workers  shared cache "
        f"{os.environ.get('BRIDGEWORK_SHARED_CACHE')}  load average (1 min) "
        f"before/after people/after writers: {' / '.join(f'{x:.1f}' for x in loads)}",
        f"{PEOPLE} simulated people on {min(PEOPLE, ACCOUNTS)} demo accounts with {YEARS:g} year(s) "
        f"of data each (built in {built:.0f} s)",
        "",
        f"1. {PEOPLE} people for {SECONDS} s, 3–10 s between actions, reads and writes:",
        *describe(browse),
        f"   time in the server (gunicorn access log): {served}",
        *phases,
        f"   locust's own CPU on the same cores: {GENERATOR_CPU.get('Person', 0):.1f} s",
        f"   → {'PASS' if ok_people else 'FAIL'} (target: 0 failures, p95 ≤ 100 ms)",
        "",
        f"2. {WRITERS} writers of 100,000-character journal entries for {WRITE_SECONDS} s:",
        *describe(writes),
        f"   acknowledged saves: {acknowledged}; missing from the database: {missing}",
        f"   → {'PASS' if ok_writes else 'FAIL'} (target: 0 failures, nothing lost)",
    ]
    text = "\n".join(lines)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
