"""``bridgework evaluate``: how well crisis screening and pattern recognition do.

By default: the original held-out split, then every set in ``tests/data/fresh/`` (written
by people who never saw the rules). ``--file PATH`` evaluates any CSV of either shape
(crisis: text, level, in_progress, about, category; patterns: text, patterns).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from bridgework.core.management.base import BridgeworkCommand
from bridgework.screening.evaluation import (
    evaluate_file,
    evaluate_held_out,
    fresh_files,
)


class Command(BridgeworkCommand):
    help = (
        "Measure crisis screening and pattern recognition: per category, urgent recall, "
        "in-progress, about someone else, false alarms and a confusion matrix."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file", type=Path, action="append", help="a labelled CSV (repeatable)"
        )
        parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
        parser.add_argument("--check", action="store_true", help="exit 1 when a target is not met")

    def handle(self, *args: Any, **options: Any) -> None:
        files: list[Path] | None = options["file"]
        reports: list[tuple[str, bool]] = []
        if files:
            for path in files:
                if not path.is_file():
                    raise CommandError(f"{path}: no such file")
                reports.append(evaluate_file(path, errors=options["errors"]))
        else:
            reports.append(evaluate_held_out(errors=options["errors"]))
            reports += [evaluate_file(p, errors=options["errors"]) for p in fresh_files()]
        self.stdout.write("\n\n".join(report for report, _ in reports))
        if options["check"] and not all(ok for _, ok in reports):
            raise CommandError("a target is not met")
