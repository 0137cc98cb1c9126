"""The one place that opens the database.

``open_database(url)`` builds a peewee database from a URL (``sqlite:///path.db`` or
``postgresql://user:pw@host:port/db``), binds it to ``models.database_proxy`` and returns it.
Everything else receives the database through the proxy.

Both backends behave alike for the services:

- ``write_lock(db)`` opens a write transaction. On SQLite it is ``BEGIN IMMEDIATE``: one
  writer at a time (SQLite's design). On PostgreSQL it is a plain transaction and writers
  exclude each other only on the rows they touch: a service that reads and then writes
  locks what it read (``lock_rows``/``for_update``: a case's row before its version check,
  a day's sequence row when numbering, ``named_lock`` for the reminder scan), so no update
  is lost and an import blocks other PCs only on the rows it actually changes
  (docs/rules.md#several-pcs-writing-at-once).
- A SQLite writer waits up to ``SQLITE_BUSY_TIMEOUT_S`` for another one (an import's write
  phase included); a PostgreSQL writer waits at most ``LOCK_TIMEOUT_S`` for a row another
  transaction holds (``lock_timeout``). Then the service reports the database busy.
- A lost PostgreSQL connection (server restarted, network gone, backend terminated) is
  dropped and opened again by the next statement. Only a statement that cannot have
  changed anything is re-sent on its own: a ``SELECT`` outside a transaction, or the
  ``BEGIN`` of a new one. A statement inside a transaction, or a write, is never re-sent
  (a write may have been done); the service reports the lost connection and the user
  tries again. A ``COMMIT`` whose answer was lost raises ``CommitUnconfirmed``: it may or
  may not have been done.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlparse

import platformdirs
from peewee import (
    Database,
    InterfaceError,
    OperationalError,
    PostgresqlDatabase,
    SqliteDatabase,
)
from playhouse.db_url import connect as connect_url
from playhouse.db_url import parseresult_to_dict
from playhouse.shortcuts import ReconnectMixin

from desktop_app import APP_ID, ORG_NAME
from desktop_app.db.models import database_proxy
from desktop_app.db.private_files import private_file, private_folder

log = logging.getLogger(__name__)

ENV_DATABASE = "DESKTOP_APP_DATABASE"
# SQLite has one writer at a time: a save waits for the writer before it, an import's whole
# write phase included (measured: docs/rules.md#several-pcs-writing-at-once), rather than failing.
SQLITE_BUSY_TIMEOUT_S = 120.0
# PostgreSQL locks rows, not the database: a writer waits this long for a row another
# transaction holds, then the service says "busy" (a truly conflicting row only).
LOCK_TIMEOUT_S = 5.0
BUSY_TIMEOUT_S = LOCK_TIMEOUT_S  # kept for callers: the PostgreSQL wait
# Keys of PostgreSQL's transaction-level advisory locks (named_lock): one per activity
# that must run alone across PCs; nothing else takes a database-wide lock.
NAMED_LOCKS = {
    "reminder_scan": 0x436F6D706C61696E,  # "Complain": one reminder scan at a time
}

# Pages of WAL before a commit checkpoints by itself (SQLite's default: 1,000).
WAL_AUTOCHECKPOINT_PAGES = 10_000

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "cache_size": -32 * 1024,  # 32 MB
    # With WAL: a crash of the program loses nothing committed; a power cut may lose the
    # last commits, never the file's consistency.
    "synchronous": "normal",
    "busy_timeout": int(SQLITE_BUSY_TIMEOUT_S * 1000),
    # The commit that takes the WAL past this many pages copies it into the file (a
    # checkpoint: tens of ms at 1M cases). The reminder tick checkpoints first
    # (``checkpoint``, docs/rules.md#search-index), so saves do not; this is the bound
    # when no tick runs (the command line, a long import).
    "wal_autocheckpoint": WAL_AUTOCHECKPOINT_PAGES,
}
# A file on a network share kept for one PC (``?allow_network_share=1``, see
# docs/rules.md#one-pc-or-several): WAL needs shared memory, which a network filesystem does
# not give, so the rollback journal; every write reaches the share before it returns.
SQLITE_NETWORK_SHARE_PRAGMAS = {
    **SQLITE_PRAGMAS,
    "journal_mode": "delete",
    "synchronous": "full",
}
# The URL option of a SQLite file that may stay on a network share (one PC only).
ALLOW_NETWORK_SHARE = "allow_network_share"


class DatabaseUrlError(ValueError):
    """The database URL cannot be used; the message says why."""


def data_dir() -> Path:
    override = os.environ.get("DESKTOP_APP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME))


def log_dir() -> Path:
    override = os.environ.get("DESKTOP_APP_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_ID, ORG_NAME))


def database_folder(path: Path) -> Path:
    """Create the folder of a SQLite file; private (0700 on POSIX) when the program makes it
    or it is the program's own data folder (a folder the user chose and that exists keeps
    its mode; the file itself is made 0600: docs/rules.md#private-files)."""
    folder = path.parent
    if not folder.exists() or folder.resolve() == data_dir().resolve():
        return private_folder(folder)
    return folder


