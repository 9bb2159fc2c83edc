"""Who to ask: people from the circle, easiest first, for a kind of ladder step. Pure.

A ladder step's kind (ask, accept, share, give-and-receive, boundary) is matched to the
circle's kinds of help below. Suggested people are those who could help with a matching
kind, by how comfortable asking them feels (highest first), then by name. A low-stakes
step is where the suggestions matter most: start with the people who feel safest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

HELP_FOR_STEP_KIND: dict[str, tuple[str, ...]] = {
    "ask": ("practical", "information"),
    "accept": ("practical", "listening"),
    "share": ("listening",),
    "reciprocity": ("company", "practical"),
    "boundary": (),
}
SUGGEST_LIMIT = 3


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    comfort: int
    helps_with: tuple[str, ...]


def exchange_kind_for_step(step_kind: str) -> str:
    """The ledger kind to prefill when a ladder practice is added as "received"."""
    kinds = HELP_FOR_STEP_KIND.get(step_kind, ())
    return kinds[0] if kinds else "practical"


def suggest(
    people: Iterable[Candidate], step_kind: str | None, limit: int = SUGGEST_LIMIT
) -> list[Candidate]:
    """Up to ``limit`` people for this kind of step, most comfortable to ask first.

    With no matching kind (or no step kind yet) everyone is considered.
    """
    wanted = set(HELP_FOR_STEP_KIND.get(step_kind or "", ()))
    pool = [p for p in people if not wanted or wanted.intersection(p.helps_with)]
    pool.sort(key=lambda p: (-p.comfort, p.name.casefold(), p.id))
    return pool[:limit]
