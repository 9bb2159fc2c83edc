from pathlib import Path

import pytest

from bridgework.core.content import ContentError
from bridgework.safety.crisis_lines import DATA_FILE, load


def test_a_line_without_a_source_names_file_and_line(tmp_path: Path) -> None:
    text = DATA_FILE.read_text().replace("        source: https://988lifeline.org\n", "", 1)
    broken = tmp_path / "lines.yaml"
    broken.write_text(text)
    with pytest.raises(ContentError) as caught:
        load(broken)
    assert str(caught.value).startswith(str(broken))
    assert "source" in str(caught.value)
    assert caught.value.line is not None


def test_a_bad_country_code_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "lines.yaml"
    broken.write_text(DATA_FILE.read_text().replace("  US:\n", "  usa:\n", 1))
    with pytest.raises(ContentError, match="two-letter"):
        load(broken)
