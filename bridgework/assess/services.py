"""Write paths for assessments: saving answers, submitting, and the safety record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet, Subquery
from django.utils import timezone

from bridgework.core.rawrows import PreparedObjects
from bridgework.safety.services import screening_record
from bridgework.screening.crisis import Screening

from .instruments import Instrument
from .models import Response, Sitting
from .scoring import Score, flagged_items, score


class AlreadySubmitted(ValueError):
    """The sitting was submitted meanwhile (e.g. a double-clicked Submit)."""


@dataclass(frozen=True)
class SaveResult:
    sitting: Sitting
    score: Score | None
    # True when this save raised a safety flag that had not been raised before.
    newly_flagged: bool
    # A crisis level whenever the answers saved include a flagged one (PHQ-9 item 9 above
    # zero): the view carries it so the help shows after the save; "none" otherwise.
    screening: Screening = Screening(level="none")


def sitting_start(*, user: User, instrument: Instrument) -> Sitting:
    """Resume the user's unfinished sitting of this instrument, or start a new one."""
    draft = (
        Sitting.objects.filter(
            user=user, instrument_id=instrument.id, submitted_at__isnull=True
        )
        .order_by("-started_at")
        .first()
    )
    if draft is not None:
        return draft
    return Sitting.objects.create(
        user=user, instrument_id=instrument.id, instrument_version=instrument.version
    )


def safety_level(instrument: Instrument, responses: Mapping[str, int | None]) -> str:
    # A flagged item answered at the top of its scale is treated as urgent.
    for item_id in flagged_items(instrument, responses):
        if responses.get(item_id) == instrument.max_value:
            return "urgent"
    return "concern"


@transaction.atomic
def sitting_save(
    *,
    sitting: Sitting,
    instrument: Instrument,
    responses: Mapping[str, int | None],
    submit: bool,
) -> SaveResult:
    """Store the answers given so far; with ``submit`` also score and close the sitting.

    ``responses`` must already be valid values for this instrument (the form checks).
    A flagged answer is recorded as a ``ScreeningEvent`` once per sitting — whether it
    was given on a pause or at submission — and never stops the save.
    """
    # Lock the sitting and re-read its state: two requests for one sitting (a double
    # click) must not both insert the same answers or both submit.
    submitted_at = (
        Sitting.objects.select_for_update()
        .filter(pk=sitting.pk)
        .values_list("submitted_at", flat=True)
        .get()
    )
    if sitting.is_submitted or submitted_at is not None:
        raise AlreadySubmitted("a submitted assessment cannot be changed")
    existing = {row.item_id: row for row in sitting.responses.all()}
    to_create, to_update = [], []
    for item in instrument.items:
        if item.id not in responses:
            continue
        value = responses[item.id]
        row = existing.get(item.id)
        if row is None:
            to_create.append(Response(sitting=sitting, item_id=item.id, value=value))
        elif row.value != value:
            row.value = value
            to_update.append(row)
    Response.objects.bulk_create(to_create)
    Response.objects.bulk_update(to_update, ["value"])

    answers = {row.item_id: row.value for row in existing.values()} | dict(responses)
    update_fields = ["updated_at"]
    newly_flagged = False
    screening = Screening(level="none")
    if flagged_items(instrument, answers):
        screening = Screening(level=safety_level(instrument, answers))  # type: ignore[arg-type]
        if not sitting.flagged:
            # Recorded once per sitting, whether on a pause or at submission.
            screening_record(
                user=sitting.user, screening=screening, source=f"assess.{instrument.id}"
            )
            sitting.flagged = newly_flagged = True
            update_fields.append("flagged")

    result = None
    if submit:
        result = score(instrument, answers)
        sitting.submitted_at = timezone.now()
        sitting.total = result.total
        sitting.band = result.band.label if result.band else ""
        sitting.subscales = result.subscales
        sitting.prorated = result.prorated
        update_fields += ["submitted_at", "total", "band", "subscales", "prorated"]
    sitting.save(update_fields=update_fields)
    return SaveResult(
        sitting=sitting,
        score=result,
        newly_flagged=newly_flagged,
        screening=screening,
    )


# --------------------------------------------------------------------------- reads


def latest_sittings_for(user: User) -> tuple[dict[str, Sitting], dict[str, Sitting]]:
    """(instrument id → latest submitted sitting, instrument id → unfinished sitting).

    One query whatever the history, built once per process: for each questionnaire the
    newest submitted sitting (by submission, as the home panel and the results pages
    count it) and the newest unfinished one, each found through the index on (person,
    questionnaire, submission time) — a few index steps each, not a pass over every
    sitting ever taken (a window over all of them grew with the years)."""
    latest: dict[str, Sitting] = {}
    drafts: dict[str, Sitting] = {}
    for sitting in _newest_sittings.objects(user.pk):
        (latest if sitting.is_submitted else drafts)[sitting.instrument_id] = sitting
    return latest, drafts


def _newest_per_instrument(user_id: int, *, unfinished: bool) -> list[QuerySet[Sitting, Any]]:
    """For each questionnaire, the query of the newest submitted sitting's id (and, with
    ``unfinished``, of the newest unfinished one's): each a few steps of the (person,
    questionnaire, submission) index, whatever the history."""
    from .instruments import all_instruments

    newest = []
    for instrument_id in sorted(all_instruments()):
        mine = Sitting.objects.filter(user_id=user_id, instrument_id=instrument_id)
        newest.append(
            mine.filter(submitted_at__isnull=False).order_by("-submitted_at", "-id").values("pk")[:1]
        )
        if unfinished:
            newest.append(
                mine.filter(submitted_at__isnull=True).order_by("-started_at", "-id").values("pk")[:1]
            )
    return newest


def _newest_sittings_query(user_id: int) -> QuerySet[Sitting]:
    newest = _newest_per_instrument(user_id, unfinished=True)
    return Sitting.objects.filter(user_id=user_id, pk__in=[Subquery(query) for query in newest])


_newest_sittings = PreparedObjects(_newest_sittings_query)


def submitted_sittings_for(user: User, *, instrument_id: str) -> QuerySet[Sitting]:
    """The user's submitted sittings of one instrument, newest first: page it."""
    return Sitting.objects.filter(
        user=user, instrument_id=instrument_id, submitted_at__isnull=False
    ).order_by("-submitted_at", "-id")


def latest_submitted_for(user: User) -> list[Sitting]:
    """Each instrument's most recently submitted sitting, the most recent first.

    One query whatever the history (each questionnaire's newest through the index, as
    ``latest_sittings_for``), for the home panel; built once per process (``core.rawrows.PreparedObjects``: the ORM took
    ~4 ms to build it, the database a fraction of that to run it)."""
    return _latest_submitted.objects(user.pk)


_latest_submitted = PreparedObjects(
    lambda user_id: Sitting.objects.filter(
        user_id=user_id, pk__in=[Subquery(query) for query in _newest_per_instrument(user_id, unfinished=False)]
    ).order_by("-submitted_at", "-id")
)
