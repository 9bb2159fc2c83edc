"""The guided prompt sets (one per pillar), validated at load. Pure: no Django import."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bridgework.core.content import load_yaml

DATA_FILE = Path(__file__).parent / "data" / "prompts.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Prompt(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$", max_length=40)
    text: str = Field(min_length=10)


class Pillar(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=3)
    prompts: list[Prompt] = Field(min_length=1)


class PromptSets(_Strict):
    pillars: list[Pillar] = Field(min_length=12)

    @model_validator(mode="after")
    def _unique_ids(self) -> PromptSets:
        seen: set[str] = set()
        for pillar in self.pillars:
            for prompt in pillar.prompts:
                if prompt.id in seen:
                    raise ValueError(f"prompt id {prompt.id!r} is used twice")
                seen.add(prompt.id)
        return self


def load(path: Path = DATA_FILE) -> PromptSets:
    return load_yaml(path, PromptSets)


@cache
def prompt_sets() -> PromptSets:
    return load()


@cache
def prompts_by_id() -> dict[str, Prompt]:
    return {p.id: p for pillar in prompt_sets().pillars for p in pillar.prompts}


def prompt_choices() -> list[tuple[str, list[tuple[str, str]]] | tuple[str, str]]:
    choices: list[tuple[str, list[tuple[str, str]]] | tuple[str, str]] = [
        ("", "No prompt — write freely")
    ]
    for pillar in prompt_sets().pillars:
        choices.append((pillar.name, [(p.id, p.text) for p in pillar.prompts]))
    return choices
