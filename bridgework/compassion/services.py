"""Writes of the kindness area. Text is screened before the short transaction that saves it."""

from __future__ import annotations

import datetime as dt
from typing import NotRequired, TypedDict, Unpack

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from bridgework.circle.models import Person
from bridgework.core.rawrows import Prepared
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


class KindnessFields(TypedDict):
    """One piece of kindness noted (``KindnessForm.cleaned_data``)."""

    date: dt.date
    kind: str
    what: str
    response: str
    person: NotRequired[Person | None]
    from_name: NotRequired[str]


KINDNESS_FIELDS = ["date", "kind", "what", "response", "person", "from_name"]


def _kindness_save(
    kindness: Kindness, fields: KindnessFields, *, update_fields: list[str] | None
) -> tuple[Kindness, Screening]:
    person = fields.get("person")
    if person is not None and person.user_id != kindness.user_id:
        person = None  # never link someone else's circle person
    kindness.date, kindness.kind = fields["date"], fields["kind"]
    kindness.what, kindness.response = fields["what"], fields["response"]
    kindness.person, kindness.from_name = person, fields.get("from_name", "")
    screening = screen_texts(kindness.what, kindness.from_name)
    with transaction.atomic():
        kindness.save(update_fields=update_fields)
        screening_record(user=kindness.user, screening=screening, source="compassion.kindness")
    return kindness, screening


def kindness_create(*, user: User, **fields: Unpack[KindnessFields]) -> tuple[Kindness, Screening]:
    return _kindness_save(Kindness(user=user), fields, update_fields=None)


def kindness_update(
    *, kindness: Kindness, **fields: Unpack[KindnessFields]
) -> tuple[Kindness, Screening]:
    return _kindness_save(kindness, fields, update_fields=[*KINDNESS_FIELDS, "updated_at"])


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
    counted = _acceptance_since.rows(user.pk, since)
    return (counted[0][1], counted[0][2]) if counted else (0, 0)


# Built once per process (core.rawrows.Prepared): for the home panel and the kindness page.
_acceptance_since = Prepared(
    lambda user_id, since: Kindness.objects.filter(user_id=user_id, date__gte=since)
    .order_by()
    .values_list("user_id")
    .annotate(total=Count("id"), taken=Count("id", filter=Q(response__in=ACCEPTED_RESPONSES))),
    dates=1,
)


def sessions_for(user: User, *, limit: int = 30) -> list[PracticeSession]:
    """The latest sessions, newest first, without their answers (nothing is decrypted)."""
    return list(
        PracticeSession.objects.filter(user=user).only(
            "id", "exercise", "date", "harsh_before", "harsh_after", "created_at"
        )[:limit]
    )
