"""The person chooses what each clinician sees, changes it, ends it; every look is listed."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from ..models import AccessLog, CareLink, SharedEntry
from .data import fill
from .helpers import link_between

pytestmark = pytest.mark.django_db


def test_the_person_shares_an_area_and_the_clinician_sees_it_on_the_next_request(
    client: Any, user: Any, clinician: Any, clinician_client: Any
) -> None:
    fill(user)
    link = link_between(user, clinician)
    url = reverse("care:client_assessments", args=[link.pk])
    assert clinician_client.get(url).status_code == 404
    response = client.post(reverse("care:link", args=[link.pk]), {"assessments": "on"})
    assert response.status_code == 302
    page = clinician_client.get(url)
    assert page.status_code == 200 and "PHQ-9" in page.content.decode()
    client.post(reverse("care:link", args=[link.pk]), {})
    assert clinician_client.get(url).status_code == 404


def test_notes_without_the_ladder_are_refused_with_a_message(client: Any, user: Any, clinician: Any) -> None:
    link = link_between(user, clinician)
    response = client.post(reverse("care:link", args=[link.pk]), {"ladder_notes": "on", "circle": "on"})
    body = response.content.decode()
    assert response.status_code == 400 and "Share the ladder itself" in body
    link.refresh_from_db()
    assert not link.ladder_notes and not link.circle  # nothing saved
    assert 'name="circle" checked' in body or "checked" in body  # what was ticked is kept


def test_the_consent_page_of_another_persons_link_is_404(
    client: Any, other_user: Any, clinician: Any
) -> None:
    link = link_between(other_user, clinician, assessments=True)
    assert client.get(reverse("care:link", args=[link.pk])).status_code == 404
    assert client.post(reverse("care:link", args=[link.pk]), {}).status_code == 404
    link.refresh_from_db()
    assert link.assessments


def test_the_consent_page_rejects_delete(client: Any, user: Any, clinician: Any) -> None:
    link = link_between(user, clinician)
    assert client.delete(reverse("care:link", args=[link.pk])).status_code == 405


def test_ending_a_link_stops_everything_at_once(
    client: Any, user: Any, clinician: Any, clinician_client: Any
) -> None:
    data = fill(user)
    link = link_between(user, clinician, assessments=True, ladder=True)
    SharedEntry.objects.create(link=link, entry=data["shared"])
    assert clinician_client.get(reverse("care:client", args=[link.pk])).status_code == 200
    assert client.post(reverse("care:link_stop", args=[link.pk])).status_code == 302
    for name in ("client", "client_assessments", "client_ladder", "client_journal"):
        assert clinician_client.get(reverse(f"care:{name}", args=[link.pk])).status_code == 404
    link.refresh_from_db()
    assert link.ended_at is not None and not link.assessments
    assert not SharedEntry.objects.filter(link=link).exists()
    # Ended, the consent page says so and refuses changes.
    page = client.get(reverse("care:link", args=[link.pk]))
    assert page.status_code == 200 and "This link ended" in page.content.decode()
    client.post(reverse("care:link", args=[link.pk]), {"assessments": "on"})
    link.refresh_from_db()
    assert not link.assessments


def test_ending_rejects_get_and_another_persons_link(
    client: Any, other_user: Any, clinician: Any
) -> None:
    link = link_between(other_user, clinician)
    assert client.get(reverse("care:link_stop", args=[link.pk])).status_code == 405
    assert client.post(reverse("care:link_stop", args=[link.pk])).status_code == 404
    assert CareLink.objects.get(pk=link.pk).ended_at is None


def test_journal_entries_are_shared_one_by_one(
    client: Any, user: Any, clinician: Any, clinician_client: Any
) -> None:
    data = fill(user)
    link = link_between(user, clinician)
    journal = reverse("care:client_journal", args=[link.pk])
    assert clinician_client.get(journal).status_code == 404
    response = client.post(reverse("care:entry_share", args=[link.pk]), {"entry": data["shared"].pk})
    assert response.status_code == 302
    shared = clinician_client.get(reverse("care:client_entry", args=[link.pk, data["shared"].pk]))
    assert shared.status_code == 200 and "Entry I chose to share" in shared.content.decode()
    private = clinician_client.get(reverse("care:client_entry", args=[link.pk, data["private"].pk]))
    assert private.status_code == 404
    assert "Private journal words" not in clinician_client.get(journal).content.decode()
    client.post(reverse("care:entry_unshare", args=[link.pk, data["shared"].pk]))
    assert clinician_client.get(journal).status_code == 404


def test_sharing_a_missing_or_foreign_entry_is_refused(
    client: Any, user: Any, other_user: Any, clinician: Any
) -> None:
    from bridgework.journal.models import Entry

    link = link_between(user, clinician)
    foreign = Entry.objects.create(user=other_user, body="Bob's words")
    response = client.post(reverse("care:entry_share", args=[link.pk]), {"entry": foreign.pk})
    assert response.status_code == 400 and "Choose one of the options offered" in response.content.decode()
    assert client.post(reverse("care:entry_share", args=[link.pk]), {}).status_code == 400
    assert not SharedEntry.objects.exists()
    assert client.get(reverse("care:entry_share", args=[link.pk])).status_code == 405


def test_sharing_on_another_persons_link_is_404(client: Any, user: Any, other_user: Any, clinician: Any) -> None:
    data = fill(user)
    link = link_between(other_user, clinician)
    response = client.post(reverse("care:entry_share", args=[link.pk]), {"entry": data["shared"].pk})
    assert response.status_code == 404
    assert client.post(reverse("care:entry_unshare", args=[link.pk, data["shared"].pk])).status_code == 404


def test_every_look_is_listed_for_the_person(
    client: Any, user: Any, clinician: Any, clinician_client: Any
) -> None:
    fill(user)
    link = link_between(user, clinician, assessments=True, circle=True)
    clinician_client.get(reverse("care:clinician_home"))
    clinician_client.get(reverse("care:client", args=[link.pk]))
    clinician_client.get(reverse("care:client_assessments", args=[link.pk]))
    clinician_client.get(reverse("care:client_circle", args=[link.pk]))
    clinician_client.get(reverse("care:client_ladder", args=[link.pk]))  # not shared: 404, no look
    areas = list(AccessLog.objects.filter(user=user).values_list("area", flat=True))
    assert sorted(areas) == ["assessments", "circle", "dashboard", "overview"]
    page = client.get(reverse("care:audit"))
    body = page.content.decode()
    assert page.status_code == 200
    assert body.count("Dr Carol Care") == 4 and "Circle summary" in body
    assert "Dr Carol Care" in client.get(reverse("care:index")).content.decode()


def test_the_audit_rejects_post_and_bad_pages_fall_back(client: Any) -> None:
    assert client.post(reverse("care:audit")).status_code == 405
    assert client.get(reverse("care:audit") + "?page=nope").status_code == 200


def test_another_persons_looks_are_not_listed(
    client: Any, other_user: Any, clinician: Any, clinician_client: Any
) -> None:
    link = link_between(other_user, clinician, assessments=True)
    clinician_client.get(reverse("care:client_assessments", args=[link.pk]))
    assert "Dr Carol Care" not in client.get(reverse("care:audit")).content.decode()
