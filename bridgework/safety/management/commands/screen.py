"""``bridgework screen``: one text per line on stdin, one JSON object per line on stdout.

Output contract: ``{"level": "none"|"concern"|"urgent", "crisis": bool,
"in_progress": bool, "about": "self"|"other",
"patterns": [{"id": ..., "evidence": ..., "score": ...}]}``. ``crisis`` is true whenever
help should be shown, also when the writer is worried about someone else. Nothing is
stored.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from bridgework.core.management.base import BridgeworkCommand
from bridgework.screening.crisis import screen
from bridgework.screening.patterns import recognise


def screen_line(text: str) -> dict[str, Any]:
    result = screen(text)
    return {
        "level": result.level,
        "crisis": result.crisis,
        "in_progress": result.in_progress,
        "about": result.about,
        "patterns": [
            {"id": m.id, "evidence": m.evidence, "score": m.score} for m in recognise(text)
        ],
    }


class Command(BridgeworkCommand):
    help = (
        "Screen text read from standard input, one text per line; print one JSON object per line."
    )
    requires_system_checks: list[str] = []
    # Tests pass a file-like ``stdin`` through call_command.
    stealth_options = ("stdin",)

    def handle(self, *args: Any, **options: Any) -> None:
        stdin = options.get("stdin") or sys.stdin
        for line in stdin:
            text = line.rstrip("\r\n")
            self.stdout.write(json.dumps(screen_line(text), ensure_ascii=False))
