"""Write paths of the help ladder, and the read models the pages share.

Every write that saves free text is screened for crisis language (never blocking the
save, and before the transaction); the view carries the result (``screening_carry``).
Validation lives in ``forms.py`` (built on the models' validators: ratings 0–100, no
future dates, text lengths); the views and the API bind the same forms and pass their
``cleaned_data`` here, so both reject exactly the same input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict, Unpack

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from bridgework.core.rawrows import Prepared, PreparedObjects
from bridgework.safety.services import screen_texts, screening_record
from bridgework.screening.crisis import Screening

from . import mastery
from .library import StepTemplate
from .models import Attempt, Override, Step

if TYPE_CHECKING:
    from bridgework.circle.models import Person

STEP_TEXT_FIELDS = ("what", "who", "feared_outcome")
STEP_FIELDS = (
    "what", "kind", "who", "person", "expected_discomfort", "feared_outcome", "feared_likelihood"
)
ATTEMPT_FIELDS = (
    "happened_on",
    "discomfort_before",
    "discomfort_peak",
    "discomfort_after",
    "feared_happened",
    "response",
    "what_happened",
    "learned",
)


# --------------------------------------------------------------------------- read models


@dataclass
class StepRow:
    step: Step
    status: mastery.Status
    attempt_count: int
    qualifying: int
    mastered_on: date | None
    is_next: bool = False

    @property
    def status_label(self) -> str:
        return mastery.STATUS_LABELS[self.status]


def mastered_on(step: Step, facts: list[mastery.AttemptFacts]) -> date | None:
    """When the step became mastered, by the person's choice or by the rule."""
    if step.override == Override.MASTERED:
        return timezone.localdate(step.override_at) if step.override_at else None
    if step.override == Override.PRACTISING:
        return None
    return mastery.rule_mastered_on(step.expected_discomfort, facts)


def _qualifying(prefix: str, expected: Any) -> Q:
    """``mastery.qualifies`` in SQL: calm (peak ≤ 30 or at most half the expected) and the
    feared outcome did not happen."""
    return Q(**{f"{prefix}feared_happened": "no"}) & (
        Q(**{f"{prefix}discomfort_peak__lte": mastery.CALM_PEAK})
        | Q(**{f"{prefix}discomfort_peak__lte": expected / 2})
    )


def ladder_rows_for(user: User) -> list[StepRow]:
    """The user's ladder in their order, with status and the next suggested step marked.

    One query whatever the number of attempts: the database counts each step's attempts
    and those that qualify, and finds the date of the one that completed mastery.
    """
    return _with_next([_counted_row(step) for step in _counted.objects(user.pk)])


def _with_next[Row: (StepRow, StepCounts)](rows: list[Row]) -> list[Row]:
    """``rows`` in ladder order, the next suggested one marked."""
    index = mastery.next_suggested([row.status for row in rows])
    if index is not None:
        rows[index].is_next = True
    return rows


def _counted_steps(user: User | int) -> QuerySet[Step]:
    """The user's steps in ladder order, each annotated with ``attempt_count``,
    ``qualifying`` and ``rule_mastered_on`` (the date mastery by the rule was reached)."""
    completing = (
        Attempt.objects.filter(step=OuterRef("pk"))
        .filter(_qualifying("", OuterRef("expected_discomfort")))
        .order_by("happened_on", "created_at", "id")
        .values("happened_on")[mastery.ATTEMPTS_NEEDED - 1 : mastery.ATTEMPTS_NEEDED]
    )
    return (
        Step.objects.filter(user=user)
        .annotate(
            attempt_count=Count("attempts"),
            qualifying=Count(
                "attempts", filter=_qualifying("attempts__", F("expected_discomfort"))
            ),
            rule_mastered_on=Subquery(completing),
        )
        # Meta.ordering does not apply to a GROUP BY query: say it again.
        .order_by("position", "expected_discomfort", "id")
    )


# The step's columns the home panel loads, for the next step and the latest attempt's
# step (its person and the feared outcome stay encrypted and unread: deferred, as
# .defer() would leave them).
_STEP_FIELDS = [f.attname for f in Step._meta.concrete_fields if f.name not in ("who", "feared_outcome")]
_COUNTS = ["attempt_count", "qualifying", "rule_mastered_on"]

# Built and compiled once per process (core.rawrows.Prepared): the ORM took ~7 ms to build
# this query for ~0.5 ms of SQL, on every home page whose ladder panel is computed again.
_next_suggested = Prepared(
    lambda user_id: _counted_steps(user_id)
    .exclude(override=Override.MASTERED)
    .filter(Q(override=Override.PRACTISING) | Q(qualifying__lt=mastery.ATTEMPTS_NEEDED))
    .values_list(*_STEP_FIELDS, *_COUNTS)[:1]
)


