"""Scoring rules (no database)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bridgework.assess.instruments import all_instruments
from bridgework.assess.scoring import (
    ScoringError,
    flagged_items,
    parse_response_list,
    response_errors,
    score,
)

INSTRUMENTS = all_instruments()


def answers(instrument_id: str, values: Sequence[int | None]) -> dict[str, int | None]:
    items = INSTRUMENTS[instrument_id].items
    return {item.id: value for item, value in zip(items, values, strict=True)}


def test_phq9_sums_and_bands() -> None:
    result = score(INSTRUMENTS["phq9"], answers("phq9", [1, 2, 1, 1, 0, 2, 1, 1, 0]))
    assert result.total == 9
    assert result.band is not None and result.band.label == "Mild"
    assert not result.prorated and result.flagged_items == []


@pytest.mark.parametrize(
    ("total", "label"),
    [
        (0, "Minimal"),
        (4, "Minimal"),
        (5, "Mild"),
        (14, "Moderate"),
        (19, "Moderately severe"),
        (20, "Severe"),
        (27, "Severe"),
    ],
)
def test_phq9_band_edges(total: int, label: str) -> None:
    values = [3] * (total // 3) + ([total % 3] if total % 3 else [])
    values += [0] * (9 - len(values))
    result = score(INSTRUMENTS["phq9"], answers("phq9", values))
    assert result.total == total
    assert result.band is not None and result.band.label == label


def test_pss10_reverse_keys_items_4_5_7_8() -> None:
    # All "Very often" (4): 6 plain items give 24, 4 reversed items give 0.
    result = score(INSTRUMENTS["pss10"], answers("pss10", [4] * 10))
    assert result.total == 24
    low = score(INSTRUMENTS["pss10"], answers("pss10", [0, 0, 0, 4, 4, 0, 4, 4, 0, 0]))
    assert low.total == 0
    high = score(INSTRUMENTS["pss10"], answers("pss10", [4, 4, 4, 0, 0, 4, 0, 0, 4, 4]))
    assert high.total == 40 and high.band is not None and high.band.label == "High stress"


def test_missing_items_are_prorated_up_to_the_limit() -> None:
    result = score(INSTRUMENTS["phq9"], answers("phq9", [2, 2, 2, 2, 2, 2, 2, None, None]))
    assert result.total == 18 and result.prorated and result.missing == 2


def test_prorated_totals_are_exact_to_two_decimals() -> None:
    result = score(INSTRUMENTS["gad7"], answers("gad7", [1, 1, 1, 1, 1, 2, None]))
    assert result.total == pytest.approx(49 / 6, abs=1e-6)  # 7/6 * 7, six decimals


def test_too_many_missing_items_give_no_score() -> None:
    result = score(INSTRUMENTS["phq9"], answers("phq9", [1, 1, 1, 1, 1, 1, None, None, None]))
    assert result.total is None and result.band is None


def test_bii_uses_means_and_subscales() -> None:
    bii = INSTRUMENTS["bii"]
    responses = {item.id: (1 if item.reverse else 5) for item in bii.items}
    result = score(bii, responses)
    assert result.total == 5.0
    assert set(result.subscales) == {s.id for s in bii.subscales}
    assert all(value == 5.0 for value in result.subscales.values())
    assert result.band is not None and result.band.min == 3.5


def test_bii_subscale_with_too_many_skips_has_no_score() -> None:
    bii = INSTRUMENTS["bii"]
    responses: dict[str, int | None] = {item.id: 3 for item in bii.items}
    responses["bii_01"] = responses["bii_02"] = None
    result = score(bii, responses)
    assert result.subscales["asking"] is None
    assert result.subscales["guarded"] == 3.0
    assert result.total == 3.0


def test_phq9_item_9_above_zero_is_flagged() -> None:
    phq9 = INSTRUMENTS["phq9"]
    assert flagged_items(phq9, answers("phq9", [0] * 8 + [1])) == ["phq9_9"]
    assert flagged_items(phq9, answers("phq9", [3] * 8 + [0])) == []
    assert score(phq9, answers("phq9", [0] * 8 + [2])).flagged_items == ["phq9_9"]


def test_response_errors_name_missing_and_out_of_range_answers() -> None:
    responses = answers("gad7", [0, 1, 7, None, 0, 0, 0])
    errors = response_errors(INSTRUMENTS["gad7"], responses)
    assert set(errors) == {"gad7_3", "gad7_4"}
    assert "not one of the answers" in errors["gad7_3"]
    assert "choose an answer" in errors["gad7_4"]


def test_optional_items_may_be_left_blank() -> None:
    bii = INSTRUMENTS["bii"]
    assert response_errors(bii, {"bii_01": 3}) == {}


def test_score_refuses_an_out_of_range_value() -> None:
    with pytest.raises(ScoringError, match="gad7_1"):
        score(INSTRUMENTS["gad7"], answers("gad7", [4, 0, 0, 0, 0, 0, 0]))


def test_parse_response_list_reads_blanks_as_missing() -> None:
    parsed = parse_response_list(INSTRUMENTS["gad7"], "1,0,,2,3,0,1")
    assert parsed["gad7_3"] is None and parsed["gad7_5"] == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,2", "has 7 items"),
        ("1,0,0,0,0,0,9", "out of range"),
        ("1,0,0,0,0,0,x", "whole number"),
        # int() would take these; the command line must not.
        ("\u0661,0,0,0,0,0,0", "whole number"),
        ("+1,0,0,0,0,0,0", "whole number"),
        ("0_1,0,0,0,0,0,0", "whole number"),
        ("1.0,0,0,0,0,0,0", "whole number"),
        ("9" * 5000 + ",0,0,0,0,0,0", "whole number"),
    ],
)
def test_parse_response_list_rejects_bad_input(text: str, message: str) -> None:
    with pytest.raises(ScoringError, match=message):
        parse_response_list(INSTRUMENTS["gad7"], text)


def test_as_dict_follows_the_command_line_contract() -> None:
    result = score(INSTRUMENTS["gad7"], answers("gad7", [1] * 7))
    assert result.as_dict("gad7") == {
        "instrument": "gad7",
        "total": 7.0,
        "band": "Mild",
        "subscales": {},
    }


def _values_for_total(instrument_id: str, total: int) -> list[int]:
    """Answers whose keyed values (reverse-keyed items mirrored) add up to ``total``."""
    instrument = INSTRUMENTS[instrument_id]
    low, top = instrument.min_value, instrument.max_value
    values = []
    for item in instrument.items:
        keyed = min(top, total)
        total -= keyed
        values.append(low + top - keyed if item.reverse else keyed)
    assert total == 0
    return values


@pytest.mark.parametrize(
    ("instrument_id", "total", "label"),
    [
        # Published cut-offs: PHQ-9 5/10/15/20 (Kroenke 2001), GAD-7 5/10/15 (Spitzer
        # 2006), PSS-10 0–13 / 14–26 / 27–40 (ranges in common use).
        ("phq9", 9, "Mild"),
        ("phq9", 10, "Moderate"),
        ("phq9", 15, "Moderately severe"),
        ("gad7", 4, "Minimal"),
        ("gad7", 5, "Mild"),
        ("gad7", 9, "Mild"),
        ("gad7", 10, "Moderate"),
        ("gad7", 14, "Moderate"),
        ("gad7", 15, "Severe"),
        ("gad7", 21, "Severe"),
        ("pss10", 13, "Low stress"),
        ("pss10", 14, "Moderate stress"),
        ("pss10", 26, "Moderate stress"),
        ("pss10", 27, "High stress"),
    ],
)
def test_bands_switch_exactly_at_the_published_cut_offs(
    instrument_id: str, total: int, label: str
) -> None:
    result = score(
        INSTRUMENTS[instrument_id], answers(instrument_id, _values_for_total(instrument_id, total))
    )
    assert result.total == total
    assert result.band is not None and result.band.label == label
