"""What each shareable area shows, for the clinician's pages and the PDF report.

Each function reads one person's data in that area with a few owner-scoped queries and
returns plain data (and server-side SVG charts). They never check consent: callers have
already been through ``access.get_client_for_clinician`` or are the person themselves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.apps import apps
from django.db.models import Avg, Count, Model, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.safestring import SafeString

from bridgework.assess.instruments import Instrument, instrument_list
from bridgework.assess.models import Sitting
from bridgework.assess.presentation import change_between
from bridgework.assess.rci import ReliableChange
from bridgework.circle.models import RING_LABELS, Exchange, Person, by_comfort
from bridgework.core.charts import Point, line_chart
from bridgework.ladder.models import Attempt
from bridgework.ladder.services import StepRow, ladder_rows_for
from bridgework.safety.models import SafetyPlan

# ----------------------------------------------------------------------------- assessments


@dataclass
class SittingSummary:
    pk: int
    on: date
    total: float | None
    band: str


@dataclass
class InstrumentSummary:
    instrument: Instrument
    sittings: list[SittingSummary]
    chart: SafeString | None
    change: ReliableChange | None

    @property
    def latest(self) -> SittingSummary:
        return self.sittings[-1]


def assessment_summaries_for(user: Any) -> list[InstrumentSummary]:
    """Per questionnaire: every submitted total, a chart, and first-to-latest change (1 query)."""
    by_instrument: dict[str, list[Sitting]] = defaultdict(list)
    for sitting in Sitting.objects.filter(user=user, submitted_at__isnull=False).only(
        "id", "instrument_id", "submitted_at", "total", "band"
    ).order_by("submitted_at"):
        by_instrument[sitting.instrument_id].append(sitting)
    summaries = []
    for instrument in instrument_list():
        sittings = by_instrument.get(instrument.id)
        if not sittings:
            continue
        rows = [
            SittingSummary(a.pk, timezone.localdate(a.submitted_at), a.total, a.band)
            for a in sittings
            if a.submitted_at is not None
        ]
        low, high = instrument.score_range()
        chart = line_chart(
            f"{instrument.short_title}: total over time",
            [Point(row.on.strftime("%d %b %Y"), row.total) for row in rows],
            minimum=low,
            maximum=high,
        )
        change = change_between(instrument, sittings[0], sittings[-1]) if len(sittings) > 1 else None
        summaries.append(InstrumentSummary(instrument, rows, chart, change))
    return summaries


# ----------------------------------------------------------------------------- ladder


@dataclass
class LadderAttempt:
    happened_on: date
    before: int
    peak: int
    after: int
    feared_happened: str
    what_happened: str = ""
    learned: str = ""


@dataclass
class LadderSummary:
    rows: list[StepRow]
    attempts: dict[int, list[LadderAttempt]]
    notes: bool

    @property
    def mastered(self) -> int:
        return sum(1 for row in self.rows if row.status == "mastered")

    @property
    def attempt_count(self) -> int:
        return sum(row.attempt_count for row in self.rows)


def ladder_summary_for(user: Any, *, notes: bool) -> LadderSummary:
    """Steps with status and attempts; the person's notes only when ``notes`` (3 queries)."""
    rows = ladder_rows_for(user)
    attempts: dict[int, list[LadderAttempt]] = defaultdict(list)
    query = Attempt.objects.filter(step__user=user).order_by("happened_on", "id")
    if not notes:
        query = query.defer("what_happened", "learned")
    for attempt in query:
        attempts[attempt.step_id].append(
            LadderAttempt(
                attempt.happened_on,
                attempt.discomfort_before,
                attempt.discomfort_peak,
                attempt.discomfort_after,
                attempt.get_feared_happened_display(),
                attempt.what_happened if notes else "",
                attempt.learned if notes else "",
            )
        )
    return LadderSummary(rows=rows, attempts=dict(attempts), notes=notes)


# ----------------------------------------------------------------------------- circle

BALANCE_DAYS = 90


@dataclass
class CircleSummary:
    rings: list[tuple[str, int]]
    gave: int
    received: int
    names: dict[str, list[str]] = field(default_factory=dict)

    @property
    def people(self) -> int:
        return sum(count for _, count in self.rings)

    @property
    def balance(self) -> int:
        """Given minus received over the last 90 days (positive: giving more)."""
        return self.gave - self.received