_step_count = Prepared(
    lambda user_id: Step.objects.filter(user=user_id)
    .values("user")
    .annotate(n=Count("pk"))
    .values_list("n")
)


def step_count_for(user: User) -> int:
    """How many steps the person's ladder has (one query, built once per process)."""
    rows = _step_count.rows(user.pk)
    return int(rows[0][0]) if rows else 0


def next_suggested_row_for(user: User) -> StepRow | None:
    """The next suggested step (the first in ladder order not mastered), found in SQL:
    one query, only that step's ``what`` decrypted."""
    rows = _next_suggested.rows(user.pk)
    if not rows:
        return None
    split = len(_STEP_FIELDS)
    step = Step.from_db(Step.objects.db, _STEP_FIELDS, rows[0][:split])
    for name, value in zip(_COUNTS, rows[0][split:], strict=True):
        setattr(step, name, value)
    row = _counted_row(step)
    row.is_next = True
    return row


# Built once per process (core.rawrows.PreparedObjects): the ORM took ~5 ms to build the
# counting query, on every ladder page rendered from the database.
_counted = PreparedObjects(lambda user_id: _counted_steps(user_id))


@dataclass
class StepCounts:
    """A step's place on the ladder without the step itself: what the database counted."""

    pk: int
    status: mastery.Status
    attempt_count: int
    qualifying: int
    mastered_on: date | None
    is_next: bool = False


# The counts of every step as plain rows (built once per process): the ladder page lists
# the steps still to practise and the latest few mastered, and only counts the others, so
# it makes no model instance for them (at five years of history most steps are mastered).
_counted_plain = Prepared(
    lambda user_id: _counted_steps(user_id).values_list("pk", "override", "override_at", *_COUNTS)
)


def ladder_counts_for(user: User) -> list[StepCounts]:
    """Every step of the person's ladder in their order as ``StepCounts``, the next
    suggested one marked: one query, no step read or decrypted (``ladder_rows_for``'s
    statuses without its model instances)."""
    return _with_next([_step_counts(*row) for row in _counted_plain.rows(user.pk)])


def _step_counts(
    pk: int,
    override: str,
    override_at: datetime | None,
    counted: int,
    qualifying: int,
    rule_mastered_on: Any,
) -> StepCounts:
    """A step's status from what ``_counted_steps`` counted (as plain rows or annotations)."""
    return StepCounts(
        pk=pk,
        status=mastery.status_from_counts(counted, qualifying, override),
        attempt_count=counted,
        qualifying=qualifying,
        mastered_on=counted_mastered_on(override, override_at, rule_mastered_on),
    )


def _row(step: Step, counts: StepCounts) -> StepRow:
    return StepRow(
        step=step,
        status=counts.status,
        attempt_count=counts.attempt_count,
        qualifying=counts.qualifying,
        mastered_on=counts.mastered_on,
        is_next=counts.is_next,
    )


def rows_of(user: User, counts: list[StepCounts]) -> list[StepRow]:
    """``StepRow``s for ``counts`` (some of ``ladder_counts_for``'s), in the same order:
    one query for those steps (their text decrypted; the feared outcome left unread). A
    step deleted in between (another tab) is left out."""
    steps = Step.objects.filter(user=user, pk__in=[row.pk for row in counts]).defer("feared_outcome")
    by_pk = {step.pk: step for step in steps}
    return [_row(by_pk[row.pk], row) for row in counts if row.pk in by_pk]


def _counted_row(step: Step) -> StepRow:
    """A row from a step annotated by ``_counted_steps``."""
    counts = _step_counts(
        step.pk,
        step.override,
        step.override_at,
        step.attempt_count,  # type: ignore[attr-defined]
        step.qualifying,  # type: ignore[attr-defined]
        step.rule_mastered_on,  # type: ignore[attr-defined]
    )
    return _row(step, counts)


def counted_mastered_on(override: str, override_at: datetime | None, rule_mastered_on: Any) -> Any:
    """When a step counted by ``_counted_steps`` became mastered: the day of the person's
    choice (in their time zone), or ``rule_mastered_on`` as the query gave it (a date
    from the ORM, its ISO text from plain rows)."""
    if override == Override.MASTERED:
        return timezone.localdate(override_at) if override_at else None
    if override == Override.PRACTISING:
        return None
    return rule_mastered_on


def step_row_counted(step: Step) -> StepRow:
    """``step_row`` for a page: the database counts the attempts (one query, nothing read
    or decrypted, whatever the history)."""
    counted = _counted_steps(step.user_id).filter(pk=step.pk).defer(*STEP_TEXT_FIELDS).get()
    row = _counted_row(counted)
    row.step = step
    return row


