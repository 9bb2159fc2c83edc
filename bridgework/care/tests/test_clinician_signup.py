from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ..models import ClinicianProfile

pytestmark = pytest.mark.django_db

FORM = {
    "email": "new.clinician@clinic.example",
    "password1": "a long and quiet lake 77",
    "password2": "a long and quiet lake 77",
    "name": "Dr New",
    "profession": "Psychotherapist",
    "organisation": "Lake Practice",
}


def test_a_clinician_signs_up_and_is_asked_for_two_step_sign_in(anon_client: Any) -> None:
    response = anon_client.post(reverse("care:clinician_signup"), FORM)
    assert response.status_code == 302
    user = get_user_model().objects.get(email=FORM["email"])
    profile = ClinicianProfile.objects.get(user=user)
    assert profile.introduction == "Dr New, Psychotherapist, Lake Practice"
    home = anon_client.get(reverse("care:clinician_home"))
    assert home.status_code == 403 and reverse("mfa_activate_totp") in home.content.decode()


def test_bad_input_keeps_what_was_typed(anon_client: Any) -> None:
    response = anon_client.post(
        reverse("care:clinician_signup"), FORM | {"password2": "different", "profession": ""}
    )
    body = response.content.decode()
    assert response.status_code == 400 and "Dr New" in body and "Lake Practice" in body
    assert not get_user_model().objects.filter(email=FORM["email"]).exists()


def test_a_logged_in_person_is_not_turned_into_a_clinician(client: Any, user: Any) -> None:
    response = client.post(reverse("care:clinician_signup"), FORM)
    assert response.status_code == 302 and response["Location"] == reverse("care:index")
    assert not ClinicianProfile.objects.exists()


def test_signup_rejects_put(anon_client: Any) -> None:
    assert anon_client.put(reverse("care:clinician_signup")).status_code == 405
    assert anon_client.get(reverse("care:clinician_signup")).status_code == 200
