"""First start of the program: trying a database server, checking the administrator's
account before anything exists, and setting up a new database in one go.

The first-run wizard (``desktop_app.ui.first_run``) calls these off the UI thread. Nothing
here binds the models before ``set_up``: probing a server leaves no trace.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlparse

import peewee

from desktop_app.bootstrap import check_folder, prepare_database
from desktop_app.db import host_lock
from desktop_app.db.connection import DatabaseInfo, DatabaseUrlError, make_database, parse_url
from desktop_app.db.migrations import SchemaError
from desktop_app.db.models import SchemaVersion, User
from desktop_app.domain.messages import msg
from desktop_app.domain.settings import BY_KEY
from desktop_app.services import users
from desktop_app.services.auth import check_password_text
from desktop_app.services.errors import (
    DatabaseUnavailable,
    ServiceError,
    ValidationError,
    database_error,
)
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session

log = logging.getLogger(__name__)


# Steps of set_up for its progress callback (done, total): database, account, demo cases.
DEMO_CHUNK = 20


def postgres_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """``postgresql://user:password@host:port/database`` with every part quoted."""
    host = host.strip()
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    auth = quote(user.strip(), safe="")
    if password:
        auth += ":" + quote(password, safe="")
    return f"postgresql://{auth}@{host}:{int(port)}/{quote(database.strip(), safe='')}"


def without_password(url: str) -> str:
    """The URL with its password left out (what is remembered unless the user asks)."""
    return re.sub(r"^(\w+://[^:/@]*):[^@]*@", r"\1@", url)


def with_password(url: str, password: str) -> str:
    """The URL (without a password) with ``password`` put in."""
    bare = without_password(url)
    return re.sub(
        r"^(\w+://[^:/@]*)@", lambda m: f"{m.group(1)}:{quote(password, safe='')}@", bare, count=1
    )


# The audit log's table (db.models.AuditLog); tests/unit/test_setup.py checks they agree.
AUDIT_LOG_TABLE = "audit_log"


def quote_identifier(name: str) -> str:
    """A PostgreSQL identifier in double quotes (any case, spaces or quotes kept)."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """A PostgreSQL string literal (standard_conforming_strings, the default since 9.1)."""
    return "'" + text.replace("'", "''") + "'"


def application_role_name(owner: str) -> str:
    """The application role suggested beside the owner ``owner``: ``<owner>_app``."""
    return f"{owner.strip() or 'complaints'}_app"


def application_role_sql(
    database: str, role: str, owner: str, password: str, *, schema: str = "public"
) -> str:
    """The SQL that creates the program's application role on PostgreSQL
    (docs/rules.md#audit-log): it may connect, read and write the data of every table the
    owner ``owner`` made (and those later upgrades add) but change no table, so it cannot
    drop the audit log's triggers; on ``audit_log`` it may only read and append (no
    UPDATE, DELETE, TRUNCATE or TRIGGER). Run by a superuser (or a role with CREATEROLE
    that may grant on the owner's tables) after the owner has set the database up."""
    for what, value in (("database", database), ("role", role), ("owner", owner)):
        if not value.strip():
            raise ValueError(f"application_role_sql: no {what}")
    d, r, o = (quote_identifier(v.strip()) for v in (database, role, owner))
    s, audit = quote_identifier(schema), quote_identifier(AUDIT_LOG_TABLE)
    return "\n".join(
        (
            f"CREATE ROLE {r} LOGIN PASSWORD {quote_literal(password)};",
            f"GRANT CONNECT ON DATABASE {d} TO {r};",
            f"GRANT USAGE ON SCHEMA {s} TO {r};",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r};",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r};",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s}",
            f"    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r};",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s}",
            f"    GRANT USAGE, SELECT ON SEQUENCES TO {r};",
            f"REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER ON {s}.{audit} FROM {r};",
        )
    )