def step_attempts(step: Step) -> QuerySet[Attempt]:
    """A step's attempts, newest first, without their (encrypted) text: page it."""
    return step.attempts.defer("what_happened", "learned").order_by(
        "-happened_on", "-created_at", "-id"
    )


def step_row(step: Step) -> StepRow:
    """The step's row from its attempts in Python (reads every attempt; see
    ``step_row_counted`` for pages)."""
    facts = [attempt.facts() for attempt in step.attempts.all()]
    return StepRow(
        step=step,
        status=mastery.step_status(step.expected_discomfort, facts, step.override),
        attempt_count=len(facts),
        qualifying=mastery.qualifying_count(step.expected_discomfort, facts),
        mastered_on=mastered_on(step, facts),
    )


def next_step_row_for(user: User) -> StepRow | None:
    return next((row for row in ladder_rows_for(user) if row.is_next), None)


# --------------------------------------------------------------------------- steps


def _screen_step(step: Step) -> Screening:
    return screen_texts(*(getattr(step, name) for name in STEP_TEXT_FIELDS))


def _renumber(steps: list[Step]) -> None:
    changed = []
    for index, step in enumerate(steps):
        if step.position != index:
            step.position = index
            if step.pk is not None:  # a new step gets its position when it is saved
                changed.append(step)
    if changed:
        Step.objects.bulk_update(changed, ["position"])


def _ordered_for_positions(user: User) -> list[Step]:
    # only() leaves the encrypted columns deferred, so nothing is decrypted for a reorder.
    return list(
        Step.objects.filter(user=user).only("id", "position", "expected_discomfort").select_for_update()
    )


def _check_person(user: User, person: Person | None) -> None:
    # The form only offers the user's own circle; this guards other callers.
    if person is not None and person.user_id != user.pk:
        raise ValueError("A step can only name someone from the same user's circle")


def step_create(
    *,
    user: User,
    what: str,
    kind: str,
    expected_discomfort: int,
    feared_likelihood: int,
    who: str = "",
    feared_outcome: str = "",
    template_slug: str = "",
    person: Person | None = None,
) -> tuple[Step, Screening]:
    """Add a step (from ``StepForm.cleaned_data``), slotted into the ladder before the
    first step that is expected to be harder."""
    _check_person(user, person)
    step = Step(
        user=user,
        what=what,
        kind=kind,
        who=who,
        person=person,
        expected_discomfort=expected_discomfort,
        feared_outcome=feared_outcome,
        feared_likelihood=feared_likelihood,
        template_slug=template_slug,
    )
    screening = _screen_step(step)
    with transaction.atomic():
        existing = _ordered_for_positions(user)
        index = next(
            (i for i, other in enumerate(existing) if other.expected_discomfort > step.expected_discomfort),
            len(existing),
        )
        _renumber(existing[:index] + [step] + existing[index:])
        step.save()
        screening_record(user=user, screening=screening, source="ladder.step")
    return step, screening


def step_adopt(*, user: User, template: StepTemplate) -> tuple[Step, Screening]:
    """Copy a library template into the user's ladder; they can edit it afterwards."""
    return step_create(
        user=user,
        what=template.what,
        kind=template.kind,
        who="",
        expected_discomfort=template.discomfort,
        feared_outcome=template.feared_outcome,
        feared_likelihood=template.feared_likelihood,
        template_slug=template.slug,
    )


def step_update(
    *,
    step: Step,
    what: str,
    kind: str,
    expected_discomfort: int,
    feared_likelihood: int,
    who: str = "",
    feared_outcome: str = "",
    person: Person | None = None,
) -> tuple[Step, Screening]:
    """Change a step's own fields (from ``StepForm.cleaned_data``). Its attempts are
    untouched, whatever changes."""
    _check_person(step.user, person)
    step.what, step.kind, step.who, step.person = what, kind, who, person
    step.expected_discomfort, step.feared_likelihood = expected_discomfort, feared_likelihood
    step.feared_outcome = feared_outcome
    screening = _screen_step(step)
    with transaction.atomic():
        step.save(update_fields=[*STEP_FIELDS, "updated_at"])
        screening_record(user=step.user, screening=screening, source="ladder.step")
    return step, screening


@transaction.atomic
def step_delete(*, step: Step) -> int:
    """Delete a step and its attempts; return how many attempts went with it."""
    count = step.attempts.count()
    user = step.user
    step.delete()
    _renumber(_ordered_for_positions(user))
    return count


