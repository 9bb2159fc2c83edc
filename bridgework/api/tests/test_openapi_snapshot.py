"""The OpenAPI schema is checked in (``openapi.json`` here), so any change to the API —
a new router, a renamed field, a changed status code — shows up in review as a diff.

When the change is intended, regenerate the snapshot with the one command::

    BRIDGEWORK_UPDATE_OPENAPI=1 python -m pytest bridgework/api/tests/test_openapi_snapshot.py

and commit ``bridgework/api/tests/openapi.json`` with your change.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("openapi.json")
UPDATE = "BRIDGEWORK_UPDATE_OPENAPI=1 python -m pytest bridgework/api/tests/test_openapi_snapshot.py"
MAX_DIFF_LINES = 200


def current_schema() -> str:
    from bridgework.api.api import api

    schema = api.get_openapi_schema(path_prefix="/api/")
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_openapi_schema_matches_the_checked_in_snapshot() -> None:
    current = current_schema()
    if os.environ.get("BRIDGEWORK_UPDATE_OPENAPI") == "1":
        SNAPSHOT.write_text(current, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    if current == expected:
        return
    diff = list(
        difflib.unified_diff(
            expected.splitlines(),
            current.splitlines(),
            fromfile="openapi.json (checked in)",
            tofile="openapi.json (from the code)",
            lineterm="",
        )
    )
    shown = "\n".join(diff[:MAX_DIFF_LINES])
    more = f"\n… and {len(diff) - MAX_DIFF_LINES} more lines" if len(diff) > MAX_DIFF_LINES else ""
    raise AssertionError(
        "The API's OpenAPI schema changed. If the change is intended, regenerate the "
        f"snapshot and commit it:\n\n    {UPDATE}\n\n{shown}{more}"
    )
