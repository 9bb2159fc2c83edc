"""Authentication backends that load the person's profile with the user, in one query.

Every page needs the profile (its time zone is activated for each request), so fetching
it together with the user saves a query on every request. The query is written by hand
once per process (``core.rawrows``): through the ORM, building it cost more CPU than the
rest of a static page's middleware. It still runs on every request, so a password
change, a deactivation or a deleted account is seen at once by every worker (nothing is
cached between requests). Otherwise identical to the Django and allauth backends they
extend.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router

from bridgework.core.rawrows import Columns, column, convert


@cache
def _user_query(using: str) -> tuple[str, Columns, Columns]:
    User = get_user_model()
    relation = User._meta.get_field("profile")
    Profile = relation.related_model
    assert isinstance(Profile, type)
    users, profiles = Columns(User, "u"), Columns(Profile, "p")
    quote = connections[using].ops.quote_name
    sql = (
        f"SELECT {users.sql(quote)}, {profiles.sql(quote)} "
        f"FROM {quote(User._meta.db_table)} {quote('u')} "
        f"LEFT OUTER JOIN {quote(Profile._meta.db_table)} {quote('p')} "
        f"ON {quote('p')}.{quote(column(relation.field))} = {quote('u')}.{quote(column(User._meta.pk))} "
        f"WHERE {quote('u')}.{quote(column(User._meta.pk))} = %s"
    )
    return sql, users, profiles


@cache
def _converters(using: str) -> tuple[list[Any], list[Any]]:
    _, users, profiles = _user_query(using)
    return users.converters(using), profiles.converters(using)


def user_with_profile(user_id: Any) -> Any:
    """The user with ``user.profile`` already loaded (as ``select_related("profile")``
    would), or None."""
    User = get_user_model()
    try:
        pk = User._meta.pk.to_python(user_id)
    except (ValidationError, ValueError, TypeError):  # a malformed id: no such user
        return None
    using = router.db_for_read(User)
    sql, users, profiles = _user_query(using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    user_converters, profile_converters = _converters(using)
    split = len(users.fields)
    user = User.from_db(using, users.attnames, convert(row[:split], user_converters, using))
    relation = User._meta.get_field("profile")
    profile = None
    if row[split] is not None:
        profile = profiles.model.from_db(using, profiles.attnames, convert(row[split:], profile_converters, using))
        relation.field.set_cached_value(profile, user)
    relation.set_cached_value(user, profile)
    return user


def _user_with_profile(backend: DjangoModelBackend, user_id: Any) -> Any:
    user = user_with_profile(user_id)
    return user if user is not None and backend.user_can_authenticate(user) else None


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id: Any) -> Any:
        return _user_with_profile(self, user_id)


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id: Any) -> Any:
        return _user_with_profile(self, user_id)
