"""Demo data for assessments: regular sittings of every instrument, slowly easing over time."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bridgework.core.demo import bulk_create, moment, progress, span_days

from .instruments import Instrument, instrument_list
from .models import Response, Sitting
from .scoring import score

# Roughly how often a person who uses the app keeps retaking each questionnaire (days).
EVERY = {"bii": 56, "phq9": 28, "gad7": 28, "pss10": 42}


def _answers(instrument: Instrument, rng: random.Random, severity: float) -> dict[str, int | None]:
    low, high = instrument.min_value, instrument.max_value
    answers: dict[str, int | None] = {}
    for item in instrument.items:
        if item.safety_threshold is not None:
            answers[item.id] = low  # demo data never raises the crisis flow
            continue
        if not item.required and rng.random() < 0.03:
            answers[item.id] = None  # a statement the person chose to skip
            continue
        keyed = round(low + (high - low) * min(1.0, max(0.0, rng.gauss(severity, 0.18))))
        answers[item.id] = high + low - keyed if item.reverse else keyed
    return answers


def create_demo_data(user: Any, *, years: float, rng: random.Random, today: dt.date) -> None:
    start = today - dt.timedelta(days=span_days(years))
    planned: list[tuple[Sitting, dict[str, int | None]]] = []
    for instrument in instrument_list():
        every = EVERY.get(instrument.id, 42)
        day = start + dt.timedelta(days=rng.randint(2, 10))
        while day <= today:
            # Things ease with practice, unevenly: from about two thirds of the scale to a third.
            severity = 0.62 - 0.3 * progress(day, start, today) + rng.uniform(-0.06, 0.06)
            answers = _answers(instrument, rng, severity)
            result = score(instrument, answers)
            submitted = moment(rng, day)
            planned.append(
                (
                    Sitting(
                        user=user,
                        instrument_id=instrument.id,
                        instrument_version=instrument.version,
                        started_at=submitted - dt.timedelta(minutes=rng.randint(3, 12)),
                        updated_at=submitted,
                        submitted_at=submitted,
                        total=result.total,
                        band=result.band.label if result.band else "",
                        subscales=result.subscales,
                        prorated=result.prorated,
                    ),
                    answers,
                )
            )
            day += dt.timedelta(days=every + rng.randint(-5, 9))
    sittings = bulk_create(Sitting, [a for a, _ in planned])
    responses = [
        Response(
            sitting=sitting,
            item_id=item_id,
            value=value,
            answered_at=sitting.updated_at,
        )
        for sitting, (_, answers) in zip(sittings, planned, strict=True)
        for item_id, value in answers.items()
    ]
    bulk_create(Response, responses, batch_size=900)