@dataclass(frozen=True)
class ServerProbe:
    server: str  # "PostgreSQL 15.4"
    schema_version: int | None  # None: no tables of this program yet
    has_admin: bool  # an administrator who can sign in exists

    @property
    def has_schema(self) -> bool:
        return self.schema_version is not None


def _connect_error(exc: Exception, host: str, port: str) -> DatabaseUnavailable:
    text = str(exc).strip()
    lowered = text.lower()
    detail = text.splitlines()[0] if text else type(exc).__name__
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return DatabaseUnavailable(msg("The database server refused the user or password."))
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseUnavailable(
            msg(
                "The database server has no such database. Ask its administrator to create "
                "it (an empty database), then try again: {detail}"
            ),
            detail=detail,
        )
    if any(
        needle in lowered
        for needle in (
            "connection refused",
            "could not translate host name",
            "timeout expired",
            "no route to host",
            "network is unreachable",
            "name or service not known",
            "could not connect",
            "connection timed out",
        )
    ):
        return DatabaseUnavailable(
            msg(
                "Cannot reach the database server at {host}:{port}. Check the address and port, "
                "and that the server accepts connections from this computer: {detail}"
            ),
            host=host,
            port=port,
            detail=detail,
        )
    mapped = database_error(exc)
    if mapped is not None:
        return mapped
    return DatabaseUnavailable(
        msg("Cannot connect to the database server: {detail}"), detail=detail
    )


def probe_postgres(url: str) -> ServerProbe:
    """Connect to a PostgreSQL database without changing anything: the server's version,
    whether this program's tables are there and whether they have an administrator.

    Raises ``DatabaseUnavailable`` with the reason in words (refused, unreachable, no such
    database …)."""
    parsed = urlparse(url)
    host, port = parsed.hostname or "", str(parsed.port or 5432)
    try:
        db, info = make_database(url)
    except ValueError as exc:
        raise ValidationError(
            msg("The server address, port or database name is not valid."), field="host"
        ) from exc
    if info.backend != "postgresql":
        raise ValidationError(msg("Not a PostgreSQL address."), field="host")
    try:
        db.connect()
    except (peewee.DatabaseError, peewee.InterfaceError) as exc:
        log.info("test connection to %s failed: %s", info.display(), exc)
        raise _connect_error(exc, host, port) from exc
    try:
        row = db.execute_sql("SELECT version()").fetchone()
        words = str(row[0]).split() if row else []
        server = " ".join(words[:2]) if len(words) >= 2 else "PostgreSQL"
        version: int | None = None
        has_admin = False
        if db.table_exists(SchemaVersion._meta.table_name):
            row = db.execute_sql(
                f'SELECT max(version) FROM "{SchemaVersion._meta.table_name}"'
            ).fetchone()
            version = int(row[0]) if row and row[0] is not None else None
            if version is not None and db.table_exists(User._meta.table_name):
                has_admin = (
                    db.execute_sql(
                        f'SELECT 1 FROM "{User._meta.table_name}" WHERE role = %s AND active '
                        "AND password_hash IS NOT NULL LIMIT 1",
                        ("admin",),
                    ).fetchone()
                    is not None
                )
        return ServerProbe(server, version, has_admin)
    except (peewee.DatabaseError, peewee.InterfaceError) as exc:
        mapped = database_error(exc)
        raise (
            mapped
            or DatabaseUnavailable(
                msg("Cannot connect to the database server: {detail}"),
                detail=str(exc).splitlines()[0],
            )
        ) from exc
    finally:
        db.close()


def check_database_folder(url: str) -> None:
    """The first-run wizard's check of "this computer only": ``NetworkShareRefused`` when
    the SQLite file's folder is on a network share (docs/rules.md#one-pc-or-several)."""
    info = parse_url(url)
    if info.path is not None and not info.allow_network_share:
        check_folder(info.path.parent)


