"""The "how to help someone at risk" content, as validated data. Pure: no Django import."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from bridgework.core.content import load_yaml

HELPING_FILE = Path(__file__).parent / "data" / "helping_someone.yaml"


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=5)
    text: str = Field(min_length=20)


class HelpingSomeone(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=5)
    intro: str = Field(min_length=20)
    steps: list[Step] = Field(min_length=3)


@cache
def helping_someone() -> HelpingSomeone:
    """Raises ContentError (file:line) on a bad file."""
    return load_yaml(HELPING_FILE, HelpingSomeone)
