"""The learning path: Markdown lessons with YAML front matter, validated at load.

Pure module: no Django import. A malformed lesson raises ``ContentError`` naming the file
and line, at startup (``LearnConfig.ready``) and in the test suite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, get_args

import nh3
from markdown_it import MarkdownIt
from pydantic import BaseModel, ConfigDict, Field

from bridgework.core.content import ContentError, load_front_matter

LESSONS_DIR = Path(__file__).parent / "lessons"

PillarId = Literal[
    "help_aversion",
    "neediness_stigma",
    "self_fulfilling_isolation",
    "vulnerability_guarding",
    "rejection_fear",
    "competence_mask",
    "control",
    "unpredictability_avoidance",
    "self_reliance_rule",
    "reciprocity_difficulty",
    "doing_it_alone",
    "pushing_away",
]
CostId = Literal["stress_burnout", "body_signs", "eroded_self_worth", "numbness"]
TopicId = Literal[PillarId, CostId]
# The twelve pillars and four hidden costs of DESIGN.md §1, in the map's order.
PILLARS: tuple[str, ...] = get_args(PillarId)
COSTS: tuple[str, ...] = get_args(CostId)


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: TopicId
    kind: Literal["pillar", "cost"]
    title: str = Field(min_length=3, max_length=80)
    summary: str = Field(min_length=10, max_length=300)


class LessonMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3, max_length=100)
    order: int = Field(ge=1, le=50)
    minutes: int = Field(ge=1, le=30)
    summary: str = Field(min_length=10, max_length=300)
    topics: list[Topic] = Field(default_factory=list)


@dataclass(frozen=True)
class Lesson:
    meta: LessonMeta
    html: str
    path: Path

    @property
    def slug(self) -> str:
        return self.meta.slug


# CommonMark with raw HTML switched off: a lesson can never inject markup. nh3 then
# sanitises the output as a second line of defence.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "em", "strong", "blockquote", "code", "pre",
    "a", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def render_markdown(text: str) -> str:
    return nh3.clean(_markdown.render(text), tags=_ALLOWED_TAGS, link_rel="noopener noreferrer")


def load_lesson(path: Path) -> Lesson:
    meta, body = load_front_matter(path, LessonMeta)
    expected = re.sub(r"^\d+-", "", path.stem)
    if meta.slug != expected:
        raise ContentError(path, 2, f"slug {meta.slug!r} must match the file name ({expected!r})")
    if re.search(r"^# ", body, flags=re.MULTILINE):
        raise ContentError(path, None, "use ## and ### headings; the page supplies the title")
    return Lesson(meta=meta, html=render_markdown(body), path=path)


def load_lessons(directory: Path = LESSONS_DIR) -> list[Lesson]:
    lessons = [load_lesson(path) for path in sorted(directory.glob("*.md"))]
    if not lessons:
        raise ContentError(directory, None, "no lessons found")
    seen_slugs: dict[str, Path] = {}
    seen_orders: dict[int, Path] = {}
    seen_topics: dict[str, Path] = {}
    for lesson in lessons:
        if lesson.meta.slug in seen_slugs:
            raise ContentError(
                lesson.path, None, f"slug {lesson.meta.slug!r} is also used by {seen_slugs[lesson.meta.slug]}"
            )
        if lesson.meta.order in seen_orders:
            raise ContentError(
                lesson.path, None, f"order {lesson.meta.order} is also used by {seen_orders[lesson.meta.order]}"
            )
        seen_slugs[lesson.meta.slug] = seen_orders[lesson.meta.order] = lesson.path
        for topic in lesson.meta.topics:
            if topic.id in seen_topics:
                raise ContentError(
                    lesson.path, None, f"topic {topic.id!r} is also in {seen_topics[topic.id]}"
                )
            seen_topics[topic.id] = lesson.path
    return sorted(lessons, key=lambda lesson: lesson.meta.order)


@cache
def lessons() -> tuple[Lesson, ...]:
    return tuple(load_lessons())


def lesson_by_slug(slug: str) -> Lesson | None:
    return next((lesson for lesson in lessons() if lesson.slug == slug), None)


def topics() -> dict[str, tuple[Topic, Lesson]]:
    return {topic.id: (topic, lesson) for lesson in lessons() for topic in lesson.meta.topics}
