"""Small server-side SVG charts. Every chart must be shown with a data table of the same
numbers (screen readers and keyboard users read the table; the SVG is a labelled image).

Each chart is drawn twice: a wide drawing (640 units, ``svg.chart``) and a phone drawing
(360 units, ``svg.chart-phone``, labels above the bars); the stylesheet shows one of them,
so text is never scaled below 12 px on a 390 px phone and nothing needs JavaScript.
Axes are "nice": whole numbers for counts (never 0 / 0.5 / 1), at most about five ticks.

Pure module apart from ``mark_safe``: all labels are escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
PHONE_WIDTH = 360
ROW = 28
# Average glyph width of the UI font, as a share of the font size; enough to keep labels
# from colliding or being cut off.
GLYPH = 0.58
FONT = 12
PHONE_FONT = 13


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _text_width(text: str, font: float) -> float:
    return len(text) * font * GLYPH


def _clip(text: str, room: float, font: float) -> str:
    """The label, cut with an ellipsis if it would not fit in ``room`` units."""
    most = max(3, int(room / (font * GLYPH)))
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _all_whole(values: Sequence[float]) -> bool:
    return all(float(v).is_integer() for v in values)


def ticks(minimum: float, maximum: float, *, whole: bool, most: int = 5) -> list[float]:
    """Round, evenly spaced tick values covering ``minimum`` to ``maximum``, at most
    ``most`` intervals. The last tick may lie above ``maximum`` (the axis then ends there).

    With ``whole`` (counts, scores) every tick is an integer: a count of 0 or 1 gets the
    ticks 0 and 1, never 0 / 0.5 / 1.
    """
    span = maximum - minimum
    if span <= 0:
        return [minimum]
    power = math.floor(math.log10(span))
    candidates = sorted(
        {m * 10.0**e for e in range(power - 2, power + 2) for m in (1, 2, 2.5, 3, 4, 5)}
    )
    if whole:
        candidates = [c for c in candidates if c >= 1 and float(c).is_integer()]
        # A small fixed scale (e.g. 0–27) reads best ending exactly at its top.
        if span <= 30 and float(span).is_integer():
            candidates = sorted({*candidates, *(span / k for k in (2, 3, 4) if (span / k).is_integer())})

    def exact(step: float) -> bool:
        return (
            abs(span / step - round(span / step)) < 1e-9
            and abs(minimum / step - round(minimum / step)) < 1e-9
        )

    chosen = next((c for c in candidates if exact(c) and 2 <= round(span / c) <= most), None)
    if chosen is None:
        chosen = next(
            c
            for c in [*candidates, span]
            if math.ceil(maximum / c - 1e-9) - math.floor(minimum / c + 1e-9) <= most
        )
    low = math.floor(minimum / chosen + 1e-9) * chosen
    high = math.ceil(maximum / chosen - 1e-9) * chosen
    count = round((high - low) / chosen)
    return [round(low + i * chosen, 6) for i in range(count + 1)]


def _svg_open(css_class: str, width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg class="{css_class}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)} (the table below has the same data)">',
        f"<title>{escape(title)}</title>",
    ]


def _box(wide: list[str], phone: list[str]) -> SafeString:
    html = '<div class="chart-box">' + "".join(wide) + "".join(phone) + "</div>"
    return mark_safe(html)  # noqa: S308 - every interpolated label is escaped


def _fraction(value: float, minimum: float, span: float) -> float:
    return max(0.0, min(1.0, (value - minimum) / span))


def bar_chart(
    title: str, points: Sequence[Point], *, maximum: float, minimum: float = 0.0
) -> SafeString:
    """Horizontal bars, one per point, scaled from ``minimum`` to ``maximum``."""
    span = (maximum - minimum) or 1.0

    # Wide: labels in a column on the left, sized to the longest label (within reason).
    longest = max((_text_width(p.label, FONT) for p in points), default=0)
    label_w = int(min(WIDTH * 0.42, max(80, longest + 14)))
    pad = 50
    usable = WIDTH - label_w - pad
    height = ROW * len(points) + 20
    wide = _svg_open("chart", WIDTH, height, title)
    for index, point in enumerate(points):
        y = 10 + index * ROW
        label = _clip(point.label, label_w - 14, FONT)
        wide.append(
            f'<text class="bar-label" x="{label_w - 8}" y="{y + 17}" text-anchor="end">{escape(label)}</text>'
        )
        if point.value is None:
            wide.append(f'<text x="{label_w + 4}" y="{y + 17}">no score</text>')
            continue
        width = max(1.0, _fraction(point.value, minimum, span) * usable)
        wide.append(
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{width:.1f}" height="{ROW - 10}" rx="3"/>'
        )
        wide.append(
            f'<text class="value-label" x="{label_w + width + 6:.1f}" y="{y + 17}">{_fmt(point.value)}</text>'
        )
    wide.append("</svg>")

    # Phone: each label on its own line above a full-width bar.
    row = 38
    pad = 44
    usable = PHONE_WIDTH - pad
    height = row * len(points) + 8
    phone = _svg_open("chart-phone", PHONE_WIDTH, height, title)
    for index, point in enumerate(points):
        y = 4 + index * row
        label = _clip(point.label, PHONE_WIDTH - 4, PHONE_FONT)
        phone.append(f'<text class="bar-label" x="0" y="{y + 13}">{escape(label)}</text>')
        if point.value is None:
            phone.append(f'<text x="0" y="{y + 31}">no score</text>')
            continue
        width = max(1.0, _fraction(point.value, minimum, span) * usable)
        phone.append(
            f'<rect class="bar" x="0" y="{y + 18}" width="{width:.1f}" height="15" rx="3"/>'
        )
        phone.append(
            f'<text class="value-label" x="{width + 6:.1f}" y="{y + 30}">{_fmt(point.value)}</text>'
        )
    phone.append("</svg>")
    return _box(wide, phone)


def _line(
    css_class: str,
    title: str,
    points: Sequence[Point],
    *,
    width: int,
    height: int,
    font: float,
    minimum: float,
    maximum: float,
    whole: bool,
) -> list[str]:
    marks = ticks(minimum, maximum, whole=whole)
    minimum, maximum = min(minimum, marks[0]), max(maximum, marks[-1])
    tick_w = max(_text_width(_fmt(t), font) for t in marks)
    left, right, top, bottom = int(tick_w + 14), 10, 12, 30
    usable_w = width - left - right
    usable_h = height - top - bottom
    span = (maximum - minimum) or 1.0
    n = len(points)
    parts = _svg_open(css_class, width, height, title)
    for tick in marks:
        y = top + usable_h - (tick - minimum) / span * usable_h
        parts.append(f'<line class="grid-line" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(
            f'<text class="tick-label" x="{left - 6}" y="{y + font / 3:.1f}" text-anchor="end">{_fmt(tick)}</text>'
        )
    xs = [left + (usable_w * i / (n - 1) if n > 1 else usable_w / 2) for i in range(n)]
    # As many date labels as fit without touching, always the first and the last.
    label_w = max((_text_width(p.label, font) for p in points), default=0) + font
    fit = max(2, int(usable_w // max(label_w, 1)) + 1)
    if n <= fit:
        shown = list(range(n))
    else:
        shown = sorted({round(i * (n - 1) / (fit - 1)) for i in range(fit)})
    for index in shown:
        x = xs[index]
        anchor = "middle"
        if n > 1 and index == 0:
            anchor, x = "start", x - min(6.0, left - 2)
        elif n > 1 and index == n - 1:
            anchor = "end"
        parts.append(
            f'<text class="tick-label" x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}">'
            f"{escape(points[index].label)}</text>"
        )
    coords: list[tuple[float, float] | None] = []
    for x, point in zip(xs, points, strict=True):
        if point.value is None:
            coords.append(None)
        else:
            clamped = max(minimum, min(maximum, point.value))
            coords.append((x, top + usable_h - (clamped - minimum) / span * usable_h))
    segment: list[str] = []
    for coord in [*coords, None]:
        if coord is None:
            if len(segment) > 1:
                parts.append(f'<polyline class="line" points="{" ".join(segment)}"/>')
            segment = []
        else:
            segment.append(f"{coord[0]:.1f},{coord[1]:.1f}")
    radius = 4 if n <= 40 else 2.5
    for coord in coords:
        if coord is not None:
            parts.append(f'<circle class="dot" cx="{coord[0]:.1f}" cy="{coord[1]:.1f}" r="{radius}"/>')
    parts.append("</svg>")
    return parts


def line_chart(
    title: str, points: Sequence[Point], *, maximum: float, minimum: float = 0.0, height: int = 220
) -> SafeString:
    """A line through the points in order (e.g. dates); gaps where a value is None.

    Counts and whole-number scores get whole-number ticks.
    """
    values = [p.value for p in points if p.value is not None]
    whole = _all_whole([*values, minimum, maximum])
    wide = _line(
        "chart", title, points, width=WIDTH, height=height, font=FONT,
        minimum=minimum, maximum=maximum, whole=whole,
    )
    phone = _line(
        "chart-phone", title, points, width=PHONE_WIDTH, height=max(180, int(height * 0.9)),
        font=PHONE_FONT, minimum=minimum, maximum=maximum, whole=whole,
    )
    return _box(wide, phone)
