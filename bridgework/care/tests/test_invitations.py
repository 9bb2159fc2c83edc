"""The person invites; a clinician redeems the code once, within 7 days; nothing is shared."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from ..models import CareLink, Invitation
from ..services import hash_code, invitation_create

pytestmark = pytest.mark.django_db


def _code_from(response: Any) -> str:
    match = re.search(r'class="invitation-code">([A-Z0-9-]+)<', response.content.decode())
    assert match, "the code is shown once"
    return match.group(1)


def test_it_creates_a_code_shown_once_and_stores_only_its_hash(client: Any, user: Any) -> None:
    response = client.post(reverse("care:invite"))
    assert response.status_code == 201
    code = _code_from(response)
    invitation = Invitation.objects.get(user=user)
    assert invitation.code_hash == hash_code(code)
    assert code.replace("-", "") not in invitation.code_hash
    assert timedelta(days=6, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=7)
    assert code not in client.get(reverse("care:index")).content.decode()


def test_invite_rejects_get(client: Any) -> None:
    assert client.get(reverse("care:invite")).status_code == 405


def test_the_care_page_needs_a_login(anon_client: Any) -> None:
    response = anon_client.get(reverse("care:index"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_clinician_redeems_a_code_and_sees_nothing_yet(
    user: Any, clinician: Any, clinician_client: Any
) -> None:
    _, code = invitation_create(user=user)
    response = clinician_client.post(reverse("care:join"), {"code": code.lower().replace("-", " ")})
    link = CareLink.objects.get(user=user, clinician=clinician)
    assert response.status_code == 302 and response["Location"] == reverse("care:client", args=[link.pk])
    assert link.shared_areas == [] and not link.ladder_notes and not link.circle_names
    page = clinician_client.get(reverse("care:client", args=[link.pk]))
    assert "has not chosen to share anything" in page.content.decode()


def test_a_code_works_only_once(user: Any, clinician: Any, other_clinician: Any) -> None:
    from .helpers import logged_in

    _, code = invitation_create(user=user)
    assert logged_in(clinician).post(reverse("care:join"), {"code": code}).status_code == 302
    response = logged_in(other_clinician).post(reverse("care:join"), {"code": code})
    assert response.status_code == 400
    assert "already been used" in response.content.decode()
    assert not CareLink.objects.filter(clinician=other_clinician).exists()


def test_an_expired_code_is_refused(user: Any, clinician_client: Any) -> None:
    invitation, code = invitation_create(user=user)
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    invitation.save(update_fields=["expires_at"])
    response = clinician_client.post(reverse("care:join"), {"code": code})
    assert response.status_code == 400 and "expired" in response.content.decode()


def test_a_wrong_code_keeps_what_was_typed(clinician_client: Any) -> None:
    response = clinician_client.post(reverse("care:join"), {"code": "ABCD-EFGH-JKMN-PQRS"})
    body = response.content.decode()
    assert response.status_code == 400 and "does not match" in body and "ABCD-EFGH-JKMN-PQRS" in body


def test_a_short_code_is_named(clinician_client: Any) -> None:
    response = clinician_client.post(reverse("care:join"), {"code": "ABC"})
    assert response.status_code == 400 and "has 3" in response.content.decode()


def test_join_rejects_put(clinician_client: Any) -> None:
    assert clinician_client.put(reverse("care:join")).status_code == 405


def test_the_link_prefills_the_code(clinician_client: Any) -> None:
    response = clinician_client.get(reverse("care:join") + "?code=ABCD-EFGH")
    assert response.status_code == 200 and 'value="ABCD-EFGH"' in response.content.decode()


def test_a_person_cannot_redeem_a_code(client: Any, other_user: Any) -> None:
    _, code = invitation_create(user=other_user)
    assert client.post(reverse("care:join"), {"code": code}).status_code == 404
    assert not CareLink.objects.exists()


def test_a_clinician_without_two_step_sign_in_cannot_redeem(
    user: Any, clinician_without_2fa: Any
) -> None:
    from .helpers import logged_in

    _, code = invitation_create(user=user)
    response = logged_in(clinician_without_2fa).post(reverse("care:join"), {"code": code})
    assert response.status_code == 403
    assert reverse("mfa_activate_totp") in response.content.decode()
    assert not CareLink.objects.exists()


def test_cancelling_an_invitation_kills_its_code(user: Any, client: Any, clinician_client: Any) -> None:
    invitation, code = invitation_create(user=user)
    response = client.post(reverse("care:invitation_delete", args=[invitation.pk]))
    assert response.status_code == 302
    assert clinician_client.post(reverse("care:join"), {"code": code}).status_code == 400


def test_cancelling_another_persons_invitation_is_404(client: Any, other_user: Any) -> None:
    invitation, _ = invitation_create(user=other_user)
    assert client.post(reverse("care:invitation_delete", args=[invitation.pk])).status_code == 404
    assert client.get(reverse("care:invitation_delete", args=[invitation.pk])).status_code == 405
    assert Invitation.objects.filter(pk=invitation.pk).exists()
