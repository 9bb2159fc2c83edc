"""Small builders for circle tests (rows made directly, as a fixture would)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from bridgework.circle.models import Exchange, Person


def make_person(user: Any, name: str = "Sam", ring: str = "close", **extra: Any) -> Person:
    fields: dict[str, Any] = {"helps_with": ["listening"], "comfort": 50, **extra}
    return Person.objects.create(user=user, name=name, ring=ring, **fields)


def make_exchange(
    user: Any, person: Person | None, direction: str = "received", days_ago: int = 0, **extra: Any
) -> Exchange:
    fields: dict[str, Any] = {"kind": "practical", "size": "small", **extra}
    return Exchange.objects.create(
        user=user,
        person=person,
        direction=direction,
        occurred_on=timezone.localdate() - timedelta(days=days_ago),
        **fields,
    )


def tomorrow() -> date:
    return timezone.localdate() + timedelta(days=1)
