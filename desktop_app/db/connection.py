"""The one place that opens the database.

``open_database(url)`` builds a peewee database from a URL (``sqlite:///path.db`` or
``postgresql://user:pw@host:port/db``), binds it to ``models.database_proxy`` and returns it.
Everything else receives the database through the proxy.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import platformdirs
from peewee import Database, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect as connect_url

from desktop_app import APP_ID, ORG_NAME
from desktop_app.db.models import database_proxy

log = logging.getLogger(__name__)

ENV_DATABASE = "DESKTOP_APP_DATABASE"
SQLITE_BUSY_TIMEOUT_S = 10.0

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "cache_size": -32 * 1024,  # 32 MB
    "synchronous": "normal",  # safe with WAL: a crash loses no committed transaction
    "busy_timeout": int(SQLITE_BUSY_TIMEOUT_S * 1000),
}


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
        raw = unquote(url[len("sqlite:///"):]) if url.lower().startswith("sqlite:///") else ""
        if not raw or raw == ":memory:":
            raise DatabaseUrlError(
                f"database URL {url!r} names no file: use sqlite:///path/to/file.db")
        return DatabaseInfo(url, "sqlite", Path(raw).expanduser().absolute())
    if scheme in ("postgresql", "postgres", "psycopg3"):
        if not parsed.path.strip("/"):
            raise DatabaseUrlError(f"database URL {url!r} names no database")
        return DatabaseInfo(url, "postgresql", None)
    raise DatabaseUrlError(
        f"unsupported database URL {url!r}: use sqlite:///path.db or "
        "postgresql://user:password@host:port/database")


def make_database(url: str) -> tuple[Database, DatabaseInfo]:
    """Build (but do not connect) the peewee database for a URL."""
    info = parse_url(url)
    if info.backend == "sqlite":
        assert info.path is not None
        info.path.parent.mkdir(parents=True, exist_ok=True)
        db = SqliteDatabase(str(info.path), pragmas=SQLITE_PRAGMAS,
                            timeout=SQLITE_BUSY_TIMEOUT_S)
    else:
        try:
            import psycopg2  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise DatabaseUrlError(
                "PostgreSQL support is not installed: pip install 'desktop-app[postgres]'"
            ) from exc
        db = connect_url(url, connect_timeout=10)
    return db, info


def open_database(url: str | None = None) -> tuple[Database, DatabaseInfo]:
    """Resolve the URL, build the database and bind it to the models' proxy."""
    db, info = make_database(resolve_url(url))
    database_proxy.initialize(db)
    return db, info


def is_sqlite(db: Database) -> bool:
    return isinstance(db, SqliteDatabase)


def is_postgres(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


def write_lock(db: Database):
    """A transaction that takes the write lock up front.

    On SQLite a transaction that reads then writes (a sequence number, a version check)
    must start with ``BEGIN IMMEDIATE``, otherwise two writers deadlock on the lock
    upgrade and one gets "database is locked" at once instead of waiting.
    """
    if is_sqlite(db) and db.transaction_depth() == 0:
        return db.atomic(lock_type="IMMEDIATE")
    return db.atomic()


def copy_sqlite_file(db: Database, destination: Path) -> Path:
    """A consistent copy of an open SQLite database, taken with SQLite's backup API."""
    import sqlite3

    destination.parent.mkdir(parents=True, exist_ok=True)
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
