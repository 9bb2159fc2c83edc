"""Demo data for the voice studio: messages written for ladder steps, rehearsed, sent and debriefed.

About one message for every third ladder attempt of an "ask", "share" or "boundary" step is
written in the builder before the attempt (sent, debriefed, linked to that attempt), plus a
few drafts started from the boundary scripts that were never sent. Runs after the ladder's
hook (``module_order``); bulk inserts, a few queries whatever the length of the history.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.models import User

from bridgework.core.demo import bulk_create, clamp, moment
from bridgework.ladder.models import Attempt

from .library import scripts
from .models import Message

FEELINGS = ["worried", "tired", "a bit nervous", "worn out", "hopeful", "lonely", "stretched thin", "frustrated"]
NEEDS = ["some rest", "a hand with this", "to feel less alone with it", "some quiet time", "to be included", "a fair share"]
SITUATIONS = [
    "This week has been a lot",
    "The move is on Saturday and there is more to carry than I thought",
    "I've had the kids on my own every evening this week",
    "The report is due on Friday and I'm behind",
    "I haven't seen you properly in weeks",
]
REQUESTS = [
    "Could you help me carry the boxes on Saturday at 10?",
    "Would you pick the kids up on Thursday at 5?",
    "Can we have dinner together on Sunday?",
    "Could you read my draft before Friday?",
    "Would you call me tomorrow evening?",
]
PREDICTIONS = [
    "They'll say they're busy.",
    "They'll think I'm making a fuss.",
    "They'll say yes but be annoyed.",
    "They'll ignore it.",
]


def create_demo_data(user: User, *, years: float, rng: random.Random, today: dt.date) -> None:
    attempts = list(
        Attempt.objects.filter(step__user=user, step__kind__in=["ask", "share", "boundary"])
        .select_related("step")
        .only("id", "happened_on", "discomfort_before", "step__id", "step__person_id", "step__what")
        .order_by("happened_on", "id")
    )
    rows: list[Message] = []
    for attempt in attempts:
        if rng.random() > 0.33:
            continue
        written = moment(rng, attempt.happened_on - dt.timedelta(days=rng.randint(0, 3)))
        sent = moment(rng, attempt.happened_on)
        rows.append(
            Message(
                user=user,
                title=attempt.step.what[:120],
                situation=rng.choice(SITUATIONS),
                feeling=rng.choice(FEELINGS),
                need=rng.choice(NEEDS),
                request=rng.choice(REQUESTS),
                offer=rng.choice(["Thank you.", "I'm happy to return the favour.", ""]),
                person_id=attempt.step.person_id,
                step_id=attempt.step.pk,
                attempt_id=attempt.pk,
                prediction=rng.choice(PREDICTIONS),
                predicted_discomfort=clamp(attempt.discomfort_before + rng.gauss(8, 6)),
                sent_at=sent,
                debriefed_at=sent,
                created_at=written,
                updated_at=sent,
            )
        )
    for script in rng.sample(list(scripts()), k=min(3, len(scripts()))):
        started = moment(rng, today - dt.timedelta(days=rng.randint(0, 60)))
        rows.append(
            Message(
                user=user,
                title=script.title,
                draft=script.variant(rng.choice(["gentler", "firmer"])),
                script_slug=script.slug,
                created_at=started,
                updated_at=started,
            )
        )
    bulk_create(Message, rows)
