"""Sessions in the database, loaded with the person and their profile in one query
(``SESSION_ENGINE``).

Django's database session store, on ``accounts.models.Session``: the same table but for
a column that names the session's user (written from the session's data each time it is
saved). Loading a session — which every request with a session cookie does — runs one
SELECT written once per process (``core.rawrows``) that also reads that user and their
profile; the authentication middleware hands that user to Django's own ``get_user``,
which checks it as always (the backend, ``is_active``, the session hash of the
password). Nothing is cached between requests: deleting the row, a logout, a password
change or a deactivation ends the session at once in every worker.

The data is stored as plain JSON, not signed as Django's store signs it: verifying the
signature (a key derivation and an HMAC) was a fifth of loading a session, and it
protects nothing here — the data never leaves the server, and whoever can write the
table could as well copy a live session's key. What makes a session someone's is still
Django's session hash of their password, which needs the secret key.

Why not ``cached_db`` or a cache-backed store: with the per-worker memory cache a session
deleted through one worker (logout, account deletion, "log out everywhere") would stay
valid in the other workers' caches until it expired there; the shared cache of a server
install is the database itself, so it would still cost a query. Signed cookies cannot be
revoked at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.utils import timezone

from bridgework.core.rawrows import column, fetch_one

from .backends import user_from_row, user_query


@cache
def _load_query(using: str) -> tuple[str, int]:
    """The session's data, then its user's and their profile's columns (NULL for a
    session nobody is logged in to); and how many columns come before the user's."""
    from .models import Session

    quote = connections[using].ops.quote_name
    meta = Session._meta
    selected, users, profile_join = user_query(using)
    sql = (
        f"SELECT {quote('s')}.{quote(column(meta.get_field('session_data')))}, {selected} "
        f"FROM {quote(meta.db_table)} {quote('s')} "
        f"LEFT OUTER JOIN {users} "
        f"ON {quote('u')}.{quote(column(get_user_model()._meta.pk))} = "
        f"{quote('s')}.{quote(column(meta.get_field('user')))} {profile_join} "
        f"WHERE {quote('s')}.{quote(column(meta.get_field('session_key')))} = %s "
        f"AND {quote('s')}.{quote(column(meta.get_field('expire_date')))} > %s"
    )
    return sql, 1


# The session store whose user the authentication middleware is loading (see below).
_loading: ContextVar[SessionStore | None] = ContextVar("bridgework_loading_session", default=None)


@contextmanager
def loading_user_of(store: Any) -> Iterator[None]:
    """While Django's ``get_user`` runs for this session, the backends take the user it
    loaded with the session instead of reading it again (``loaded_user``)."""
    token = _loading.set(store if isinstance(store, SessionStore) else None)
    try:
        yield
    finally:
        _loading.reset(token)


def loaded_user(user_id: Any) -> Any:
    """The user loaded with the session now being authenticated, if it is ``user_id``'s
    (else None: the backend reads the user itself)."""
    store = _loading.get()
    user = getattr(store, "_bridgework_user", None)
    if user is None:
        return None
    try:
        pk = type(user)._meta.pk.to_python(user_id)
    except (ValidationError, ValueError, TypeError):
        return None
    return user if user.pk == pk else None


class SessionStore(DatabaseSessionStore):
    _bridgework_user: Any = None

    @classmethod
    def get_model_class(cls) -> Any:
        from .models import Session

        return Session

    def encode(self, session_dict: dict[str, Any]) -> str:
        # As Django's JSONSerializer writes it (compact), without signing (see the module).
        return json.dumps(session_dict, separators=(",", ":"))

    def decode(self, session_data: bytes | str) -> dict[str, Any]:
        try:
            data = json.loads(session_data)
        except ValueError:  # not ours: an empty session, as Django's store does
            return {}
        return data if isinstance(data, dict) else {}

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        instance: Any = super().create_model_instance(data)
        user_id = data.get(SESSION_KEY)
        try:
            instance.user_id = get_user_model()._meta.pk.to_python(user_id) if user_id else None
        except ValidationError:
            instance.user_id = None
        return instance

    def load(self) -> dict[str, Any]:
        self._bridgework_user = None
        key = self.session_key
        if not key:
            self._session_key = None
            return {}
        using = router.db_for_read(self.model)
        connection = connections[using]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        sql, split = _load_query(using)
        row = fetch_one(connection, sql, [key, now])
        if row is None:
            self._session_key = None
            return {}
        self._bridgework_user = user_from_row(row[split:], using)
        decoded: dict[str, Any] = self.decode(row[0])
        return decoded
