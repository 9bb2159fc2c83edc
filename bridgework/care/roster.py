"""The clinician's client list: a fixed number of queries whatever the number of clients.

1. the open links with the people's profiles;
2. the first and latest PHQ-9, GAD-7 and PSS-10 totals per person (window functions);
3. steps mastered this month per person (the mastery rule in SQL, grouped);
4. the last ladder attempt per person (grouped);
5. check-in days of the last 14 days and the last check-in per person (grouped; only once
   the checkin app exists);

and the view adds one insert for the audit rows (each person sees their line was shown).
Each of 2–5 asks only about the people who share that area: nothing unshared is read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone

from bridgework.assess.instruments import get_instrument
from bridgework.assess.models import Sitting
from bridgework.assess.rci import ReliableChange, reliable_change
from bridgework.ladder.mastery import ATTEMPTS_NEEDED, CALM_PEAK
from bridgework.ladder.models import Attempt, Step

from .models import CareLink
from .summaries import checkin_model

ROSTER_INSTRUMENTS = ("phq9", "gad7", "pss10")
ADHERENCE_DAYS = 14


@dataclass
class Score:
    instrument_id: str
    title: str
    latest: float
    latest_at: datetime
    change: ReliableChange | None


@dataclass
class RosterRow:
    link: CareLink
    name: str
    scores: list[Score] = field(default_factory=list)
    mastered_this_month: int | None = None
    checkin_days: int | None = None
    last_activity: datetime | None = None
    url: str = ""

    @property
    def verdicts(self) -> set[str]:
        return {s.change.verdict for s in self.scores if s.change is not None}

    @property
    def adherence_percent(self) -> int | None:
        if self.checkin_days is None:
            return None
        return round(100 * self.checkin_days / ADHERENCE_DAYS)

    # The table's cells as plain text, made here once: 200 rows of template lookups and
    # filters cost more than the queries behind them.

    @property
    def scores_text(self) -> str:
        if not self.link.assessments:
            return "—"
        parts = [
            f"{s.title} {s.latest:g}" + (f" ({s.change.label})" if s.change else "")
            for s in self.scores
        ]
        return "; ".join(parts) or "No scores yet"

    @property
    def mastered_text(self) -> str:
        return "—" if self.mastered_this_month is None else str(self.mastered_this_month)

    @property
    def checkin_text(self) -> str:
        if self.checkin_days is None:
            return "—"
        return f"{self.checkin_days} of {ADHERENCE_DAYS} ({self.adherence_percent} %)"

    @property
    def last_activity_text(self) -> str:
        if self.last_activity is None:
            return "—"
        return f"{timezone.localtime(self.last_activity):%d %b %Y}"


def roster_links(clinician: User) -> list[CareLink]:
    """Query 1: the clinician's open links with the people's profiles."""
    return list(
        CareLink.objects.filter(clinician=clinician, ended_at__isnull=True)
        .select_related("user", "user__profile")
        .order_by("created_at", "id")
    )


@dataclass
class Totals:
    first: float | None = None
    latest: float | None = None
    latest_at: datetime | None = None
    count: int = 0


def roster_totals(user_ids: list[int]) -> dict[tuple[int, str], Totals]:
    """Query 2: the first and the latest total of each roster questionnaire per person.

    Window functions number each person's sittings of an instrument from both ends; only
    rows numbered 1 come back (at most two per person and instrument).
    """
    if not user_ids:
        return {}
    partition = [F("user_id"), F("instrument_id")]
    rows = (
        Sitting.objects.filter(
            user_id__in=user_ids, instrument_id__in=ROSTER_INSTRUMENTS, submitted_at__isnull=False
        )
        .annotate(
            from_start=Window(RowNumber(), partition_by=partition, order_by=[F("submitted_at").asc(), F("id").asc()]),
            from_end=Window(RowNumber(), partition_by=partition, order_by=[F("submitted_at").desc(), F("id").desc()]),
            sittings=Window(Count("id"), partition_by=partition),
        )
        .filter(Q(from_start=1) | Q(from_end=1))
        .order_by()  # the model's default ordering would add a third sort
        .values_list("user_id", "instrument_id", "total", "submitted_at", "from_start", "from_end", "sittings")
    )
    totals: dict[tuple[int, str], Totals] = {}
    for user_id, instrument_id, total, at, from_start, from_end, sittings in rows:
        entry = totals.setdefault((user_id, instrument_id), Totals(count=sittings))
        if from_start == 1:
            entry.first = total
        if from_end == 1:
            entry.latest, entry.latest_at = total, at
    return totals


def last_attempts(user_ids: list[int]) -> dict[int, datetime]:
    """Query 3: when each person last logged a ladder attempt."""
    if not user_ids:
        return {}
    rows = (
        Attempt.objects.filter(step__user_id__in=user_ids)
        .values("step__user_id")
        .annotate(last=Max("created_at"))
        .values_list("step__user_id", "last")
    )
    return dict(rows)


def checkin_facts(user_ids: list[int], today: date) -> dict[int, tuple[int, datetime | None]]:
    """Query 4 (once the checkin app exists): days checked in of the last 14, last check-in."""
    model = checkin_model()
    if model is None or not user_ids:
        return {}
    since = today - timedelta(days=ADHERENCE_DAYS - 1)
    rows = (
        model._default_manager.filter(user_id__in=user_ids)
        .values("user_id")
        .annotate(recent=Count("id", filter=Q(date__gte=since)), last=Max("created_at"))
        .values_list("user_id", "recent", "last")
    )
    return {user_id: (recent, last) for user_id, recent, last in rows}


def mastered_this_month(user_ids: list[int], today: date) -> Counter[int]:
    """Query 2: per person, steps whose mastery date falls in this month.

    The ladder's rule in SQL: an attempt qualifies when the feared outcome did not happen
    and the peak was at most 30 or at most half of what the step expected; a step is
    mastered on the date of its second qualifying attempt. So it was mastered this month
    when it had fewer than two qualifying attempts before the 1st and at least two now.
    A "mastered" override counts from the day it was set; "practising" never counts.
    """
    if not user_ids:
        return Counter()
    month_start = today.replace(day=1)
    qualifying = Q(attempts__feared_happened="no") & (
        Q(attempts__discomfort_peak__lte=CALM_PEAK)
        | Q(LessThanOrEqual(F("attempts__discomfort_peak") * 2, F("expected_discomfort")))
    )
    start_of_month = timezone.make_aware(datetime.combine(month_start, datetime.min.time()))
    # Only steps with a qualifying attempt this month can have been mastered this month.
    this_month = Attempt.objects.filter(
        step=OuterRef("pk"), happened_on__gte=month_start, feared_happened="no"
    )
    by_rule = (
        Step.objects.filter(user_id__in=user_ids, override="")
        .filter(Exists(this_month))
        .annotate(
            before=Count("attempts", filter=qualifying & Q(attempts__happened_on__lt=month_start)),
            total=Count("attempts", filter=qualifying),
        )
        .filter(before__lt=ATTEMPTS_NEEDED, total__gte=ATTEMPTS_NEEDED)
        .order_by()
        .values_list("user_id", flat=True)
    )
    chosen = Step.objects.filter(
        user_id__in=user_ids, override="mastered", override_at__gte=start_of_month
    ).values_list("user_id", flat=True)
    return Counter([*by_rule, *chosen])


def _score(iid: str, totals: Totals | None) -> Score | None:
    instrument = get_instrument(iid)
    if totals is None or totals.latest is None or totals.latest_at is None or instrument is None:
        return None
    change = None
    if totals.first is not None and totals.count > 1 and instrument.norms:
        change = reliable_change(
            totals.first,
            totals.latest,
            sd=instrument.norms.sd,
            reliability=instrument.norms.reliability,
            higher_is=instrument.scoring.higher_is,
        )
    return Score(iid, instrument.short_title, totals.latest, totals.latest_at, change)


def display_name(link: CareLink) -> str:
    profile = getattr(link.user, "profile", None)
    name = getattr(profile, "display_name", "") if profile is not None else ""
    return name or link.user.email or f"Client {link.pk}"


def roster_for(clinician: User) -> list[RosterRow]:
    """Every open client of the clinician with what they share (four or five queries).

    Each query asks only for the people who share that area, so nothing unshared is read.
    """
    links = roster_links(clinician)
    today = timezone.localdate()

    def sharing(area: str) -> list[int]:
        return [link.user_id for link in links if link.shares(area)]

    totals = roster_totals(sharing("assessments"))
    ladder_ids = sharing("ladder")
    mastered = mastered_this_month(ladder_ids, today)
    attempts = last_attempts(ladder_ids)
    checkins = checkin_facts(sharing("checkins"), today)
    base = reverse("care:clients")
    rows = []
    for link in links:
        row = RosterRow(link=link, name=display_name(link), url=f"{base}{link.pk}/")
        stamps: list[datetime | None] = []
        if link.assessments:
            row.scores = [
                s for iid in ROSTER_INSTRUMENTS if (s := _score(iid, totals.get((link.user_id, iid))))
            ]
            stamps += [s.latest_at for s in row.scores]
        if link.ladder:
            row.mastered_this_month = mastered.get(link.user_id, 0)
            stamps.append(attempts.get(link.user_id))
        if link.checkins and checkin_model() is not None:
            recent, last = checkins.get(link.user_id, (0, None))
            row.checkin_days = recent
            stamps.append(last)
        row.last_activity = max((s for s in stamps if s is not None), default=None)
        rows.append(row)
    return rows


def filter_rows(
    rows: list[RosterRow], *, verdict: str = "", quiet_since: datetime | None = None, shares: str = ""
) -> list[RosterRow]:
    """Filters run in memory: names are encrypted and the list is already in hand."""
    if verdict:
        rows = [row for row in rows if verdict in row.verdicts]
    if quiet_since is not None:
        rows = [row for row in rows if row.last_activity is None or row.last_activity < quiet_since]
    if shares:
        rows = [row for row in rows if row.link.shares(shares)]
    return rows

