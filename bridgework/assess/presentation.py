"""Turning stored scores into what the pages show: charts, tables, practice links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from bridgework.core.charts import Point, bar_chart, line_chart

from .instruments import Instrument, Practice, Subscale
from .models import Sitting
from .rci import ReliableChange, reliable_change


@dataclass(frozen=True)
class PracticeLink:
    text: str
    url: str | None
    label: str | None


def practice_link(practice: Practice) -> PracticeLink:
    """A suggestion, linked only when its page exists in this installation."""
    url = None
    if practice.link:
        try:
            url = reverse(practice.link)
        except NoReverseMatch:
            url = None
    return PracticeLink(text=practice.text, url=url, label=practice.link_label if url else None)


@dataclass(frozen=True)
class SubscaleRow:
    subscale: Subscale
    value: float | None
    low: float
    high: float


def subscale_rows(instrument: Instrument, sitting: Sitting) -> list[SubscaleRow]:
    rows = []
    for subscale in instrument.subscales:
        low, high = instrument.subscale_range(subscale)
        rows.append(SubscaleRow(subscale, sitting.subscales.get(subscale.id), low, high))
    return rows


def profile_chart(instrument: Instrument, rows: Sequence[SubscaleRow]) -> SafeString | None:
    if not rows:
        return None
    return bar_chart(
        f"{instrument.short_title}: your profile",
        [Point(row.subscale.title, row.value) for row in rows],
        minimum=rows[0].low,
        maximum=rows[0].high,
    )


def practice_for(instrument: Instrument, rows: Sequence[SubscaleRow]) -> list[PracticeLink]:
    """The two highest-scoring areas' suggestions first, then the instrument's own."""
    ranked = sorted(
        (row for row in rows if row.value is not None and row.subscale.practise is not None),
        key=lambda row: row.value or 0.0,
        reverse=True,
    )
    suggestions = [
        practice_link(row.subscale.practise) for row in ranked[:2] if row.subscale.practise
    ]
    return suggestions + [practice_link(practice) for practice in instrument.practise]


def history_charts(
    instrument: Instrument, sittings: Sequence[Sitting]
) -> list[tuple[str, SafeString]]:
    # Dates in the person's own time zone, as the table under the chart shows them.
    labels = [
        timezone.localtime(a.submitted_at).strftime("%d %b %Y") if a.submitted_at else ""
        for a in sittings
    ]
    low, high = instrument.score_range()
    charts = [
        (
            "Total",
            line_chart(
                f"{instrument.short_title}: total over time",
                [Point(label, a.total) for label, a in zip(labels, sittings, strict=True)],
                minimum=low,
                maximum=high,
            ),
        )
    ]
    for subscale in instrument.subscales:
        low, high = instrument.subscale_range(subscale)
        charts.append(
            (
                subscale.title,
                line_chart(
                    f"{subscale.title} over time",
                    [
                        Point(label, a.subscales.get(subscale.id))
                        for label, a in zip(labels, sittings, strict=True)
                    ],
                    minimum=low,
                    maximum=high,
                    height=160,
                ),
            )
        )
    return charts


def change_between(
    instrument: Instrument, before: Sitting, after: Sitting
) -> ReliableChange | None:
    if instrument.norms is None or before.total is None or after.total is None:
        return None
    return reliable_change(
        before.total,
        after.total,
        sd=instrument.norms.sd,
        reliability=instrument.norms.reliability,
        higher_is=instrument.scoring.higher_is,
    )
