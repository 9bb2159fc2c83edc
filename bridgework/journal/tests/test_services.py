"""Journal services, export, dashboard and encryption at rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from bridgework.journal import dashboard, export, services
from bridgework.journal.models import Entry
from bridgework.journal.prompts import load, prompt_sets

pytestmark = pytest.mark.django_db


def test_every_pillar_has_a_prompt_set() -> None:
    assert len(prompt_sets().pillars) == 12


def test_a_bad_prompt_file_names_the_file_and_line(tmp_path: Path) -> None:
    from bridgework.core.content import ContentError

    bad = tmp_path / "prompts.yaml"
    bad.write_text("pillars:\n  - id: x\n    name: Xyz\n    prompts: []\n    extra: 1\n")
    with pytest.raises(ContentError, match=r"prompts.yaml:\d+:"):
        load(bad)


def test_entry_create_screens_and_returns_the_level(user: Any) -> None:
    entry, screening = services.entry_create(user=user, body="kms", date=dt.date(2026, 1, 1))
    assert entry.pk and screening.crisis


def test_export_returns_decrypted_entries(user: Any, other_user: Any) -> None:
    Entry.objects.create(
        user=user, body="secret garden", date=dt.date(2026, 1, 2), prompt_id="mask-1"
    )
    Entry.objects.create(user=other_user, body="not mine", date=dt.date(2026, 1, 2))
    data = export.export_user_data(user)
    assert [e["body"] for e in data["entries"]] == ["secret garden"]
    assert data["entries"][0]["prompt"].startswith("Where did you keep up")


def test_dashboard_suggests_writing_when_there_is_no_recent_entry(user: Any) -> None:
    panel = dashboard.dashboard(user)
    assert panel.next_step is not None and panel.context["count"] == 0
    Entry.objects.create(user=user, body="today")
    assert dashboard.dashboard(user).next_step is None


def test_the_database_stores_no_journal_plaintext(user: Any) -> None:
    Entry.objects.create(user=user, body="my very private zebra sentence")
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM journal_entry")
        (stored,) = cursor.fetchone()
    assert stored.startswith("bw1:") and "zebra" not in stored


def test_a_dump_of_the_sqlite_file_shows_no_journal_plaintext(user: Any) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("file dump applies to SQLite")
    Entry.objects.create(user=user, body="my very private zebra sentence")
    with connection.cursor() as cursor:
        lines = "\n".join(connection.connection.iterdump())  # type: ignore[union-attr]
        cursor.execute("PRAGMA database_list")
        files = [row[2] for row in cursor.fetchall() if row[2]]
    assert "zebra" not in lines
    for name in files:
        for path in (Path(name), Path(name + "-wal")):
            if path.exists():
                assert b"zebra" not in path.read_bytes()