@transaction.atomic
def step_move(*, step: Step, direction: Literal["up", "down"]) -> None:
    """Swap a step with its neighbour in the user's ladder (no-op at either end)."""
    steps = _ordered_for_positions(step.user)
    index = next(i for i, other in enumerate(steps) if other.pk == step.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(steps):
        steps[index], steps[target] = steps[target], steps[index]
    _renumber(steps)


@transaction.atomic
def ladder_sort_by_discomfort(*, user: User) -> None:
    """Put the ladder back in order of expected discomfort (undoes manual reordering)."""
    steps = _ordered_for_positions(user)
    _renumber(sorted(steps, key=lambda s: (s.expected_discomfort, s.position, s.pk)))


def step_override_set(*, step: Step, choice: str) -> None:
    """Record the person's own call: "mastered", "practising", or "" to follow the rule."""
    step.override = Override(choice)  # ValueError for anything else
    step.override_at = timezone.now() if choice else None
    step.save(update_fields=["override", "override_at", "updated_at"])


# --------------------------------------------------------------------------- attempts


def _screen_attempt(attempt: Attempt) -> Screening:
    return screen_texts(attempt.what_happened, attempt.learned)


class AttemptFields(TypedDict):
    """What a person writes about one try (``AttemptForm.cleaned_data``)."""

    happened_on: date
    discomfort_before: int
    discomfort_peak: int
    discomfort_after: int
    feared_happened: str
    response: str
    what_happened: NotRequired[str]
    learned: NotRequired[str]


def attempt_log(*, step: Step, **fields: Unpack[AttemptFields]) -> tuple[Attempt, Screening]:
    """Log a try at ``step``."""
    return _attempt_save(Attempt(step=step), fields)


def attempt_update(*, attempt: Attempt, **fields: Unpack[AttemptFields]) -> tuple[Attempt, Screening]:
    """Change an attempt."""
    return _attempt_save(attempt, fields)


def _attempt_save(attempt: Attempt, fields: AttemptFields) -> tuple[Attempt, Screening]:
    attempt.what_happened = attempt.learned = ""  # left out means empty
    for name, value in fields.items():
        setattr(attempt, name, value)
    screening = _screen_attempt(attempt)
    with transaction.atomic():
        if attempt.pk is None:
            attempt.save()
        else:
            attempt.save(update_fields=[*ATTEMPT_FIELDS, "updated_at"])
        screening_record(user=attempt.step.user, screening=screening, source="ladder.attempt")
    return attempt, screening


def attempt_delete(*, attempt: Attempt) -> None:
    attempt.delete()


# --------------------------------------------------------------------------- reflection


@dataclass(frozen=True)
class Reflection:
    """Prediction beside reality for one attempt, plus where the step now stands."""

    attempt: Attempt
    step: Step
    expected: int
    peak: int
    difference: int  # expected minus peak: positive when it was easier than feared
    feared_likelihood: int
    counts: bool
    row: StepRow
    next_row: StepRow | None

    @property
    def easier(self) -> bool:
        return self.difference > 0

    @property
    def harder(self) -> bool:
        return self.difference < 0

    @property
    def abs_difference(self) -> int:
        return abs(self.difference)

    @property
    def still_needed(self) -> int:
        return max(0, mastery.ATTEMPTS_NEEDED - self.row.qualifying)


def attempt_reflection(attempt: Attempt) -> Reflection:
    step = attempt.step
    row = step_row(step)
    next_row = None
    if row.status == "mastered":
        next_row = next_step_row_for(step.user)
    return Reflection(
        attempt=attempt,
        step=step,
        expected=step.expected_discomfort,
        peak=attempt.discomfort_peak,
        difference=step.expected_discomfort - attempt.discomfort_peak,
        feared_likelihood=step.feared_likelihood,
        counts=mastery.qualifies(attempt.facts(), step.expected_discomfort),
        row=row,
        next_row=next_row,
    )


# The columns of the latest attempt and its step that the home panel loads; the rest of
# the free text stays encrypted and unread (deferred).
_LAST_ATTEMPT_FIELDS = [
    f.attname for f in Attempt._meta.concrete_fields if f.name not in ("what_happened", "learned")
]

_last_attempt = Prepared(
    lambda user_id: Attempt.objects.filter(step__user=user_id)
    .order_by("-happened_on", "-created_at", "-id")
    .values_list(*_LAST_ATTEMPT_FIELDS, *(f"step__{name}" for name in _STEP_FIELDS))[:1]
)


def last_attempt_for(user: User) -> Attempt | None:
    """The latest attempt with its step's ``what``; the other free text is left encrypted
    (reading it costs a query). One query, built once per process (``core.rawrows.Prepared``)."""
    rows = _last_attempt.rows(user.pk)
    if not rows:
        return None
    split = len(_LAST_ATTEMPT_FIELDS)
    db = Attempt.objects.db
    attempt = Attempt.from_db(db, _LAST_ATTEMPT_FIELDS, rows[0][:split])
    attempt.step = Step.from_db(db, _STEP_FIELDS, rows[0][split:])
    return attempt
