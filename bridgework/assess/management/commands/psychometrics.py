"""``bridgework psychometrics FILE.csv --items A1,A2,... --min 1 --max 6``: scale reliability."""

from __future__ import annotations

import json
import math
from typing import Any

from django.core.management.base import CommandError, CommandParser

from bridgework.assess.psychometrics import PsychometricsError, read_items_csv, reliability
from bridgework.core.management.base import BridgeworkCommand


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


class Command(BridgeworkCommand):
    help = (
        "Reliability of a scale from a CSV with a header row: Cronbach's alpha (raw and "
        "standardised, 95%% Feldt interval), average inter-item r, McDonald's omega total, "
        "alpha if an item is dropped and corrected item-total r, computed as R psych does. "
        "Pairwise-complete by default. Prints one JSON object; exit code 2 on bad input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV file; empty cells and NA are missing")
        parser.add_argument("--items", required=True, help="columns to analyse, comma-separated")
        parser.add_argument("--reverse", default="", help="reverse-keyed items, comma-separated")
        parser.add_argument("--min", type=float, required=True, help="lowest possible answer")
        parser.add_argument("--max", type=float, required=True, help="highest possible answer")
        parser.add_argument(
            "--listwise", action="store_true", help="use only rows that answer every item"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        items = _names(options["items"])
        try:
            data = read_items_csv(options["file"], items)
            result = reliability(
                data,
                items=items,
                reverse=_names(options["reverse"]),
                minimum=options["min"],
                maximum=options["max"],
                listwise=options["listwise"],
            )
        except PsychometricsError as exc:
            raise CommandError(str(exc), returncode=2) from None
        headline = (result.alpha, result.std_alpha, result.average_r, result.omega_total)
        if not all(math.isfinite(v) for v in (*headline, *result.alpha_ci)):
            raise CommandError(
                "the items do not vary together enough to estimate reliability", returncode=2
            )
        # JSON has no NaN: a per-item figure that is undefined (an item whose removal
        # leaves items that cancel out) is null, so the output stays parseable.
        payload = result.as_dict()
        for key in ("alpha_if_dropped", "item_total"):
            per_item: Any = payload[key]
            payload[key] = {
                name: value if value is None or math.isfinite(value) else None
                for name, value in per_item.items()
            }
        self.stdout.write(json.dumps(payload, allow_nan=False))
