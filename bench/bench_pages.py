"""Server-side render time of every main GET page with a year of one person's data.

Run: ``.venv/bin/python bench/bench_pages.py`` (not part of the test suite).

It points ``BRIDGEWORK_DATA_DIR`` at a fresh temporary directory before Django loads its
settings, so the SQLite database, secret key and encryption keys are throwaway. Two users
get a realistic year each (journal, ladder, circle, assessments, lessons, safety plan)
through the apps' own service functions; the second one only makes sure every page is
scoped to its owner. Then, logged in as the first user with Django's test client, every
page is requested once to warm up (and its SQL queries counted), then timed
``BENCH_REPEAT`` times (default 15).

Machines here are shared and noisy, so the report gives each page's median as a ratio
to the median of the static privacy page measured in the same run. The budget (DESIGN.md
§4) is a median under 50 ms. The table goes to stdout and ``bench/results/pages.txt``.

Environment: ``BENCH_REPEAT`` (timed requests per page), ``BENCH_DAYS`` (days of data,
default 365), ``BENCH_KEEP=1`` keeps the data directory and prints its path.
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import statistics
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
DAYS = int(os.environ.get("BENCH_DAYS", "365"))
BUDGET_MS = 50.0
ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "pages.txt"

# Sentences for journal entries and notes: ordinary days, a little asking and receiving.
SENTENCES = [
    "I woke up early and lay there for a while before getting up.",
    "Work was busy and I kept telling myself I could handle it alone.",
    "My sister called and I almost said everything was fine out of habit.",
    "I asked a colleague to look over the report, which felt strange but went well.",
    "Walked by the river after lunch and felt a bit calmer.",
    "I noticed the urge to refuse help when a neighbour offered to carry the shopping.",
    "Cooked a proper dinner for the first time this week.",
    "Felt tired in the afternoon and let myself rest instead of pushing through.",
    "A friend asked how I was really doing and I gave an honest answer for once.",
    "I was annoyed that I needed a lift, but accepting it saved me an hour.",
    "The meeting ran long and I did not say that I was overwhelmed.",
    "Spent the evening reading and did not check my phone much.",
    "I keep thinking that needing people makes me a burden, but today that felt less true.",
    "Sent a message to an old friend I had been avoiding.",
    "It rained all day and the flat felt small.",
    "My manager offered to take one task off my plate and I said yes.",
    "I practised saying no to an extra shift and the world did not end.",
    "Had coffee with my brother and we talked about our parents.",
    "Slept badly and felt on edge most of the morning.",
    "I wrote down three things that went better than I predicted.",
    "Went to the gym and then sat in the garden for a while.",
    "I caught myself planning every detail so I would not have to rely on anyone.",
    "Someone at work thanked me and I did not brush it off.",
    "Felt lonely in the evening and called my mother, which helped.",
]
MOODS = ["", "calm", "content", "hopeful", "tired", "anxious", "low", "frustrated", "lonely", "mixed"]
NAMES = [
    "Ana", "Ben", "Chloe", "Dev", "Elif", "Farah", "Gus", "Hana", "Ivo", "Jess",
    "Kofi", "Lena", "Mo", "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq",
    "Uma", "Vik", "Wren", "Xavi", "Yara", "Zoe", "Alex", "Bea", "Cal", "Dora",
]


def body_text(rng: random.Random, low: int = 100, high: int = 200) -> str:
    target = rng.randint(low, high)
    words: list[str] = []
    while len(words) < target:
        words.extend(rng.choice(SENTENCES).split())
    text = " ".join(words[:target]).rstrip(".,") + "."
    return text


def setup_environment() -> Path:
    from _wsgi import setup_django

    data_dir = setup_django("bridgework-bench-")
    return data_dir


# --------------------------------------------------------------------------- data


@dataclass
class Made:
    user: Any
    entries: list[Any] = field(default_factory=list)
    steps: list[Any] = field(default_factory=list)
    attempts: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)
    exchanges: list[Any] = field(default_factory=list)
    sittings: list[Any] = field(default_factory=list)
    draft: Any = None


def make_year(username: str, seed: int) -> Made:
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from bridgework.accounts.models import profile_for
    from bridgework.assess.instruments import instrument_list
    from bridgework.assess.models import Sitting
    from bridgework.assess.services import sitting_save, sitting_start
    from bridgework.circle import services as circle
    from bridgework.circle.models import KIND_CHOICES, RING_CHOICES, Exchange, Person
    from bridgework.journal.models import Entry
    from bridgework.journal.services import entry_create
    from bridgework.ladder import services as ladder
    from bridgework.ladder.library import load_templates
    from bridgework.ladder.models import Kind, Step
    from bridgework.learn.content import lessons, topics
    from bridgework.learn.services import lesson_complete, topic_toggle
    from bridgework.safety.services import safety_plan_save

    rng = random.Random(seed)
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="bench-password-1"
    )
    profile = profile_for(user)
    profile.display_name, profile.timezone, profile.country = username.title(), "Europe/London", "GB"
    profile.save(update_fields=["display_name", "timezone", "country"])
    made = Made(user=user)
    now = timezone.now()
    today = timezone.localdate()

    def moment(days_ago: int) -> dt.datetime:
        return now - dt.timedelta(days=days_ago, hours=rng.randint(0, 10), minutes=rng.randint(0, 59))

    # Journal: one entry a day.
    for days_ago in range(DAYS):
        entry, _ = entry_create(
            user=user,
            body=body_text(rng),
            date=today - dt.timedelta(days=days_ago),
            mood=rng.choice(MOODS),
        )
        when = moment(days_ago)
        Entry.objects.filter(pk=entry.pk).update(created_at=when, updated_at=when)
        made.entries.append(entry)

    # Circle: 30 people, ~400 exchanges.
    rings = [value for value, _ in RING_CHOICES]
    kinds = [value for value, _ in KIND_CHOICES]
    for index, name in enumerate(NAMES):
        person, _ = circle.person_create(
            user=user,
            name=f"{name} {chr(65 + index % 26)}.",
            ring=rng.choice(rings),
            comfort=rng.randint(10, 95),
            helps_with=rng.sample(kinds, rng.randint(1, 3)),
            note=body_text(rng, 10, 40) if rng.random() < 0.6 else "",
        )
        added = moment(rng.randint(0, DAYS - 1))
        Person.objects.filter(pk=person.pk).update(created_at=added, updated_at=added)
        made.people.append(person)
    for _ in range(round(400 * DAYS / 365)):
        direction = rng.choice(["gave", "received"])
        days_ago = rng.randint(0, DAYS - 1)
        exchange, _ = circle.exchange_create(
            user=user,
            person=rng.choice(made.people) if rng.random() < 0.95 else None,
            direction=direction,
            kind=rng.choice(kinds),
            size=rng.choice(["small", "small", "medium", "large"]),
            discomfort=rng.randint(0, 90) if direction == "received" and rng.random() < 0.7 else None,
            occurred_on=today - dt.timedelta(days=days_ago),
            note=body_text(rng, 5, 30) if rng.random() < 0.5 else "",
        )
        Exchange.objects.filter(pk=exchange.pk).update(created_at=moment(days_ago))
        made.exchanges.append(exchange)

    # Ladder: 40 steps (library templates first), ~300 attempts.
    templates = list(load_templates())
    rng.shuffle(templates)
    step_kinds = [value for value, _ in Kind.choices]
    for index in range(40):
        if index < min(25, len(templates)):
            step, _ = ladder.step_adopt(user=user, template=templates[index])
        else:
            step, _ = ladder.step_create(
                user=user,
                what=f"Ask {rng.choice(NAMES)} for help with something small ({index})",
                kind=rng.choice(step_kinds),
                expected_discomfort=rng.randint(10, 90),
                feared_likelihood=rng.randint(10, 90),
                who=rng.choice(NAMES),
                feared_outcome="They will think I cannot cope on my own.",
                person=rng.choice(made.people) if rng.random() < 0.5 else None,
            )
        added = moment(DAYS - 1 - index * (DAYS // 45))
        Step.objects.filter(pk=step.pk).update(created_at=added, updated_at=added)
        made.steps.append(step)
    for _ in range(round(300 * DAYS / 365)):
        step = rng.choice(made.steps)
        before = rng.randint(20, 90)
        peak = min(100, before + rng.randint(0, 20))
        attempt, _ = ladder.attempt_log(
            step=step,
            happened_on=today - dt.timedelta(days=rng.randint(0, DAYS - 1)),
            discomfort_before=before,
            discomfort_peak=peak,
            discomfort_after=max(0, peak - rng.randint(5, 50)),
            feared_happened=rng.choice(["no", "no", "no", "partly", "yes"]),
            response=rng.choice(["better", "better", "same", "worse"]),
            what_happened=body_text(rng, 20, 80),
            learned=body_text(rng, 10, 40),
        )
        made.attempts.append(attempt)

    # Assessments: 24 sittings across the instruments, spread over the year, one draft.
    instruments = instrument_list()
    for index in range(24):
        instrument = instruments[index % len(instruments)]
        sitting = sitting_start(user=user, instrument=instrument)
        values = sorted(option.value for option in instrument.options)
        answers = {}
        for item in instrument.items:
            value = rng.choice(values)
            if item.safety_threshold is not None:
                value = values[0]  # keep the crisis flow out of the timing
            answers[item.id] = value
        sitting_save(
            sitting=sitting, instrument=instrument, responses=answers, submit=True
        )
        submitted = moment(DAYS - 1 - index * (DAYS // 24))
        Sitting.objects.filter(pk=sitting.pk).update(
            started_at=submitted - dt.timedelta(minutes=5), submitted_at=submitted
        )
        made.sittings.append(sitting)
    made.draft = sitting_start(user=user, instrument=instruments[0])

    # Learn: every lesson read, every topic marked.
    for lesson in lessons():
        lesson_complete(user=user, slug=lesson.slug)
    for topic_id in topics():
        topic_toggle(user=user, topic_id=topic_id)

    # A filled-in safety plan.
    safety_plan_save(
        user=user,
        data={
            "warning_signs": "Not sleeping, cancelling plans, telling everyone I am fine.",
            "coping_alone": "A long walk, a shower, writing in the journal.",
            "distractions": "The library, the climbing gym, calling my brother.",
            "helpers": "My sister, Ana, my neighbour Ben.",
            "professionals": "My GP surgery; the therapist I saw last year.",
            "environment": "Ask a friend to keep the car keys when I am very low.",
            "reasons": "My sister's kids, the garden, finishing the course.",
            "contact_name": "My sister",
            "contact_phone": "+44 7700 900123",
            "contact_email": "sister@example.org",
        },
    )
    return made


# --------------------------------------------------------------------------- pages


@dataclass
class Page:
    label: str
    url: str
    name: str  # the URL name (or API path) it stands for


@dataclass
class Result:
    page: Page
    status: int | None = None
    queries: int | None = None
    median: float | None = None
    p90: float | None = None
    error: str = ""


def pages_for(made: Made) -> tuple[list[Page], list[str]]:
    """The pages to time, and the URL names deliberately not timed (with the reason)."""
    from django.urls import reverse

    from bridgework.assess.instruments import instrument_list
    from bridgework.ladder.services import ladder_rows_for
    from bridgework.learn.content import lessons

    entry = made.entries[len(made.entries) // 2]
    # A step with many attempts is the heaviest detail page.
    step = max(made.steps, key=lambda s: sum(1 for a in made.attempts if a.step_id == s.pk))
    attempt = made.attempts[len(made.attempts) // 2]
    busiest = max(made.people, key=lambda p: sum(1 for e in made.exchanges if e.person_id == p.pk))
    exchange = made.exchanges[0]
    instrument = instrument_list()[0]
    sitting = made.sittings[-1]
    assert ladder_rows_for(made.user)

    def page(label: str, name: str, *args: Any, query: str = "") -> Page:
        return Page(label, reverse(name, args=args) + query, name)

    pages = [
        page("home", "core:home"),
        page("privacy (static baseline)", "core:privacy"),
        page("export (JSON)", "accounts:export"),
        page("account profile", "accounts:profile"),
        page("account delete (confirm)", "accounts:delete"),
        page("learn index", "learn:index"),
        page("learn lesson", "learn:lesson", lessons()[2].slug),
        page("learn sounds-like-me", "learn:mine"),
        page("assess index", "assess:index"),
        page(f"assess about ({instrument.id})", "assess:about", instrument.id),
        page("assess take (draft)", "assess:take", made.draft.pk),
        page(f"assess results ({sitting.instrument_id})", "assess:results", sitting.pk),
        page(f"assess history ({instrument.id})", "assess:history", instrument.id),
        page("assess scores.csv", "assess:scores_csv"),
        page("assess questionnaire FHIR", "assess:questionnaire_fhir", instrument.id),
        page("assess response FHIR", "assess:sitting_fhir", sitting.pk),
        page("ladder index", "ladder:index"),
        page("ladder library", "ladder:library"),
        page("ladder progress", "ladder:progress"),
        page("ladder step new", "ladder:step_new"),
        page("ladder step detail", "ladder:step_detail", step.pk),
        page("ladder step edit", "ladder:step_edit", step.pk),
        page("ladder step delete (confirm)", "ladder:step_delete", step.pk),
        page("ladder attempt new", "ladder:attempt_new", step.pk),
        page("ladder attempt detail", "ladder:attempt_detail", attempt.pk),
        page("ladder attempt edit", "ladder:attempt_edit", attempt.pk),
        page("ladder attempt delete (confirm)", "ladder:attempt_delete", attempt.pk),
        page("circle index (map)", "circle:index"),
        page("circle person new", "circle:person_new"),
        page("circle person", "circle:person", busiest.pk),
        page("circle person edit", "circle:person_edit", busiest.pk),
        page("circle person delete (confirm)", "circle:person_delete", busiest.pk),
        page("circle ledger", "circle:ledger"),
        page("circle exchange new", "circle:exchange_new"),
        page("circle exchange edit", "circle:exchange_edit", exchange.pk),
        page("circle exchange delete (confirm)", "circle:exchange_delete", exchange.pk),
        page("journal index", "journal:index"),
        page("journal search (q=sister)", "journal:index", query="?q=sister"),
        page("journal search (no match)", "journal:index", query="?q=zebra"),
        page("journal calendar", "journal:calendar"),
        page("journal new", "journal:new"),
        page("journal detail", "journal:detail", entry.pk),
        page("journal edit", "journal:edit", entry.pk),
        page("journal delete (confirm)", "journal:delete", entry.pk),
        page("safety help", "safety:help"),
        page("safety plan", "safety:plan"),
        page("safety plan edit", "safety:plan_edit"),
        Page("api ladder steps", "/api/v1/ladder/steps", "GET /api/v1/ladder/steps"),
        Page("api ladder step", f"/api/v1/ladder/steps/{step.pk}", "GET /api/v1/ladder/steps/{id}"),
        Page(
            "api ladder step attempts",
            f"/api/v1/ladder/steps/{step.pk}/attempts",
            "GET /api/v1/ladder/steps/{id}/attempts",
        ),
        Page("api ladder attempt", f"/api/v1/ladder/attempts/{attempt.pk}", "GET /api/v1/ladder/attempts/{id}"),
        Page("api circle people", "/api/v1/circle/people", "GET /api/v1/circle/people"),
        Page("api circle person", f"/api/v1/circle/people/{busiest.pk}", "GET /api/v1/circle/people/{id}"),
        Page("api circle exchanges", "/api/v1/circle/exchanges", "GET /api/v1/circle/exchanges"),
        Page(
            "api circle exchange",
            f"/api/v1/circle/exchanges/{exchange.pk}",
            "GET /api/v1/circle/exchanges/{id}",
        ),
        Page("api openapi.json", "/api/openapi.json", "api openapi.json"),
    ]
    not_timed = {
        "assess:start": "POST-only (starts a sitting)",
        "assess:delete": "POST-only",
        "safety:checkin": "POST-only",
        "learn:complete": "POST-only",
        "learn:toggle": "POST-only",
        "ladder:adopt": "POST-only",
        "ladder:sort": "POST-only",
        "ladder:step_move": "POST-only",
        "ladder:step_override": "POST-only",
        "journal:dismiss_pattern": "POST-only",
        "circle:dismiss": "POST-only",
    }
    return pages, [f"{name}: {why}" for name, why in not_timed.items()]


def untimed_names(pages: list[Page], skipped: list[str]) -> list[str]:
    """Project URL names that are neither timed nor listed as skipped (so none is missed)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns, "")
    ours = {"core", "accounts", "learn", "assess", "ladder", "circle", "journal", "safety"}
    covered = {page.name for page in pages} | {line.split(":", 2)[0] + ":" + line.split(":", 2)[1] for line in skipped}
    return sorted(n for n in names if n.split(":")[0] in ours and n not in covered)


