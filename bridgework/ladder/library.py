"""The starter library of step templates, loaded from ``data/step_templates.yaml``.

Pure module: no Django import. A malformed file raises ``ContentError`` naming the file
and line, at startup (``LadderConfig.ready``) and in the test suite.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bridgework.core.content import ContentError, load_yaml, parse_yaml

TEMPLATES_FILE = Path(__file__).parent / "data" / "step_templates.yaml"

KindId = Literal["ask", "accept", "share", "reciprocity", "boundary"]

# Bands for filtering the library by how big a step feels (suggested discomfort).
STAKES: tuple[tuple[str, str, int, int], ...] = (
    ("very-low", "Very low (0–20)", 0, 20),
    ("low", "Low (21–40)", 21, 40),
    ("medium", "Medium (41–60)", 41, 60),
    ("high", "High (61–100)", 61, 100),
)


class StepTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)
    kind: KindId
    what: str = Field(min_length=10, max_length=300)
    who: str = Field(default="", max_length=120)
    discomfort: int = Field(ge=0, le=100)
    feared_outcome: str = Field(min_length=5, max_length=300)
    feared_likelihood: int = Field(ge=0, le=100)

    @property
    def stakes(self) -> str:
        return next(band for band, _, low, high in STAKES if low <= self.discomfort <= high)


class TemplateFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    templates: list[StepTemplate] = Field(min_length=1)


def load_templates(path: Path = TEMPLATES_FILE) -> tuple[StepTemplate, ...]:
    """Load and check the library; slugs must be unique. Sorted by suggested discomfort."""
    loaded = load_yaml(path, TemplateFile)
    seen: set[str] = set()
    for index, template in enumerate(loaded.templates):
        if template.slug in seen:
            _, lines = parse_yaml(path.read_text(encoding="utf-8"), path)
            raise ContentError(
                path,
                lines.get(("templates", index, "slug")),
                f"templates.{index}.slug: {template.slug!r} is used twice",
            )
        seen.add(template.slug)
    return tuple(sorted(loaded.templates, key=lambda t: (t.discomfort, t.slug)))


@cache
def templates() -> tuple[StepTemplate, ...]:
    return load_templates()


def template_by_slug(slug: str) -> StepTemplate | None:
    return next((template for template in templates() if template.slug == slug), None)


def filter_templates(*, kind: str = "", stakes: str = "") -> list[StepTemplate]:
    return [
        template
        for template in templates()
        if (not kind or template.kind == kind) and (not stakes or template.stakes == stakes)
    ]


