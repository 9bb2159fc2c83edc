"""Typed helpers for reading settings from the environment; a bad value stops startup."""

from __future__ import annotations

import os
import re
from pathlib import Path

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


class EnvError(ValueError):
    pass


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise EnvError(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off")


def env_int(
    name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise EnvError(f"{name}={raw!r} is not an integer") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise EnvError(f"{name}={raw!r} must lie between {minimum} and {maximum}")
    return value


# One allauth rate: "<count>/<duration>[/<per>]", e.g. "5/5m/ip" (duration units s, m, h, d).
_RATE = re.compile(r"[0-9]+/([0-9]+(\.[0-9]+)?)?[smhd](/(ip|key|user))?")


def env_rates(name: str, default: str) -> str:
    """A comma list of allauth rate limits, checked now: allauth only parses it when the
    first login arrives, so a typo would otherwise be a server error at log-in."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    for part in parts:
        if not _RATE.fullmatch(part):
            raise EnvError(
                f"{name}={raw!r}: {part!r} is not a rate such as 5/5m/ip "
                "(count/duration with s, m, h or d, then optionally /ip, /key or /user)"
            )
    return ",".join(parts)


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).expanduser().resolve() if raw else default


def ensure_private_dir(path: Path) -> Path:
    """Create the data directory 0700, and tighten it to 0700 if it already exists."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise EnvError(f"cannot create data directory {path}: {exc}") from None
    _tighten(path, 0o700)
    return path


def ensure_private_file(path: Path) -> Path:
    """Make sure ``path`` exists readable by its owner only (0600), e.g. the SQLite file
    before SQLite creates it with the process umask; tighten it if it already exists.
    SQLite gives its -wal and -shm files the database file's mode."""
    if not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        except OSError as exc:
            raise EnvError(f"cannot create {path}: {exc}") from None
    for each in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if each.exists():
            _tighten(each, 0o600)
    return path


def _tighten(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except PermissionError:
        pass  # not ours to change (e.g. a shared folder); the owner has chosen


def read_or_create_secret(path: Path, length: int = 50) -> str:
    """Return the secret stored in ``path``, creating it (mode 0600) on first run."""
    if path.exists():
        try:
            value = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise EnvError(f"cannot read {path}: {exc}; delete it to regenerate") from None
        if len(value) < 32:
            raise EnvError(f"{path} holds a secret shorter than 32 characters; delete it to regenerate")
        return value
    import secrets

    value = secrets.token_urlsafe(length)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value
