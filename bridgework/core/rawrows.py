"""Rows read without the ORM's per-row machinery: hand-written SELECTs for the two queries
every logged-in request runs (the session and the user with their profile), turned into
the same Python values the ORM would give; and ``plain_rows`` for the export (below).

Building such a query through the ORM costs about 1 ms of CPU each time (cloning the
query, resolving the lookups, compiling the SQL); running it costs a tenth of that. Here
the SQL is written once per process from the models' own metadata (so a new column is
picked up, never forgotten), and each value goes through the same converters the ORM
applies (the database backend's, then the field's: aware datetimes, booleans, decrypted
text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import orjson
from django.conf import settings
from django.db import connections, router
from django.db.models import DateField, DateTimeField, Field, JSONField, Model, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils.dateparse import parse_datetime

from . import encryption
from .encryption_keys import DecryptionError
from .fields import EncryptedTextField

Converter = Callable[[Any, Any, Any], Any]


def column(field: Any) -> str:
    """A concrete field's column name (typed ``str | None`` in the stubs)."""
    name = field.column
    assert isinstance(name, str), field
    return name


class Columns:
    """The concrete columns of ``model`` under a table alias, with their converters."""

    def __init__(self, model: type[Model], alias: str) -> None:
        self.model = model
        self.fields: list[Field[Any, Any]] = list(model._meta.concrete_fields)
        self.alias = alias
        self.attnames = [f.attname for f in self.fields]

    def sql(self, quote: Callable[[str], str]) -> str:
        return ", ".join(f"{quote(self.alias)}.{quote(column(f))}" for f in self.fields)

    def converters(self, using: str) -> list[tuple[int, Any, list[Converter]]]:
        """(position, column, converters) of the columns that have converters (datetimes
        on SQLite in UTC: ``_utc_datetime``, the same values with less work)."""
        connection = connections[using]
        text_dates = _text_dates(connection)
        found = []
        for position, field in enumerate(self.fields):
            col = field.get_col(self.alias)
            convs = db_converters(col, connection)
            if text_dates and type(field) is DateTimeField:
                convs = [_utc_datetime]
            found.append((position, col, convs))
        return [(position, col, convs) for position, col, convs in found if convs]


