"""Authentication backends that load the person's profile with the user, in one query.

Every page needs the profile (its time zone is activated for each request), so fetching
it together with the user saves a query on every request. The query is written by hand
once per process (``core.rawrows``): through the ORM, building it cost more CPU than the
rest of a static page's middleware. It still runs on every request, so a password
change, a deactivation or a deleted account is seen at once by every worker (nothing is
cached between requests). Otherwise identical to the Django and allauth backends they
extend.

On a request, the session's own query has already read the user and profile in the
same way (``accounts/sessions.py``): ``get_user`` takes that user while the middleware
authenticates the request, and the checks that follow are Django's, unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router

from bridgework.core.rawrows import Columns, column, convert, fetch_one


@cache
def _columns(using: str) -> tuple[Columns, Columns]:
    User = get_user_model()
    Profile = User._meta.get_field("profile").related_model
    assert isinstance(Profile, type)
    return Columns(User, "u"), Columns(Profile, "p")


def user_query(using: str) -> tuple[str, str, str]:
    """The user's and their profile's columns, the user's table (as ``u``) and the join
    of their profile (as ``p``): for this module's query and the session's
    (``accounts/sessions.py``), which also reads the user."""
    User = get_user_model()
    relation = User._meta.get_field("profile")
    users, profiles = _columns(using)
    quote = connections[using].ops.quote_name
    selected = f"{users.sql(quote)}, {profiles.sql(quote)}"
    profile_join = (
        f"LEFT OUTER JOIN {quote(profiles.model._meta.db_table)} {quote('p')} "
        f"ON {quote('p')}.{quote(column(relation.field))} = {quote('u')}.{quote(column(User._meta.pk))}"
    )
    return selected, f"{quote(User._meta.db_table)} {quote('u')}", profile_join


@cache
def _user_query(using: str) -> str:
    pk = get_user_model()._meta.pk
    selected, users, profile_join = user_query(using)
    quote = connections[using].ops.quote_name
    return f"SELECT {selected} FROM {users} {profile_join} WHERE {quote('u')}.{quote(column(pk))} = %s"


@cache
def _converters(using: str) -> tuple[list[Any], list[Any]]:
    users, profiles = _columns(using)
    return users.converters(using), profiles.converters(using)


def user_from_row(row: Sequence[Any], using: str) -> Any:
    """The user (with ``user.profile`` loaded, as ``select_related("profile")`` would)
    from the columns of ``user_query``, or None when they are NULL (no such user)."""
    users, profiles = _columns(using)
    split = len(users.fields)
    if row[0] is None:  # the primary key: the outer join found no user
        return None
    user_converters, profile_converters = _converters(using)
    User = get_user_model()
    user = User.from_db(using, users.attnames, convert(row[:split], user_converters, using))
    relation = User._meta.get_field("profile")
    profile = None
    if row[split] is not None:
        profile = profiles.model.from_db(using, profiles.attnames, convert(row[split:], profile_converters, using))
        relation.field.set_cached_value(profile, user)
    relation.set_cached_value(user, profile)
    return user


def user_with_profile(user_id: Any) -> Any:
    """The user with ``user.profile`` already loaded (as ``select_related("profile")``
    would), or None."""
    User = get_user_model()
    try:
        pk = User._meta.pk.to_python(user_id)
    except (ValidationError, ValueError, TypeError):  # a malformed id: no such user
        return None
    using = router.db_for_read(User)
    row = fetch_one(connections[using], _user_query(using), [pk])
    return None if row is None else user_from_row(row, using)


def _user_with_profile(backend: DjangoModelBackend, user_id: Any) -> Any:
    from .sessions import loaded_user

    # While the middleware authenticates a request, the user its session's query loaded.
    user = loaded_user(user_id) or user_with_profile(user_id)
    return user if user is not None and backend.user_can_authenticate(user) else None


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id: Any) -> Any:
        return _user_with_profile(self, user_id)


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id: Any) -> Any:
        return _user_with_profile(self, user_id)
