from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from bridgework.core.content import ContentError, load_front_matter, load_yaml


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    value: int


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    items: list[Item]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_it_loads_a_valid_file(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", "title: T\nitems:\n  - name: a\n    value: 1\n")
    assert load_yaml(path, Doc).items[0].value == 1


def test_it_names_file_and_line_of_a_wrong_type(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "title: T\nitems:\n  - name: a\n    value: 1\n  - name: b\n    value: lots\n")
    with pytest.raises(ContentError) as caught:
        load_yaml(path, Doc)
    assert str(caught.value).startswith(f"{path}:6: items.1.value")


def test_it_names_the_line_of_an_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path, "extra.yaml", "title: T\ncolour: red\nitems: []\n")
    with pytest.raises(ContentError) as caught:
        load_yaml(path, Doc)
    assert caught.value.line == 2
    assert "colour" in str(caught.value)


def test_it_reports_yaml_syntax_errors_with_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "syntax.yaml", "title: T\nitems: [\n  - oops\n")
    with pytest.raises(ContentError) as caught:
        load_yaml(path, Doc)
    assert caught.value.line is not None
    assert "invalid YAML" in str(caught.value)


def test_front_matter_lines_count_from_the_file_start(tmp_path: Path) -> None:
    path = write(tmp_path, "lesson.md", "---\ntitle: T\nitems:\n  - name: a\n    value: x\n---\nBody\n")
    with pytest.raises(ContentError) as caught:
        load_front_matter(path, Doc)
    assert caught.value.line == 5


def test_front_matter_must_be_closed(tmp_path: Path) -> None:
    path = write(tmp_path, "open.md", "---\ntitle: T\n")
    with pytest.raises(ContentError, match="not closed"):
        load_front_matter(path, Doc)
