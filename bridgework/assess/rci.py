"""The Reliable Change Index (Jacobson & Truax, 1991).

The standard error of the difference follows Christensen & Mendoza (1986):
``SE = SD·√(1 − r)`` and ``SEdiff = √(2·SE²)``; ``RCI = (after − before) / SEdiff``.
A change is reliable when ``|RCI| > 1.96`` — i.e. larger than the *minimum reliable
change* ``1.96·SEdiff`` — which a difference this big would be less than 5 % of the time
from measurement error alone. Pure module: no Django.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Z_95 = 1.96

Verdict = Literal["better", "none", "worse"]

LABELS: dict[Verdict, str] = {
    "better": "reliably better",
    "none": "no reliable change",
    "worse": "reliably worse",
}


@dataclass(frozen=True)
class ReliableChange:
    before: float
    after: float
    difference: float
    se_difference: float
    rci: float
    minimum_change: float
    verdict: Verdict

    @property
    def label(self) -> str:
        return LABELS[self.verdict]


def standard_error_of_difference(*, sd: float, reliability: float) -> float:
    if sd <= 0:
        raise ValueError("the standard deviation must be positive")
    if not 0 < reliability < 1:
        raise ValueError("the reliability must lie strictly between 0 and 1")
    standard_error = sd * math.sqrt(1 - reliability)
    return math.sqrt(2 * standard_error**2)


def minimum_reliable_change(*, sd: float, reliability: float, z: float = Z_95) -> float:
    """The smallest change in points that counts as reliable."""
    return z * standard_error_of_difference(sd=sd, reliability=reliability)


def reliable_change(
    before: float,
    after: float,
    *,
    sd: float,
    reliability: float,
    higher_is: Literal["worse", "better"] = "worse",
    z: float = Z_95,
) -> ReliableChange:
    se_diff = standard_error_of_difference(sd=sd, reliability=reliability)
    difference = after - before
    index = difference / se_diff
    verdict: Verdict = "none"
    if abs(index) > z:
        went_up = difference > 0
        verdict = "worse" if went_up == (higher_is == "worse") else "better"
    return ReliableChange(
        before=before,
        after=after,
        difference=difference,
        se_difference=se_diff,
        rci=index,
        minimum_change=z * se_diff,
        verdict=verdict,
    )
