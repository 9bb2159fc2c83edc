from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from bridgework.core.importing import ImportProblem
from bridgework.core.modules import EXPORT_FORMAT, import_all

from ..export import export_user_data
from ..importer import import_user_data
from ..models import AccessLog, CareLink, SharedEntry
from .data import fill
from .helpers import link_between, make_clinician

pytestmark = pytest.mark.django_db


def test_the_export_holds_links_consent_and_every_look(user: Any, clinician: Any, clinician_client: Any) -> None:
    data = fill(user)
    link = link_between(user, clinician, assessments=True)
    SharedEntry.objects.create(link=link, entry=data["shared"])
    clinician_client.get(reverse("care:client_assessments", args=[link.pk]))
    exported = export_user_data(user)
    json.dumps(exported)
    (row,) = exported["links"]
    assert row["clinician"].startswith("Dr Carol Care") and row["shares"]["assessments"]
    assert row["shared_entry_ids"] == [data["shared"].pk]
    assert [look["area"] for look in exported["looks"]] == ["assessments"]
    assert exported["clinician_profile"] is None


def test_a_clinicians_export_has_their_profile_and_no_client_data(user: Any, clinician: Any) -> None:
    fill(user)
    link_between(user, clinician, assessments=True)
    exported = export_user_data(clinician)
    assert exported["links"] == [] and exported["looks"] == []
    assert exported["clinician_profile"]["open_links"] == 1
    assert "PHQ" not in json.dumps(exported)


def test_import_brings_back_the_looks_but_no_link(user: Any, other_user: Any, clinician: Any, clinician_client: Any) -> None:
    link = link_between(user, clinician, assessments=True)
    clinician_client.get(reverse("care:client_assessments", args=[link.pk]))
    exported = export_user_data(user)
    assert import_user_data(other_user, exported, ids={}) == 1
    look = AccessLog.objects.get(user=other_user)
    assert look.link is None and look.clinician_name.startswith("Dr Carol Care")
    assert look.at == AccessLog.objects.get(user=user).at
    assert not CareLink.objects.filter(user=other_user).exists()


def test_import_names_a_bad_value(other_user: Any) -> None:
    with pytest.raises(ImportProblem, match=r"data.care.looks\[0\].area"):
        import_user_data(other_user, {"looks": [{"at": "2025-01-01T00:00:00+00:00", "area": "x"}]})
    with pytest.raises(ImportProblem, match="data.care.surprise"):
        import_user_data(other_user, {"surprise": 1})


def test_the_whole_account_round_trip_includes_care(user: Any, other_user: Any) -> None:
    clinician = make_clinician("zed@clinic.example")
    link_between(user, clinician, circle=True)
    payload = {"format": EXPORT_FORMAT, "data": {"care": export_user_data(user)}}
    assert import_all(other_user, payload) == 0  # no looks yet: nothing to restore