def measure(client: Any, page: Page) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = Result(page)
    try:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        result.status = response.status_code
        result.queries = len(captured.captured_queries)
        if response.status_code != 200:
            result.error = f"HTTP {response.status_code}"
            return result
        timings = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            client.get(page.url)
            timings.append((time.perf_counter() - start) * 1000)
    except Exception as exc:  # report and go on with the next page
        result.error = f"{type(exc).__name__}: {exc}"
        traceback.print_exc(limit=-3)
        return result
    timings.sort()
    result.median = statistics.median(timings)
    result.p90 = timings[min(len(timings) - 1, round(0.9 * (len(timings) - 1)))]
    return result


def table(results: list[Result], baseline: float, header: list[str]) -> str:
    ok = sorted((r for r in results if r.median is not None), key=lambda r: -(r.median or 0))
    failed = [r for r in results if r.median is None]
    width = max(len(r.page.label) for r in results)
    lines = [*header, ""]
    lines.append(f"{'page':<{width}}  {'median ms':>9}  {'p90 ms':>7}  {'x base':>6}  {'SQL':>4}  flag")
    lines.append("-" * (width + 42))
    for r in ok:
        assert r.median is not None and r.p90 is not None
        flag = f"OVER {BUDGET_MS:.0f} ms" if r.median > BUDGET_MS else ""
        lines.append(
            f"{r.page.label:<{width}}  {r.median:9.1f}  {r.p90:7.1f}  {r.median / baseline:6.1f}  "
            f"{r.queries:>4}  {flag}"
        )
    for r in failed:
        lines.append(f"{r.page.label:<{width}}  {'-':>9}  {'-':>7}  {'-':>6}  {r.queries or '-':>4}  ERROR {r.error}")
    over = [r for r in ok if (r.median or 0) > BUDGET_MS]
    lines += [
        "",
        f"{len(ok)} pages timed, {len(failed)} failed, {len(over)} over {BUDGET_MS:.0f} ms median.",
    ]
    return "\n".join(lines)


