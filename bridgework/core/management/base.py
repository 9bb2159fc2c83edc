"""The base class of every ``bridgework`` management command: one way to fail.

Bad input is a ``CommandError`` with a one-line message, from ``handle`` and from argparse
alike (a missing or malformed option): ``call_command`` raises it, and the command line
prints ``CommandError: <message>`` on stderr, with no usage block and no traceback, and
exits with its ``returncode`` (2 for usage errors). Never ``sys.exit`` or print-and-return.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser


def _usage_error(message: str) -> NoReturn:
    raise CommandError(message, returncode=2)


class BridgeworkCommand(BaseCommand):
    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # argparse would print its usage and exit; Django's parser raises only when called
        # from code. The same one line either way:
        parser.error = _usage_error  # type: ignore[method-assign]
        return parser

    def run_from_argv(self, argv: list[str]) -> None:
        try:
            super().run_from_argv(argv)
        except CommandError as exc:
            # Django reports errors from handle() itself; this is argparse's, raised while
            # parsing, before Django's own reporting starts.
            if "--traceback" in argv:
                raise
            sys.stderr.write(f"CommandError: {exc}\n")
            sys.exit(exc.returncode)
