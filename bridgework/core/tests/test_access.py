"""owned_or_404: the owner's object, or a 404 for anything else — never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from bridgework.core.access import owned_or_404, parse_pk
from bridgework.journal.models import Entry


@pytest.fixture
def entry(user: Any) -> Entry:
    return Entry.objects.create(user=user, body="a quiet day")


def test_it_returns_the_owners_object(user: Any, entry: Entry) -> None:
    assert owned_or_404(Entry.objects.filter(user=user), entry.pk) == entry
    assert owned_or_404(Entry.objects.filter(user=user), str(entry.pk)) == entry


def test_another_users_object_is_a_404(other_user: Any, entry: Entry) -> None:
    with pytest.raises(Http404):
        owned_or_404(Entry.objects.filter(user=other_user), entry.pk)


@pytest.mark.parametrize("pk", ["x", "1.5", "", None, True, 10**20, "9" * 20, -(10**20), [1]])
def test_a_pk_that_cannot_be_an_id_is_a_404_not_an_error(user: Any, pk: object) -> None:
    with pytest.raises(Http404):
        owned_or_404(Entry.objects.filter(user=user), pk)


def test_parse_pk_accepts_only_database_sized_integers() -> None:
    assert parse_pk(7) == 7
    assert parse_pk(" 7 ") == 7
    assert parse_pk(2**63 - 1) == 2**63 - 1
    assert parse_pk(2**63) is None
    assert parse_pk("007x") is None