def default_url() -> str:
    return "sqlite:///" + str(data_dir() / "complaints.db")


def resolve_url(url: str | None) -> str:
    """The URL to use: the one given, else ``DESKTOP_APP_DATABASE``, else the default file."""
    return url or os.environ.get(ENV_DATABASE) or default_url()


@dataclass(frozen=True)
class DatabaseInfo:
    url: str
    backend: str  # "sqlite" or "postgresql"
    path: Path | None  # the SQLite file, None for PostgreSQL
    # ``?allow_network_share=1``: the SQLite file may be on a network share (one PC only)
    allow_network_share: bool = False
    # set by bootstrap.open_checked: the SQLite file is on a network share (allowed)
    on_network_share: bool = False

    def display(self) -> str:
        """The URL without its password, for status bars and logs."""
        if self.path is not None:
            return str(self.path)
        parsed = urlparse(self.url)
        host = parsed.hostname or ""
        port = f":{parsed.port}" if parsed.port else ""
        user = f"{parsed.username}@" if parsed.username else ""
        return f"postgresql://{user}{host}{port}{parsed.path}"


def parse_url(url: str) -> DatabaseInfo:
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme == "sqlite":
        # sqlite:///relative.db -> "relative.db"; sqlite:////abs/path.db -> "/abs/path.db";
        # sqlite:///C:/data/x.db on Windows -> "C:/data/x.db".
        raw = url[len("sqlite:///") :] if url.lower().startswith("sqlite:///") else ""
        raw, allow = _sqlite_options(raw)
        raw = unquote(raw)
        if not raw or raw == ":memory:":
            raise DatabaseUrlError(
                f"database URL {url!r} names no file: use sqlite:///path/to/file.db"
            )
        return DatabaseInfo(url, "sqlite", Path(raw).expanduser().absolute(), allow)
    if scheme in ("postgresql", "postgres", "psycopg3"):
        if not parsed.path.strip("/"):
            raise DatabaseUrlError(f"database URL {url!r} names no database")
        return DatabaseInfo(url, "postgresql", None)
    raise DatabaseUrlError(
        f"unsupported database URL {url!r}: use sqlite:///path.db or "
        "postgresql://user:password@host:port/database"
    )


def _sqlite_options(raw: str) -> tuple[str, bool]:
    """The file part of a SQLite URL and whether it says ``?allow_network_share=1``. Only
    that option is read off the end; any other ``?`` belongs to the file name."""
    path, sep, query = raw.rpartition("?")
    if not sep:
        return raw, False
    options = parse_qs(query, keep_blank_values=True)
    if not options or set(options) != {ALLOW_NETWORK_SHARE}:
        return raw, False
    value = options[ALLOW_NETWORK_SHARE][-1].strip().lower()
    if value not in ("1", "true", "yes", "on", "0", "false", "no", "off", ""):
        raise DatabaseUrlError(f"{ALLOW_NETWORK_SHARE}={value!r}: use 1 or 0")
    return path, value in ("1", "true", "yes", "on", "")


def with_network_share_allowed(url: str) -> str:
    """The SQLite URL with ``?allow_network_share=1`` (a PostgreSQL URL as it is)."""
    info = parse_url(url)
    if info.backend != "sqlite" or info.allow_network_share:
        return url
    return f"{url}?{ALLOW_NETWORK_SHARE}=1"


# What psycopg2 says when the connection to the server is gone (the error's text).
CONNECTION_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection already closed",
    "could not receive data from server",
    "could not send data to server",
    "ssl connection has been closed",
    "no connection to the server",
    "connection not open",
)


