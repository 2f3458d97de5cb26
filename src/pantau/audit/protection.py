"""Database triggers that keep the audit tables append-only, and the switch for test flushes.

The audit entries and the access log refuse UPDATE and DELETE, and on PostgreSQL TRUNCATE too;
the chain-head rows refuse DELETE and TRUNCATE (they must advance, so they accept UPDATE).

Django's test runner empties every table between transactional tests (DELETE on SQLite,
TRUNCATE on PostgreSQL), so emptying is allowed when the purge switch is on:

- SQLite: the triggers call ``pantau_audit_purge_allowed()``, a function Pantau registers on
  each of its connections; it answers from :func:`set_purge_allowed`, which only the test suite
  turns on. In any other program (the ``sqlite3`` shell) the function does not exist, so the
  statement fails.
- PostgreSQL: the trigger function checks the session setting ``pantau.audit_purge``.

A database administrator can still drop the triggers or set the switch: the triggers stop
mistakes and the application, not the owner of the tables. What catches the administrator is
the keyed hash chain and the checkpoints outside the database (see ``audit.checkpoints``).
"""

from __future__ import annotations

from django.db import connections
from django.db.backends.signals import connection_created

ENTRY_TABLES = ["audit_auditentry", "audit_accesslog"]
HEAD_TABLE = "audit_auditchainhead"
PURGE_FUNCTION = "pantau_audit_purge_allowed"
PURGE_SETTING = "pantau.audit_purge"

_purge_allowed = False


def purge_allowed() -> bool:
    return _purge_allowed


def set_purge_allowed(on: bool, *, open_connections: bool = True) -> None:
    """Let (or stop letting) this process empty the audit tables: for the test suite only.

    New connections follow the switch; with ``open_connections`` the open ones do too.
    """
    global _purge_allowed
    _purge_allowed = on
    if not open_connections:
        return
    for conn in connections.all(initialized_only=True):
        if conn.vendor == "postgresql" and conn.connection is not None:
            with conn.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config(%s, %s, false)", [PURGE_SETTING, "on" if on else "off"]
                )


def _on_connection(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            PURGE_FUNCTION, 0, lambda: 1 if _purge_allowed else 0, deterministic=False
        )
    elif connection.vendor == "postgresql" and _purge_allowed:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', false)", [PURGE_SETTING])


def connect_signals() -> None:
    connection_created.connect(_on_connection, dispatch_uid="pantau.audit.protection")


def _sqlite_statements() -> list[str]:
    sql = []
    for table in ENTRY_TABLES:
        sql.append(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;"
        )
    for table in [*ENTRY_TABLES, HEAD_TABLE]:
        sql.append(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"WHEN {PURGE_FUNCTION}() = 0 "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;"
        )
    return sql


def _postgresql_statements() -> list[str]:
    purge = f"coalesce(current_setting('{PURGE_SETTING}', true), '') = 'on'"
    sql = [
        "CREATE OR REPLACE FUNCTION pantau_audit_append_only() RETURNS trigger AS $$ "
        "BEGIN "
        f"IF TG_OP IN ('DELETE', 'TRUNCATE') AND {purge} THEN "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NULL; END IF; "
        "RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP; "
        "END; $$ LANGUAGE plpgsql;"
    ]
    for table in ENTRY_TABLES:
        sql.append(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION pantau_audit_append_only();"
        )
    sql.append(
        f"CREATE TRIGGER {HEAD_TABLE}_append_only BEFORE DELETE ON {HEAD_TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION pantau_audit_append_only();"
    )
    for table in [*ENTRY_TABLES, HEAD_TABLE]:
        sql.append(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION pantau_audit_append_only();"
        )
    return sql


def drop_statements(vendor: str) -> list[str]:
    """Drop every trigger of this module and of migration 0003 (whatever exists)."""
    sql = []
    if vendor == "sqlite":
        for table in [*ENTRY_TABLES, HEAD_TABLE]:
            sql.append(f"DROP TRIGGER IF EXISTS {table}_no_update;")
            sql.append(f"DROP TRIGGER IF EXISTS {table}_no_delete;")
    elif vendor == "postgresql":
        for table in [*ENTRY_TABLES, HEAD_TABLE]:
            sql.append(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
            sql.append(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};")
            sql.append(f"DROP FUNCTION IF EXISTS {table}_append_only();")
        sql.append("DROP FUNCTION IF EXISTS pantau_audit_append_only();")
    return sql


def create_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return _sqlite_statements()
    if vendor == "postgresql":
        return _postgresql_statements()
    return []
