"""``bridgework score ID --responses 1,0,2,...``: score one set of answers as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandError, CommandParser

from bridgework.assess.instruments import all_instruments, get_instrument
from bridgework.assess.scoring import ScoringError, parse_response_list, score
from bridgework.core.management.base import BridgeworkCommand


class Command(BridgeworkCommand):
    help = (
        "Score answers to an instrument. Prints one JSON object: instrument, total, band, "
        "subscales. An empty field is an unanswered item. Exit code 2 on bad input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument", help=f"one of: {', '.join(all_instruments())}")
        parser.add_argument(
            "--responses", required=True, help="values in item order, comma-separated"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        instrument = get_instrument(options["instrument"])
        if instrument is None:
            raise CommandError(
                f"unknown instrument {options['instrument']!r} "
                f"(known: {', '.join(all_instruments())})",
                returncode=2,
            )
        try:
            responses = parse_response_list(instrument, options["responses"])
            result = score(instrument, responses)
        except ScoringError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(json.dumps(result.as_dict(instrument.id)))