def check_admin_account(username: str, password: str, repeat: str) -> None:
    """What ``users.create_user`` will say about the administrator's account, said before
    the database exists (a new database has the default minimum password length)."""
    if not users.USERNAME_RE.match((username or "").strip()):
        raise ValidationError(
            msg("The user name must be 1 to 60 letters, digits or . _ - @, without spaces."),
            field="username",
        )
    minimum = BY_KEY["security.min_password_length"].default
    check_password_text(password, minimum, role="admin", username=(username or "").strip())
    if password != repeat:
        raise ValidationError(
            msg("The two passwords differ. Please type the password again in the second field."),
            field="repeat_password",
        )


@dataclass(frozen=True)
class SetupResult:
    info: DatabaseInfo
    created: bool  # a new database (else an existing one was migrated/opened)
    admin: str | None  # the administrator's user name, None when not created here
    demo_cases: int


def set_up(
    url: str,
    *,
    admin: str | None,
    display_name: str = "",
    password: str = "",
    demo_count: int = 0,
    progress: Progress | None = None,
) -> SetupResult:
    """Create or migrate the database at ``url`` (binding the models to it), create the
    administrator (unless ``admin`` is None) and write ``demo_count`` demo cases.

    ``progress(done, total)`` counts steps: 1 for the database, 1 for the account, one per
    demo case. The database's connection of the calling thread is closed at the end. When
    a new database cannot be finished, a new SQLite file is removed again. A folder or
    file that cannot be made, or a database of another program, is a
    ``DatabaseUnavailable`` with the reason."""
    try:
        return _set_up(url, admin, display_name, password, demo_count, progress)
    except (OSError, SchemaError, DatabaseUrlError) as exc:
        log.warning("first run: cannot set up %s: %s", without_password(url), exc)
        raise DatabaseUnavailable(
            msg("The database cannot be set up: {detail}"), detail=str(exc)
        ) from exc


def _set_up(
    url: str,
    admin: str | None,
    display_name: str,
    password: str,
    demo_count: int,
    progress: Progress | None,
) -> SetupResult:
    total = 2 + max(demo_count, 0)
    report = progress or (lambda done, total: True)
    db = None
    created = False
    try:
        db, info, result = prepare_database(url)
        created = result.created
        report(1, total)
        system = Session.system(name="first-run")
        if admin is not None:
            users.create_user(
                system, admin, "admin", password, display_name=display_name.strip() or None
            )
            log.info("first run: created the administrator %s", admin)
        report(2, total)
        cases = 0
        if demo_count > 0:
            # Imported when asked for: the first window does not need the generator.
            from desktop_app.services import demo

            stats = demo.generate(
                system,
                demo_count,
                chunk_size=DEMO_CHUNK,
                progress=lambda done, _count: report(2 + done, total),
            )
            cases = stats.cases
        return SetupResult(info, created, admin, cases)
    except BaseException:
        if db is not None:
            db.close()
            db = None
        if created:
            _remove_new_database(url)
        raise
    finally:
        if db is not None:
            db.close()


def _remove_new_database(url: str) -> None:
    """A database this run created and could not finish: leave nothing behind (SQLite)."""
    try:
        info = parse_url(url)
    except ValueError:
        return
    if info.path is None:
        return  # PostgreSQL: the (empty) tables stay; the next start migrates them
    host_lock.release(info.path)
    for path in sqlite_files(info.path):
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:  # pragma: no cover - depends on the file system
            log.warning("cannot remove %s: %s", path, exc)
    log.info("removed the unfinished database %s", info.path)


def sqlite_files(path: Path) -> list[Path]:
    """A SQLite database file and its companions (write-ahead log, shared memory)."""
    return [
        path,
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
        path.with_name(path.name + "-journal"),
    ]


__all__ = [
    "ServerProbe",
    "SetupResult",
    "ServiceError",
    "check_admin_account",
    "check_database_folder",
    "postgres_url",
    "probe_postgres",
    "set_up",
    "with_password",
    "without_password",
]
