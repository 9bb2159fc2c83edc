"""Demo data for the kindness area: practice about weekly, kindness noted a few times a
week, with the inner voice softening and more kindness let in as the months go by."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.models import User

from bridgework.circle.models import Person
from bridgework.core.demo import bulk_create, clamp, moment, progress, span_days

from .models import Kindness, PracticeSession

BREAK = [
    ("Work is piling up and I feel behind on everything.", "Anyone with this much on would feel stretched.", "It makes sense that this is hard. I can go one task at a time."),
    ("I snapped at my brother and feel awful.", "Plenty of people get short with family when they are tired.", "I can apologise tomorrow and still be a decent person tonight."),
    ("The flat is a mess and I can't face it.", "Lots of people let things slide in a heavy week.", "I don't have to earn rest by finishing everything first."),
]
FRIEND = [
    ("Needing help with the move means I can't cope.", "Moving is a lot for anyone. Of course you'd want a hand — ask.", "Asking for a hand is what people do."),
    ("I should have seen the mistake in the report.", "One mistake in a long report is normal. You caught plenty of others.", "I did careful work and one thing slipped. That's allowed."),
    ("If I tell them I'm struggling they'll think less of me.", "I'd be glad you told me. It wouldn't change what I think of you.", "The people who matter can handle the real me."),
]
LETTER = [
    ("You have been carrying so much, for so long, mostly without anyone seeing.", "You learned early that nobody would come, so you made sure you never needed them. That was clever, then.", "This week I hope you let one person help with one small thing."),
]
KINDNESS = {
    "help": ["Dev carried the shopping up the stairs.", "My neighbour took in a parcel and brought it round.", "Ruth covered my shift so I could go to the dentist.", "Sam lent me his drill and showed me how to use it."],
    "thanks": ["A colleague thanked me for staying late to finish the slides.", "Mum said thank you for the call."],
    "praise": ["My manager said the report was really clear.", "Priya said I'm a good listener.", "Someone at the climbing wall said my technique had improved."],
    "care": ["Maya texted to ask how the appointment went.", "Tom noticed I was quiet and made me a cup of tea.", "My sister checked in after the storm."],
}


def create_demo_data(user: User, *, years: float, rng: random.Random, today: dt.date) -> None:
    start = today - dt.timedelta(days=span_days(years))
    people = list(Person.objects.filter(user=user).values_list("pk", flat=True)[:12])
    sessions, kindnesses = [], []
    for offset in range((today - start).days + 1):
        day = start + dt.timedelta(days=offset)
        grown = progress(day, start, today)
        if rng.random() < 0.15:
            exercise = rng.choice(["break", "break", "friend", "letter", "breathing"])
            answers = {"break": BREAK, "friend": FRIEND, "letter": LETTER}.get(exercise)
            texts = rng.choice(answers) if answers else ("", "", "")
            before = clamp(rng.gauss(7.5 - 3 * grown, 1.4), 0, 10)
            when = moment(rng, day)
            sessions.append(
                PracticeSession(
                    user=user,
                    exercise=exercise,
                    date=day,
                    answer_1=texts[0],
                    answer_2=texts[1],
                    answer_3=texts[2],
                    harsh_before=before if rng.random() < 0.8 else None,
                    harsh_after=clamp(before - rng.choice([0, 1, 1, 2, 2, 3]), 0, 10),
                    created_at=when,
                )
            )
        if rng.random() < 0.3:
            kind = rng.choice(list(KINDNESS))
            let_in = rng.random() < 0.25 + 0.5 * grown
            response = rng.choice(["accepted", "thanked"] if let_in else ["deflected", "repaid"])
            when = moment(rng, day)
            kindnesses.append(
                Kindness(
                    user=user,
                    date=day,
                    kind=kind,
                    what=rng.choice(KINDNESS[kind]),
                    person_id=rng.choice(people) if people and rng.random() < 0.6 else None,
                    response=response,
                    created_at=when,
                    updated_at=when,
                )
            )
    bulk_create(PracticeSession, sessions)
    bulk_create(Kindness, kindnesses)
