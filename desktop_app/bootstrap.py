"""Start-up shared by the GUI and the command line: logging, database, migrations."""

from __future__ import annotations

import dataclasses
import logging
import logging.handlers
import sys
from pathlib import Path

from peewee import Database

from desktop_app import __version__
from desktop_app.db import host_lock, migrations, network_share
from desktop_app.db.connection import (
    DatabaseInfo,
    database_folder,
    log_dir,
    open_database,
    parse_url,
    resolve_url,
)
from desktop_app.db.private_files import private_database_files, private_file, private_folder
from desktop_app.domain.messages import msg
from desktop_app.services.errors import (
    NETWORK_SHARE_MESSAGE,
    DatabaseUnavailable,
    NetworkShareRefused,
    OpenOnAnotherComputer,
    database_error,
)

log = logging.getLogger(__name__)

LOG_FILE_NAME = "desktop-app.log"


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log file made 0600 again each time it is started anew (rotation)."""

    def _open(self):  # type: ignore[no-untyped-def]  # noqa: ANN202
        stream = super()._open()
        private_file(self.baseFilename)
        return stream


def setup_logging(verbose: bool = False) -> Path | None:
    """A rotating log file in the user's log folder (1 MB x 5); stderr when verbose."""
    root = logging.getLogger()
    if getattr(root, "_desktop_app_configured", False):
        return log_file()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path: Path | None = log_file()
    target = log_file()
    try:
        private_folder(target.parent)
        target.touch(mode=0o600, exist_ok=True)
        private_file(target)  # rotated files keep the mode: RotatingFileHandler renames them
        handler: logging.Handler = _PrivateRotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        path = None
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s")
    )
    root.addHandler(handler)
    if verbose:
        root.addHandler(logging.StreamHandler(sys.stderr))
    logging.getLogger("peewee").setLevel(logging.INFO)
    root._desktop_app_configured = True  # type: ignore[attr-defined]
    logging.getLogger(__name__).info("Complaint Desk %s starting", __version__)
    return path


def check_folder(folder: Path) -> None:
    """``NetworkShareRefused`` naming ``folder`` when it is on a network share
    (docs/rules.md#one-pc-or-several)."""
    if network_share.network_folder(folder):
        raise NetworkShareRefused(NETWORK_SHARE_MESSAGE, folder=str(folder))


def open_checked(url: str | None = None) -> tuple[Database, DatabaseInfo]:
    """``open_database`` behind the SQLite rules of docs/rules.md#one-pc-or-several: a file
    on a network share is refused (before anything is made) unless the URL says
    ``?allow_network_share=1``, and a file another computer has open is refused naming it.
    The GUI and every command line command open the database through here."""
    resolved = resolve_url(url)
    info = parse_url(resolved)
    on_share = False
    if info.backend == "sqlite":
        assert info.path is not None
        on_share = network_share.network_folder(info.path.parent)
        if on_share and not info.allow_network_share:
            log.warning("refusing %s: the folder is on a network share", info.path)
            raise NetworkShareRefused(NETWORK_SHARE_MESSAGE, folder=str(info.path.parent))
        if on_share:
            log.warning(
                "%s is on a network share, allowed for this PC only: rollback journal "
                "instead of WAL, other computers kept out by the host lock",
                info.path,
            )
        database_folder(info.path)
        try:
            host_lock.acquire(info.path)
        except host_lock.HeldElsewhere as exc:
            log.warning("refusing %s: %s", info.path, exc)
            raise OpenOnAnotherComputer(
                msg(
                    "The database {file} is open on {host} (since {since}). Two computers must "
                    "not use one database file: close the program there first, or set up a "
                    "shared PostgreSQL server for several computers."
                ),
                file=str(info.path),
                host=exc.record.host,
                since=exc.record.since_text(),
            ) from exc
        except OSError as exc:  # a folder that cannot be made or written: said below
            log.warning("cannot write the host lock of %s: %s", info.path, exc)
    db, info = open_database(resolved)
    if on_share:
        info = dataclasses.replace(info, on_network_share=True)
    return db, info


def prepare_database(
    url: str | None = None,
) -> tuple[Database, DatabaseInfo, migrations.MigrationResult]:
    """Open the database for ``url`` (or the default; through ``open_checked``), create or
    migrate it, seed it."""
    db, info = open_checked(url)
    try:
        db.connect(reuse_if_open=True)
        if info.path is not None:
            private_database_files(info.path)
        result = migrations.migrate(db)
    except Exception as exc:
        mapped = database_error(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    return db, info, result


__all__ = [
    "check_folder",
    "open_checked",
    "prepare_database",
    "setup_logging",
    "log_file",
    "DatabaseUnavailable",
]
