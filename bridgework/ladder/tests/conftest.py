"""Ladder test helpers: a step and an attempt for Alice (``user``) and for Bob (``other_user``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from bridgework.ladder.models import Attempt, Step


def make_step(user: Any, **fields: Any) -> Step:
    values = {
        "what": "Ask Sam to read over my email",
        "kind": "ask",
        "who": "Sam",
        "expected_discomfort": 60,
        "feared_outcome": "They'll think I'm weak",
        "feared_likelihood": 70,
    } | fields
    step = Step(user=user, **values)
    step.position = Step.objects.filter(user=user).count()
    step.save()
    return step


def make_attempt(step: Step, **fields: Any) -> Attempt:
    values = {
        "happened_on": timezone.localdate() - timedelta(days=1),
        "discomfort_before": 50,
        "discomfort_peak": 25,
        "discomfort_after": 10,
        "feared_happened": "no",
        "response": "better",
        "what_happened": "Sam said yes at once.",
        "learned": "Asking was quicker than worrying.",
    } | fields
    return Attempt.objects.create(step=step, **values)


def attempt_post(**fields: Any) -> dict[str, Any]:
    data = {
        "happened_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "discomfort_before": "50",
        "discomfort_peak": "25",
        "discomfort_after": "10",
        "feared_happened": "no",
        "response": "better",
        "what_happened": "Sam said yes at once.",
        "learned": "Asking was quicker than worrying.",
    }
    data.update(fields)
    return data


def step_post(**fields: Any) -> dict[str, Any]:
    data = {
        "what": "Ask my neighbour to water the plants",
        "kind": "ask",
        "who": "Priya next door",
        "expected_discomfort": "40",
        "feared_outcome": "She'll find me a nuisance",
        "feared_likelihood": "50",
    }
    data.update(fields)
    return data


@pytest.fixture
def step(user: Any) -> Step:
    return make_step(user)


@pytest.fixture
def other_step(other_user: Any) -> Step:
    return make_step(other_user, what="Bob's private step", who="Bob's friend")


@pytest.fixture
def other_attempt(other_step: Step) -> Attempt:
    return make_attempt(other_step)


