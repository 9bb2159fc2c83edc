from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "voice"


def test_one_json_line_per_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Sorry, could you maybe help?\nCould you call me at 6?\n\n"))
    out = io.StringIO()
    call_command("voice_check", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 3
    assert lines[0]["has_request"] is True
    assert [i["id"] for i in lines[0]["issues"]] == ["over_apology", "hedging"]
    assert lines[0]["issues"][1]["evidence"] == ["maybe"]
    assert lines[1] == {"has_feeling": False, "has_need": False, "has_request": True, "issues": []}
    assert lines[2]["issues"] == []


def test_evaluate_prints_the_figures() -> None:
    out = io.StringIO()
    call_command("voice_check", "--evaluate", str(DATA / "voice_dev.csv"), "--check", stdout=out)
    text = out.getvalue()
    assert "macro F1" in text and "has_request accuracy" in text and "assertive_clear flagged" in text


def test_evaluate_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("voice_check", "--evaluate", str(tmp_path / "nope.csv"))
