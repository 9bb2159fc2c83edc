"""``bridgework report --user EMAIL --out FILE.pdf [--areas a,b …]``: a person's PDF report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from bridgework.care.models import AREAS
from bridgework.care.report import PdfUnavailable, render_pdf


class Command(BaseCommand):
    help = (
        "Write a person's PDF report of the areas chosen (default: all of them: "
        f"{', '.join(AREAS)}). Exit code 2 on bad input, 3 when PDFs cannot be made here."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: _fail(message)  # type: ignore[method-assign]
        return parser

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
            _fail(f"no account with the e-mail address {options['user']!r}")
            return
        out = Path(options["out"])
        if not out.parent.is_dir():
            _fail(f"the folder {str(out.parent)!r} does not exist")
        try:
            pdf = render_pdf(person, areas)
        except PdfUnavailable as exc:
            sys.stderr.write(f"bridgework report: {exc}\n")
            sys.exit(3)
        out.write_bytes(pdf)
        self.stdout.write(f"Wrote {out} ({len(pdf):,} bytes): {', '.join(areas)}.")


def _areas(given: list[str] | None) -> list[str]:
    if not given:
        return list(AREAS)
    areas = [part.strip() for item in given for part in item.split(",") if part.strip()]
    unknown = [area for area in areas if area not in AREAS]
    if unknown:
        _fail(f"unknown area {unknown[0]!r} (known: {', '.join(AREAS)})")
    return [area for area in AREAS if area in areas]


def _fail(message: str) -> None:
    sys.stderr.write(f"bridgework report: {message}\n")
    sys.exit(2)
