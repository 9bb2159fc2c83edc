"""``bridgework screen``: the JSON contract adds in_progress and about."""

from __future__ import annotations

import io
import json

from django.core.management import call_command


def _screen(*lines: str) -> list[dict[str, object]]:
    out = io.StringIO()
    call_command("screen", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_screen_reports_in_progress_and_about() -> None:
    under_way, friend, plain = _screen(
        "I just swallowed everything in the medicine cabinet",
        "My friend told me she wants to kill herself",
        "Easier than I thought.",
    )
    assert under_way["level"] == "urgent" and under_way["in_progress"] is True
    assert under_way["about"] == "self" and under_way["crisis"] is True
    assert friend["about"] == "other" and friend["crisis"] is True
    assert friend["in_progress"] is False
    assert plain["crisis"] is False and plain["level"] == "none"
    assert set(plain) == {"level", "crisis", "in_progress", "about", "patterns"}
