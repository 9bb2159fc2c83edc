"""The step library file: shipped content and the schema check."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bridgework.core.content import ContentError
from bridgework.ladder.library import filter_templates, load_templates, template_by_slug

GOOD = """templates:
  - slug: ask-directions
    kind: ask
    what: Ask someone for directions
    discomfort: 10
    feared_outcome: They'll be annoyed
    feared_likelihood: 20
  - slug: say-no-once
    kind: boundary
    what: Say no to one small request
    discomfort: 30
    feared_outcome: They'll think I'm selfish
    feared_likelihood: 40
"""


def test_the_shipped_library_is_large_and_covers_every_kind_and_stake() -> None:
    templates = load_templates()
    assert len(templates) >= 48
    kinds = Counter(template.kind for template in templates)
    assert set(kinds) == {"ask", "accept", "share", "reciprocity", "boundary"}
    assert min(kinds.values()) >= 8
    for kind in kinds:
        stakes = {template.stakes for template in templates if template.kind == kind}
        assert {"very-low", "high"} <= stakes, kind


def test_filters_combine_kind_and_stakes() -> None:
    found = filter_templates(kind="share", stakes="high")
    assert found and all(t.kind == "share" and t.discomfort > 60 for t in found)
    assert len(filter_templates()) == len(load_templates())
    assert template_by_slug("ask-directions") is not None
    assert template_by_slug("nope") is None


def test_a_valid_file_loads_sorted_by_discomfort(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD)
    assert [t.slug for t in load_templates(path)] == ["ask-directions", "say-no-once"]


def test_a_bad_value_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("discomfort: 30", "discomfort: 130"))
    with pytest.raises(ContentError) as caught:
        load_templates(path)
    assert str(caught.value).startswith(f"{path}:11: templates.1.discomfort")


def test_an_unknown_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("    discomfort: 10\n", "    discomfort: 10\n    colour: red\n"))
    with pytest.raises(ContentError) as caught:
        load_templates(path)
    assert caught.value.line == 6
    assert "colour" in str(caught.value)


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("kind: boundary", "kind: bravery"))
    with pytest.raises(ContentError) as caught:
        load_templates(path)
    assert caught.value.line == 9


def test_a_duplicate_slug_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("slug: say-no-once", "slug: ask-directions"))
    with pytest.raises(ContentError, match="used twice") as caught:
        load_templates(path)
    assert caught.value.line == 8


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("    kind: ask\n", "    kind: [ask\n"))
    with pytest.raises(ContentError) as caught:
        load_templates(path)
    assert caught.value.line is not None and str(caught.value).startswith(str(path))
