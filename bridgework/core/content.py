"""Loading content files (lessons, instruments, templates, crisis lines) with clear errors.

Content is data: every file under the package that people write by hand is parsed here
and checked against a pydantic model. Any problem is reported as ``ContentError`` whose
message starts with ``path:line:`` so the person editing the file can jump straight to it.

Pure module: no Django import.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]


class ContentError(ValueError):
    """A content file is malformed. ``str(error)`` is ``"path:line: message"``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


def _line_map(node: yaml.Node, loc: Loc, out: dict[Loc, int], line_offset: int) -> None:
    out[loc] = node.start_mark.line + 1 + line_offset
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            # Point a key's errors at the key's own line, its children at theirs.
            _line_map(value_node, (*loc, key), out, line_offset)
            out[(*loc, key)] = key_node.start_mark.line + 1 + line_offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, (*loc, index), out, line_offset)


def _line_for(loc: Iterable[str | int], lines: dict[Loc, int]) -> int | None:
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())


def parse_yaml(text: str, path: Path | str, *, line_offset: int = 0) -> tuple[Any, dict[Loc, int]]:
    """Parse YAML text; return the data and a map from key path to 1-based line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise ContentError(path, line, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ContentError(path, None, f"invalid YAML: {exc}") from None
    lines: dict[Loc, int] = {}
    if node is not None:
        _line_map(node, (), lines, line_offset)
    return data, lines


def validate[M: BaseModel](
    model: type[M], data: Any, path: Path | str, lines: dict[Loc, int] | None = None
) -> M:
    """Validate ``data`` against ``model``; on failure raise ContentError at the first bad line."""
    lines = lines or {}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        # Validators on the model itself report an empty loc; keep the message readable.
        field = ".".join(str(part) for part in loc) if loc else "file"
        message = first["msg"].removeprefix("Value error, ")
        raise ContentError(path, _line_for(loc, lines), f"{field}: {message}") from None


def load_yaml[M: BaseModel](path: Path, model: type[M]) -> M:
    """Read a YAML file and validate it against ``model``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, None, f"cannot read file: {exc}") from None
    data, lines = parse_yaml(text, path)
    return validate(model, data, path, lines)


def split_front_matter(text: str, path: Path | str) -> tuple[str, str, int]:
    """Split ``---``-fenced YAML front matter from a Markdown body.

    Returns (front matter text, body text, line number where the front matter starts).
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "front matter must start with a line containing only ---")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 1
    raise ContentError(path, len(lines), "front matter is not closed by a line containing only ---")


def load_front_matter[M: BaseModel](path: Path, model: type[M]) -> tuple[M, str]:
    """Read a Markdown file with YAML front matter; return the validated meta and the body."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, None, f"cannot read file: {exc}") from None
    meta_text, body, offset = split_front_matter(text, path)
    data, lines = parse_yaml(meta_text, path, line_offset=offset)
    if not isinstance(data, dict):
        raise ContentError(path, 2, "front matter must be a mapping of keys to values")
    return validate(model, data, path, lines), body
