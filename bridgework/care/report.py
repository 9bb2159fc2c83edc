"""The PDF report: the chosen areas as HTML (SVG charts with their tables), printed by
WeasyPrint as a tagged PDF (PDF/UA structure where WeasyPrint can give it).

WeasyPrint needs Debian's pango at run time (``libpango-1.0-0 libpangoft2-1.0-0``); when
it cannot load, ``PdfUnavailable`` carries a sentence saying so and the pages show it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from .models import AREA_LABELS, AREAS
from .summaries import (
    assessment_summaries_for,
    checkin_summary_for,
    circle_summary_for,
    ladder_summary_for,
    safety_sections,
    saved_safety_plan_for,
)

STYLESHEET = Path(__file__).resolve().parent / "static" / "care" / "report.css"


# WeasyPrint draws SVG with the styles inside the SVG only; the web pages colour the
# charts from core's stylesheet, so the report puts the same rules into each chart.
SVG_STYLE = (
    "<style>text{font-size:11px;fill:#333}.line{fill:none;stroke:#1f5f8b;stroke-width:2.5}"
    ".dot,.bar{fill:#1f5f8b}.grid-line{stroke:#ccc;stroke-width:1}</style>"
)
_CHART_OPEN = re.compile(r'(<svg class="chart"[^>]*>)')

log = logging.getLogger(__name__)


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs are missing."""


def report_html(person: Any, areas: list[str], *, notes: bool = True, names: bool = True) -> str:
    """The report's HTML for ``areas`` (in the app's order), as WeasyPrint will print it."""
    unknown = [area for area in areas if area not in AREAS]
    if unknown:
        raise ValueError(f"unknown areas: {', '.join(unknown)}")
    chosen = [area for area in AREAS if area in areas]
    plan = saved_safety_plan_for(person) if "safety_plan" in chosen else None
    profile = getattr(person, "profile", None)
    context = {
        "name": (getattr(profile, "display_name", "") or person.email or "Bridgework report"),
        "generated": timezone.localtime(),
        "areas": [(area, AREA_LABELS[area]) for area in chosen],
        "assessments": assessment_summaries_for(person) if "assessments" in chosen else None,
        "ladder": ladder_summary_for(person, notes=notes) if "ladder" in chosen else None,
        "checkins": checkin_summary_for(person) if "checkins" in chosen else None,
        "circle": circle_summary_for(person, names=names) if "circle" in chosen else None,
        "plan": plan,
        "plan_sections": safety_sections(plan) if plan else [],
        "chosen": chosen,
    }
    return _CHART_OPEN.sub(lambda m: m.group(1) + SVG_STYLE, render_to_string("care/report.html", context))


def render_pdf(person: Any, areas: list[str], *, notes: bool = True, names: bool = True) -> bytes:
    html = report_html(person, areas, notes=notes, names=names)
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: pango or its friends are missing
        raise PdfUnavailable(
            "PDF reports need WeasyPrint and the pango libraries "
            "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0). "
            f"It could not be loaded here: {exc}"
        ) from None
    document = weasyprint.HTML(string=html, base_url=str(STYLESHEET.parent))
    stylesheets = [weasyprint.CSS(filename=str(STYLESHEET))]
    try:
        # A structure tree (headings, tables, lists) for screen readers.
        pdf = document.write_pdf(stylesheets=stylesheets, pdf_tags=True, custom_metadata=True)
    except (ValueError, AssertionError) as exc:
        # WeasyPrint's tagging still fails on some layouts; an untagged PDF beats none.
        log.warning("tagged PDF failed (%s); writing it untagged", exc)
        pdf = document.write_pdf(stylesheets=stylesheets, custom_metadata=True)
    if pdf is None:  # only when writing to a target; kept for the type checker
        raise PdfUnavailable("WeasyPrint produced no PDF.")
    return bytes(pdf)
