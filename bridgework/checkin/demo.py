"""Demo check-ins: most days of the history, with links the insights page can find.

Doing it all alone goes with more stress, numbness and body signs that day; asking for
help goes with lower stress the next day; stress goes with shorter, worse sleep. Over
the history, asking gets a little easier. Days are skipped at random (as people do).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from bridgework.core.demo import bulk_create, clamp, moment, progress, span_days

from .feelings import feeling_words
from .models import BodySign, CheckIn, Reminder

NOTES = [
    "Long day, did everything myself again.",
    "Asked for a hand with the shopping. It was fine.",
    "Tired. Early night.",
    "Felt a bit more like myself today.",
    "Shoulders up by my ears all afternoon.",
    "Told a friend how the week really went.",
]


def create_demo_data(user: Any, *, years: float, rng: random.Random, today: dt.date) -> None:
    start = today - dt.timedelta(days=span_days(years) - 1)
    by_quadrant: dict[str, list[str]] = {}
    for feeling in feeling_words():
        by_quadrant.setdefault(feeling.quadrant, []).append(feeling.word)
    signs = [value for value, _ in BodySign.choices]
    taken = set(CheckIn.objects.filter(user=user).values_list("date", flat=True))
    checkins = []
    load = 0.0  # how much the person is carrying alone; drifts from day to day
    asked_yesterday = 0
    for offset in range((today - start).days + 1):
        day = start + dt.timedelta(days=offset)
        ease = progress(day, start, today)
        load = 0.7 * load + rng.gauss(0, 1.2)
        if rng.random() > 0.55 + 0.3 * ease or day in taken:  # more regular with time
            asked_yesterday = 0
            continue
        alone = clamp(5 + 1.6 * load + rng.gauss(0, 1.2), 0, 10)
        asked = max(0, round(rng.gauss(0.4 + 1.4 * ease - 0.15 * alone, 0.8)))
        accepted = max(0, min(asked + 1, round(rng.gauss(0.5 * asked + 0.3, 0.6))))
        stress = clamp(3.5 + 0.45 * alone - 0.9 * min(asked_yesterday, 2) + rng.gauss(0, 1.5), 0, 10)
        numbness = clamp(1 + 0.4 * alone + rng.gauss(0, 1.6), 0, 10)
        sleep = max(3.0, min(10.0, 7.6 - 0.22 * stress + rng.gauss(0, 0.7)))
        quality = clamp(4.2 - 0.25 * stress + rng.gauss(0, 0.7), 1, 5)
        energy = clamp(6.5 - 0.3 * stress + 0.4 * (sleep - 7) + rng.gauss(0, 1.3), 0, 10)
        mood = clamp(3.6 - 0.18 * stress + 0.2 * accepted + rng.gauss(0, 0.6), 1, 5)
        body = [s for s in signs if rng.random() < 0.05 + 0.035 * stress]
        pleasant = mood >= 3
        energetic = energy >= 5
        quadrant = {
            (True, True): "charged-pleasant",
            (True, False): "quiet-pleasant",
            (False, True): "charged-unpleasant",
            (False, False): "quiet-unpleasant",
        }[(pleasant, energetic)]
        # Naming feelings is practice: more words, more precisely, as time goes on.
        count = rng.choice([0, 1, 1, 2]) + (1 if rng.random() < ease else 0)
        pool = by_quadrant.get(quadrant, [])
        feelings = rng.sample(pool, min(count, len(pool)))
        written = moment(rng, day, earliest=19, latest=23)
        checkins.append(
            CheckIn(
                user=user,
                date=day,
                mood=mood,
                stress=stress,
                energy=energy,
                sleep_hours=Decimal(str(round(sleep * 2) / 2)),
                sleep_quality=quality,
                body_signs=body,
                numbness=numbness,
                alone=alone,
                help_asked=asked,
                help_accepted=accepted,
                feelings=feelings,
                note=rng.choice(NOTES) if rng.random() < 0.15 else "",
                created_at=written,
                updated_at=written,
            )
        )
        asked_yesterday = asked
    bulk_create(CheckIn, checkins)
    Reminder.objects.update_or_create(
        user=user, defaults={"time": dt.time(20, 30), "days": [0, 1, 2, 3, 4, 5, 6], "email": False}
    )
