"""The reciprocity ledger's arithmetic and its gentle observations. Pure: no Django import.

The app only ever *notices*; it never judges. Each observation is a short, dismissible
note computed from plain data by the functions below, and every threshold is a named
constant with the reason for its value.

Weights: a small exchange counts 1, a medium one 2 and a large one 3, so "balance" is
roughly "how much", not "how many". Balance = received − given: a negative balance means
the person has been giving more than receiving.

Observations (all dates are the user's local dates; "today" is passed in):

- **Over-giving** (``over-giving``): in the last ``OVER_GIVING_WINDOW_DAYS`` days
  (8 weeks, today included) the weight given is at least ``OVER_GIVING_MIN_GIVEN`` *and*
  at least ``OVER_GIVING_RATIO`` times the weight received. The minimum keeps two or
  three favours from ever counting as a pattern.
- **Drifting** (``drifting:<person id>``): someone in the close ring with nothing logged
  for ``DRIFT_DAYS`` days or more (4 weeks), counting from the last exchange with them,
  or from the day they were added if there is none yet.
- **Receiving is getting easier** (``receiving-easier``): among the last
  ``EASIER_LOOKBACK`` received exchanges that have a discomfort score (at least
  ``EASIER_MIN_RECEIVED`` of them), the later half's average discomfort is at least
  ``EASIER_MIN_DROP`` points below the earlier half's (with an odd count, the middle one
  is left out).

A dismissed observation stays hidden for ``DISMISS_DAYS`` days; if it is still true after
that, it may be shown once more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

RINGS = ("close", "middle", "outer")
KINDS = ("listening", "practical", "information", "company")
# Letters mark support types on the map, so they never rely on colour alone.
KIND_LETTERS = {"listening": "L", "practical": "P", "information": "I", "company": "C"}
SIZES = ("small", "medium", "large")
SIZE_WEIGHTS = {"small": 1, "medium": 2, "large": 3}

OVER_GIVING_WINDOW_DAYS = 56
OVER_GIVING_MIN_GIVEN = 6
OVER_GIVING_RATIO = 3
DRIFT_DAYS = 28
EASIER_LOOKBACK = 10
EASIER_MIN_RECEIVED = 4
EASIER_MIN_DROP = 10.0
DISMISS_DAYS = 56


@dataclass(frozen=True)
class ExchangeFact:
    person_id: int | None
    direction: str  # "gave" or "received"
    size: str
    occurred_on: date
    discomfort: int | None = None

    @property
    def weight(self) -> int:
        return SIZE_WEIGHTS.get(self.size, 1)


@dataclass(frozen=True)
class PersonFact:
    id: int
    name: str
    ring: str
    added_on: date


@dataclass(frozen=True)
class Observation:
    key: str
    title: str
    text: str
    person_id: int | None = None


@dataclass(frozen=True)
class Tally:
    given: int = 0
    received: int = 0
    count: int = 0

    @property
    def balance(self) -> int:
        return self.received - self.given

    def add(self, fact: ExchangeFact) -> Tally:
        if fact.direction == "gave":
            return Tally(self.given + fact.weight, self.received, self.count + 1)
        return Tally(self.given, self.received + fact.weight, self.count + 1)


@dataclass(frozen=True)
class WeekRow:
    start: date  # the Monday of the week
    given: int
    received: int
    running_balance: int  # received − given over all time up to the end of this week


def _in_last_days(day: date, today: date, days: int) -> bool:
    return today - timedelta(days=days - 1) <= day <= today


def tally(exchanges: Iterable[ExchangeFact]) -> Tally:
    total = Tally()
    for fact in exchanges:
        total = total.add(fact)
    return total


def tallies_by_person(exchanges: Iterable[ExchangeFact]) -> dict[int | None, Tally]:
    """Given and received weight per person id (``None``: people since removed)."""
    result: dict[int | None, Tally] = {}
    for fact in exchanges:
        result[fact.person_id] = result.get(fact.person_id, Tally()).add(fact)
    return result


def weekly_balance(
    exchanges: Iterable[ExchangeFact], today: date, weeks: int = 12, *, opening: Tally | None = None
) -> list[WeekRow]:
    """One row per week (Monday to Sunday) for the last ``weeks`` weeks, this one last.

    The running balance includes everything before the first week shown, so the line
    continues from wherever the person already was: ``opening`` is that balance when the
    caller added up the earlier exchanges already (then pass only the weeks shown).
    """
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    per_week = [Tally() for _ in range(weeks)]
    before = opening or Tally()
    for fact in exchanges:
        if fact.occurred_on < first:
            before = before.add(fact)
        elif fact.occurred_on <= today:
            index = (fact.occurred_on - first).days // 7
            per_week[index] = per_week[index].add(fact)
    rows = []
    running = before.balance
    for index, week in enumerate(per_week):
        running += week.balance
        rows.append(WeekRow(first + timedelta(weeks=index), week.given, week.received, running))
    return rows


def over_giving(exchanges: Iterable[ExchangeFact], today: date) -> Observation | None:
    recent = tally(
        fact
        for fact in exchanges
        if _in_last_days(fact.occurred_on, today, OVER_GIVING_WINDOW_DAYS)
    )
    if recent.given < OVER_GIVING_MIN_GIVEN or recent.given < OVER_GIVING_RATIO * recent.received:
        return None
    return Observation(
        key="over-giving",
        title="You have been giving a lot more than you receive",
        text=(
            f"Over the last 8 weeks you logged {recent.given} points of giving and "
            f"{recent.received} of receiving (small 1, medium 2, large 3). Giving is "
            "generous. When it far outweighs receiving for a long time, it can also be a "
            "way of staying the one who never needs anything. Is there one small thing you "
            "could let someone do for you this week?"
        ),
    )


def drifting(
    people: Iterable[PersonFact], exchanges: Iterable[ExchangeFact], today: date
) -> list[Observation]:
    """Close-ring people with nothing logged for ``DRIFT_DAYS`` days, longest gap first."""
    last_contact: dict[int, date] = {}
    for fact in exchanges:
        if fact.person_id is not None and fact.occurred_on <= today:
            seen = last_contact.get(fact.person_id)
            if seen is None or fact.occurred_on > seen:
                last_contact[fact.person_id] = fact.occurred_on
    found: list[tuple[int, PersonFact]] = []
    for person in people:
        if person.ring != "close":
            continue
        since = last_contact.get(person.id, person.added_on)
        gap = (today - since).days
        if gap >= DRIFT_DAYS:
            found.append((gap, person))
    found.sort(key=lambda item: (-item[0], item[1].name.casefold(), item[1].id))
    return [
        Observation(
            key=f"drifting:{person.id}",
            title=f"It has been a while since anything with {person.name}",
            text=(
                f"Nothing logged with {person.name} for {gap // 7} weeks. Closeness can "
                "fade quietly, or get pushed away just as it grows. If you would like to, "
                "a short message is enough. If you have simply not logged it, let this go."
            ),
            person_id=person.id,
        )
        for gap, person in found
    ]


def receiving_easier(exchanges: Iterable[ExchangeFact]) -> Observation | None:
    scored = sorted(
        (
            fact
            for fact in exchanges
            if fact.direction == "received" and fact.discomfort is not None
        ),
        key=lambda fact: fact.occurred_on,
    )[-EASIER_LOOKBACK:]
    if len(scored) < EASIER_MIN_RECEIVED:
        return None
    half = len(scored) // 2
    earlier = [fact.discomfort or 0 for fact in scored[:half]]
    later = [fact.discomfort or 0 for fact in scored[len(scored) - half :]]
    before, after = sum(earlier) / half, sum(later) / half
    if before - after < EASIER_MIN_DROP:
        return None
    caveat = ""
    if len(scored) < 8:
        caveat = " It is a handful of entries, so take it as a hint, not a measurement."
    return Observation(
        key="receiving-easier",
        title="Receiving seems to be getting easier",
        text=(
            f"Across the last {len(scored)} times you received something, how uncomfortable "
            f"it felt went from about {before:.0f} to about {after:.0f} out of 100. That is "
            f"practice doing its work.{caveat}"
        ),
    )


def observations(
    people: Iterable[PersonFact], exchanges: Iterable[ExchangeFact], today: date
) -> list[Observation]:
    """Every observation that holds today: encouraging news first."""
    exchanges = list(exchanges)
    found: list[Observation] = []
    easier = receiving_easier(exchanges)
    if easier is not None:
        found.append(easier)
    giving = over_giving(exchanges, today)
    if giving is not None:
        found.append(giving)
    found.extend(drifting(people, exchanges, today))
    return found


def visible(
    found: Iterable[Observation], dismissed: Mapping[str, date], today: date
) -> list[Observation]:
    """Leave out what the user dismissed less than ``DISMISS_DAYS`` days ago."""
    return [
        observation
        for observation in found
        if observation.key not in dismissed
        or (today - dismissed[observation.key]).days >= DISMISS_DAYS
    ]
