"""The circle map: concentric rings with each person placed in theirs. Pure: no Django import.

``layout`` places people deterministically (same people → same drawing, whatever order
they arrive in): within a ring they are sorted by name and spread evenly around it,
starting at the top. A ring holding more people than fit side by side alternates them
between two radii inside its band. ``render_svg`` draws the result; every name and URL is
escaped here. The map is a picture *plus* links: each person is an ``<a>`` that opens
their page, and the page also offers a table of the same people for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from .observations import KIND_LETTERS, KINDS, RINGS

SIZE = 600
CENTRE = SIZE / 2
YOU_RADIUS = 44
# Each ring's band, as (inner, outer) radius; people sit between the two.
BANDS = {"close": (YOU_RADIUS, 130.0), "middle": (130.0, 205.0), "outer": (205.0, 285.0)}
NODE_RADIUS = 17
# Closest two people's centres may be along a ring before they alternate radii.
MIN_SPACING = 54.0
NAME_CHARS = 14
RING_TITLES = {"close": "Close", "middle": "Middle", "outer": "Outer"}
KIND_WORDS = {
    "listening": "listening",
    "practical": "practical help",
    "information": "information or advice",
    "company": "company",
}


@dataclass(frozen=True)
class MapPerson:
    id: int
    name: str
    ring: str
    helps_with: tuple[str, ...]
    url: str


@dataclass(frozen=True)
class Placed:
    person: MapPerson
    x: float
    y: float

    @property
    def letters(self) -> str:
        return "".join(KIND_LETTERS[kind] for kind in KINDS if kind in self.person.helps_with)


def ring_capacity(ring: str) -> int:
    """How many people fit evenly on the ring's middle line at ``MIN_SPACING`` apart."""
    inner, outer = BANDS[ring]
    return max(1, int(2 * math.pi * (inner + outer) / 2 // MIN_SPACING))


def layout(people: Iterable[MapPerson]) -> list[Placed]:
    everyone = list(people)
    placed: list[Placed] = []
    for ring_index, ring in enumerate(RINGS):
        members = sorted(
            (person for person in everyone if person.ring == ring),
            key=lambda person: (person.name.casefold(), person.id),
        )
        placed.extend(_place_ring(ring, ring_index, members))
    return placed


def _place_ring(ring: str, ring_index: int, members: Sequence[MapPerson]) -> list[Placed]:
    if not members:
        return []
    inner, outer = BANDS[ring]
    middle = (inner + outer) / 2
    crowded = len(members) > ring_capacity(ring)
    # Rings start a little apart so people in neighbouring rings do not line up.
    step = 2 * math.pi / len(members)
    start = -math.pi / 2 + ring_index * step / 3
    quarter = (outer - inner) / 4
    result = []
    for index, person in enumerate(members):
        radius = middle
        if crowded:
            radius = middle - quarter if index % 2 == 0 else middle + quarter
        angle = start + index * step
        x = CENTRE + radius * math.cos(angle)
        y = CENTRE + radius * math.sin(angle)
        result.append(Placed(person, round(x, 1), round(y, 1)))
    return result


def _short(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"


def person_description(person: MapPerson) -> str:
    kinds = [KIND_WORDS[kind] for kind in KINDS if kind in person.helps_with]
    helps = ", ".join(kinds) if kinds else "nothing chosen yet"
    return f"{person.name}: {RING_TITLES[person.ring].lower()} ring, could help with {helps}"


def render_svg(placed: Sequence[Placed], *, title: str = "Your circle") -> str:
    """The map as an SVG string; every interpolated name and URL is escaped."""
    parts = [
        f'<svg class="circle-map" viewBox="0 0 {SIZE} {SIZE}" role="group" '
        f'aria-labelledby="circle-map-title">',
        f'<title id="circle-map-title">{escape(title)}</title>',
    ]
    for ring in reversed(RINGS):
        _, outer = BANDS[ring]
        parts.append(
            f'<circle class="ring ring-{ring}" cx="{CENTRE:.0f}" cy="{CENTRE:.0f}" r="{outer:.0f}"/>'
        )
        parts.append(
            f'<text class="ring-label" x="{CENTRE:.0f}" y="{CENTRE - outer + 14:.0f}" '
            f'text-anchor="middle" aria-hidden="true">{RING_TITLES[ring]}</text>'
        )
    parts.append(
        f'<circle class="you" cx="{CENTRE:.0f}" cy="{CENTRE:.0f}" r="{YOU_RADIUS}"/>'
        f'<text class="you-label" x="{CENTRE:.0f}" y="{CENTRE + 5:.0f}" '
        f'text-anchor="middle">You</text>'
    )
    for spot in placed:
        person = spot.person
        letters = spot.letters or "·"
        parts.append(
            f'<a class="person person-{person.ring}" href="{escape(person.url)}" '
            f'aria-label="{escape(person_description(person))}">'
            f"<title>{escape(person_description(person))}</title>"
            f'<circle cx="{spot.x}" cy="{spot.y}" r="{NODE_RADIUS}"/>'
            f'<text class="kinds" x="{spot.x}" y="{spot.y + 4:.1f}" text-anchor="middle">'
            f"{letters}</text>"
            f'<text class="name" x="{spot.x}" y="{spot.y + NODE_RADIUS + 13:.1f}" '
            f'text-anchor="middle">{escape(_short(person.name))}</text>'
            "</a>"
        )
    parts.append("</svg>")
    return "".join(parts)
