"""The one way views and API endpoints fetch a person or an exchange: the owner's, or 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from .models import Exchange, Person


def get_person_for_user(user: Any, pk: int) -> Person:
    try:
        return Person.objects.get(pk=pk, user=user)
    except Person.DoesNotExist:
        raise Http404("No such person") from None


def get_exchange_for_user(user: Any, pk: int) -> Exchange:
    try:
        return Exchange.objects.select_related("person").get(pk=pk, user=user)
    except Exchange.DoesNotExist:
        raise Http404("No such exchange") from None
