"""The ledger's SQL aggregates give exactly what the pure functions give over every row."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from bridgework.circle import ledger
from bridgework.circle.models import Exchange
from bridgework.circle.observations import observations, tallies_by_person, tally, weekly_balance
from bridgework.circle.services import exchange_facts_for, people_for, person_facts

from .helpers import make_person


def random_history(user: Any, seed: int, days: int = 400) -> None:
    rng = random.Random(seed)
    people = [make_person(user, f"P{i}", ring=rng.choice(["close", "middle", "outer"])) for i in range(6)]
    today = timezone.localdate()
    Exchange.objects.bulk_create(
        Exchange(
            user=user,
            person=rng.choice([*people, None]),
            direction=rng.choice(["gave", "received"]),
            kind="practical",
            size=rng.choice(["small", "medium", "large"]),
            discomfort=rng.choice([None, rng.randint(0, 100)]),
            occurred_on=today - timedelta(days=rng.randint(0, days)),
        )
        for _ in range(rng.randint(5, 300))
    )


@pytest.mark.parametrize("seed", range(8))
def test_the_ledger_numbers_match_the_pure_functions(user: Any, seed: int) -> None:
    random_history(user, seed, days=[20, 60, 400][seed % 3])
    facts = exchange_facts_for(user)
    people = people_for(user)
    today = timezone.localdate()
    context = ledger.ledger_context(user, people)
    assert context["overall"] == tally(facts)
    assert context["exchange_total"] == len(facts)
    assert context["weeks"] == weekly_balance(facts, today, ledger.WEEKS_SHOWN)
    assert context["person_rows"] == ledger.person_rows(people, tallies_by_person(facts))
    assert context["observations"] == observations(person_facts(people), facts, today)


@pytest.mark.parametrize("seed", range(4))
def test_the_home_panel_observations_match_the_pure_functions(user: Any, seed: int) -> None:
    random_history(user, seed + 100, days=[30, 90][seed % 2])
    today = timezone.localdate()
    close, last = ledger.close_people(user, today)
    expected = observations(person_facts(people_for(user)), exchange_facts_for(user), today)
    assert ledger.observations_sql(user, close, last, today) == expected