def main() -> None:
    data_dir = setup_environment()
    try:
        run(data_dir)
    finally:
        if os.environ.get("BENCH_KEEP") == "1":
            print(f"data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


def run(data_dir: Path) -> None:
    import platform

    import django
    from django.db import connection
    from django.test import Client

    started = time.perf_counter()
    main_user = make_year("bench", seed=1)
    other = make_year("other", seed=2)
    built = time.perf_counter() - started
    counts = (
        f"{len(main_user.entries)} journal entries, {len(main_user.steps)} ladder steps, "
        f"{len(main_user.attempts)} attempts, {len(main_user.people)} people, "
        f"{len(main_user.exchanges)} exchanges, {len(main_user.sittings)} assessments "
        f"(+1 draft), all lessons and topics, a safety plan; a second user with the same amount"
    )
    print(f"data built in {built:.1f} s: {counts}", file=sys.stderr)

    client = Client(HTTP_HOST="localhost")
    client.force_login(main_user.user)
    pages, skipped = pages_for(main_user)

    # Owner scoping: the other user's objects must be 404 for this client.
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the expected 404s
    leaks = []
    for url in [
        f"/journal/{other.entries[0].pk}/",
        f"/ladder/steps/{other.steps[0].pk}/",
        f"/circle/people/{other.people[0].pk}/",
        f"/assess/sittings/{other.sittings[0].pk}/results/",
        f"/api/v1/ladder/steps/{other.steps[0].pk}",
        f"/api/v1/circle/people/{other.people[0].pk}",
    ]:
        status = client.get(url).status_code
        if status != 404:
            leaks.append(f"{url} -> {status}")

    results = []
    for page in pages:
        result = measure(client, page)
        if result.error:
            print(f"ERROR {page.label} ({page.url}): {result.error}", file=sys.stderr)
        results.append(result)

    baseline_result = next(r for r in results if r.page.name == "core:privacy")
    baseline = baseline_result.median or 1.0
    missing = untimed_names(pages, skipped)
    header = [
        f"Bridgework page render times (DESIGN.md §4: median under {BUDGET_MS:.0f} ms with a year of data)",
        f"{time.strftime('%Y-%m-%d %H:%M')}  Python {platform.python_version()}  Django {django.get_version()}  "
        f"{connection.vendor}  {REPEAT} timed requests per page after one warm-up",
        f"Data: {counts}.",
        f"Baseline: static privacy page median {baseline:.2f} ms; 'x base' = page median / baseline.",
        "Times are Django test-client wall time (middleware, view, template; no network).",
        "SQL = queries in one request (session and user lookups included).",
    ]
    text = table(results, baseline, header)
    text += "\n\nNot timed (POST-only):\n" + "\n".join(f"  {line}" for line in skipped)
    if missing:
        text += "\nURL names with no timing and no reason (add them):\n" + "\n".join(f"  {n}" for n in missing)
    text += "\nOwner scoping: " + ("another user's objects are 404 everywhere checked." if not leaks else "LEAKS " + ", ".join(leaks))
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
