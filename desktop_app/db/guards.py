"""Database-side guards the program relies on for evidence: the audit log is append-only.

The program has no function that edits or deletes an audit entry; these triggers make the
database refuse it too, whoever asks (another tool on the same file, a bug). A restore
replaces the whole file and keeps the replaced one, so no entry is ever lost silently.
"""

from __future__ import annotations

from peewee import Database

from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import AuditLog

MESSAGE = "the audit log is append-only: entries cannot be changed or deleted"


def protect_audit_log(db: Database) -> None:
    table = AuditLog._meta.table_name
    if is_sqlite(db):
        for event in ("UPDATE", "DELETE"):
            db.execute_sql(
                f'CREATE TRIGGER IF NOT EXISTS "{table}_no_{event.lower()}" BEFORE {event} '
                f"ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    db.execute_sql(
        f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
    )
    db.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_no_change" ON "{table}"')
    db.execute_sql(
        f'CREATE TRIGGER "{table}_no_change" BEFORE UPDATE OR DELETE ON "{table}" '
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
    )
    db.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}"')
    db.execute_sql(
        f'CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}" '
        f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"
    )


def audit_log_protected(db: Database) -> bool:
    """Whether the triggers of ``protect_audit_log`` are in place (for ``check``)."""
    table = AuditLog._meta.table_name
    if is_sqlite(db):
        names = (f"{table}_no_update", f"{table}_no_delete")
        sql = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)"
    else:
        names = (f"{table}_no_change", f"{table}_no_truncate")
        sql = "SELECT COUNT(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname IN (%s, %s)"
    return int(db.execute_sql(sql, names).fetchone()[0]) == len(names)
