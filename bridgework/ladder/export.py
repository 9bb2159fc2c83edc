from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from bridgework.core.rawrows import plain_rows

from .models import Attempt
from .services import ladder_rows_for


def _iso(value: date | None) -> str | None:
    # The contract is JSON-ready data: callers may json.dumps() it without Django's encoder.
    return value.isoformat() if value is not None else None


def export_user_data(user: Any) -> dict[str, Any]:
    """Every step and attempt of the user's ladder, decrypted, in ladder order."""
    rows = ladder_rows_for(user)
    # Plain rows (core.rawrows.plain_rows): no model instance per attempt, dates as text.
    attempts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for attempt in plain_rows(
        Attempt.objects.filter(step__user=user).order_by("happened_on", "created_at", "id"),
        "id", "step_id", "happened_on", "discomfort_before", "discomfort_peak",
        "discomfort_after", "feared_happened", "response", "what_happened", "learned",
        "created_at",
    ):
        attempts[attempt["step_id"]].append(attempt)
    return {
        "steps": [
            {
                "id": row.step.pk,
                "what": row.step.what,
                "kind": row.step.kind,
                "who": row.step.who,
                "person_id": row.step.person_id,
                "expected_discomfort": row.step.expected_discomfort,
                "feared_outcome": row.step.feared_outcome,
                "feared_likelihood": row.step.feared_likelihood,
                "position": row.step.position,
                "status": row.status,
                "override": row.step.override,
                "override_at": _iso(row.step.override_at),
                "mastered_on": _iso(row.mastered_on),
                "template": row.step.template_slug,
                "created_at": _iso(row.step.created_at),
                "attempts": [
                    {
                        "id": attempt["id"],
                        "happened_on": attempt["happened_on"],
                        "discomfort_before": attempt["discomfort_before"],
                        "discomfort_peak": attempt["discomfort_peak"],
                        "discomfort_after": attempt["discomfort_after"],
                        "feared_happened": attempt["feared_happened"],
                        "response": attempt["response"],
                        "what_happened": attempt["what_happened"],
                        "learned": attempt["learned"],
                        "created_at": attempt["created_at"],
                    }
                    for attempt in attempts.get(row.step.pk, [])
                ],
            }
            for row in rows
        ]
    }
