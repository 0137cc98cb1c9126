"""Server-side prepared statements for the hottest reads on PostgreSQL
(docs/rules.md#indexes).

``execute(db, sql, params)`` runs a read like ``db.execute_sql`` and returns its cursor. On
PostgreSQL the first use of a statement text on a connection sends ``PREPARE name AS …``
(the text with ``$1 … $n`` for its ``%s``); that and every later use runs ``EXECUTE
name(…)``, so the server parses, analyses and plans the statement once per connection
instead of at every call. psycopg2 prepares
nothing by itself, and at 1M cases planning the open queue's or the tracker's page cost
the server more than running it. SQLite parses in microseconds: there it is
``db.execute_sql``.

- The statements are remembered per physical connection: a reconnect (a new connection
  object behind ``db``, ``ReconnectingPostgresqlDatabase``) starts an empty set. A
  connection lost under a read outside a transaction is opened again and the read sent
  once more, as ``ReconnectingPostgresqlDatabase`` does for a plain ``SELECT``.
- The program's connections say ``plan_cache_mode = force_generic_plan``
  (db/connection.py; only prepared statements heed it): a statement is planned once, for
  any values, and that plan kept. For a page of the open cases that plan walks the index
  of the page's order and stops at its (literal) LIMIT; the plans made for each call's
  values sorted thousands of rows instead for some filters (a stage: 14 ms against 0.7 ms
  at 1M cases). So the callers prepare only reads whose walk is bounded (the open cases);
  a read over all cases is sent as it is and planned for its values each time.
- At most ``MAX_STATEMENTS`` per connection: the least recently used one is
  ``DEALLOCATE``d when another is prepared.
- The text follows psycopg2's rules: ``%s`` is a parameter and ``%%`` a literal ``%``
  (in quotes too); a ``$`` in it is left alone.
- A statement is prepared only outside a transaction (a failed ``PREPARE`` would abort
  the caller's transaction); inside one, a statement already prepared is executed, any
  other is sent as it is.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from peewee import Database, DatabaseError, InterfaceError

from desktop_app.db.connection import connection_lost, is_postgres

# Prepared statements kept per connection (each costs the server a plan's memory).
MAX_STATEMENTS = 64

_PARAM = re.compile(r"%(.)", re.DOTALL)


class _Prepared:
    """The statements prepared on one physical connection, least recently used first."""

    def __init__(self, conn: object) -> None:
        self.conn = conn
        self.names: OrderedDict[str, tuple[str, int]] = OrderedDict()  # sql -> (name, n)
        self.counter = 0


def dollar_params(sql: str) -> tuple[str, int]:
    """``sql`` in psycopg2's style (``%s`` a parameter, ``%%`` a ``%``) with PostgreSQL's
    numbered parameters ``$1 … $n`` for its ``%s``, and n. The ``%%`` stay: the result
    still goes through psycopg2 (peewee passes it an empty tuple of parameters, and
    psycopg2 then reads ``%%`` as one ``%``)."""
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        char = match.group(1)
        if char == "%":
            return "%%"
        if char == "s":
            count += 1
            return f"${count}"
        raise ValueError(f"unsupported parameter mark %{char} in a prepared statement")

    return _PARAM.sub(swap, sql), count


def _local(db: Database) -> Any:
    """peewee's per-thread connection state of ``db`` (its ``conn``, ``closed``, …)."""
    return db._state  # type: ignore[attr-defined]  # peewee's, untyped


def _state(db: Database) -> _Prepared:
    """The prepared set of ``db``'s current connection on this thread (peewee keeps one
    connection per thread), a fresh one when the connection changed."""
    conn = db.connection()
    state: _Prepared | None = getattr(_local(db), "prepared", None)
    if state is None or state.conn is not conn:
        state = _Prepared(conn)
        _local(db).prepared = state
    return state


def prepared_names(db: Database) -> list[str]:
    """The statements prepared on ``db``'s current connection, least recently used first
    (for tests)."""
    state: _Prepared | None = getattr(_local(db), "prepared", None)
    if state is None or state.conn is not _local(db).conn:
        return []
    return [name for name, _n in state.names.values()]


def execute(db: Database, sql: str, params: Sequence[object] = ()) -> Any:
    """Run the read ``sql`` (``%s`` parameters on PostgreSQL) and return the cursor; on
    PostgreSQL as a prepared statement (see the module docstring)."""
    if not is_postgres(db):
        return db.execute_sql(sql, params)
    try:
        return _execute(db, sql, params)
    except (DatabaseError, InterfaceError) as exc:
        if db.in_transaction():
            raise
        if connection_lost(exc):
            # Dropped (db/connection.py): the next statement connects again.
            return _execute(db, sql, params)
        if _pgcode(exc) == "26000":  # invalid_sql_statement_name
            # Deallocated behind our back (DISCARD ALL, DEALLOCATE ALL): prepare it again.
            _local(db).prepared = None
            return _execute(db, sql, params)
        raise


def _pgcode(exc: BaseException) -> str | None:
    """The SQLSTATE of psycopg2's error inside peewee's (peewee passes it as the first
    argument)."""
    for inner in (*exc.args[:1], exc.__context__, exc):
        code = getattr(inner, "pgcode", None)
        if code:
            return str(code)
    return None


def _execute(db: Database, sql: str, params: Sequence[object]) -> Any:
    state = _state(db)
    known = state.names.get(sql)
    if known is None:
        if db.in_transaction():
            return db.execute_sql(sql, params)
        body, count = dollar_params(sql)
        if count != len(params):
            raise ValueError(f"{count} parameter marks, {len(params)} values")
        while len(state.names) >= MAX_STATEMENTS:
            _old_sql, (old, _n) = state.names.popitem(last=False)
            db.execute_sql(f"DEALLOCATE {old}")
        state.counter += 1
        name = f"cd_prep_{state.counter}"
        db.execute_sql(f"PREPARE {name} AS {body}")
        known = (name, count)
        state.names[sql] = known
    else:
        state.names.move_to_end(sql)
    name, count = known
    marks = "(" + ", ".join(["%s"] * count) + ")" if count else ""
    return db.execute_sql(f"EXECUTE {name}{marks}", params)