def connection_lost(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(fragment in text for fragment in CONNECTION_LOST)


class CommitUnconfirmed(OperationalError):
    """The connection was lost while committing: the transaction may have been done."""


def _read_only(sql: str) -> bool:
    return sql.lstrip().upper().startswith("SELECT")


class ReconnectingPostgresqlDatabase(ReconnectMixin, PostgresqlDatabase):  # type: ignore[misc]  # playhouse: untyped
    """PostgreSQL that survives a lost connection (see the module's docstring).

    ``ReconnectMixin`` reconnects and re-sends once, never inside a transaction; it is
    given only what is safe to re-send (``SELECT`` and ``BEGIN``). Any other statement,
    and anything inside a transaction, raises; the dead connection is dropped (at the
    transaction's rollback, when in one) so the next statement connects again.
    """

    reconnect_errors = (
        *((OperationalError, fragment) for fragment in CONNECTION_LOST),
        *((InterfaceError, fragment) for fragment in CONNECTION_LOST),
    )

    def execute_sql(self, sql: str, params: Sequence[object] | None = None) -> Any:  # a cursor
        if _read_only(sql) and not self.in_transaction():
            # the mixin: reconnect, re-send once (untyped, and super() escapes mypy's
            # untyped_calls_exclude for peewee)
            return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
        try:
            return PostgresqlDatabase.execute_sql(self, sql, params)
        except (OperationalError, InterfaceError) as exc:
            if connection_lost(exc):
                self._drop()
            raise

    def commit(self) -> None:
        conn = self._state.conn
        dead = conn is not None and bool(getattr(conn, "closed", 0))  # lost earlier
        try:
            super().commit()
        except (OperationalError, InterfaceError) as exc:
            if not connection_lost(exc):
                raise
            self._drop()
            if dead:
                raise  # the COMMIT never left: certainly not done
            raise CommitUnconfirmed(f"commit unconfirmed, the connection was lost: {exc}") from exc

    def rollback(self) -> None:
        if self.is_closed():
            return  # dropped: the server discarded the transaction with the connection
        try:
            super().rollback()
        except (OperationalError, InterfaceError) as exc:
            if not connection_lost(exc):
                raise
            self._drop()

    def _drop(self) -> None:
        """Forget a dead connection. Inside a transaction only the driver's connection is
        closed (peewee's transaction is still unwinding); its rollback drops the rest."""
        conn = self._state.conn
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - it is dead already
                pass
        if not self.in_transaction():
            self._state.reset()
        log.warning(
            "the connection to the database server was lost; the next statement connects again"
        )


def application_name(pid: int | None = None) -> str:
    """What this program calls its PostgreSQL connections (``application_name``): the OS
    process id tells a program's own changes from other PCs' ones (db/change_feed.py)."""
    return f"complaint-desk:{os.getpid() if pid is None else pid}"


def _postgres(url: str) -> Database:
    parsed = urlparse(url)
    if parsed.scheme.lower() == "psycopg3":
        return cast(Database, connect_url(url, connect_timeout=10))
    # User and password may be percent-encoded (the first-run wizard quotes them).
    params = parseresult_to_dict(parsed, unquote_password=True, unquote_user=True)
    # A writer waits a few seconds for a row another PC holds, then the service says "busy".
    # The prepared page reads (db/prepared.py) keep one generic plan, made once per
    # connection: it walks the order's index; only prepared statements heed this setting.
    options = f"-c lock_timeout={int(LOCK_TIMEOUT_S * 1000)} -c plan_cache_mode=force_generic_plan"
    params["options"] = f"{params['options']} {options}" if params.get("options") else options
    params.setdefault("application_name", application_name())
    return ReconnectingPostgresqlDatabase(connect_timeout=10, **params)


_last_local_write = [0.0]  # time.monotonic() of this program's last SQLite write


def last_local_write() -> float:
    """When this program last wrote to its SQLite file (``time.monotonic()``): the SQLite
    change check (db/change_feed.py) tells its own commits from other programs' by it."""
    return _last_local_write[0]


class LocalSqliteDatabase(SqliteDatabase):
    """SQLite that notes when this program writes (``last_local_write``)."""

    def execute_sql(self, sql: str, params: Sequence[object] | None = None) -> Any:  # a cursor
        head = sql.lstrip()[:7].upper()
        if not head.startswith(("SELECT", "PRAGMA")):
            _last_local_write[0] = time.monotonic()
        try:
            return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]  # peewee
        finally:
            if not head.startswith(("SELECT", "PRAGMA")):
                _last_local_write[0] = time.monotonic()


