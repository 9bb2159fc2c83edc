from pathlib import Path

import pytest

from bridgework.core.content import ContentError
from bridgework.learn.content import COSTS, PILLARS, load_lessons, render_markdown


def test_the_shipped_lessons_cover_every_pillar_and_cost() -> None:
    lessons = load_lessons()
    assert 6 <= len(lessons) <= 8
    topic_ids = {topic.id for lesson in lessons for topic in lesson.meta.topics}
    assert topic_ids == set(PILLARS) | set(COSTS)
    assert [lesson.meta.order for lesson in lessons] == sorted(lesson.meta.order for lesson in lessons)


def test_markdown_never_passes_raw_html_through() -> None:
    html = render_markdown('Hello <script>alert(1)</script> <img src=x onerror="y">\n\n[x](javascript:alert(1))')
    assert "<script" not in html
    assert "<img" not in html
    assert "href=\"javascript:" not in html


GOOD = """---
slug: sample
title: A sample lesson
order: 1
minutes: 3
summary: A lesson used only in tests.
topics: []
---
## Body
Text.
"""


def test_a_valid_lesson_loads(tmp_path: Path) -> None:
    (tmp_path / "01-sample.md").write_text(GOOD)
    assert load_lessons(tmp_path)[0].meta.title == "A sample lesson"


def test_bad_front_matter_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "01-sample.md"
    path.write_text(GOOD.replace("minutes: 3", "minutes: three"))
    with pytest.raises(ContentError) as caught:
        load_lessons(tmp_path)
    assert str(caught.value).startswith(f"{path}:5: minutes")


def test_an_unknown_topic_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "01-sample.md"
    path.write_text(GOOD.replace("topics: []", "topics:\n  - id: laziness\n    kind: pillar\n    title: Nope\n    summary: Not a pillar at all here."))
    with pytest.raises(ContentError) as caught:
        load_lessons(tmp_path)
    assert caught.value.line == 8


def test_a_slug_must_match_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "01-other.md").write_text(GOOD)
    with pytest.raises(ContentError, match="must match the file name"):
        load_lessons(tmp_path)


def test_duplicate_orders_are_refused(tmp_path: Path) -> None:
    (tmp_path / "01-sample.md").write_text(GOOD)
    (tmp_path / "02-second.md").write_text(GOOD.replace("slug: sample", "slug: second"))
    with pytest.raises(ContentError, match="order 1 is also used"):
        load_lessons(tmp_path)
