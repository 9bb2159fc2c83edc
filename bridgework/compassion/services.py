"""Writes of the kindness area. Text is screened before the short transaction that saves it."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from bridgework.circle.models import Person
from bridgework.safety.services import screen_texts, screening_record
from bridgework.screening.crisis import Screening

from .acceptance import MonthShare, monthly_shares, previous_months
from .models import ACCEPTED_RESPONSES, Kindness, PracticeSession


def session_create(
    *,
    user: User,
    exercise: str,
    answer_1: str = "",
    answer_2: str = "",
    answer_3: str = "",
    harsh_before: int | None = None,
    harsh_after: int | None = None,
    date: dt.date | None = None,
) -> tuple[PracticeSession, Screening]:
    """Save one time through an exercise; saving is never blocked by the screening."""
    screening = screen_texts(answer_1, answer_2, answer_3)
    with transaction.atomic():
        session = PracticeSession.objects.create(
            user=user,
            exercise=exercise,
            date=date or timezone.localdate(),
            answer_1=answer_1,
            answer_2=answer_2,
            answer_3=answer_3,
            harsh_before=harsh_before,
            harsh_after=harsh_after,
        )
        screening_record(user=user, screening=screening, source="compassion.session")
    return session, screening


def kindness_create(
    *,
    user: User,
    date: dt.date,
    kind: str,
    what: str,
    response: str,
    person: Person | None = None,
    from_name: str = "",
) -> tuple[Kindness, Screening]:
    if person is not None and person.user_id != user.pk:
        person = None  # never link someone else's circle person
    screening = screen_texts(what, from_name)
    with transaction.atomic():
        kindness = Kindness.objects.create(
            user=user,
            date=date,
            kind=kind,
            what=what,
            response=response,
            person=person,
            from_name=from_name,
        )
        screening_record(user=user, screening=screening, source="compassion.kindness")
    return kindness, screening


def kindness_update(
    *,
    kindness: Kindness,
    date: dt.date,
    kind: str,
    what: str,
    response: str,
    person: Person | None = None,
    from_name: str = "",
) -> Screening:
    if person is not None and person.user_id != kindness.user_id:
        person = None
    screening = screen_texts(what, from_name)
    with transaction.atomic():
        kindness.date, kindness.kind, kindness.what = date, kind, what
        kindness.response, kindness.person, kindness.from_name = response, person, from_name
        kindness.save(
            update_fields=["date", "kind", "what", "response", "person", "from_name", "updated_at"]
        )
        screening_record(user=kindness.user, screening=screening, source="compassion.kindness")
    return screening


# -- reads -----------------------------------------------------------------------------


def acceptance_by_month_for(user: User, *, months: int = 6) -> list[MonthShare]:
    """Share of kindness accepted per calendar month over the last ``months`` (one query,
    an aggregate over the window: the cost does not grow with years of history)."""
    today = timezone.localdate()
    since = previous_months(today, months)[0]
    rows = (
        Kindness.objects.filter(user=user, date__gte=since)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(
            n_total=Count("id"), n_accepted=Count("id", filter=Q(response__in=ACCEPTED_RESPONSES))
        )
        .values_list("month", "n_total", "n_accepted")
    )
    return monthly_shares(rows, today=today, months=months)


def acceptance_recent_for(user: User, *, days: int = 28) -> tuple[int, int]:
    """(total, accepted) kindness entries of the last ``days`` days (one query)."""
    since = timezone.localdate() - dt.timedelta(days=days)
    counts = Kindness.objects.filter(user=user, date__gte=since).aggregate(
        total=Count("id"), accepted=Count("id", filter=Q(response__in=ACCEPTED_RESPONSES))
    )
    return counts["total"] or 0, counts["accepted"] or 0


def sessions_for(user: User, *, limit: int = 30) -> list[PracticeSession]:
    """The latest sessions, newest first, without their answers (nothing is decrypted)."""
    return list(
        PracticeSession.objects.filter(user=user).only(
            "id", "exercise", "date", "harsh_before", "harsh_after", "created_at"
        )[:limit]
    )
