"""Demo data for the circle: a dozen or more people in rings, and years of ordinary exchanges."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bridgework.core.demo import bulk_create, clamp, moment, progress, span_days, weighted

from .models import Exchange, Person

# (name, ring, helps with, comfort, note)
PEOPLE = [
    (
        "Maya (my sister)",
        "close",
        ["listening", "company"],
        80,
        "Calls on Sundays. She notices when I go quiet, even when I say I'm fine.",
    ),
    (
        "Jonas",
        "close",
        ["practical", "company"],
        70,
        "Oldest friend. Good at fixing things and at not making a fuss about it.",
    ),
    (
        "Priya",
        "close",
        ["listening", "information"],
        62,
        "Friend from the running club. Easy to talk to on long runs.",
    ),
    (
        "Mum",
        "middle",
        ["practical"],
        45,
        "Wants to help more than I let her. Phone calls go better than visits.",
    ),
    (
        "Dev (neighbour)",
        "middle",
        ["practical"],
        58,
        "Has a car and a drill, and keeps offering both.",
    ),
    (
        "Ruth from work",
        "middle",
        ["information", "listening"],
        50,
        "Has been at the company for years and knows how everything works.",
    ),
    ("Tom", "middle", ["company"], 55, "We play chess on Thursdays when we both can."),
    ("Aunt Lena", "outer", ["listening"], 35, ""),
    ("Kofi", "outer", ["information"], 40, "Knows a lot about flats and tenancy rules."),
    ("Hana", "outer", ["company", "listening"], 38, "Met at the pottery class."),
    ("My GP", "outer", ["information"], 30, "Dr Okafor at the surgery on Mill Road."),
    ("Sam's partner, Alex", "middle", ["company", "practical"], 48, ""),
]
LATER_PEOPLE = [
    ("Bea", "outer", ["company"], 42, "New colleague; we get lunch sometimes."),
    ("Oscar", "outer", ["practical"], 36, "From the allotment next to mine."),
    ("Nadia", "middle", ["listening"], 52, "From the support group. Gets it without explaining."),
    ("Wren", "outer", ["information"], 33, ""),
    ("Cal", "outer", ["company"], 40, "Climbing partner."),
    ("Yara", "middle", ["listening", "company"], 57, "Old friend I got back in touch with."),
    ("Ivo", "outer", ["practical"], 30, ""),
    ("Rosa", "outer", ["information", "company"], 44, "Runs the book group."),
]

GAVE_NOTES = [
    "Helped them move a sofa up three flights of stairs.",
    "Listened for an hour on the phone; they had a rough week.",
    "Cooked dinner and dropped some off.",
    "Looked over their CV and sent some suggestions.",
    "Picked them up from the station late.",
    "Watered the plants while they were away.",
    "Lent my bike for the weekend.",
    "Covered their shift so they could go to the appointment.",
    "Sent a link to the course I mentioned.",
    "Walked the dog twice this week.",
]
RECEIVED_NOTES = [
    "They fixed the shelf. I wanted to insist on doing it myself and didn't.",
    "Let them pay for coffee without arguing about it.",
    "Told them honestly that work is too much right now; they just listened.",
    "Accepted a lift home in the rain.",
    "Asked for advice about the landlord. Useful, and nobody thought less of me.",
    "They brought soup when I was ill. I said thank you instead of sorry.",
    "Borrowed the drill instead of buying one.",
    "They checked in after the hard day. I answered truthfully.",
    "Let them help with the garden. It went faster and was nicer together.",
    "Asked for a second opinion on the email before sending it.",
]


def _person(user: Any, rng: random.Random, row: tuple[Any, ...], added: dt.datetime) -> Person:
    name, ring, helps_with, comfort, note = row
    return Person(
        user=user,
        name=name,
        ring=ring,
        helps_with=helps_with,
        comfort=clamp(comfort + rng.randint(-5, 5)),
        note=note,
        created_at=added,
        updated_at=added,
    )


def create_demo_data(user: Any, *, years: float, rng: random.Random, today: dt.date) -> None:
    days = span_days(years)
    start = today - dt.timedelta(days=days)
    people = [
        _person(user, rng, row, moment(rng, start + dt.timedelta(days=rng.randint(0, 6))))
        for row in PEOPLE
    ]
    # The circle widens a little over the years: about two new people a year.
    for index, row in enumerate(LATER_PEOPLE[: int(2 * years)]):
        day = start + dt.timedelta(days=round((index + 1) * days / (int(2 * years) + 1)))
        people.append(_person(user, rng, row, moment(rng, day)))
    people = bulk_create(Person, people)

    exchanges = []
    weights = [{"close": 6, "middle": 3, "outer": 1}[p.ring] for p in people]
    for offset in range(days + 1):
        day = start + dt.timedelta(days=offset)
        # About three exchanges a week; receiving grows from a third to nearly half of them.
        for _ in range(rng.choices([0, 1, 2], weights=[0.62, 0.3, 0.08])[0]):
            known = [p for p, w in zip(people, weights, strict=True) if p.created_at.date() <= day]
            if not known:
                continue
            person = rng.choices(
                known,
                weights=[
                    w for p, w in zip(people, weights, strict=True) if p.created_at.date() <= day
                ],
            )[0]
            share = progress(day, start, today)
            received = rng.random() < 0.33 + 0.14 * share
            kind = rng.choice(person.helps_with or ["company"])
            exchanges.append(
                Exchange(
                    user=user,
                    person=person if rng.random() > 0.03 else None,
                    direction="received" if received else "gave",
                    kind=kind,
                    size=weighted(rng, [("small", 0.6), ("medium", 0.3), ("large", 0.1)]),
                    # Receiving feels a little less uncomfortable as the years go on.
                    discomfort=clamp(rng.gauss(60 - 30 * share, 15))
                    if received and rng.random() < 0.8
                    else None,
                    occurred_on=day,
                    note=rng.choice(RECEIVED_NOTES if received else GAVE_NOTES)
                    if rng.random() < 0.55
                    else "",
                    created_at=moment(rng, day),
                )
            )
    bulk_create(Exchange, exchanges)
