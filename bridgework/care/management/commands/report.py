"""``bridgework report --user EMAIL --out FILE.pdf [--areas a,b …]``: a person's PDF report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError, CommandParser

from bridgework.care.models import AREAS
from bridgework.care.report import PdfUnavailable, render_pdf
from bridgework.core.management.base import BridgeworkCommand


class Command(BridgeworkCommand):
    help = (
        "Write a person's PDF report of the areas chosen (default: all of them: "
        f"{', '.join(AREAS)}). Exit code 2 on bad input, 3 when PDFs cannot be made here."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="the person's e-mail address")
        parser.add_argument("--out", required=True, help="where to write the PDF")
        parser.add_argument(
            "--areas",
            nargs="+",
            default=None,
            help=f"areas to include, separated by spaces or commas (any of: {', '.join(AREAS)})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        areas = _areas(options["areas"])
        person = get_user_model().objects.filter(email__iexact=options["user"]).first()
        if person is None:
            raise CommandError(
                f"no account with the e-mail address {options['user']!r}", returncode=2
            )
        out = Path(options["out"])
        if not out.parent.is_dir():
            raise CommandError(f"the folder {str(out.parent)!r} does not exist", returncode=2)
        try:
            pdf = render_pdf(person, areas)
        except PdfUnavailable as exc:
            raise CommandError(str(exc), returncode=3) from None
        out.write_bytes(pdf)
        self.stdout.write(f"Wrote {out} ({len(pdf):,} bytes): {', '.join(areas)}.")


def _areas(given: list[str] | None) -> list[str]:
    if not given:
        return list(AREAS)
    areas = [part.strip() for item in given for part in item.split(",") if part.strip()]
    unknown = [area for area in areas if area not in AREAS]
    if unknown:
        raise CommandError(f"unknown area {unknown[0]!r} (known: {', '.join(AREAS)})", returncode=2)
    return [area for area in AREAS if area in areas]
