"""The one owned-or-404 lookup every app's ``access.py`` is built on.

A missing object, another user's object and an id that is not an id at all (``"x"``,
``"1.5"``, a 20-digit number the database cannot hold) all give the same ``Http404``:
a foreign id is never confirmed, and a bad one is never a server error.

    def get_step_for_user(user: User, pk: object) -> Step:
        return owned_or_404(Step.objects.filter(user=user), pk)
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

# Primary keys are signed 64-bit integers in SQLite and PostgreSQL (bigint).
_PK_MIN = -(2**63)
_PK_MAX = 2**63 - 1


def parse_pk(pk: object) -> int | None:
    """``pk`` as a database-sized int, or None when it cannot be one."""
    if isinstance(pk, bool):
        return None
    if isinstance(pk, int):
        number = pk
    elif isinstance(pk, str) and pk.strip().lstrip("-").isdigit():
        number = int(pk.strip())
    else:
        return None
    return number if _PK_MIN <= number <= _PK_MAX else None


def owned_or_404[M: Model](queryset: QuerySet[M], pk: object) -> M:
    """The object with ``pk`` in ``queryset`` (already scoped to its owner), or ``Http404``."""
    number = parse_pk(pk)
    if number is None:
        raise Http404("Not found.")
    try:
        return queryset.get(pk=number)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None
