"""``bridgework score ID --responses 1,0,2,...``: score one set of answers as JSON."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bridgework.assess.instruments import all_instruments, get_instrument
from bridgework.assess.scoring import ScoringError, parse_response_list, score


class Command(BaseCommand):
    help = (
        "Score answers to an instrument. Prints one JSON object: instrument, total, band, "
        "subscales. An empty field is an unanswered item. Exit code 2 on bad input."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # Usage errors are one line and exit 2, like every other bad input here.
        parser.error = lambda message: _fail(message)  # type: ignore[method-assign]
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument", help=f"one of: {', '.join(all_instruments())}")
        parser.add_argument(
            "--responses", required=True, help="values in item order, comma-separated"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        instrument = get_instrument(options["instrument"])
        if instrument is None:
            _fail(
                f"unknown instrument {options['instrument']!r} "
                f"(known: {', '.join(all_instruments())})"
            )
            return
        try:
            responses = parse_response_list(instrument, options["responses"])
            result = score(instrument, responses)
        except ScoringError as exc:
            _fail(str(exc))
            return
        self.stdout.write(json.dumps(result.as_dict(instrument.id)))


def _fail(message: str) -> None:
    sys.stderr.write(f"bridgework score: {message}\n")
    sys.exit(2)
