"""Every ``bridgework`` command reports bad input the same way (core/management/base.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError
from django.db import connection

from bridgework.core.management.base import BridgeworkCommand

MISSING = "/no/such/place/file.csv"

# One bad input per command; a new command fails test_every_command_is_listed until added.
BAD_INPUT: dict[str, tuple[list[str], str]] = {
    "backup": (["--to", "/dev/null/backups"], "cannot create a backup folder"),
    "demo": (["--email", "a@example.org", "--password", "long enough", "--years", "0"], "--years"),
    "evaluate": (["--file", MISSING], "no such file"),
    "insights": ([MISSING], MISSING),
    "psychometrics": ([MISSING, "--items", "a,b", "--min", "1", "--max", "6"], "cannot read file"),
    "report": (["--user", "nobody@example.org", "--out", "x.pdf"], "no account"),
    "restore": (["/no/such/backup"], "Nothing was restored"),
    "rotate_key": (["--no-such-option"], "unrecognized arguments"),
    "score": (["nope", "--responses", "1"], "unknown instrument"),
    "screen": (["--no-such-option"], "unrecognized arguments"),
    "serve": (["not-a-port", "--no-migrate"], "is not a port"),
    "voice_check": (["--evaluate", MISSING], "no such file"),
    "worker": (["--no-such-option"], "unrecognized arguments"),
}


def bridgework_commands() -> list[str]:
    return sorted(name for name, app in get_commands().items() if app.startswith("bridgework."))


def test_every_command_is_listed() -> None:
    assert bridgework_commands() == sorted(BAD_INPUT)


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_is_a_one_line_command_error(name: str, db: Any) -> None:
    args, message = BAD_INPUT[name]
    if name == "restore" and connection.vendor != "sqlite":
        message = "not SQLite"  # restore copies SQLite files; on PostgreSQL it says so first
    assert isinstance(load_command_class(get_commands()[name], name), BridgeworkCommand)

    with pytest.raises(CommandError) as error:
        call_command(name, *args)

    assert message in str(error.value) and "\n" not in str(error.value)
    assert error.value.returncode != 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score", "nope", "--responses", "1"], "unknown instrument 'nope'"),  # from handle()
        (["score", "gad7"], "the following arguments are required: --responses"),  # argparse
    ],
)
def test_on_the_command_line_it_is_one_line_on_stderr_and_exit_2(
    args: list[str], message: str, tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bridgework", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("CommandError: ")
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and "usage:" not in result.stderr
