"""Backups and verified restore (docs/rules.md#backups-and-restore, issue 8 item 5).

SQLite: ``create_backup`` takes an online, consistent copy with SQLite's backup API (the
program may be running, WAL mode) into ``backups/`` next to the database file, named
``<stem>.<YYYYmmdd-HHMMSS><suffix>``, checks it with ``PRAGMA integrity_check`` and then
applies the retention (settings ``backups.keep_daily`` / ``backups.keep_weekly``, see
``domain/retention.py``) to those timestamped files only; copies taken before a migration
(``<stem>.before-vN.*``) and files written with ``--out`` are never deleted.
``backup_if_due(session, now)`` is the automatic daily backup a GUI timer can call.

``restore_backup`` checks the file (a SQLite database, ``integrity_check`` ok, our
``schema_version`` table, a version not newer than this program), keeps the file it replaces
beside it (``<name>.replaced-<stamp><suffix>``) and swaps the verified copy in atomically
(``os.replace`` of a temporary copy in the same folder). A database on a network share is
not restored unless it was opened with ``?allow_network_share=1`` (a backup copy may be
written to a share). Rule: close the program on every
other PC and every other program using the file first; restore refuses when it sees the
database in use (``BEGIN EXCLUSIVE`` fails or a reader blocks the WAL checkpoint). Older
schema versions are migrated right after the swap, as at every start.

PostgreSQL: ``create_backup`` runs ``pg_dump --format=custom`` when it is on PATH (the
password goes through ``PGPASSWORD``); restoring is left to ``pg_restore`` (``restore_backup``
raises with the command line to use).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from peewee import Database, OperationalError

from desktop_app.db import migrations, network_share
from desktop_app.db.connection import copy_sqlite_file, is_sqlite, move_aside, renew_connections
from desktop_app.db.models import SchemaVersion, User, database_proxy
from desktop_app.db.private_files import private_file, private_folder
from desktop_app.domain.messages import msg
from desktop_app.domain.retention import backups_to_keep
from desktop_app.services import audit
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import NETWORK_SHARE_MESSAGE, ServiceError, service
from desktop_app.services.permissions import require_admin
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

STAMP_FORMAT = "%Y%m%d-%H%M%S"
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(ServiceError):
    """The backup could not be taken; the message names the file and the reason."""


class PgDumpNotFound(BackupError):
    pass


class RestoreRefused(ServiceError):
    """The file was not restored (nothing was changed); the message says why."""


@dataclass
class BackupResult:
    path: Path
    backend: str
    size: int
    removed: list[Path] = field(default_factory=list)  # old backups deleted by retention


@dataclass
class RestoreResult:
    path: Path  # the database file now holding the restored data
    source: Path
    kept: Path | None  # the replaced file, kept beside it (None: there was none)
    from_version: int
    migrated: bool


def _bound_db() -> Database:
    return cast(Database, database_proxy.obj)


def backup_folder(db: Database | None = None) -> Path:
    db = db or _bound_db()
    return Path(db.database).parent / "backups"


def _stamped_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(db_path.stem) + r"\.(\d{8}-\d{6})" + re.escape(db_path.suffix) + "$"
    )


def list_backups(db: Database | None = None) -> list[tuple[dt.datetime, Path]]:
    """The timestamped backups in the backups folder, oldest first."""
    db = db or _bound_db()
    folder = backup_folder(db)
    pattern = _stamped_pattern(Path(db.database))
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if match:
                try:
                    found.append((dt.datetime.strptime(match.group(1), STAMP_FORMAT), entry))
                except ValueError:
                    continue
    return sorted(found)


@dataclass(frozen=True)
class BackupEntry:
    taken_at: dt.datetime
    path: Path
    size: int


@dataclass(frozen=True)
class BackupOverview:
    backend: str  # "sqlite" or "postgresql"
    database: str  # the database file, or the server's database name
    folder: Path | None  # where automatic backups go (SQLite only)
    entries: list[BackupEntry]  # newest first
    keep_daily: int
    keep_weekly: int
    pg_dump: str | None  # the pg_dump program found, for PostgreSQL


@service
def backup_overview(session: Session) -> BackupOverview:
    """What the admin's backup page shows (admins only)."""
    require_admin(session)
    db = _bound_db()
    keep_daily = settings_service.get("backups.keep_daily")
    keep_weekly = settings_service.get("backups.keep_weekly")
    if not is_sqlite(db):
        return BackupOverview(
            "postgresql",
            str(db.database),
            None,
            [],
            keep_daily,
            keep_weekly,
            shutil.which("pg_dump"),
        )
    entries = []
    for stamp, path in reversed(list_backups(db)):
        try:
            entries.append(BackupEntry(stamp, path, path.stat().st_size))
        except OSError:
            continue  # removed meanwhile
    return BackupOverview(
        "sqlite",
        str(Path(db.database).absolute()),
        backup_folder(db),
        entries,
        keep_daily,
        keep_weekly,
        None,
    )


