"""Rows read without the ORM's per-row machinery: hand-written SELECTs for the two queries
every logged-in request runs (the session and the user with their profile), turned into
the same Python values the ORM would give; ``plain_rows`` and ``PlainQuery`` for the
export (below); ``Prepared`` for a page's query built once per process.

Building such a query through the ORM costs about 1 ms of CPU each time (cloning the
query, resolving the lookups, compiling the SQL); running it costs a tenth of that. Here
the SQL is written once per process from the models' own metadata (so a new column is
picked up, never forgotten), and each value goes through the same converters the ORM
applies (the database backend's, then the field's: aware datetimes, booleans, decrypted
text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache, partial
from itertools import starmap
from typing import Any
from weakref import WeakSet

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


def _watched(connection: Any) -> bool:
    """Whether Django's cursor must run the query (see ``fetch_one``)."""
    return bool(connection.vendor != "sqlite" or connection.queries_logged or connection.execute_wrappers)


def fetch_one(connection: Any, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
    """``cursor.execute(sql, params); cursor.fetchone()`` through Django's cursor, or on
    SQLite straight on the driver's cursor when nothing is watching queries (no query
    logging, as under ``DEBUG`` or while a test counts them; no execute wrappers):
    Django's cursor wrapper cost more than running the query itself (~40 µs against ~25)
    for the one query every request runs (``accounts/sessions.py``). Database errors are
    Django's either way, and tests, the query-count guard and debugging tools see the
    query as always."""
    if _watched(connection):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row: tuple[Any, ...] | None = cursor.fetchone()
            return row
    # The driver's own placeholders ("%s" is Django's on every backend).
    return _driver(connection, _qmark(sql), params, all_rows=False)  # type: ignore[return-value]


def fetch_all(connection: Any, sql: str, params: Sequence[Any], *, driver_sql: str | None = None) -> list[tuple[Any, ...]]:
    """``fetch_one``'s ``fetchall()``: every row, through the driver's cursor on SQLite
    when nothing watches queries. ``driver_sql``: ``sql`` with the driver's placeholders,
    if the caller has already made it."""
    if _watched(connection):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
    return _driver(connection, driver_sql or _qmark(sql), params, all_rows=True)  # type: ignore[return-value]


@lru_cache(maxsize=256)
def _qmark(sql: str) -> str:
    """Django's "%s" placeholders as SQLite's "?" (as Django's SQLite cursor converts them)."""
    from django.db.backends.sqlite3.base import FORMAT_QMARK_REGEX

    return FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%")


def _driver(connection: Any, sql: str, params: Sequence[Any], *, all_rows: bool) -> Any:
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_no_broken_transaction()
    with connection.wrap_database_errors:
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql, params)
            return cursor.fetchall() if all_rows else cursor.fetchone()
        finally:
            cursor.close()


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


def iso_datetime(value: Any) -> str | None:
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


def json_datetime(iso: str | None) -> str | None:
    """``iso_datetime``'s text as Django's JSON encoder writes that datetime: milliseconds
    at most, "Z" for UTC (``DjangoJSONEncoder.default``)."""
    if iso is None:
        return None
    if iso[19:20] == ".":  # isoformat() writes microseconds only when there are some
        iso = iso[:23] + iso[26:]
    return iso.removesuffix("+00:00") + "Z" if iso.endswith("+00:00") else iso


def _utc_datetime(value: Any, col: Any, connection: Any) -> datetime | None:
    """The SQLite backend's datetime converter when the database keeps UTC (the driver has
    already parsed the text): the value made aware in UTC, without the settings and
    time-zone checks ``make_aware`` repeats for every value."""
    if isinstance(value, str):  # not parsed by the driver
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value  # type: ignore[no-any-return]


def iso_date(value: Any) -> str | None:
    """A date's ISO text; SQLite's stored text of one as it is; None stays None."""
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


# Column steps: a column's values (a tuple) in, the export's values (an iterable) out.
Step = Callable[[tuple[Any, ...]], Iterable[Any]]


def _decrypt_column(column: tuple[Any, ...]) -> Iterable[Any]:
    """Every token decrypted with the keyring's ``decrypter`` (found for each call, so a
    key file rewritten by a rotation is used); a NULL, a key written since or a bad value
    sends the column through ``_decrypter``: NULL stays None, the rest as ``decrypt``."""
    try:
        return list(map(encryption.get_keyring().decrypter(), column))
    except (DecryptionError, AttributeError, TypeError):
        return list(map(_decrypter(), column))


def _json_column(column: tuple[Any, ...]) -> Iterable[Any]:
    """``_json`` of each value; straight through orjson when every value is JSON it reads."""
    try:
        return list(map(orjson.loads, column))
    except (orjson.JSONDecodeError, TypeError):
        return list(map(_json, column))


