"""The boundary scripts, the prepared responses and the feeling words (content as data).

Pure module: no Django import. ``data/scripts.yaml`` and ``data/responses.yaml`` are
checked at load (``VoiceConfig.ready``), so a malformed file stops startup with file and line.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bridgework.core.content import ContentError, load_yaml, parse_yaml

DATA = Path(__file__).parent / "data"
SCRIPTS_FILE = DATA / "scripts.yaml"
RESPONSES_FILE = DATA / "responses.yaml"

AreaId = Literal["work", "family", "partner", "friends", "own_time"]
KindId = Literal["say_no", "renegotiate", "step_back", "accept_help"]

AREAS: dict[str, str] = {
    "work": "Work",
    "family": "Family",
    "partner": "Partner",
    "friends": "Friends",
    "own_time": "My own time",
}
KINDS: dict[str, str] = {
    "say_no": "Saying no",
    "renegotiate": "Renegotiating",
    "step_back": "Stepping back from over-giving",
    "accept_help": "Accepting help",
}
VARIANTS = ("gentler", "firmer")

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Script(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    slug: str = Field(pattern=SLUG, max_length=80)
    area: AreaId
    kind: KindId
    title: str = Field(min_length=5, max_length=120)
    when: str = Field(min_length=10, max_length=300)
    gentler: str = Field(min_length=10, max_length=1000)
    firmer: str = Field(min_length=10, max_length=1000)

    @property
    def area_label(self) -> str:
        return AREAS[self.area]

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def variant(self, name: str) -> str:
        return self.firmer if name == "firmer" else self.gentler


class ScriptFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    scripts: list[Script] = Field(min_length=30)


class PreparedResponse(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    slug: str = Field(pattern=SLUG, max_length=80)
    they_say: str = Field(min_length=3, max_length=200)
    reply: str = Field(min_length=3, max_length=300)
    tip: str = Field(min_length=10, max_length=300)


class ResponseFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    responses: list[PreparedResponse] = Field(min_length=3)


def _unique(path: Path, key: str, slugs: list[str]) -> None:
    seen: set[str] = set()
    for index, slug in enumerate(slugs):
        if slug in seen:
            _, lines = parse_yaml(path.read_text(encoding="utf-8"), path)
            raise ContentError(path, lines.get((key, index, "slug")), f"{key}.{index}.slug: {slug!r} is used twice")
        seen.add(slug)


def load_scripts(path: Path = SCRIPTS_FILE) -> tuple[Script, ...]:
    loaded = load_yaml(path, ScriptFile)
    _unique(path, "scripts", [s.slug for s in loaded.scripts])
    return tuple(loaded.scripts)


def load_responses(path: Path = RESPONSES_FILE) -> tuple[PreparedResponse, ...]:
    loaded = load_yaml(path, ResponseFile)
    _unique(path, "responses", [r.slug for r in loaded.responses])
    return tuple(loaded.responses)


@cache
def scripts() -> tuple[Script, ...]:
    return load_scripts()


@cache
def responses() -> tuple[PreparedResponse, ...]:
    return load_responses()


def script_by_slug(slug: str) -> Script | None:
    return next((s for s in scripts() if s.slug == slug), None)


def filter_scripts(*, area: str = "", kind: str = "") -> list[Script]:
    return [s for s in scripts() if (not area or s.area == area) and (not kind or s.kind == kind)]


# --------------------------------------------------------------------------- feeling words

# Used until the check-in's feeling vocabulary is available: a few words from each
# corner of energy × pleasantness, mild to strong.
OWN_FEELING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Stirred up and uncomfortable", ("tense", "worried", "frustrated", "anxious", "overwhelmed", "angry")),
    ("Low and heavy", ("tired", "disappointed", "lonely", "sad", "hurt", "worn out")),
    ("Calm and settled", ("relieved", "calm", "grateful", "safe", "content")),
    ("Lively and good", ("hopeful", "glad", "excited", "proud", "happy")),
)


def feeling_groups() -> list[tuple[str, list[str]]]:
    """Feeling words to offer in the builder, grouped (title, words).

    The check-in app's vocabulary (about 100 words by energy × pleasantness) when it is
    installed; this module's own short list otherwise. Imported lazily so the voice app
    never depends on the check-in app being there.
    """
    try:
        vocabulary = importlib.import_module("bridgework.checkin.feelings")
        found = [(str(q.title), [str(w) for w in q.words]) for q in vocabulary.quadrants()]
        if found:
            return found
    except (ImportError, AttributeError, TypeError, ValueError, ContentError):
        pass
    return [(title, list(words)) for title, words in OWN_FEELING_WORDS]
