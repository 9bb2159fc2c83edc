"""The ladder page lists the steps to practise and only the latest mastered ones."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from bridgework.ladder.models import Step
from bridgework.ladder.views import MASTERED_SHOWN

from .conftest import make_step


def mastered_steps(user: Any, count: int) -> list[Step]:
    steps = []
    for n in range(count):
        step = make_step(user, what=f"Mastered {n}", override="mastered")
        Step.objects.filter(pk=step.pk).update(override_at=timezone.now() - timedelta(days=count - n))
        steps.append(step)
    return steps


def test_it_lists_the_latest_mastered_steps_and_offers_the_rest(client: Client, user: Any) -> None:
    mastered_steps(user, MASTERED_SHOWN + 3)
    make_step(user, what="Still practising")
    body = client.get("/ladder/").content.decode()
    assert "Still practising" in body
    assert "Mastered 0<" not in body and f"Mastered {MASTERED_SHOWN + 2}<" in body
    assert "3 earlier mastered steps not listed" in body
    everything = client.get("/ladder/?all=1").content.decode()
    assert "Mastered 0<" in everything and "not listed" not in everything


def test_one_press_moves_a_step_past_the_steps_not_listed(client: Client, user: Any) -> None:
    mastered = mastered_steps(user, MASTERED_SHOWN + 3)
    practising = make_step(user, what="Still practising")
    # Put the practising step first, then move it down once: it lands after the first
    # step the page lists (the oldest three mastered ones are not listed).
    for index, step in enumerate(mastered, start=1):
        Step.objects.filter(pk=step.pk).update(position=index)
    Step.objects.filter(pk=practising.pk).update(position=0)
    client.post(f"/ladder/steps/{practising.pk}/move/", {"direction": "down"})
    order = list(Step.objects.filter(user=user).values_list("pk", flat=True))
    assert order.index(practising.pk) == order.index(mastered[3].pk) + 1