def _each(function: Callable[[Any], Any]) -> Step:
    return partial(map, function)


def _text_dates(connection: Any) -> bool:
    """Whether the backend keeps dates as ISO text in UTC (SQLite with USE_TZ)."""
    return bool(connection.vendor == "sqlite" and settings.USE_TZ and connection.timezone_name == "UTC")


Spec = str | tuple[str, str] | tuple[str, str, Callable[[Any], Any]]


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _steps(
    model: type[Model], specs: Sequence[Spec], connection: Any, floats: Collection[str] = ()
) -> tuple[list[str], list[Any], list[Step | None]]:
    """For ``plain_rows`` and ``PlainQuery``: each spec's key, what to select, and the
    column step that turns the column into the export's values (None: as the driver
    gives them). A spec is a field name (the key too), ``(key, field)``, or ``(key,
    field, then)`` with ``then`` applied to each converted value; a name that is no
    concrete field is one of the query's annotations, read as the driver gives it.
    ``floats``: decimal
    fields read as ``float(value)`` (a decimal that fits its field, as the ORM writes
    them, is the same float either way) without making a ``Decimal`` first."""
    by_name: dict[str, Field[Any, Any]] = {}
    for f in model._meta.concrete_fields:
        by_name[f.name] = by_name[f.attname] = f
    text_dates = _text_dates(connection)
    keys: list[str] = []
    selected: list[Any] = []
    steps: list[Step | None] = []
    for spec in specs:
        if isinstance(spec, str):
            key, name, then = spec, spec, None
        elif len(spec) == 2:
            key, name, then = spec[0], spec[1], None
        else:
            key, name, then = spec  # type: ignore[misc]
        found = by_name.get(name)
        keys.append(key)
        step: Step | None
        if found is None:  # one of the query's annotations: as the driver gives it
            selected.append(name)
            step = None
        elif isinstance(found, DateTimeField | DateField):
            # On SQLite the column's text as stored, not parsed into a datetime by the driver.
            selected.append(Cast(name, TextField()) if text_dates else name)
            step = _each(iso_datetime if isinstance(found, DateTimeField) else iso_date)
        elif isinstance(found, EncryptedTextField):
            selected.append(name)
            step = _decrypt_column
        elif isinstance(found, JSONField):
            selected.append(name)
            step = _json_column
        elif name in floats:
            selected.append(name)
            step = _each(_float)
        else:
            selected.append(name)
            col = found.get_col(model._meta.db_table)
            convs = db_converters(col, connection)
            step = _each(_chain(convs, col, connection)) if convs else None
        if then is not None:
            step = _each(then) if step is None else _then(step, then)
        steps.append(step)
    return keys, selected, steps


def _then(first: Step, then: Callable[[Any], Any]) -> Step:
    return lambda column: map(then, first(column))


def _columns(rows: list[tuple[Any, ...]], steps: Sequence[Step | None]) -> Iterable[tuple[Any, ...]]:
    """``rows`` with each column through its step (column by column: map() calls each
    converter without a Python loop around it)."""
    if not any(steps):
        return rows
    columns: list[Any] = list(zip(*rows, strict=True))
    for position, step in enumerate(steps):
        if step is not None:
            columns[position] = step(columns[position])
    return zip(*columns, strict=True)


def _dicts(rows: list[tuple[Any, ...]], keys: Sequence[str], steps: Sequence[Step | None]) -> list[dict[str, Any]]:
    if not rows:
        return []
    # Each row's dict made by one function call (``_row_maker``).
    return list(starmap(_row_maker(tuple(keys)), _columns(rows, steps)))


@lru_cache(maxsize=256)
def _row_maker(keys: tuple[str, ...]) -> Callable[..., dict[str, Any]]:
    """``lambda v0, v1, ...: {keys[0]: v0, keys[1]: v1, ...}``: a dict display with
    constant keys, ~4 times as fast as ``dict(zip(keys, row))`` (the export makes
    thousands). Written from the keys' ``repr()`` only, as ``collections.namedtuple``
    writes its methods."""
    if len(set(keys)) != len(keys):
        raise ValueError(f"repeated keys: {keys}")
    names = [f"v{i}" for i in range(len(keys))]
    pairs = ", ".join(f"{key!r}: {name}" for key, name in zip(keys, names, strict=True))
    maker: Callable[..., dict[str, Any]] = eval(f"lambda {', '.join(names)}: {{{pairs}}}", {})  # noqa: S307
    return maker


def plain_rows(queryset: QuerySet[Any], *names: str) -> list[dict[str, Any]]:
    """``queryset.values(*names)`` for an export (see above): dicts of plain values with
    every date and datetime already as its ISO text (``value.isoformat()``, datetimes
    aware in UTC), encrypted text decrypted, JSON decoded. ``names`` are the model's own
    concrete fields (``"step_id"`` for a foreign key's id). ``PlainQuery`` is the same
    for a query that depends on a user id only, built once per process."""
    connection = connections[queryset.db]
    keys, selected, steps = _steps(queryset.model, names, connection)
    sql, params = queryset.values_list(*selected).query.get_compiler(queryset.db).as_sql()
    return _dicts(fetch_all(connection, sql, params), keys, steps)


