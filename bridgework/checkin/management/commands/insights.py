from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from bridgework.checkin.insights import MIN_N, CsvProblem, correlations, read_csv
from bridgework.core.management.base import BridgeworkCommand


class Command(BridgeworkCommand):
    help = (
        "Spearman correlations of every pair of columns of a daily CSV, same day (lag 0) "
        "and next day (lag 1), with 95% intervals and Benjamini-Hochberg q: one JSON "
        "line per pair reported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV with a 'date' column (YYYY-MM-DD) and numeric columns")
        parser.add_argument("--min-n", type=int, default=MIN_N, help="fewest days a pair needs (default 14)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        min_n: int = options["min_n"]
        if min_n < 4:
            raise CommandError("--min-n must be at least 4 (the interval needs n - 3 > 0)", returncode=2)
        try:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                rows = list(csv.reader(handle))
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}", returncode=2) from None
        except UnicodeDecodeError:
            raise CommandError(f"{path}: not a UTF-8 text file", returncode=2) from None
        try:
            series = read_csv(rows)
        except CsvProblem as exc:
            raise CommandError(f"{path}:{exc.line}: {str(exc).split(': ', 1)[1]}", returncode=2) from None
        for result in correlations(series, min_n=min_n):
            self.stdout.write(json.dumps(result.as_json()))
