from __future__ import annotations

from typing import Any

from .models import ScreeningEvent
from .screening import Screening, screen


def screening_record(*, user: Any, text: str | None, source: str) -> Screening:
    """Screen free text the user is saving and record the level (not the text).

    Call it from every write path that saves free text, after or beside the save — it
    never raises on odd input and never blocks the save. Show
    ``safety/_crisis_help.html`` with the returned screening when ``screening.crisis``.
    """
    result = screen(text or "")
    if result.crisis:
        ScreeningEvent.objects.create(user=user, level=result.level, source=source)
    return result


def screening_record_many(*, user: Any, texts: list[str | None], source: str) -> Screening:
    """Screen several fields of one save as one text; one event at most."""
    return screening_record(
        user=user, text="\n".join(t for t in texts if t), source=source
    )
