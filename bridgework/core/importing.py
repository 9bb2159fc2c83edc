"""Shared pieces for the per-app importers (``bridgework/<app>/importer.py``).

An importer validates its part of an export with pydantic models built on ``Row`` (so
a wrong type or a stray key is named by its JSON path), then creates rows through the
app's models with ``full_clean`` (so the model's own validation and field encryption
apply). It never screens the text: restoring a backup is not the person writing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, overload

import pydantic
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from pydantic import AfterValidator, BaseModel, ConfigDict

# Old id → new id per kind of row, e.g. ids["circle.person"][12] == 40: filled by the
# importer that creates the rows, read by those that refer to them (see modules.import_all).
IdMap = dict[str, dict[int, int]]


class ImportProblem(ValueError):
    """Input that cannot be imported; the message says where (a JSON path) and why."""


class Row(BaseModel):
    # A key the export never writes is a mistake worth naming, not something to drop.
    model_config = ConfigDict(extra="forbid")


def _percent(value: int) -> int:
    if not 0 <= value <= 100:
        raise ValueError("must be 0–100")
    return value


Percent = Annotated[int, AfterValidator(_percent)]


def json_path(prefix: str, loc: Sequence[int | str]) -> str:
    path = prefix
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


_MESSAGES = {
    "extra_forbidden": "unknown field",
    "missing": "missing",
}


def _message(error: Any) -> str:
    if error["type"] in _MESSAGES:
        return _MESSAGES[error["type"]]
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def parse[M: BaseModel](model: type[M], data: Any, path: str) -> M:
    """``model`` validated from ``data``, or an ImportProblem naming the first bad value."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        raise ImportProblem(f"{json_path(path, error['loc'])}: {_message(error)}") from None


def clean(instance: models.Model, path: str, *, keys: Mapping[str, str] | None = None) -> None:
    """``full_clean`` the instance, naming the first problem by its JSON path.

    ``keys`` maps model field names to the export's keys where they differ.
    """
    try:
        instance.full_clean()
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        key = (keys or {}).get(field, field)
        where = path if field == NON_FIELD_ERRORS else f"{path}.{key}"
        raise ImportProblem(f"{where}: {messages[0]}") from None


def keep_times(instance: models.Model, **times: Any) -> None:
    """Restore timestamps that ``auto_now``/``auto_now_add`` set on save (one query).

    ``update()`` skips ``save()``, so the original dates stay as exported.
    """
    values = {name: value for name, value in times.items() if value is not None}
    if values:
        type(instance)._default_manager.filter(pk=instance.pk).update(**values)
        for name, value in values.items():
            setattr(instance, name, value)


def restore(
    instance: models.Model, path: str, *, keys: Mapping[str, str] | None = None, **times: Any
) -> None:
    """Validate (``clean``), save, then put back the exported timestamps (``keep_times``)."""
    clean(instance, path, keys=keys)
    instance.save()
    keep_times(instance, **times)


@overload
def new_id(ids: IdMap, kind: str, old: int, path: str) -> int: ...
@overload
def new_id(ids: IdMap, kind: str, old: None, path: str) -> None: ...
@overload
def new_id(ids: IdMap, kind: str, old: int | None, path: str) -> int | None: ...
def new_id(ids: IdMap, kind: str, old: int | None, path: str) -> int | None:
    """The new id of a row the file refers to by its old id (None stays None)."""
    if old is None:
        return None
    try:
        return ids.get(kind, {})[old]
    except KeyError:
        raise ImportProblem(f"{path}: refers to {kind} {old}, which is not in the file") from None


_AREAS = {
    "accounts": "your profile",
    "learn": "Learn",
    "assess": "your questionnaires",
    "ladder": "your practice ladder",
    "circle": "your circle",
    "journal": "your journal",
    "safety": "your safety plan",
    "voice": "Voice",
    "compassion": "Kindness",
    "checkin": "your check-ins",
    "care": "your care team",
}


def plain_words(problem: str) -> str:
    """An ImportProblem's message for the person restoring, not the developer:
    ``data.ladder.steps[3].expected_discomfort: must be 0–100`` becomes "In your practice
    ladder (steps, number 4, expected discomfort): must be 0–100." The exact place stays
    in the sentence, so someone who edited the file by hand can find it."""
    where, sep, why = problem.partition(": ")
    if not sep or not where.startswith("data"):
        return problem
    parts = [p for p in where.replace("[", ".[").split(".") if p and p != "data"]
    area = _AREAS.get(parts[0], parts[0]) if parts else "the file"
    detail = []
    for part in parts[1:]:
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            detail.append(f"number {int(part[1:-1]) + 1}")
        else:
            detail.append(part.replace("_", " "))
    place = f"In {area}" + (f" ({', '.join(detail)})" if detail else "")
    why = why.rstrip(".")
    return f"{place}: {why}."
