"""Bulk writing for the demo generator and the workbook import: many rows in one
statement per page, and primary keys reserved ahead so related rows can refer to them."""

from __future__ import annotations

from collections.abc import Sequence

from peewee import Database

from desktop_app.db.connection import is_sqlite

# A pending approval request written in bulk (``pending_approval``): the demo's and the
# workbook import's cases left at the approval stage (docs/rules.md#exchange-import).
APPROVAL_COLUMNS = (
    "complaint_id",
    "solution",
    "requested_by_id",
    "requested_at",
    "decision",
    "approver_id",
    "decided_at",
    "comment",
)


def pending_approval(
    case_id: int, solution: str, requested_by: int, requested_at: object
) -> tuple[object, ...]:
    """A row of ``APPROVAL_COLUMNS``: the request, not yet decided."""
    return (case_id, solution, requested_by, requested_at, "pending", None, None, None)


def insert_rows(
    db: Database,
    table: str,
    columns: Sequence[str],
    rows: list[tuple[object, ...]],
    *,
    page_size: int = 2000,
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table``: ``executemany`` on
    SQLite, ``execute_values`` pages on PostgreSQL. Values go in as parameters."""
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    if is_sqlite(db):
        marks = ", ".join("?" * len(columns))
        db.connection().executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', rows)
    else:
        from psycopg2.extras import execute_values

        with db.cursor() as cursor:
            execute_values(
                cursor, f'INSERT INTO "{table}" ({cols}) VALUES %s', rows, page_size=page_size
            )


def reserve_ids(db: Database, table: str, count: int) -> list[int]:
    """``count`` new primary keys of ``table``; call inside the write lock (on SQLite they
    follow the largest id, on PostgreSQL they come from the table's sequence)."""
    if count <= 0:
        return []
    if is_sqlite(db):
        top = db.execute_sql(f'SELECT MAX("id") FROM "{table}"').fetchone()[0] or 0
        return list(range(top + 1, top + 1 + count))
    cursor = db.execute_sql(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        (f'"{table}"', count),
    )
    return [r[0] for r in cursor.fetchall()]
