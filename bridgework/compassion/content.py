"""The self-compassion exercises as data (``data/exercises.yaml``), checked at startup.

Pure module: no Django import.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bridgework.core.content import load_yaml

EXERCISES_FILE = Path(__file__).resolve().parent / "data" / "exercises.yaml"
# Each step is one answer field on the practice session (answer_1 … answer_3).
MAX_STEPS = 3

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Step(Strict):
    label: Text
    help: Text


class Exercise(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$", max_length=20)]
    title: Text
    minutes: int = Field(ge=1, le=30)
    summary: Text
    intro: Text
    steps: list[Step] = Field(max_length=MAX_STEPS)


class ExerciseFile(Strict):
    exercises: list[Exercise] = Field(min_length=1)


@cache
def exercises() -> dict[str, Exercise]:
    """Every exercise by id, in file order."""
    loaded = load_yaml(EXERCISES_FILE, ExerciseFile)
    return {exercise.id: exercise for exercise in loaded.exercises}


def get_exercise(exercise_id: str) -> Exercise | None:
    return exercises().get(exercise_id)
