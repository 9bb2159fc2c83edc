"""Each clinician page: shown when shared, 404 otherwise, two-step sign-in first."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from ..models import AccessLog, ClinicianProfile
from .data import fill
from .helpers import link_between, logged_in

pytestmark = pytest.mark.django_db

# page name → (area to share, text that appears, text that must not appear unless chosen)
AREA_PAGES = {
    "client_assessments": ("assessments", "PHQ-9", None),
    "client_ladder": ("ladder", "Attempts", "Secret ladder note"),
    "client_checkins": ("checkins", "Checked in on 20 of the last", None),
    "client_circle": ("circle", "people in the circle", "Secret Friend Name"),
    "client_safety_plan": ("safety_plan", "Secret warning sign", None),
}


@pytest.mark.parametrize("name", sorted(AREA_PAGES))
def test_an_area_is_shown_only_when_shared(
    name: str, user: Any, clinician: Any, clinician_client: Any
) -> None:
    area, shown, private = AREA_PAGES[name]
    fill(user)
    unshared = link_between(user, clinician)
    url = reverse(f"care:{name}", args=[unshared.pk])
    assert clinician_client.get(url).status_code == 404
    unshared.delete()
    link = link_between(user, clinician, **{area: True})
    response = clinician_client.get(reverse(f"care:{name}", args=[link.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and shown in body
    if private:
        assert private not in body
    assert AccessLog.objects.filter(user=user, area=area).count() == 1
    assert clinician_client.post(reverse(f"care:{name}", args=[link.pk])).status_code == 405


def test_notes_and_names_show_only_when_chosen(user: Any, clinician: Any, clinician_client: Any) -> None:
    fill(user)
    link = link_between(user, clinician, ladder=True, ladder_notes=True, circle=True, circle_names=True)
    ladder = clinician_client.get(reverse("care:client_ladder", args=[link.pk])).content.decode()
    circle = clinician_client.get(reverse("care:client_circle", args=[link.pk])).content.decode()
    assert "Secret ladder note" in ladder and "Secret Friend Name" in circle


def test_another_clinicians_client_is_404_everywhere(
    user: Any, clinician: Any, other_clinician: Any
) -> None:
    fill(user)
    link = link_between(user, other_clinician, assessments=True, ladder=True, circle=True)
    client = logged_in(clinician)
    for name in ["client", *AREA_PAGES, "client_journal", "client_report", "client_fhir"]:
        assert client.get(reverse(f"care:{name}", args=[link.pk])).status_code == 404, name
    assert not AccessLog.objects.exists()


def test_without_two_step_sign_in_no_client_data_is_shown(
    user: Any, clinician_without_2fa: Any
) -> None:
    fill(user)
    link = link_between(user, clinician_without_2fa, assessments=True)
    client = logged_in(clinician_without_2fa)
    for url in (reverse("care:clinician_home"), reverse("care:client_assessments", args=[link.pk])):
        response = client.get(url)
        assert response.status_code == 403
        assert reverse("mfa_activate_totp") in response.content.decode()
    assert not AccessLog.objects.exists()
    assert client.get(reverse("care:clinician_profile")).status_code == 200


def test_a_person_gets_404_on_clinician_pages(client: Any, user: Any, clinician: Any) -> None:
    link = link_between(user, clinician, assessments=True)
    assert client.get(reverse("care:clinician_home")).status_code == 404
    assert client.get(reverse("care:client_assessments", args=[link.pk])).status_code == 404


def test_clinician_pages_need_a_login(anon_client: Any) -> None:
    response = anon_client.get(reverse("care:clinician_home"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_clinician_is_sent_from_the_care_home_to_their_clients(clinician_client: Any) -> None:
    response = clinician_client.get(reverse("care:index"))
    assert response.status_code == 302 and response["Location"] == reverse("care:clinician_home")


def test_the_overview_lists_only_shared_areas(user: Any, clinician: Any, clinician_client: Any) -> None:
    link = link_between(user, clinician, assessments=True)
    body = clinician_client.get(reverse("care:client", args=[link.pk])).content.decode()
    assert reverse("care:client_assessments", args=[link.pk]) in body
    assert reverse("care:client_ladder", args=[link.pk]) not in body
    assert clinician_client.post(reverse("care:client", args=[link.pk])).status_code == 405


def test_the_client_list_shows_scores_only_where_shared(
    user: Any, other_user: Any, clinician: Any, clinician_client: Any
) -> None:
    fill(user)
    fill(other_user)
    link_between(user, clinician, assessments=True)
    link_between(other_user, clinician, ladder=True)
    response = clinician_client.get(reverse("care:clinician_home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("PHQ-9 9") == 1  # Alice's latest total; Bob's scores are not shared
    assert "Alice" in body and "Bob" in body
    assert AccessLog.objects.filter(area="dashboard").count() == 2


def test_the_client_list_filters(user: Any, other_user: Any, clinician: Any, clinician_client: Any) -> None:
    link_between(user, clinician, assessments=True)
    link_between(other_user, clinician, ladder=True)
    body = clinician_client.get(reverse("care:clinician_home") + "?shares=ladder").content.decode()
    assert "Bob" in body and "Alice" not in body
    bad = clinician_client.get(reverse("care:clinician_home") + "?verdict=maybe")
    assert bad.status_code == 400 and "Choose one of the options offered" in bad.content.decode()
    assert clinician_client.post(reverse("care:clinician_home")).status_code == 405


def test_the_profile_can_be_changed_and_keeps_bad_input(clinician: Any, clinician_client: Any) -> None:
    url = reverse("care:clinician_profile")
    response = clinician_client.post(url, {"name": "Dr C. Care", "profession": "Counsellor", "organisation": ""})
    assert response.status_code == 302
    assert ClinicianProfile.objects.get(user=clinician).profession == "Counsellor"
    bad = clinician_client.post(url, {"name": "", "profession": "x" * 300})
    assert bad.status_code == 400 and "x" * 300 in bad.content.decode()
    assert clinician_client.delete(url).status_code == 405


def test_check_in_trends_show_the_patterns_the_app_noticed(
    user: Any, clinician: Any, clinician_client: Any
) -> None:
    fill(user)
    link = link_between(user, clinician, checkins=True)
    body = clinician_client.get(reverse("care:client_checkins", args=[link.pk])).content.decode()
    assert "Patterns in the check-ins" in body and "<svg" in body
    home = clinician_client.get(reverse("care:clinician_home")).content.decode()
    assert "10 of 14 (71 %)" in home  # days 0–13 but 2, 5, 8 and 11


def test_the_clinician_downloads_shared_scores_as_a_fhir_bundle(
    user: Any, clinician: Any, clinician_client: Any
) -> None:
    import json

    from fhir.resources.R4B.bundle import Bundle

    fill(user)
    link = link_between(user, clinician, assessments=True)
    response = clinician_client.get(reverse("care:client_fhir", args=[link.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/fhir+json"
    bundle = Bundle.model_validate(json.loads(response.content))
    kinds = [type(entry.resource).__name__ for entry in bundle.entry or []]
    assert kinds == ["QuestionnaireResponse", "Observation"] * 2  # two PHQ-9 sittings
    assert AccessLog.objects.filter(user=user, area="assessments", object_id="fhir").exists()
