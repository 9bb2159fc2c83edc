"""The instrument files and the schema that checks them (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridgework.assess.instruments import (
    INSTRUMENT_DIR,
    all_instruments,
    get_instrument,
    instrument_list,
    load_instrument,
)
from bridgework.core.content import ContentError


def test_all_shipped_instruments_load() -> None:
    assert set(all_instruments()) == {"bii", "phq9", "gad7", "pss10", "scs_sf"}
    assert [i.id for i in instrument_list()][:1] == ["bii"]


def test_unknown_instrument_is_none() -> None:
    assert get_instrument("nope") is None


def test_bii_covers_every_pillar_and_the_hidden_costs() -> None:
    bii = all_instruments()["bii"]
    assert 24 <= len(bii.items) <= 36
    pillars = {item.pillar for item in bii.items}
    assert set(range(1, 13)) | {"costs"} <= pillars
    assert any(item.reverse for item in bii.items)
    assert len(bii.subscales) >= 4
    # every item counts towards exactly one subscale
    placed = [item_id for subscale in bii.subscales for item_id in subscale.items]
    assert sorted(placed) == sorted(item.id for item in bii.items)
    assert bii.validated is False and bii.norms is not None and bii.norms.provisional


def test_standard_instruments_have_their_published_shape() -> None:
    phq9, gad7, pss10 = (all_instruments()[i] for i in ("phq9", "gad7", "pss10"))
    assert len(phq9.items) == 9 and phq9.score_range() == (0, 27)
    assert len(gad7.items) == 7 and gad7.score_range() == (0, 21)
    assert len(pss10.items) == 10 and pss10.score_range() == (0, 40)
    assert [i.id for i in pss10.items if i.reverse] == ["pss10_4", "pss10_5", "pss10_7", "pss10_8"]
    assert [i.id for i in phq9.items if i.safety_threshold is not None] == ["phq9_9"]
    assert [b.min for b in phq9.bands] == [0, 5, 10, 15, 20]
    assert [b.min for b in gad7.bands] == [0, 5, 10, 15]
    for instrument in (phq9, gad7, pss10):
        assert instrument.validated and instrument.citation and instrument.licence
        assert instrument.norms is not None and 0 < instrument.norms.reliability < 1


GOOD = (INSTRUMENT_DIR / "gad7.yaml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "gad7") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    text = GOOD.replace("  - id: gad7_4\n", "  - id: gad7_4\n    colour: red\n")
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as info:
        load_instrument(path)
    assert str(info.value).startswith(f"{path}:{line_of(text, 'colour')}:")


def test_a_duplicate_item_id_names_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("id: gad7_5", "id: gad7_4")
    path = write(tmp_path, text)
    with pytest.raises(ContentError, match="used twice") as info:
        load_instrument(path)
    assert info.value.line == line_of(text, "- id: gad7_4") + 2


def test_a_subscale_naming_an_unknown_item_is_rejected(tmp_path: Path) -> None:
    text = GOOD.replace(
        "scoring:\n",
        "subscales:\n  - id: s\n    title: S\n    description: d\n    items: [gad7_1, nope]\n"
        "scoring:\n",
    )
    path = write(tmp_path, text)
    with pytest.raises(ContentError, match="unknown item 'nope'") as info:
        load_instrument(path)
    assert info.value.line == line_of(text, "[gad7_1, nope]")


def test_bands_out_of_order_are_rejected(tmp_path: Path) -> None:
    text = GOOD.replace("  - min: 10\n", "  - min: 3\n")
    with pytest.raises(ContentError, match="ascending"):
        load_instrument(write(tmp_path, text))


def test_a_safety_threshold_outside_the_options_is_rejected(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    text: Trouble relaxing\n", "    text: Trouble relaxing\n    safety_threshold: 9\n"
    )
    with pytest.raises(ContentError, match="safety_threshold"):
        load_instrument(write(tmp_path, text))


def test_an_id_that_does_not_match_the_file_name_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="must match the file name"):
        load_instrument(write(tmp_path, GOOD, name="other"))


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "id: gad7\ntitle: [unclosed\n")
    with pytest.raises(ContentError) as info:
        load_instrument(path)
    assert str(info.value).startswith(str(path))
    assert info.value.line is not None


def test_a_reliability_outside_zero_and_one_is_rejected(tmp_path: Path) -> None:
    text = GOOD.replace("reliability: 0.89", "reliability: 1.5")
    with pytest.raises(ContentError, match="norms.reliability") as info:
        load_instrument(write(tmp_path, text))
    assert info.value.line == line_of(text, "reliability: 1.5")