def circle_summary_for(user: Any, *, names: bool) -> CircleSummary:
    """Counts per ring and the give-and-take balance; names only when ``names``."""
    counts = dict(
        Person.objects.filter(user=user).values_list("ring").annotate(n=Count("id")).order_by()
    )
    since = timezone.localdate() - timedelta(days=BALANCE_DAYS)
    tally = Exchange.objects.filter(user=user, occurred_on__gte=since).aggregate(
        gave=Count("id", filter=Q(direction="gave")),
        received=Count("id", filter=Q(direction="received")),
    )
    summary = CircleSummary(
        rings=[(label, counts.get(ring, 0)) for ring, label in RING_LABELS.items()],
        gave=tally["gave"],
        received=tally["received"],
    )
    if names:
        for person in by_comfort(Person.objects.filter(user=user)):
            summary.names.setdefault(person.ring_label, []).append(person.name)
    return summary


# ----------------------------------------------------------------------------- check-ins

TREND_WEEKS = 8


CHECKIN_MODEL = "checkin.CheckIn"


def checkin_model() -> type[Model] | None:
    """The check-in model once the checkin app provides it (it is built alongside)."""
    try:
        return apps.get_model(CHECKIN_MODEL)
    except LookupError:
        return None


@dataclass
class CheckinSummary:
    weeks: list[dict[str, Any]]
    days_checked_in: int
    days: int
    charts: dict[str, SafeString]
    insights: list[str] = field(default_factory=list)


def checkin_summary_for(user: Any) -> CheckinSummary | None:
    """Weekly averages of mood, stress and sleep over the last 8 weeks (one query)."""
    model = checkin_model()
    if model is None:
        return None
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday(), weeks=TREND_WEEKS - 1)
    rows = list(
        model._default_manager.filter(user=user, date__gte=start)
        .annotate(week=TruncWeek("date"))
        .values("week")
        .annotate(
            days=Count("id"),
            mood=Avg("mood"),
            stress=Avg("stress"),
            sleep=Avg("sleep_hours"),
        )
        .order_by("week")
    )
    by_week = {_as_date(row["week"]): row for row in rows}
    weeks = []
    for n in range(TREND_WEEKS):
        monday = start + timedelta(weeks=n)
        row = by_week.get(monday, {})
        weeks.append(
            {
                "week": monday,
                "days": row.get("days", 0),
                "mood": _round(row.get("mood")),
                "stress": _round(row.get("stress")),
                "sleep": _round(row.get("sleep")),
            }
        )
    labels = [w["week"].strftime("%d %b") for w in weeks]
    charts = {
        "Mood (1–5)": line_chart(
            "Mood, weekly average", [Point(lab, w["mood"]) for lab, w in zip(labels, weeks, strict=True)],
            minimum=1, maximum=5, height=160,
        ),
        "Stress (0–10)": line_chart(
            "Stress, weekly average",
            [Point(lab, w["stress"]) for lab, w in zip(labels, weeks, strict=True)],
            maximum=10, height=160,
        ),
        "Sleep (hours)": line_chart(
            "Sleep, weekly average",
            [Point(lab, w["sleep"]) for lab, w in zip(labels, weeks, strict=True)],
            maximum=12, height=160,
        ),
    }
    days = (today - start).days + 1
    return CheckinSummary(
        weeks, sum(w["days"] for w in weeks), days, charts, insights=checkin_insights_for(user, today)
    )


INSIGHTS_SHOWN = 5


def checkin_insights_for(user: Any, today: date) -> list[str]:
    """The check-in page's own sentences for the measures that moved together (top few)."""
    try:
        from bridgework.checkin import insights, trends
    except ImportError:  # an installation without the check-in statistics
        return []
    results, _ = trends.insights_for(user, today=today)
    main = [r for r in results if insights.relevance(r) < 2]
    return [insights.describe(result) for result in main[:INSIGHTS_SHOWN]]


def _as_date(value: Any) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


# ----------------------------------------------------------------------------- safety plan


def saved_safety_plan_for(user: Any) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(user=user).prefetch_related("circle_helpers").first()


SAFETY_SECTIONS = [
    ("warning_signs", "Warning signs"),
    ("coping_alone", "Things I can do on my own"),
    ("distractions", "People and places that take my mind off things"),
    ("helpers", "People I can ask for help"),
    ("professionals", "Professionals and services"),
    ("environment", "Making my surroundings safer"),
    ("reasons", "My reasons for living"),
]


def safety_sections(plan: SafetyPlan) -> list[tuple[str, str]]:
    return [(label, getattr(plan, name)) for name, label in SAFETY_SECTIONS]
