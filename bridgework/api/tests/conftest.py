"""The router tests here use their app's own fixtures: the same objects as the app's tests."""

from bridgework.compassion.tests.conftest import kindness, others_kindness, others_session  # noqa: F401
from bridgework.ladder.tests.conftest import other_attempt, other_step, step  # noqa: F401
