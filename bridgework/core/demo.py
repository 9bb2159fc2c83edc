"""Shared pieces for the ``demo.py`` hooks that ``bridgework demo`` runs.

Each module's ``demo.py`` defines
``create_demo_data(user, *, years: float, rng: random.Random, today: datetime.date) -> None``
and writes realistic rows for ``years`` of use ending ``today``. Hooks must be fast (five
years in well under a minute for the whole account): build the rows in memory and insert
them with ``bulk_create`` (encrypted fields encrypt themselves), never one ``save()`` per
row. Demo text is not screened (like an import) and must hold no crisis language.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import models
from django.utils import timezone


@contextmanager
def _times_as_given(model: type[models.Model]) -> Iterator[None]:
    """Let ``bulk_create`` keep the ``auto_now``/``auto_now_add`` values set on the objects.

    Only for the demo command (one thread): the flags are restored on the way out.
    """
    saved = []
    for field in model._meta.concrete_fields:
        if isinstance(field, models.DateField) and (field.auto_now or field.auto_now_add):
            saved.append((field, field.auto_now, field.auto_now_add))
            field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def bulk_create[M: models.Model](
    model: type[M], objects: Sequence[M], *, batch_size: int = 500
) -> list[M]:
    """Insert ``objects`` in batches keeping the timestamps they carry; returns them with pks."""
    with _times_as_given(model):
        return model._default_manager.bulk_create(objects, batch_size=batch_size)


def span_days(years: float) -> int:
    """How many days ``years`` of history cover (at least one)."""
    return max(1, round(years * 365.25))


def moment(rng: random.Random, day: dt.date, *, earliest: int = 7, latest: int = 22) -> dt.datetime:
    """A plausible local time on ``day`` (between ``earliest`` and ``latest`` o'clock), aware."""
    naive = dt.datetime.combine(day, dt.time(rng.randint(earliest, latest - 1), rng.randint(0, 59)))
    return timezone.make_aware(naive, timezone.get_current_timezone())


def sentences(rng: random.Random, pool: Sequence[str], low: int, high: int) -> str:
    """Between ``low`` and ``high`` distinct sentences from ``pool``, joined as prose."""
    count = min(len(pool), rng.randint(low, high))
    return " ".join(rng.sample(list(pool), count))


def weighted[T](rng: random.Random, choices: Sequence[tuple[T, float]]) -> T:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


def progress(day: dt.date, start: dt.date, today: dt.date) -> float:
    """0.0 on the first day of the history, 1.0 today: for gentle trends over time."""
    total = (today - start).days or 1
    return min(1.0, max(0.0, (day - start).days / total))


def clamp(value: float, low: int = 0, high: int = 100) -> int:
    return int(min(high, max(low, round(value))))
