from __future__ import annotations

from datetime import datetime
from typing import Any

from bridgework.core.importing import IdMap, ImportProblem, Row, parse

from .forms import ProfileForm
from .models import profile_for

PATH = "data.accounts"


class AccountData(Row):
    # The login (e-mail address, password) belongs to the account being imported into.
    email: str | None = None
    date_joined: datetime | None = None
    display_name: str = ""
    timezone: str = "UTC"
    country: str = ""
    hide_scores: bool = False


def import_user_data(user: Any, data: dict[str, Any], *, ids: IdMap | None = None) -> int:
    """Set the profile's fields from the export; creates no rows (the profile exists)."""
    account = parse(AccountData, data, PATH)
    form = ProfileForm(
        data=account.model_dump(include={"display_name", "timezone", "country", "hide_scores"}),
        instance=profile_for(user),
    )
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        raise ImportProblem(f"{PATH}.{field}: {errors[0]}")
    form.save()
    return 0