def _integrity(path: Path) -> str:
    """``integrity_check``'s answer ("ok" when sound); raises sqlite3.DatabaseError when
    the file is not a database at all."""
    conn = sqlite3.connect(str(path))
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        return "; ".join(str(r[0]) for r in rows[:5])
    finally:
        conn.close()


def _sqlite_backup(db: Database, out: Path) -> Path:
    out = out.absolute()
    if out.parent == backup_folder(db).absolute():
        private_folder(out.parent)  # the program's own folder: 0700 (docs/rules.md#private-files)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(f".{out.name}.partial")
    try:
        copy_sqlite_file(db, temp)  # the backup API: one consistent snapshot
        conn = sqlite3.connect(str(temp))
        try:  # a self-contained file: no -wal/-shm beside the copy
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        verdict = _integrity(temp)
        if verdict != "ok":
            raise BackupError(
                msg("The backup copy {file} failed the integrity check: {reason}"),
                file=str(out),
                reason=verdict,
            )
        os.replace(temp, out)
        private_file(out)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(
            msg("Could not write the backup {file}: {reason}"), file=str(out), reason=str(exc)
        ) from exc
    finally:
        for leftover in (temp, Path(f"{temp}-journal")):
            leftover.unlink(missing_ok=True)
    return out


def _pg_dump(db: Database, out: Path | None, now: dt.datetime) -> Path:
    exe = shutil.which("pg_dump")
    if exe is None:
        raise PgDumpNotFound(
            msg(
                "pg_dump was not found on this computer, so no PostgreSQL backup was made. "
                "Install the PostgreSQL client tools (package postgresql-client, or the "
                "PostgreSQL installer on Windows) and try again, or use the database server's "
                "own backups."
            )
        )
    params = dict(db.connect_params)
    name = db.database
    out = (out or Path.cwd() / f"{name}.{now.strftime(STAMP_FORMAT)}.dump").absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    command = [exe, "--format=custom", "--file", str(out), "--dbname", name]
    if params.get("host"):
        command += ["--host", str(params["host"])]
    if params.get("port"):
        command += ["--port", str(params["port"])]
    if params.get("user"):
        command += ["--username", str(params["user"])]
    try:
        done = subprocess.run(
            command + ["--no-password"], env=env, capture_output=True, text=True, timeout=3600
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(
            msg("pg_dump could not write {file}: {reason}"), file=str(out), reason=str(exc)
        ) from exc
    if done.returncode != 0:
        out.unlink(missing_ok=True)
        lines = (done.stderr or "").strip().splitlines()
        raise BackupError(
            msg("pg_dump failed to write {file}: {reason}"),
            file=str(out),
            reason=lines[-1] if lines else f"exit code {done.returncode}",
        )
    private_file(out)
    return out


def prune(db: Database | None = None) -> list[Path]:
    """Delete the timestamped backups the retention settings do not keep."""
    db = db or _bound_db()
    found = list_backups(db)
    keep = backups_to_keep(
        [stamp for stamp, _ in found],
        int(settings_service.get("backups.keep_daily")),
        int(settings_service.get("backups.keep_weekly")),
    )
    removed = []
    for stamp, path in found:
        if stamp not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _take(session: Session, out: Path | None, now: dt.datetime, automatic: bool) -> BackupResult:
    db = _bound_db()
    if is_sqlite(db):
        db_path = Path(db.database)
        target = out or backup_folder(db) / (
            f"{db_path.stem}.{now.strftime(STAMP_FORMAT)}{db_path.suffix}"
        )
        path = _sqlite_backup(db, Path(target))
        removed = prune(db) if out is None else []
        backend = "sqlite"
    else:
        path, removed, backend = _pg_dump(db, out, now), [], "postgresql"
    size = path.stat().st_size
    try:  # the copy is done and sound: a busy database must not turn it into a failure
        audit.record(
            session,
            "backup",
            "database",
            None,
            file=str(path),
            size=size,
            automatic=automatic,
            removed=[p.name for p in removed],
        )
    except OperationalError as exc:
        log.warning("backup %s written but not audited: %s", path, exc)
    log.info("backup written to %s (%s bytes)", path, size)
    return BackupResult(path, backend, size, removed)


@service
def create_backup(session: Session, out: str | Path | None = None) -> BackupResult:
    """A consistent backup of the bound database (admins only)."""
    require_admin(session)
    return _take(session, Path(out) if out else None, session.now(), automatic=False)


@service
def backup_if_due(session: Session, now: dt.datetime | None = None) -> BackupResult | None:
    """The automatic daily SQLite backup: takes one unless the backups folder already has
    one from ``now``'s day. The program's own routine: it runs as the program's operator
    (``Session.system``, an administrator), whoever is signed in; a user's session other
    than an administrator's is refused. Returns None when nothing was due or for
    PostgreSQL."""
    require_admin(session)
    db = _bound_db()
    if not is_sqlite(db):
        return None
    now = now or session.now()
    if any(stamp.date() == now.date() for stamp, _ in list_backups(db)):
        return None
    return _take(session, None, now, automatic=True)


def _check_restorable(path: Path, source: Path) -> int:
    """Raise RestoreRefused unless ``path`` (a copy of ``source``) is a sound database of this
    program at a version it can open; returns its schema version."""
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise RestoreRefused(
            msg("{file} is not a SQLite database; nothing was restored."), file=str(source)
        )
    try:
        verdict = _integrity(path)
    except sqlite3.DatabaseError as exc:
        raise RestoreRefused(
            msg("{file} is damaged ({reason}); nothing was restored."),
            file=str(source),
            reason=str(exc),
        ) from exc
    if verdict != "ok":
        raise RestoreRefused(
            msg("{file} failed the integrity check ({reason}); nothing was restored."),
            file=str(source),
            reason=verdict,
        )
    conn = sqlite3.connect(str(path))
    try:
        table = SchemaVersion._meta.table_name
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)
        ).fetchone():
            raise RestoreRefused(
                msg(
                    "{file} is not a Complaint Desk database (it has no "
                    "schema_version table); nothing was restored."
                ),
                file=str(source),
            )
        row = conn.execute(f'SELECT max(version) FROM "{table}"').fetchone()
    except sqlite3.DatabaseError as exc:
        raise RestoreRefused(
            msg("{file} cannot be read ({reason}); nothing was restored."),
            file=str(source),
            reason=str(exc),
        ) from exc
    finally:
        conn.close()
    version = row[0] if row else None
    if not isinstance(version, int):
        raise RestoreRefused(
            msg("{file} has no schema version; nothing was restored."), file=str(source)
        )
    if version > migrations.SCHEMA_VERSION:
        raise RestoreRefused(
            msg(
                "{file} is at schema version {version}, newer than this program "
                "({supported}); install the newer program version. Nothing was restored."
            ),
            file=str(source),
            version=version,
            supported=migrations.SCHEMA_VERSION,
        )
    return version


