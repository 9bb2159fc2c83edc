from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from bridgework.checkin.models import CheckIn


def test_it_asks_then_deletes(client: Any, user: Any) -> None:
    checkin = CheckIn.objects.create(user=user, date=timezone.localdate(), stress=3)
    url = reverse("checkin:delete", args=[checkin.pk])
    assert "cannot be undone" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not CheckIn.objects.exists()


def test_wrong_method_is_refused(client: Any, user: Any) -> None:
    checkin = CheckIn.objects.create(user=user, date=timezone.localdate())
    assert client.put(reverse("checkin:delete", args=[checkin.pk])).status_code == 405


def test_a_missing_check_in_is_not_found(client: Any) -> None:
    assert client.post(reverse("checkin:delete", args=[999999])).status_code == 404
