"""Fast multi-row inserts for the ingest path (posts, scan results), on SQLite and PostgreSQL.

``QuerySet.bulk_create`` prepares every value through each field's full save path, which costs
more than the database write itself at hundreds of thousands of rows. ``insert_rows`` writes
plain rows with one ``executemany``: defaults and ``auto_now`` times filled in from the model,
JSON and date-time values adapted by the connection's own operations, everything else passed as
given. It is for rows the caller has built from validated values; it does not run ``save()``,
signals or validation, and it returns no primary keys (use ``bulk_create`` when those are needed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connections, models, router
from django.db.models.constants import OnConflict
from django.utils import timezone


def _adapter(field: models.Field, connection):
    """A function turning a Python value into the value the driver gets, for one column."""
    ops = connection.ops
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.UUIDField):
        return lambda v: field.get_db_prep_value(v, connection)
    if isinstance(field, models.JSONField):
        encoder = field.encoder
        return lambda v: None if v is None else ops.adapt_json_value(v, encoder)
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    return None


def insert_rows(
    model: type[models.Model],
    rows: Iterable[Mapping[str, Any]],
    *,
    ignore_conflicts: bool = False,
) -> int:
    """Insert ``rows`` (dicts keyed by field attribute name, e.g. ``post_id`` or ``account_id``)
    into ``model``'s table; returns the number of rows sent. Call inside a transaction."""
    rows = list(rows)
    if not rows:
        return 0
    connection = connections[router.db_for_write(model)]
    ops = connection.ops
    now = timezone.now()
    columns = []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.attname not in rows[0]:
            continue
        auto_now = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        default = now if auto_now else field.get_default()  # as the ORM: "" for text, else None
        columns.append((field, field.attname, default, _adapter(field, connection)))
    params = []
    for row in rows:
        values = []
        for _field, attname, default, adapt in columns:
            value = row.get(attname, default)
            values.append(adapt(value) if adapt is not None and value is not None else value)
        params.append(values)
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    quote = ops.quote_name
    sql = "{} {} ({}) VALUES ({}) {}".format(
        ops.insert_statement(on_conflict=on_conflict),
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f, *_ in columns),
        ", ".join(["%s"] * len(columns)),
        ops.on_conflict_suffix_sql([f for f, *_ in columns], on_conflict, None, None) or "",
    ).rstrip()
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(params)