def make_database(url: str) -> tuple[Database, DatabaseInfo]:
    """Build (but do not connect) the peewee database for a URL."""
    info = parse_url(url)
    if info.backend == "sqlite":
        assert info.path is not None
        database_folder(info.path)
        pragmas = SQLITE_NETWORK_SHARE_PRAGMAS if info.allow_network_share else SQLITE_PRAGMAS
        db: Database = LocalSqliteDatabase(
            str(info.path), pragmas=pragmas, timeout=SQLITE_BUSY_TIMEOUT_S
        )
        # restore (services/backup.py) reads it: the file may be replaced on a share
        db.allow_network_share = info.allow_network_share  # type: ignore[attr-defined]  # our mark
    else:
        try:
            import psycopg2  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise DatabaseUrlError(
                "PostgreSQL support is not installed: pip install 'desktop-app[postgres]'"
            ) from exc
        db = _postgres(url)
    return db, info


def open_database(url: str | None = None) -> tuple[Database, DatabaseInfo]:
    """Resolve the URL, build the database and bind it to the models' proxy."""
    db, info = make_database(resolve_url(url))
    database_proxy.initialize(db)
    return db, info


_generation = [0]  # renew_connections() counts up


def connection_generation() -> int:
    """Connections kept from an earlier generation are not to be used again (the window's
    workers keep theirs between tasks: ui/tasks.py)."""
    return _generation[0]


def renew_connections() -> None:
    """Every connection kept between tasks is closed before its next use and a new one
    opened: the database file was replaced (a restore), or its settings changed."""
    _generation[0] += 1


