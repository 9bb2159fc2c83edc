"""Sessions in the database, read with one hand-written query (``SESSION_ENGINE``).

Exactly Django's database session store (sessions stay revocable: deleting the row, a
logout or a password change ends them at once in every worker, because nothing is cached
between requests), except that loading a session — which every request with a session
cookie does — runs a SELECT written once per process instead of building it through the
ORM, which cost about 1 ms of CPU per request (``core.rawrows``).

Why not ``cached_db`` or a cache-backed store: with the per-worker memory cache a session
deleted through one worker (logout, account deletion, "log out everywhere") would stay
valid in the other workers' caches until it expired there; the shared cache of a server
install is the database itself, so it would still cost a query. Signed cookies cannot be
revoked at all.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router
from django.utils import timezone

from bridgework.core.rawrows import column


@cache
def _load_query(using: str) -> str:
    from django.contrib.sessions.models import Session

    quote = connections[using].ops.quote_name
    meta = Session._meta
    return (
        f"SELECT {quote(column(meta.get_field('session_data')))} FROM {quote(meta.db_table)} "
        f"WHERE {quote(column(meta.get_field('session_key')))} = %s "
        f"AND {quote(column(meta.get_field('expire_date')))} > %s"
    )


class SessionStore(DatabaseSessionStore):
    def load(self) -> dict[str, Any]:
        key = self.session_key
        if not key:
            self._session_key = None
            return {}
        using = router.db_for_read(self.model)
        connection = connections[using]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(_load_query(using), [key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        decoded: dict[str, Any] = self.decode(row[0])
        return decoded
