import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bridgework", *args], capture_output=True, text=True, timeout=120
    )


def test_hyphenated_commands_reach_their_management_command() -> None:
    result = run("rotate-key", "--help")
    assert result.returncode == 0, result.stderr
    assert "rotate" in result.stdout.lower()


def test_a_bad_setting_stops_with_a_one_line_message(monkeypatch: object) -> None:
    import os

    env = {**os.environ, "BRIDGEWORK_DEBUG": "perhaps"}
    result = subprocess.run(
        [sys.executable, "-m", "bridgework", "check"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 2
    assert "BRIDGEWORK_DEBUG='perhaps' is not a boolean" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_key_file_for_an_existing_database_stops_startup(tmp_path: object) -> None:
    import os
    from pathlib import Path

    data = Path(str(tmp_path))
    # The laptop case: SQLite in the data directory, whatever database the suite runs on.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["BRIDGEWORK_DATA_DIR"] = str(data)
    first = subprocess.run(
        [sys.executable, "-m", "bridgework", "migrate", "-v", "0"], capture_output=True, text=True, env=env, timeout=300
    )
    assert first.returncode == 0, first.stderr
    assert (data / "encryption.keys").stat().st_mode & 0o777 == 0o600
    assert (data / "secret_key").stat().st_mode & 0o777 == 0o600
    (data / "encryption.keys").unlink()
    second = subprocess.run(
        [sys.executable, "-m", "bridgework", "check"], capture_output=True, text=True, env=env, timeout=120
    )
    assert second.returncode == 2
    assert "encryption.keys is missing but the database already exists" in second.stderr
    assert "Traceback" not in second.stderr