class WorkerConnections:
    """The database connection of each worker thread of a pool, kept between tasks.

    A pool thread is Qt's, not Python's: PySide makes a Python thread state for each
    ``run`` and deletes it afterwards, and every ``threading.local`` with it — peewee's
    connection of the thread included. Each task then opened a new connection (on
    PostgreSQL a login, 7-9 ms, and a server process with cold caches, per tracker page;
    on SQLite a cold page cache) and lost the connection's prepared statements
    (db/prepared.py). So ``enter`` gives a task the peewee state (the connection and its
    transaction bookkeeping) the thread's previous task left with ``leave``; ``close``
    ends it (when the pool shuts down), and ``renew_connections`` makes the next ``enter``
    open a new one (a restore replaced the file). Used by ui/tasks.py ``TaskRunner``."""

    def __init__(self) -> None:
        self._states: dict[int, tuple[Any, int, dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def _restore(self) -> int:
        """Give this thread its kept state back; the generation it belongs to (taken before
        it is used, so a ``renew_connections`` during the task renews it next time)."""
        generation = connection_generation()
        database: Any = database_proxy.obj
        with self._lock:
            kept = self._states.pop(threading.get_ident(), None)
        state = getattr(database, "_state", None)
        if kept is None or state is None or kept[0] is not database:
            return generation
        if getattr(state, "conn", None) is not None:
            return generation  # this thread state kept its own
        state.__dict__.update(kept[2])
        if kept[1] == generation:
            return generation
        if not database.is_closed() and not database.in_transaction():
            # The file was replaced or its settings changed (renew_connections): a new one.
            database.close()
        return generation

    def enter(self) -> int:
        """Before a task on this thread: its kept connection, or a new one. Not
        ``connection_context()``: a service may close and reopen this thread's connection
        (restore does), which empties peewee's context stack. Returns what ``leave``
        takes."""
        generation = self._restore()
        database_proxy.obj.connect(reuse_if_open=True)
        return generation

    def leave(self, generation: int) -> None:
        """After a task on this thread: keep its connection for the next one."""
        database = database_proxy.obj
        state = getattr(database, "_state", None)
        if state is None:
            return
        with self._lock:
            self._states[threading.get_ident()] = (database, generation, dict(state.__dict__))

    def close(self) -> None:
        """Close this thread's kept connection, if any (the pool shuts down)."""
        self._restore()
        with self._lock:
            self._states.pop(threading.get_ident(), None)
        database = database_proxy.obj
        if database is not None and not database.is_closed():
            database.close()


def placeholders(sql: str, param: str) -> str:
    """Our hand-written SQL marks each parameter ``{p}``; this writes them as the
    database's own mark ``param`` (peewee's ``Database.param``: ``?`` on SQLite, ``%s`` on
    PostgreSQL; see ``param_mark``). The one place that swap is made."""
    return sql.replace("{p}", param)


def param_mark(*, sqlite: bool) -> str:
    """The parameter mark of SQLite or PostgreSQL, for SQL built without a database."""
    return (SqliteDatabase if sqlite else PostgresqlDatabase).param


def is_sqlite(db: Database) -> bool:
    return isinstance(db, SqliteDatabase)


def is_postgres(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


def checkpoint(db: Database) -> None:
    """SQLite: copy the WAL's committed pages into the database file without waiting for
    readers or writers (``PASSIVE``); outside any transaction. PostgreSQL: nothing."""
    if is_sqlite(db) and db.transaction_depth() == 0:
        db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")


def write_lock(db: Database) -> AbstractContextManager[object]:
    """A write transaction (docs/rules.md#several-pcs-writing-at-once).

    On SQLite a transaction that reads then writes (a sequence number, a version check)
    must start with ``BEGIN IMMEDIATE``, otherwise two writers deadlock on the lock
    upgrade and one gets "database is locked" at once instead of waiting. So SQLite has one
    writer at a time; the next waits up to ``SQLITE_BUSY_TIMEOUT_S``.

    On PostgreSQL it is a plain (read committed) transaction: no database-wide lock. A
    service that reads a row and writes from what it read locks that row first
    (``lock_rows``, ``for_update``), so two writers of one case queue on that case only;
    numbering queues on the day's sequence row (``INSERT … ON CONFLICT DO UPDATE``).
    """
    if db.transaction_depth() > 0:
        return db.atomic()
    if is_sqlite(db):
        return db.atomic(lock_type="IMMEDIATE")
    if is_postgres(db) and not isinstance(db, ReconnectingPostgresqlDatabase):
        return _postgres_transaction(db)  # psycopg3:// URLs: no lock_timeout option set
    return db.atomic()


@contextmanager
def _postgres_transaction(db: Database) -> Iterator[object]:
    with db.atomic() as transaction:
        db.execute_sql(f"SET LOCAL lock_timeout = {int(LOCK_TIMEOUT_S * 1000)}")
        yield transaction


def lock_rows(db: Database, table: str, ids: Sequence[int]) -> None:
    """Lock rows of ``table`` by id until the transaction ends, before reading them to
    write from what was read (a case's version check). PostgreSQL only: on SQLite the
    write transaction already excludes every other writer."""
    if not ids or not is_postgres(db):
        return
    db.execute_sql(
        f'SELECT "id" FROM "{table}" WHERE "id" IN ({", ".join(["%s"] * len(ids))}) '
        'ORDER BY "id" FOR UPDATE',
        tuple(ids),
    )


def for_update(query: Any) -> Any:  # a peewee Select
    """``query … FOR UPDATE`` on PostgreSQL (the rows read stay locked until the
    transaction ends); the query as it is on SQLite (one writer at a time already)."""
    return query.for_update() if is_postgres(database_proxy.obj) else query


def named_lock(db: Database, name: str) -> None:
    """Take the transaction-level advisory lock ``name`` (``NAMED_LOCKS``) on PostgreSQL:
    for an activity that must run alone across PCs although it touches rows not known up
    front (the reminder scan). Waits at most ``LOCK_TIMEOUT_S``. Nothing on SQLite."""
    if is_postgres(db):
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (NAMED_LOCKS[name],))


def copy_sqlite_file(db: Database, destination: Path) -> Path:
    """A consistent copy of an open SQLite database, taken with SQLite's backup API."""
    import sqlite3

    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.touch(mode=0o600, exist_ok=True)  # the copy is as private as the database
    private_file(destination)
    source = sqlite3.connect(db.database)
    try:
        target = sqlite3.connect(str(destination))
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return destination


def move_aside(path: Path, suffix: str) -> Path:
    """Keep a copy of a file before replacing it (used by restore)."""
    dest = path.with_name(path.name + suffix)
    shutil.copy2(path, dest)
    return dest


def insert_row(
    db: Database, table: str, row: dict[str, Any], *, ignore: bool = False
) -> int | None:
    """Insert ``row`` (column -> value, as the driver takes it) into ``table`` with plain SQL
    and return the new row's id; with ``ignore``, a row a unique index refuses is skipped
    and None returned. For the statements every save runs: building them with peewee cost
    more than running them (python -m bench intake-save)."""
    p = db.param
    columns = ", ".join(f'"{c}"' for c in row)
    values = ", ".join(p for _ in row)
    if is_postgres(db):
        conflict = " ON CONFLICT DO NOTHING" if ignore else ""
        sql = f'INSERT INTO "{table}" ({columns}) VALUES ({values}){conflict} RETURNING id'
        found = db.execute_sql(sql, list(row.values())).fetchone()
        return int(found[0]) if found else None
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    cursor = db.execute_sql(
        f'{verb} INTO "{table}" ({columns}) VALUES ({values})', list(row.values())
    )
    return int(cursor.lastrowid) if cursor.rowcount == 1 else None
