"""Restoring care data: only the record of looks comes back.

Links, consent and invitations are not recreated. A link names another account (the
clinician's), which may not exist on this installation or may belong to someone else
there; and sharing must be a fresh choice the person makes, never something a file
grants silently. Invitation codes are stored only as hashes, so they could not work
again anyway. A clinician profile is not recreated either: becoming a clinician account
is done by signing up as one. The looks are history the person owns: they come back,
no longer tied to a link.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from bridgework.core.importing import IdMap, ImportProblem, Row, parse, restore

from .models import LOOK_LABELS, AccessLog

PATH = "data.care"


class LookRow(Row):
    at: datetime
    clinician: str = Field(default="", max_length=1000)
    area: str
    object_id: str = Field(default="", max_length=40)
    link_id: int | None = None


class CareData(Row):
    # Exported for the person's record; read but deliberately not recreated (see above).
    links: list[dict[str, Any]] = []
    invitations: list[dict[str, Any]] = []
    looks: list[LookRow] = []
    clinician_profile: dict[str, Any] | None = None


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    care = parse(CareData, data, PATH)
    created = 0
    for index, row in enumerate(care.looks):
        path = f"{PATH}.looks[{index}]"
        if row.area not in LOOK_LABELS:
            raise ImportProblem(f"{path}.area: unknown area {row.area!r}")
        look = AccessLog(
            user=user, link=None, area=row.area, object_id=row.object_id,
            clinician_name=row.clinician,
        )
        restore(look, path, at=row.at)
        created += 1
    return created
