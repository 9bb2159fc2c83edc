"""Scoring an sitting: reverse keys, sums or means, prorating, bands, subscales.

Pure functions over an ``Instrument`` and a mapping of item id to value (``None`` =
unanswered). Arithmetic is exact (``Fraction``); results are rounded to six decimals
only at the end, so a prorated total never drifts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from .instruments import Band, Instrument

Responses = Mapping[str, int | None]

# Plain ASCII whole numbers only: ``int()`` would also take "٣", "+1" or "1_0".
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,6}")


class ScoringError(ValueError):
    """Responses that cannot be scored; one line, fit to show a person."""


@dataclass(frozen=True)
class Score:
    total: float | None
    band: Band | None
    subscales: dict[str, float | None]
    answered: int
    missing: int
    prorated: bool
    flagged_items: list[str] = field(default_factory=list)

    def as_dict(self, instrument_id: str) -> dict[str, object]:
        """The command line's contract: instrument, total, band, subscales."""
        return {
            "instrument": instrument_id,
            "total": self.total,
            "band": self.band.label if self.band else None,
            "subscales": dict(self.subscales),
        }


def response_errors(instrument: Instrument, responses: Responses) -> dict[str, str]:
    """Why each bad answer is bad, by item id; empty when the responses can be saved."""
    errors: dict[str, str] = {}
    allowed = instrument.values
    for item in instrument.items:
        value = responses.get(item.id)
        if value is None:
            if item.required:
                errors[item.id] = "Please choose an answer for this question."
        elif value not in allowed:
            errors[item.id] = (
                f"{value} is not one of the answers offered "
                f"({instrument.min_value}–{instrument.max_value})."
            )
    unknown = set(responses) - {item.id for item in instrument.items}
    for item_id in sorted(unknown):
        errors[item_id] = "This is not a question in this questionnaire."
    return errors


def keyed_value(instrument: Instrument, item_id: str, value: int) -> int:
    """The value that counts towards scores: reverse-keyed items are mirrored."""
    if instrument.item(item_id).reverse:
        return instrument.min_value + instrument.max_value - value
    return value


def _combine(
    instrument: Instrument, item_ids: Sequence[str], responses: Responses, max_missing: int
) -> tuple[Fraction | None, int, bool]:
    answered = [
        Fraction(keyed_value(instrument, item_id, value))
        for item_id in item_ids
        if (value := responses.get(item_id)) is not None
    ]
    missing = len(item_ids) - len(answered)
    if not answered or missing > max_missing:
        return None, missing, False
    total = sum(answered, Fraction(0))
    if instrument.scoring.method == "mean":
        return total / len(answered), missing, False
    # Prorate: scale the answered items' sum up to the full number of items.
    return total * len(item_ids) / len(answered), missing, missing > 0


def _rounded(value: Fraction | None) -> float | None:
    # Six decimals: exact enough for a mean of 12 answers (37/12 = 3.083333) to agree with
    # a hand calculation to 1e-6; pages show two.
    if value is None:
        return None
    rounded = round(value, 6)
    return float(rounded)


def band_for(instrument: Instrument, total: float | None) -> Band | None:
    if total is None:
        return None
    chosen = None
    for band in instrument.bands:
        if total >= band.min:
            chosen = band
    return chosen


def flagged_items(instrument: Instrument, responses: Responses) -> list[str]:
    """Items whose answer should bring up crisis support (e.g. PHQ-9 item 9 above 0)."""
    flagged = []
    for item in instrument.items:
        value = responses.get(item.id)
        threshold = item.safety_threshold
        if threshold is not None and value is not None and value >= threshold:
            flagged.append(item.id)
    return flagged


def score(instrument: Instrument, responses: Responses) -> Score:
    """Score responses that passed ``response_errors`` (raises on any that did not)."""
    # Unanswered items are scored as missing (prorated or no score); any other problem
    # (an unknown item, a value that is not an option) is a caller's error.
    known = {item.id for item in instrument.items}
    problems = {
        item_id: message
        for item_id, message in response_errors(instrument, responses).items()
        if item_id not in known or responses.get(item_id) is not None
    }
    if problems:
        item_id, message = next(iter(problems.items()))
        raise ScoringError(f"{item_id}: {message}")
    item_ids = [item.id for item in instrument.items]
    total, missing, prorated = _combine(
        instrument, item_ids, responses, instrument.scoring.max_missing
    )
    subscales = {}
    for subscale in instrument.subscales:
        value, _, _ = _combine(instrument, subscale.items, responses, subscale.max_missing)
        subscales[subscale.id] = _rounded(value)
    rounded_total = _rounded(total)
    return Score(
        total=rounded_total,
        band=band_for(instrument, rounded_total),
        subscales=subscales,
        answered=len(item_ids) - missing,
        missing=missing,
        prorated=prorated,
        flagged_items=flagged_items(instrument, responses),
    )


def parse_response_list(instrument: Instrument, text: str) -> dict[str, int | None]:
    """Parse ``"1,0,,2"`` (an empty field = unanswered) into responses by item id."""
    fields = [part.strip() for part in text.split(",")]
    if len(fields) != len(instrument.items):
        raise ScoringError(
            f"{instrument.id} has {len(instrument.items)} items but {len(fields)} "
            "responses were given"
        )
    responses: dict[str, int | None] = {}
    for position, (item, raw) in enumerate(zip(instrument.items, fields, strict=True), 1):
        if raw == "":
            responses[item.id] = None
            continue
        if not _WHOLE_NUMBER.fullmatch(raw):
            raise ScoringError(f"response {position} is not a whole number: {raw!r}")
        value = int(raw)
        if value not in instrument.values:
            raise ScoringError(
                f"response {position} is out of range: {value} "
                f"(allowed {instrument.min_value}–{instrument.max_value})"
            )
        responses[item.id] = value
    return responses
