"""Fast inserts of many rows for the ingest path (posts, scan results), on SQLite and PostgreSQL.

``QuerySet.bulk_create`` prepares every value through each field's full save path, which costs
more than the database write itself at hundreds of thousands of rows. ``insert_rows`` sends
plain rows through one ``executemany`` (one prepared INSERT run for every row): defaults and
``auto_now`` times filled in from the model, JSON values adapted by the connection's own
operations, dates, times and UUIDs through their field (so a naive time is read in
``TIME_ZONE``, as the ORM does), everything else passed as given. It is for rows the caller has
built from validated values; it does not run ``save()``, signals or validation, and it returns
no primary keys (use ``bulk_create`` when those are needed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import connections, models, router
from django.db.models.constants import OnConflict
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone


def _adapter(field: models.Field, connection) -> Callable[[Any], Any] | None:
    """A function turning a Python value into the value the driver gets, for one column."""
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.JSONField):
        encoder, adapt = field.encoder, connection.ops.adapt_json_value
        return lambda v: adapt(v, encoder)
    if isinstance(field, models.UUIDField | models.DateField | models.TimeField):
        return lambda v: field.get_db_prep_value(v, connection)  # DateTimeField is a DateField
    return None


def _columns(model: type[models.Model], given: set[str], connection) -> list[tuple]:
    """(field, attname, default, per-row default?, adapter) of each column to write."""
    now = timezone.now()
    columns = []
    for field in model._meta.concrete_fields:
        if getattr(field, "db_default", NOT_PROVIDED) is not NOT_PROVIDED:
            raise ValueError(f"{model.__name__}.{field.name}: database defaults are not supported")
        if field.primary_key and field.attname not in given and not field.has_default():
            continue  # the database numbers the row
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            default, per_row = now, False
        elif field.has_default() and callable(field.default):
            default, per_row = field.default, True  # e.g. uuid4 or list: a fresh value per row
        else:
            default, per_row = field.get_default(), False  # as the ORM: "" for text, else None
        columns.append((field, field.attname, default, per_row, _adapter(field, connection)))
    return columns


def insert_rows(
    model: type[models.Model],
    rows: Iterable[Mapping[str, Any]],
    *,
    ignore_conflicts: bool = False,
) -> int:
    """Insert ``rows`` (dicts keyed by field attribute name, e.g. ``post_id`` or ``account_id``)
    into ``model``'s table; returns the number of rows sent. Call inside a transaction.

    A key that names no column raises ``ValueError`` before anything is written."""
    rows = list(rows)
    if not rows:
        return 0
    connection = connections[router.db_for_write(model)]
    given = set().union(*(row.keys() for row in rows))
    known = {f.attname for f in model._meta.concrete_fields}
    if unknown := given - known:
        raise ValueError(
            f"{model.__name__}: no column for {', '.join(sorted(unknown))} "
            "(use attribute names such as account_id)"
        )
    columns = _columns(model, given, connection)
    params = []
    for row in rows:
        values = []
        for _field, attname, default, per_row, adapt in columns:
            if attname in row:
                value = row[attname]
            else:
                value = default() if per_row else default
            values.append(adapt(value) if adapt is not None and value is not None else value)
        params.append(values)
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    quote = connection.ops.quote_name
    fields = [c[0] for c in columns]
    sql = "{} {} ({}) VALUES ({}) {}".format(
        connection.ops.insert_statement(on_conflict=on_conflict),
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
        connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None) or "",
    ).rstrip()
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(params)
