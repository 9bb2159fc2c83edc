"""Small server-side SVG charts. Every chart must be shown with a data table of the same
numbers (screen readers and keyboard users read the table; the SVG is ``aria-hidden``
apart from its title).

Pure module apart from ``mark_safe``: all labels are escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
ROW = 28


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def bar_chart(
    title: str, points: Sequence[Point], *, maximum: float, minimum: float = 0.0
) -> SafeString:
    """Horizontal bars, one per point, scaled from ``minimum`` to ``maximum``."""
    label_w, pad = 200, 50
    height = ROW * len(points) + 30
    span = (maximum - minimum) or 1.0
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)} (the table below has the same data)">',
        f"<title>{escape(title)}</title>",
    ]
    usable = WIDTH - label_w - pad
    for index, point in enumerate(points):
        y = 10 + index * ROW
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{escape(point.label)}</text>'
        )
        if point.value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 17}">no score</text>')
            continue
        fraction = max(0.0, min(1.0, (point.value - minimum) / span))
        width = max(1.0, fraction * usable)
        parts.append(
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{width:.1f}" height="{ROW - 10}" rx="3"/>'
        )
        parts.append(f'<text x="{label_w + width + 6:.1f}" y="{y + 17}">{_fmt(point.value)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated label is escaped


def line_chart(
    title: str, points: Sequence[Point], *, maximum: float, minimum: float = 0.0, height: int = 220
) -> SafeString:
    """A line through the points in order (e.g. dates); gaps where a value is None."""
    left, right, top, bottom = 44, 16, 14, 40
    usable_w = WIDTH - left - right
    usable_h = height - top - bottom
    span = (maximum - minimum) or 1.0
    n = len(points)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)} (the table below has the same data)">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in (minimum, minimum + span / 2, maximum):
        y = top + usable_h - (tick - minimum) / span * usable_h
        parts.append(f'<line class="grid-line" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(tick)}</text>')
    coords: list[tuple[float, float] | None] = []
    for index, point in enumerate(points):
        x = left + (usable_w * index / (n - 1) if n > 1 else usable_w / 2)
        if point.value is None:
            coords.append(None)
        else:
            clamped = max(minimum, min(maximum, point.value))
            coords.append((x, top + usable_h - (clamped - minimum) / span * usable_h))
        if n <= 12 or index % max(1, n // 8) == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{height - 12}" text-anchor="middle">{escape(point.label)}</text>'
            )
    segment: list[str] = []
    for coord in [*coords, None]:
        if coord is None:
            if len(segment) > 1:
                parts.append(f'<polyline class="line" points="{" ".join(segment)}"/>')
            segment = []
        else:
            segment.append(f"{coord[0]:.1f},{coord[1]:.1f}")
    for coord in coords:
        if coord is not None:
            parts.append(f'<circle class="dot" cx="{coord[0]:.1f}" cy="{coord[1]:.1f}" r="4"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated label is escaped
