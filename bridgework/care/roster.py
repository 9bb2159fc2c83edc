"""The clinician's client list: a fixed number of queries whatever the number of clients.

1. the open links with the people's profiles, and per shared area correlated subqueries
   for the first and latest PHQ-9, GAD-7 and PSS-10 totals, the latest activity and the
   check-in days of the last 14 days (one SQL statement);
2. steps mastered this month, grouped by person (one statement: the mastery rule in SQL);
3. one insert for the audit rows (each person sees that their line was shown).

Nothing of an area the person does not share is even selected: every subquery sits in a
``CASE WHEN <area shared>``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from bridgework.assess.instruments import get_instrument
from bridgework.assess.models import Administration
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

    @property
    def verdicts(self) -> set[str]:
        return {s.change.verdict for s in self.scores if s.change is not None}

    @property
    def adherence_percent(self) -> int | None:
        if self.checkin_days is None:
            return None
        return round(100 * self.checkin_days / ADHERENCE_DAYS)


def _sittings(instrument_id: str) -> Any:
    return Administration.objects.filter(
        user=OuterRef("user_id"), instrument_id=instrument_id, submitted_at__isnull=False
    )


def _when(shared: str, subquery: Any, output: Any) -> Case:
    return Case(When(**{shared: True}, then=subquery), default=Value(None), output_field=output)


def roster_links(clinician: User) -> Any:
    """Query 1: the clinician's open links, annotated only with what each person shares."""
    annotations: dict[str, Any] = {}
    for iid in ROSTER_INSTRUMENTS:
        latest = _sittings(iid).order_by("-submitted_at", "-id")
        first = _sittings(iid).order_by("submitted_at", "id")
        annotations[f"{iid}_latest"] = _when(
            "assessments", Subquery(latest.values("total")[:1]), FloatField()
        )
        annotations[f"{iid}_latest_at"] = _when(
            "assessments", Subquery(latest.values("submitted_at")[:1]), DateTimeField()
        )
        annotations[f"{iid}_first"] = _when(
            "assessments", Subquery(first.values("total")[:1]), FloatField()
        )
        annotations[f"{iid}_count"] = _when(
            "assessments",
            Subquery(
                _sittings(iid).order_by().values("user").annotate(n=Count("id")).values("n")[:1]
            ),
            IntegerField(),
        )
    annotations["ladder_last"] = _when(
        "ladder",
        Subquery(
            Attempt.objects.filter(step__user=OuterRef("user_id"))
            .order_by("-created_at")
            .values("created_at")[:1]
        ),
        DateTimeField(),
    )
    model = checkin_model()
    if model is not None:
        since = timezone.localdate() - timedelta(days=ADHERENCE_DAYS - 1)
        checkins = model._default_manager.filter(user=OuterRef("user_id"))
        annotations["checkin_days"] = _when(
            "checkins",
            Coalesce(
                Subquery(
                    checkins.filter(date__gte=since)
                    .order_by()
                    .values("user")
                    .annotate(n=Count("id"))
                    .values("n")[:1]
                ),
                Value(0),
            ),
            IntegerField(),
        )
        annotations["checkin_last"] = _when(
            "checkins",
            Subquery(checkins.order_by("-created_at").values("created_at")[:1]),
            DateTimeField(),
        )
    return (
        CareLink.objects.filter(clinician=clinician, ended_at__isnull=True)
        .select_related("user", "user__profile")
        .annotate(**annotations)
        .order_by("created_at", "id")
    )


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
    by_rule = (
        Step.objects.filter(user_id__in=user_ids, override="")
        .annotate(
            before=Count("attempts", filter=qualifying & Q(attempts__happened_on__lt=month_start)),
            total=Count("attempts", filter=qualifying),
        )
        .filter(before__lt=ATTEMPTS_NEEDED, total__gte=ATTEMPTS_NEEDED)
        .values_list("user_id", flat=True)
    )
    chosen = Step.objects.filter(
        user_id__in=user_ids, override="mastered", override_at__gte=start_of_month
    ).values_list("user_id", flat=True)
    return Counter([*by_rule, *chosen])


def _score(row: CareLink, iid: str) -> Score | None:
    latest = getattr(row, f"{iid}_latest", None)
    instrument = get_instrument(iid)
    if latest is None or instrument is None:
        return None
    first = getattr(row, f"{iid}_first", None)
    change = None
    if first is not None and (getattr(row, f"{iid}_count", 0) or 0) > 1 and instrument.norms:
        change = reliable_change(
            first,
            latest,
            sd=instrument.norms.sd,
            reliability=instrument.norms.reliability,
            higher_is=instrument.scoring.higher_is,
        )
    return Score(iid, instrument.short_title, latest, getattr(row, f"{iid}_latest_at"), change)


def display_name(link: CareLink) -> str:
    profile = getattr(link.user, "profile", None)
    name = getattr(profile, "display_name", "") if profile is not None else ""
    return name or link.user.email or f"Client {link.pk}"


def roster(clinician: User) -> list[RosterRow]:
    """Every open client of the clinician with what they share (two queries)."""
    links = list(roster_links(clinician))
    ladder_users = [link.user_id for link in links if link.ladder]
    mastered = mastered_this_month(ladder_users, timezone.localdate())
    rows = []
    for link in links:
        row = RosterRow(link=link, name=display_name(link))
        row.scores = [s for iid in ROSTER_INSTRUMENTS if (s := _score(link, iid)) is not None]
        if link.ladder:
            row.mastered_this_month = mastered.get(link.user_id, 0)
        if link.checkins and hasattr(link, "checkin_days"):
            row.checkin_days = link.checkin_days
        stamps: list[datetime | None] = [s.latest_at for s in row.scores]
        stamps += [getattr(link, "ladder_last", None), getattr(link, "checkin_last", None)]
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

