"""Instruments as data: the schema of ``data/instruments/*.yaml`` and its loader.

Every file is checked at load (``AssessConfig.ready()`` and the tests load them all), so
a broken instrument fails at startup with ``path:line: message``. Pure module: no Django.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bridgework.core.content import ContentError, Loc, parse_yaml, validate

INSTRUMENT_DIR = Path(__file__).resolve().parent / "data" / "instruments"

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    value: int
    label: Text


class Item(Strict):
    id: Slug
    text: Text
    reverse: bool = False
    required: bool = True
    # Answering at or above this value brings up crisis support and records the event.
    safety_threshold: int | None = None
    # For the Bridgework inventory: which part of the concept map the item reflects.
    pillar: int | Literal["costs"] | None = None


class Practice(Strict):
    text: Text
    # A URL name such as "ladder:index"; shown as a link only when that page exists.
    link: str | None = None
    link_label: str | None = None


class Subscale(Strict):
    id: Slug
    title: Text
    items: list[Slug] = Field(min_length=1)
    description: Text
    # Subscale scores are left out when more than this many of its items are unanswered.
    max_missing: int = Field(default=0, ge=0)
    practise: Practice | None = None


class Band(Strict):
    min: float  # inclusive lower bound; a band runs up to the next band's min
    label: Text
    meaning: Text


class Scoring(Strict):
    method: Literal["sum", "mean"]
    # With at most this many unanswered items the total is prorated, else there is none.
    max_missing: int = Field(default=0, ge=0)
    higher_is: Literal["worse", "better"] = "worse"


class Reliability(Strict):
    """Values the Reliable Change Index uses, with where they come from."""

    reliability: float = Field(gt=0, lt=1)
    sd: float = Field(gt=0)
    mean: float | None = None
    source: Text
    provisional: bool = False


class Instrument(Strict):
    id: Slug
    version: Text
    title: Text
    short_title: Text
    about: Text
    instructions: Text
    timeframe: str | None = None
    options: list[Option] = Field(min_length=2)
    items: list[Item] = Field(min_length=1)
    subscales: list[Subscale] = []
    scoring: Scoring
    bands: list[Band] = []
    norms: Reliability | None = None
    validated: bool
    disclaimer: Text
    citation: Text
    licence: Text
    practise: list[Practice] = []

    # -- derived values used by scoring and templates --

    @property
    def min_value(self) -> int:
        return min(option.value for option in self.options)

    @property
    def max_value(self) -> int:
        return max(option.value for option in self.options)

    @property
    def values(self) -> set[int]:
        return {option.value for option in self.options}

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def score_range(self) -> tuple[float, float]:
        if self.scoring.method == "mean":
            return float(self.min_value), float(self.max_value)
        return float(self.min_value * len(self.items)), float(self.max_value * len(self.items))

    def subscale_range(self, subscale: Subscale) -> tuple[float, float]:
        if self.scoring.method == "mean":
            return float(self.min_value), float(self.max_value)
        count = len(subscale.items)
        return float(self.min_value * count), float(self.max_value * count)


def semantic_errors(instrument: Instrument) -> list[tuple[Loc, str]]:
    """Cross-field checks the field types cannot express, each with where it applies."""
    errors: list[tuple[Loc, str]] = []
    values = [option.value for option in instrument.options]
    if len(set(values)) != len(values):
        errors.append((("options",), "response option values must be distinct"))
    seen: set[str] = set()
    for index, item in enumerate(instrument.items):
        if item.id in seen:
            errors.append((("items", index, "id"), f"item id {item.id!r} is used twice"))
        seen.add(item.id)
        threshold = item.safety_threshold
        if threshold is not None and not instrument.min_value < threshold <= instrument.max_value:
            errors.append(
                (("items", index, "safety_threshold"), "must be one of the higher option values")
            )
    subscale_ids: set[str] = set()
    for index, subscale in enumerate(instrument.subscales):
        if subscale.id in subscale_ids:
            errors.append((("subscales", index, "id"), f"subscale id {subscale.id!r} twice"))
        subscale_ids.add(subscale.id)
        for position, item_id in enumerate(subscale.items):
            if item_id not in seen:
                errors.append(
                    (("subscales", index, "items", position), f"unknown item {item_id!r}")
                )
        if subscale.max_missing >= len(subscale.items):
            errors.append(
                (("subscales", index, "max_missing"), "must be fewer than the subscale's items")
            )
    if instrument.scoring.max_missing >= len(instrument.items):
        errors.append((("scoring", "max_missing"), "must be fewer than the number of items"))
    low, high = instrument.score_range()
    previous: float | None = None
    for index, band in enumerate(instrument.bands):
        if index == 0 and band.min != low:
            errors.append((("bands", 0, "min"), f"the first band must start at {low:g}"))
        if previous is not None and band.min <= previous:
            errors.append((("bands", index, "min"), "bands must be in ascending order"))
        if band.min > high:
            errors.append((("bands", index, "min"), f"above the highest score {high:g}"))
        previous = band.min
    return errors


def _line(lines: dict[Loc, int], loc: Loc) -> int | None:
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())


def load_instrument(path: Path) -> Instrument:
    """Load and check one instrument file; raise ``ContentError`` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, None, f"cannot read file: {exc}") from None
    data, lines = parse_yaml(text, path)
    instrument = validate(Instrument, data, path, lines)
    errors = semantic_errors(instrument)
    if errors:
        loc, message = errors[0]
        field = ".".join(str(part) for part in loc)
        raise ContentError(path, _line(lines, loc), f"{field}: {message}")
    if instrument.id != path.stem:
        raise ContentError(
            path, _line(lines, ("id",)), f"id: must match the file name {path.stem!r}"
        )
    return instrument


@cache
def all_instruments() -> dict[str, Instrument]:
    """Every instrument shipped with the app, by id, in a stable order."""
    return {
        instrument.id: instrument
        for instrument in (load_instrument(path) for path in sorted(INSTRUMENT_DIR.glob("*.yaml")))
    }


# The order people see them in: the project's own inventory first.
DISPLAY_ORDER = ("bii", "phq9", "gad7", "pss10", "scs_sf")


def instrument_list() -> list[Instrument]:
    instruments = all_instruments()
    known = [instruments[i] for i in DISPLAY_ORDER if i in instruments]
    return known + [v for k, v in instruments.items() if k not in DISPLAY_ORDER]


def get_instrument(instrument_id: str) -> Instrument | None:
    return all_instruments().get(instrument_id)