def _quiesce(target: Path) -> None:
    """Make sure nobody else uses the database and fold its WAL into the main file, so the
    main file alone is the whole database."""
    conn = sqlite3.connect(str(target), timeout=2.0, isolation_level=None)
    try:
        try:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.OperationalError as exc:
            busy, reason = None, str(exc)
        except sqlite3.DatabaseError as exc:
            # Damaged beyond opening ("file is not a database", "malformed"): no program
            # can be using it, and it is what the restore replaces.
            log.warning("restoring over a damaged database %s: %s", target, exc)
            return
        else:
            reason = "another connection is reading it"
        if busy is None or busy[0]:
            raise RestoreRefused(
                msg(
                    "The database {file} is in use ({reason}). Close the program on every other "
                    "PC and any other program using the file, then restore again. Nothing was "
                    "restored."
                ),
                file=str(target),
                reason=reason,
            )
    finally:
        conn.close()


def release_connection() -> None:
    """Close the calling thread's database connection, so that its next query opens the
    database file as it is now: after a restore, a connection opened before still reads the
    replaced file. Not while a transaction is open. The connections other threads keep
    (the window's workers) are renewed before their next use (``renew_connections``)."""
    renew_connections()
    db = database_proxy.obj
    if db is not None and not db.is_closed() and not db.in_transaction():
        db.close()


