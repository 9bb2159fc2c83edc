"""``bridgework evaluate``: recall, precision and F1 of screening and patterns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bridgework.screening.evaluation import DATA_DIR, evaluate, format_report, meets_targets


class Command(BaseCommand):
    help = "Measure crisis screening and pattern recognition on the labelled sets (held-out split by default)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--split", choices=["held_out", "train", "all"], default="held_out")
        parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
        parser.add_argument("--check", action="store_true", help="exit 1 when a target is not met")

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir: Path = options["data_dir"]
        if not data_dir.is_dir():
            raise CommandError(
                f"{data_dir}: labelled sets not found (they live in the source tree's tests/data)"
            )
        split = None if options["split"] == "all" else options["split"]
        result = evaluate(data_dir, split)
        self.stdout.write(format_report(result, split))
        if options["check"] and not all(meets_targets(result).values()):
            raise CommandError("a target is not met")
