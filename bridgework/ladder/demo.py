"""Demo data for the help ladder: steps adopted over time and practised until they get easier.

The simulated person works up their ladder in order, about once or twice a week: the
discomfort of a step fades with each try (habituation), the feared outcome rarely
happens, and when the next steps run low they adopt more from the library (then write
their own once the library is used up). Some tries go back to steps already mastered.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bridgework.circle.models import Person
from bridgework.core.demo import bulk_create, clamp, moment, span_days, weighted

from . import mastery
from .library import templates
from .models import Attempt, Step

OWN_STEPS = [
    (
        "ask",
        "Ask {name} to come with me to the appointment",
        55,
        "They'll think I'm making a big deal out of nothing",
        40,
    ),
    (
        "share",
        "Tell {name} that the last month has been harder than I let on",
        65,
        "They'll worry, or think less of me",
        45,
    ),
    (
        "accept",
        "Let {name} cook for me when they offer, without bringing anything",
        35,
        "I'll owe them and feel awkward",
        35,
    ),
    (
        "boundary",
        "Tell {name} I can't take on the extra project this month",
        60,
        "They'll be disappointed in me",
        50,
    ),
    (
        "reciprocity",
        "Ask {name} for a swap: I help with their garden, they help me paint",
        40,
        "It will feel like a transaction",
        30,
    ),
    ("ask", "Ask {name} for a lift instead of taking two buses", 30, "I'll be a nuisance", 35),
    (
        "share",
        "Say out loud to {name} that I was hurt by what happened",
        75,
        "They'll get defensive and I'll regret it",
        50,
    ),
]
WHAT_HAPPENED = [
    "I asked, a bit clumsily. They said yes straight away and seemed glad I asked.",
    "I nearly backed out at the last minute, then said it anyway. It was fine.",
    "They were busy this time but offered another day. Not the rejection I expected.",
    "It went better than predicted. My heart was racing beforehand, then it settled.",
    "Awkward for a moment, then we moved on. Nobody made a big deal of it.",
    "I said it over a message instead of in person, which still counts.",
    "They asked a couple of questions and then just helped.",
    "They said they had been hoping I would ask for something for ages.",
    "Harder than I thought. They were kind, but I felt exposed for the rest of the day.",
    "I did it and then apologised twice. Next time I'll try without the apology.",
]
LEARNED = [
    "The fear peaks before, not during.",
    "People mostly like being asked.",
    "A small ask is not a debt I have to repay at once.",
    "Saying it plainly is easier than hinting.",
    "I can feel awkward and still be okay.",
    "My prediction was much worse than what happened.",
    "Being helped didn't make me less capable.",
    "",
    "",
]
FEARED = [("no", 0.8), ("partly", 0.15), ("yes", 0.05)]


def _new_step(
    user: Any, rng: random.Random, pool: list[Any], people: list[Person], made: int, day: dt.date
) -> Step:
    added = moment(rng, day)
    if pool:
        template = pool.pop(0)
        return Step(
            user=user,
            what=template.what,
            kind=template.kind,
            who=template.who,
            expected_discomfort=template.discomfort,
            feared_outcome=template.feared_outcome,
            feared_likelihood=template.feared_likelihood,
            template_slug=template.slug,
            created_at=added,
            updated_at=added,
        )
    kind, what, discomfort, feared, likelihood = OWN_STEPS[made % len(OWN_STEPS)]
    person = rng.choice(people) if people else None
    name = person.name if person is not None else "a friend"
    return Step(
        user=user,
        what=what.format(name=name),
        kind=kind,
        who=name,
        person=person,
        expected_discomfort=clamp(discomfort + rng.randint(-10, 10)),
        feared_outcome=feared,
        feared_likelihood=clamp(likelihood + rng.randint(-10, 10)),
        created_at=added,
        updated_at=added,
    )


def create_demo_data(user: Any, *, years: float, rng: random.Random, today: dt.date) -> None:
    start = today - dt.timedelta(days=span_days(years))
    people = list(Person.objects.filter(user=user).only("id", "name"))
    # The library, easiest first, with a little personal reshuffling among similar steps.
    pool = sorted(templates(), key=lambda t: t.discomfort + rng.randint(-12, 12))
    steps: list[Step] = []
    tries: dict[int, list[mastery.AttemptFacts]] = {}
    attempts: list[tuple[int, Attempt]] = []
    made = 0

    def pending() -> list[int]:
        return [
            i
            for i, s in enumerate(steps)
            if mastery.step_status(s.expected_discomfort, tries.get(i, [])) != "mastered"
        ]

    day = start
    while day <= today:
        while len(pending()) < 3:
            steps.append(_new_step(user, rng, pool, people, made, day))
            made += 1
        if rng.random() < 0.22:  # about one and a half tries a week
            open_steps = sorted(pending(), key=lambda i: steps[i].expected_discomfort)
            if rng.random() < 0.25 and len(open_steps) < len(steps):
                index = rng.choice([i for i in range(len(steps)) if i not in open_steps])
            else:
                index = open_steps[0] if rng.random() < 0.7 else rng.choice(open_steps)
            step = steps[index]
            done = len(tries.get(index, []))
            before = clamp(step.expected_discomfort * (0.85**done) + rng.gauss(0, 8), 5, 100)
            peak = clamp(before + rng.gauss(8, 6), before, 100)
            feared = weighted(rng, FEARED)
            tries.setdefault(index, []).append(
                mastery.AttemptFacts(peak=peak, feared_happened=feared, happened_on=day)
            )
            attempts.append(
                (
                    index,
                    Attempt(
                        happened_on=day,
                        discomfort_before=before,
                        discomfort_peak=peak,
                        discomfort_after=clamp(peak - rng.uniform(10, 40), 0, peak),
                        feared_happened=feared,
                        response=weighted(rng, [("better", 0.6), ("same", 0.3), ("worse", 0.1)]),
                        what_happened=rng.choice(WHAT_HAPPENED) if rng.random() < 0.85 else "",
                        learned=rng.choice(LEARNED),
                        created_at=moment(rng, day),
                        updated_at=moment(rng, day),
                    ),
                )
            )
        day += dt.timedelta(days=1)

    # The person's own order: by expected discomfort, as new steps are slotted in.
    for position, step in enumerate(sorted(steps, key=lambda s: s.expected_discomfort)):
        step.position = position
    bulk_create(Step, steps)
    for index, attempt in attempts:
        attempt.step = steps[index]
    bulk_create(Attempt, [attempt for _, attempt in attempts])