class PlainQuery:
    """``plain_rows`` of a query that depends on one integer only (a user id), built and
    compiled by the ORM once per process (and database connection), as ``Prepared``
    does: ``rows(user_id)`` is ``plain_rows(build(user_id), *specs)``, with each dict's
    keys named by ``specs`` (see ``_steps``) and in their order, so an export can use
    the dicts as they are. Run on the driver's cursor when nothing watches queries
    (``fetch_all``).

    The export runs about twenty queries: building each through the ORM cost 0.5–1 ms,
    and Django's cursor and the driver's parsing of dates more than the reading itself.
    """

    def __init__(
        self, build: Callable[[int], QuerySet[Any]], *specs: Spec, floats: Collection[str] = ()
    ) -> None:
        self._build = build
        self._specs = specs
        self._floats = frozenset(floats)
        self._model: type[Model] | None = None

    def _compiled(self) -> tuple[Any, str, str, list[Any], list[int], list[str], list[Any]]:
        if self._model is None:
            self._model = self._build(_SENTINEL).model
        connection = connections[router.db_for_read(self._model)]
        kept: dict[PlainQuery, tuple[Any, str, str, list[Any], list[int], list[str], list[Any]]]
        kept = connection.__dict__.setdefault("_bridgework_plain", {})
        found = kept.get(self)
        if found is None:
            keys, selected, steps = _steps(self._model, self._specs, connection, self._floats)
            queryset = self._build(_SENTINEL).values_list(*selected)
            sql, params = queryset.query.get_compiler(connection=connection).as_sql()
            positions = [i for i, value in enumerate(params) if value == _SENTINEL]
            if not positions or str(_SENTINEL) in sql:
                raise ValueError("the query must take its value as a parameter")
            driver_sql = _qmark(sql) if connection.vendor == "sqlite" else sql
            found = kept[self] = (connection, sql, driver_sql, list(params), positions, keys, steps)
        return found

    def _rows(self, value: int) -> tuple[list[tuple[Any, ...]], list[str], list[Any]]:
        connection, sql, driver_sql, params, positions, keys, steps = self._compiled()
        params = list(params)
        for position in positions:
            params[position] = value
        return fetch_all(connection, sql, params, driver_sql=driver_sql), keys, steps

    def rows(self, value: int) -> list[dict[str, Any]]:
        """The rows for ``value`` (a user id) as dicts (see the class)."""
        rows, keys, steps = self._rows(value)
        return _dicts(rows, keys, steps)

    def tuples(self, value: int) -> list[tuple[Any, ...]]:
        """The rows for ``value`` as tuples of the converted values, in ``specs`` order."""
        rows, _, steps = self._rows(value)
        return rows if not rows or not any(steps) else list(_columns(rows, steps))


def _chain(convs: list[Converter], col: Any, connection: Any) -> Callable[[Any], Any]:
    def convert_one(value: Any) -> Any:
        for converter in convs:
            value = converter(value, col, connection)
        return value

    return convert_one


# --- Queries built once --------------------------------------------------------------

# Never a primary key (they are positive): marks where the value goes in the SQL.
_SENTINEL = -918_273_645


# Never a real date in this app's data, each distinct: mark where each date goes.
_DATE_SENTINELS = tuple(date(1111, 1, 1) + timedelta(days=41 * n) for n in range(4))

# Every Prepared query alive (the app's are made once, at module level): compiled ahead
# of the first request by a server process (``compile_prepared``).
_MADE: WeakSet[Prepared] = WeakSet()


def compile_prepared() -> int:
    """Compile every ``Prepared`` query made so far for this thread's connections, as its
    first use would (no query runs); returns how many. A server process calls it while it
    starts (``bridgework.warmup``), so that no person's first page pays it (~30 ms of CPU
    for a home page's panels)."""
    made = list(_MADE)
    for prepared in made:
        prepared._compiled()
    return len(made)