def fetch_one(connection: Any, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
    """``cursor.execute(sql, params); cursor.fetchone()`` through Django's cursor, or on
    SQLite straight on the driver's cursor when nothing is watching queries (no query
    logging, as under ``DEBUG`` or while a test counts them; no execute wrappers):
    Django's cursor wrapper cost more than running the query itself (~40 µs against ~25)
    for the one query every request runs (``accounts/sessions.py``). Database errors are
    Django's either way, and tests, the query-count guard and debugging tools see the
    query as always."""
    if connection.vendor != "sqlite" or connection.queries_logged or connection.execute_wrappers:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row: tuple[Any, ...] | None = cursor.fetchone()
            return row
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_no_broken_transaction()
    with connection.wrap_database_errors:
        cursor = connection.connection.cursor()
        try:
            # The driver's own placeholders ("%s" is Django's on every backend).
            row = cursor.execute(sql.replace("%s", "?"), params).fetchone()
        finally:
            cursor.close()
    return row


def db_converters(col: Any, connection: Any) -> list[Converter]:
    """The converters the ORM runs on ``col``'s values: the backend's, then the field's."""
    return list(connection.ops.get_db_converters(col)) + list(col.get_db_converters(connection))


def convert(row: Sequence[Any], converters: list[tuple[int, Any, list[Converter]]], using: str) -> list[Any]:
    """``row``'s values as the ORM would give them (see the module); ``converters`` from
    ``Columns.converters``."""
    connection = connections[using]
    values = list(row)
    for position, col, convs in converters:
        value = values[position]
        for converter in convs:
            value = converter(value, col, connection)
        values[position] = value
    return values


# --- Plain rows for the export -------------------------------------------------------
#
# The export reads every row a person has (~4,600 rows, ~6,700 encrypted values and
# ~12,000 dates at five years). Through values() each value passes the ORM's converter
# chain (the backend's, then the field's) and each date is parsed into a datetime, made
# aware and formatted again. ``plain_rows`` keeps the ORM for the query (filters,
# ordering, the person's scope) but reads the cursor itself, turning each column into
# the export's value with one function: encrypted text decrypted with the process's
# keyring, JSON decoded, dates and datetimes straight to the ISO text ``isoformat()``
# gives for the ORM's value (on SQLite from the stored text, never parsed by the
# driver). Other columns go through the ORM's own converters.


def _iso_datetime(value: Any) -> str | None:
    """The ISO text of a datetime the ORM would give (aware, UTC)."""
    if value is None:
        return None
    if (
        isinstance(value, str)
        and value[10:11] == " "
        and (len(value) == 19 or (len(value) == 26 and not value.endswith(".000000")))
    ):
        # What Django writes (str() of the naive UTC datetime) is isoformat() but for the
        # "T" and the offset: no need to parse it.
        return f"{value[:10]}T{value[11:]}+00:00"
    parsed: datetime | None = value
    if isinstance(value, str):  # SQLite's stored text: naive UTC
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = parse_datetime(value)
            if parsed is None:
                raise
    assert parsed is not None
    if parsed.tzinfo is None:
        return parsed.isoformat() + "+00:00"
    return parsed.astimezone(UTC).isoformat()


def _utc_datetime(value: Any, col: Any, connection: Any) -> datetime | None:
    """The SQLite backend's datetime converter when the database keeps UTC (the driver has
    already parsed the text): the value made aware in UTC, without the settings and
    time-zone checks ``make_aware`` repeats for every value."""
    if isinstance(value, str):  # not parsed by the driver
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value  # type: ignore[no-any-return]


def _iso_date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite's stored text, as Django writes it: isoformat()
        return value if len(value) == 10 else date.fromisoformat(value).isoformat()
    return str(value.isoformat())


def _json(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # None, or a backend that decodes JSON itself
    try:
        return orjson.loads(value)  # the same values as json.loads, ~3x faster
    except orjson.JSONDecodeError:
        pass  # what orjson refuses and json.loads may take (NaN, huge integers)
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value  # as JSONField.from_db_value


def _decrypter() -> Callable[[Any], str | None]:
    fast = encryption.get_keyring().decrypter()

    def decrypt(token: Any) -> str | None:
        if token is None:
            return None
        try:
            return fast(token)
        except DecryptionError:
            return encryption.decrypt(token)  # a key written since (rotation): reload, or raise

    return decrypt


def _text_dates(connection: Any) -> bool:
    """Whether the backend keeps dates as ISO text in UTC (SQLite with USE_TZ)."""
    return bool(connection.vendor == "sqlite" and settings.USE_TZ and connection.timezone_name == "UTC")


def plain_rows(queryset: QuerySet[Any], *names: str) -> list[dict[str, Any]]:
    """``queryset.values(*names)`` for an export (see above): dicts of plain values with
    every date and datetime already as its ISO text (``value.isoformat()``, datetimes
    aware in UTC), encrypted text decrypted, JSON decoded. ``names`` are the model's own
    concrete fields (``"step_id"`` for a foreign key's id)."""
    model = queryset.model
    by_name: dict[str, Field[Any, Any]] = {}
    for f in model._meta.concrete_fields:
        by_name[f.name] = by_name[f.attname] = f
    fields = [by_name[name] for name in names]
    connection = connections[queryset.db]
    text_dates = _text_dates(connection)
    decrypt: Callable[[Any], str | None] | None = None
    selected: list[Any] = []
    steps: list[Callable[[Any], Any] | None] = []
    for name, f in zip(names, fields, strict=True):
        if isinstance(f, DateTimeField | DateField):
            # On SQLite the column's text as stored, not parsed into a datetime by the driver.
            selected.append(Cast(name, TextField()) if text_dates else name)
            steps.append(_iso_datetime if isinstance(f, DateTimeField) else _iso_date)
        elif isinstance(f, EncryptedTextField):
            selected.append(name)
            decrypt = decrypt or _decrypter()
            steps.append(decrypt)
        elif isinstance(f, JSONField):
            selected.append(name)
            steps.append(_json)
        else:
            selected.append(name)
            col = f.get_col(model._meta.db_table)
            convs = db_converters(col, connection)
            steps.append(_chain(convs, col, connection) if convs else None)
    sql, params = queryset.values_list(*selected).query.get_compiler(queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return []
    # Column by column (map() calls each converter without a Python loop around it).
    columns: list[Any] = list(zip(*rows, strict=True))
    for position, step in enumerate(steps):
        if step is not None:
            columns[position] = map(step, columns[position])
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def _chain(convs: list[Converter], col: Any, connection: Any) -> Callable[[Any], Any]:
    def convert_one(value: Any) -> Any:
        for converter in convs:
            value = converter(value, col, connection)
        return value

    return convert_one


# --- Queries built once --------------------------------------------------------------

# Never a primary key (they are positive): marks where the value goes in the SQL.
_SENTINEL = -918_273_645


class Prepared:
    """A ``values_list`` query that depends on one integer only (a user id), built and
    compiled by the ORM once per process (and database connection), then run for any
    value: ``rows(value)`` is ``list(build(value))``.

    Building a query with annotations and subqueries through the ORM (cloning, resolving
    the lookups, compiling the SQL) costs 1–7 ms each time, many times what the database
    takes to run it; a home page whose panels are computed again runs a dozen. Here the
    SQL and its parameters are kept and the value is put in its place; each column goes
    through the ORM's own converters (decrypted text, aware datetimes, dates). ``build``
    must depend on nothing but its argument: no dates, no settings that change.
    """

    def __init__(self, build: Callable[[int], QuerySet[Any]]) -> None:
        self._build = build
        self._model: type[Model] | None = None

    def _compiled(self) -> tuple[Any, str, list[Any], list[int], Any, int]:
        # Kept on the connection it was compiled for (a compiler holds its connection, and
        # each thread, and each test database set-up, has its own).
        if self._model is None:
            self._model = self._build(_SENTINEL).model
        connection = connections[router.db_for_read(self._model)]
        kept: dict[Prepared, tuple[Any, str, list[Any], list[int], Any, int]]
        kept = connection.__dict__.setdefault("_bridgework_prepared", {})
        found = kept.get(self)
        if found is None:
            queryset = self._build(_SENTINEL)
            compiler = queryset.query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()
            positions = [i for i, value in enumerate(params) if value == _SENTINEL]
            if not positions or str(_SENTINEL) in sql:
                raise ValueError("the query must take its value as a parameter")
            fields = [column[0] for column in compiler.select[: compiler.col_count]]
            converters = compiler.get_converters(fields)
            found = kept[self] = (compiler, sql, list(params), positions, converters, compiler.col_count)
        return found

    def rows(self, value: int) -> list[tuple[Any, ...]]:
        compiler, sql, params, positions, converters, width = self._compiled()
        params = list(params)
        for position in positions:
            params[position] = value
        with compiler.connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = list(compiler.apply_converters(rows, converters))
        return [tuple(row[:width]) for row in rows]
