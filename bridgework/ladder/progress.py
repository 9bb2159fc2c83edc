"""The progress page's numbers and charts, from two owner-scoped queries.

Only step titles are decrypted (for labels); attempts are read with ``values()``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.safestring import SafeString

from bridgework.core.charts import Point, bar_chart, line_chart

from . import mastery
from .models import Attempt, FearedHappened, Kind, Step
from .services import mastered_on

CHART_ATTEMPTS = 12  # the comparison charts show the most recent attempts
RECENT_WEEKS = 12
HAPPENED_SCORE = {"no": 0, "partly": 50, "yes": 100}


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class Comparison:
    happened_on: date
    step_what: str
    step_id: int
    attempt_id: int
    expected: int
    peak: int
    feared_likelihood: int
    feared_happened: str

    @property
    def feared_happened_label(self) -> str:
        return FearedHappened(self.feared_happened).label


@dataclass
class Progress:
    step_count: int = 0
    attempt_count: int = 0
    mastered: list[tuple[date, str, int]] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    weeks_practised: int = 0
    recent_weeks: list[tuple[date, int]] = field(default_factory=list)
    by_kind: list[tuple[str, int]] = field(default_factory=list)
    calmer_than_expected: int = 0
    fear_did_not_happen: int = 0
    charts: dict[str, SafeString] = field(default_factory=dict)

    @property
    def small_sample(self) -> bool:
        return self.attempt_count < 5


def progress_for(user: User) -> Progress:
    steps = {step.pk: step for step in Step.objects.filter(user=user).only(
        "id", "what", "kind", "expected_discomfort", "feared_likelihood", "override", "override_at"
    )}
    rows = list(
        Attempt.objects.filter(step__user=user)
        .order_by("happened_on", "created_at", "id")
        .values_list("id", "step_id", "happened_on", "discomfort_peak", "feared_happened")
    )
    progress = Progress(step_count=len(steps), attempt_count=len(rows))

    facts: dict[int, list[mastery.AttemptFacts]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    weeks: Counter[date] = Counter()
    for attempt_id, step_id, on, peak, happened in rows:
        step = steps[step_id]
        facts[step_id].append(mastery.AttemptFacts(peak=peak, feared_happened=happened, happened_on=on))
        kinds[step.kind] += 1
        weeks[week_start(on)] += 1
        progress.calmer_than_expected += peak < step.expected_discomfort
        progress.fear_did_not_happen += happened == "no"
        progress.comparisons.append(
            Comparison(on, step.what, step_id, attempt_id, step.expected_discomfort, peak,
                       step.feared_likelihood, happened)
        )

    # Steps mastered over time, oldest first, with a running total.
    dated = sorted(
        (day, step.what)
        for step in steps.values()
        if (day := mastered_on(step, facts.get(step.pk, []))) is not None
    )
    progress.mastered = [(day, what, total) for total, (day, what) in enumerate(dated, start=1)]

    progress.weeks_practised = len(weeks)
    this_week = week_start(timezone.localdate())
    progress.recent_weeks = [
        (start, weeks.get(start, 0))
        for start in (this_week - timedelta(weeks=n) for n in range(RECENT_WEEKS - 1, -1, -1))
    ]
    progress.by_kind = [(label, kinds.get(value, 0)) for value, label in Kind.choices]
    progress.comparisons = progress.comparisons[-CHART_ATTEMPTS:]
    progress.charts = _charts(progress)
    return progress


def _charts(progress: Progress) -> dict[str, SafeString]:
    charts: dict[str, SafeString] = {}
    if progress.mastered:
        charts["mastered"] = line_chart(
            "Steps mastered, running total",
            [Point(day.strftime("%d %b"), total) for day, _, total in progress.mastered],
            maximum=max(total for _, _, total in progress.mastered),
        )
    if progress.comparisons:
        discomfort: list[Point] = []
        fear: list[Point] = []
        for c in progress.comparisons:
            # Short labels (the SVG has 200px for them); the table names each step.
            label = f"{c.happened_on:%d %b}"
            discomfort += [Point(f"{label}: expected", c.expected), Point("peak", c.peak)]
            fear += [
                Point(f"{label}: feared %", c.feared_likelihood),
                Point(f"happened: {c.feared_happened}", HAPPENED_SCORE[c.feared_happened]),
            ]
        charts["discomfort"] = bar_chart(
            "Expected discomfort and actual peak, per attempt", discomfort, maximum=100
        )
        charts["fear"] = bar_chart(
            "How likely the feared outcome felt, and what happened (no 0, partly 50, yes 100)",
            fear,
            maximum=100,
        )
    if any(count for _, count in progress.recent_weeks):
        charts["weeks"] = bar_chart(
            "Practices per week, last 12 weeks",
            [Point(f"Week of {start:%d %b}", count) for start, count in progress.recent_weeks],
            maximum=max(1, *(count for _, count in progress.recent_weeks)),
        )
    return charts