class Prepared:
    """A ``values_list`` query that depends on one integer (a user id) and, with
    ``dates=n``, on ``n`` dates, built and compiled by the ORM once per process (and
    database connection), then run for any values: ``rows(value, *days)`` is
    ``list(build(value, *days))``.

    Building a query with annotations and subqueries through the ORM (cloning, resolving
    the lookups, compiling the SQL) costs 1–7 ms each time, many times what the database
    takes to run it; a home page whose panels are computed again runs a dozen. Here the
    SQL and its parameters are kept and the values are put in their places; each column
    goes through the ORM's own converters (decrypted text, aware datetimes, dates).
    ``build`` must depend on nothing but its arguments (no "today", no settings that
    change), use each date as it is given (pass ``since`` and ``today`` both, rather than
    computing one from the other) and only in comparisons with date fields.
    """

    def __init__(self, build: Callable[..., QuerySet[Any]], *, dates: int = 0) -> None:
        if dates > len(_DATE_SENTINELS):
            raise ValueError(f"at most {len(_DATE_SENTINELS)} dates")
        self._build = build
        self._dates = _DATE_SENTINELS[:dates]
        self._model: type[Model] | None = None
        _MADE.add(self)

    def _query(self) -> QuerySet[Any]:
        return self._build(_SENTINEL, *self._dates)

    def _compiled(self) -> tuple[Any, str, list[Any], list[list[int]], Any, int]:
        # Kept on the connection it was compiled for (a compiler holds its connection, and
        # each thread, and each test database set-up, has its own).
        if self._model is None:
            self._model = self._query().model
        connection = connections[router.db_for_read(self._model)]
        kept: dict[Prepared, tuple[Any, str, list[Any], list[list[int]], Any, int]]
        kept = connection.__dict__.setdefault("_bridgework_prepared", {})
        found = kept.get(self)
        if found is None:
            compiler = self._query().query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()
            marks = [_SENTINEL, *(connection.ops.adapt_datefield_value(day) for day in self._dates)]
            positions = [[i for i, value in enumerate(params) if value == mark] for mark in marks]
            if not all(positions) or any(str(mark) in sql for mark in marks):
                raise ValueError("the query must take each of its values as a parameter")
            fields = [column[0] for column in compiler.select[: compiler.col_count]]
            converters = compiler.get_converters(fields)
            found = kept[self] = (compiler, sql, list(params), positions, converters, compiler.col_count)
        return found

    def rows(self, value: int, *days: date) -> list[tuple[Any, ...]]:
        compiler, sql, params, positions, converters, width = self._compiled()
        if len(days) != len(self._dates):
            raise TypeError(f"{len(self._dates)} dates expected, {len(days)} given")
        params = list(params)
        adapt = compiler.connection.ops.adapt_datefield_value
        for places, given in zip(positions, [value, *(adapt(day) for day in days)], strict=True):
            for position in places:
                params[position] = given
        rows = fetch_all(compiler.connection, sql, params)
        if converters:
            rows = list(compiler.apply_converters(rows, converters))
        return [tuple(row[:width]) for row in rows]


class PreparedObjects(Prepared):
    """``Prepared`` for a query of model instances: ``objects(value)`` is
    ``list(build(value))`` — the same instances, with the query's annotations and its
    ``select_related`` objects — built as Django's ``ModelIterable`` builds them, from SQL
    compiled once per process. ``build`` returns a plain queryset of the model (no
    ``values()``), depending on nothing but its argument."""

    def objects(self, value: int, *days: date) -> list[Any]:
        compiler = self._compiled()[0]
        rows = self.rows(value, *days)
        if not rows:
            return []
        from_db, db, init_list, start, end, populators, annotations, _ = self._builder(compiler)
        objects = []
        for row in rows:
            obj = from_db(db, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects

    def first(self, value: int, *days: date) -> Any:
        """``build(value, *days).first()``'s object (``build`` orders and slices ``[:1]``),
        or None."""
        found = self.objects(value, *days)
        return found[0] if found else None

    def _builder(self, compiler: Any) -> tuple[Any, str, list[str], int, int, list[Any], list[tuple[str, int]], bool]:
        kept = compiler.__dict__.get("_bridgework_builder")
        if kept is None:
            # What ModelIterable works out from the compiled query (django.db.models.query).
            from django.db.models import query as django_query

            queryset: Any = self._query()
            if queryset._iterable_class is not django_query.ModelIterable or queryset._known_related_objects:
                raise ValueError("PreparedObjects needs a plain queryset of model instances")
            fetch_mode = queryset._fetch_mode
            db = compiler.using
            select, klass_info = compiler.select, compiler.klass_info
            model_cls = klass_info["model"]
            fields = klass_info["select_fields"]
            start, end = fields[0], fields[-1] + 1
            init_list = [column[0].target.attname for column in select[start:end]]
            if fetch_mode.track_peers:  # its populators keep every row's peers: not kept
                raise ValueError("PreparedObjects does not track peers (fetch mode FETCH_PEERS)")
            kept = compiler.__dict__["_bridgework_builder"] = (
                django_query._get_from_db(model_cls, fetch_mode),  # type: ignore[attr-defined]
                db,
                init_list,
                start,
                end,
                django_query.get_related_populators(klass_info, select, db, fetch_mode),
                list(compiler.annotation_col_map.items()),
                False,
            )
        return kept  # type: ignore[no-any-return]
