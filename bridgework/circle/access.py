"""The one way views and API endpoints fetch a person or an exchange: the owner's, or 404."""

from __future__ import annotations

from django.contrib.auth.models import User

from bridgework.core.access import owned_or_404

from .models import Exchange, Person


def get_person_for_user(user: User, pk: object) -> Person:
    return owned_or_404(Person.objects.filter(user=user), pk)


def get_exchange_for_user(user: User, pk: object) -> Exchange:
    return owned_or_404(Exchange.objects.select_related("person").filter(user=user), pk)