@service
def restore_backup(session: Session, source: str | Path) -> RestoreResult:
    """Replace the bound SQLite database by the verified backup ``source`` (admins only)."""
    require_admin(session)
    db = _bound_db()
    source = Path(source).absolute()
    if not is_sqlite(db):
        raise RestoreRefused(
            msg(
                "Restoring a PostgreSQL database is done with the server's tools, not by this "
                "program. Close the program on every PC, then run: pg_restore --clean "
                "--if-exists --no-owner --dbname <database URL> {file}"
            ),
            file=str(source),
        )
    if not source.is_file():
        raise RestoreRefused(
            msg("{file} does not exist or is not a file; nothing was restored."), file=str(source)
        )
    target = Path(db.database).absolute()
    # A live database on a network share only when it was opened so on purpose (a backup
    # copy may go anywhere): docs/rules.md#one-pc-or-several.
    if not getattr(db, "allow_network_share", False) and network_share.network_folder(
        target.parent
    ):
        raise RestoreRefused(NETWORK_SHARE_MESSAGE, folder=str(target.parent))
    if source == target:
        raise RestoreRefused(
            msg("{file} is the database itself; choose a backup file."), file=str(source)
        )
    now = session.now()
    temp = target.with_name(f".{target.name}.restoring")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, temp)
        version = _check_restorable(temp, source)
        db.close()
        kept = None
        if target.exists():
            _quiesce(target)
            kept = move_aside(target, f".replaced-{now.strftime(STAMP_FORMAT)}{target.suffix}")
        os.replace(temp, target)
    except OSError as exc:
        raise RestoreRefused(
            msg("Could not restore {file}: {reason}"), file=str(source), reason=str(exc)
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
    for sidecar in ("-wal", "-shm"):  # the old database's, now empty after the checkpoint
        Path(f"{target}{sidecar}").unlink(missing_ok=True)
    db.connect(reuse_if_open=True)
    result = migrations.migrate(db)
    # The restored data may predate the account that restored it: then the entry names it.
    present = (
        session.user_id is not None
        and User.select()
        .where(User.id == session.user_id, User.username == session.username)
        .exists()
    )
    audit.record(
        session if present else None,
        "restore",
        "database",
        None,
        username=session.username,
        file=str(source),
        kept=str(kept) if kept else "",
        schema_version=version,
    )
    log.info("restored %s from %s; previous file kept as %s", target, source, kept)
    return RestoreResult(target, source, kept, version, result.migrated)
