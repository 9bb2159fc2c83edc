"""``bridgework voice-check``: feedback on message drafts, one per line, as JSON lines.

    echo "Sorry, could you maybe help?" | bridgework voice-check
    bridgework voice-check --evaluate tests/data/voice/voice_a.csv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from bridgework.core.management.base import BridgeworkCommand
from bridgework.voice.evaluation import evaluate, read_rows
from bridgework.voice.feedback import check


class Command(BridgeworkCommand):
    help = (
        "Read one message per line on stdin and print one JSON line each: "
        '{"has_feeling", "has_need", "has_request", "issues": [{"id", "evidence"}]}. '
        "With --evaluate FILE.csv, measure the feedback on a labelled set instead."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--evaluate", type=Path, metavar="FILE.csv", help="a labelled CSV set to measure")
        parser.add_argument("--mistakes", action="store_true", help="with --evaluate: list the messages it got wrong")
        parser.add_argument("--check", action="store_true", help="with --evaluate: exit 1 when a target is not met")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options["evaluate"]
        if path is None:
            for line in sys.stdin:
                text = line.rstrip("\r\n")
                self.stdout.write(json.dumps(check(text).as_json(), ensure_ascii=False))
            return
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            rows = read_rows(path)
        except (KeyError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: not a labelled set ({exc})") from None
        report = evaluate(rows)
        for line in report.lines():
            self.stdout.write(line)
        if options["mistakes"]:
            for row, result in report.mistakes:
                self.stdout.write(
                    f"\n{row.text}\n  want f={int(row.has_feeling)} n={int(row.has_need)} r={int(row.has_request)} "
                    f"{sorted(row.issues)}\n  got  f={int(result.has_feeling)} n={int(result.has_need)} "
                    f"r={int(result.has_request)} {[(i.id, i.evidence) for i in result.issues]}"
                )
        if options["check"] and not report.meets_targets():
            raise CommandError("a target is not met")
