"""The circle map's layout and drawing. No database."""

import math
import re

from bridgework.circle.circlemap import (
    BANDS,
    CENTRE,
    MIN_SPACING,
    MapPerson,
    layout,
    render_svg,
    ring_capacity,
)


def person(pid: int, name: str, ring: str, *kinds: str) -> MapPerson:
    return MapPerson(pid, name, ring, tuple(kinds), f"/circle/people/{pid}/")


def radius(x: float, y: float) -> float:
    return math.hypot(x - CENTRE, y - CENTRE)


def test_everyone_is_placed_inside_their_own_ring() -> None:
    people = [person(i, f"P{i}", ring) for i, ring in enumerate(["close", "middle", "outer"] * 5)]
    for spot in layout(people):
        inner, outer = BANDS[spot.person.ring]
        assert inner < radius(spot.x, spot.y) < outer


def test_the_layout_is_the_same_whatever_order_people_arrive_in() -> None:
    people = [person(1, "Zoe", "close"), person(2, "adam", "close"), person(3, "Mo", "outer")]
    forwards = [(s.person.id, s.x, s.y) for s in layout(people)]
    backwards = [(s.person.id, s.x, s.y) for s in layout(list(reversed(people)))]
    assert forwards == backwards
    # Sorted by name within the ring (case-insensitively), the first at the top.
    first = layout(people)[0]
    assert first.person.name == "adam"
    assert first.x == CENTRE and first.y < CENTRE


def test_people_in_a_ring_are_spread_at_least_the_minimum_apart() -> None:
    count = ring_capacity("close")
    spots = layout([person(i, f"P{i:02}", "close") for i in range(count)])
    distances = [
        math.dist((a.x, a.y), (b.x, b.y)) for i, a in enumerate(spots) for b in spots[i + 1 :]
    ]
    assert min(distances) >= MIN_SPACING - 1


def test_a_crowded_ring_alternates_between_two_radii_inside_its_band() -> None:
    count = ring_capacity("close") + 3
    spots = layout([person(i, f"P{i:02}", "close") for i in range(count)])
    inner, outer = BANDS["close"]
    middle, quarter = (inner + outer) / 2, (outer - inner) / 4
    for index, spot in enumerate(spots):
        expected = middle - quarter if index % 2 == 0 else middle + quarter
        assert abs(radius(spot.x, spot.y) - expected) < 0.5


def test_the_svg_links_each_person_and_marks_support_by_letter() -> None:
    svg = render_svg(layout([person(7, "Sam", "close", "listening", "company"), person(8, "Ada", "outer")]))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert '<a class="person person-close" href="/circle/people/7/"' in svg
    assert ">LC</text>" in svg
    assert ">·</text>" in svg  # no support type chosen yet
    assert 'aria-label="Sam: close ring, could help with listening, company"' in svg
    assert svg.count("<a ") == 2


def test_names_are_escaped_and_long_ones_shortened() -> None:
    svg = render_svg(layout([person(1, '<script>alert("x")</script>', "middle")]))
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    visible_names = re.findall(r'<text class="name"[^>]*>([^<]*)</text>', svg)
    assert len(visible_names[0]) <= 14 + 10  # escaped entities may lengthen it a little
    assert visible_names[0].endswith("…")


def test_an_empty_circle_draws_only_the_rings() -> None:
    svg = render_svg(layout([]))
    assert "<a " not in svg
    assert svg.count('class="ring ') == 3
