"""Start-up shared by the GUI and the command line: logging, database, migrations."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from peewee import Database

from desktop_app import __version__
from desktop_app.db import migrations
from desktop_app.db.connection import DatabaseInfo, log_dir, open_database
from desktop_app.services.errors import DatabaseUnavailable, database_error

LOG_FILE_NAME = "desktop-app.log"


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def setup_logging(verbose: bool = False) -> Path | None:
    """A rotating log file in the user's log folder (1 MB x 5); stderr when verbose."""
    root = logging.getLogger()
    if getattr(root, "_desktop_app_configured", False):
        return log_file()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path: Path | None = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
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


def prepare_database(
    url: str | None = None,
) -> tuple[Database, DatabaseInfo, migrations.MigrationResult]:
    """Open the database for ``url`` (or the default), create or migrate it, seed it."""
    db, info = open_database(url)
    try:
        db.connect(reuse_if_open=True)
        result = migrations.migrate(db)
    except Exception as exc:
        mapped = database_error(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    return db, info, result


__all__ = ["prepare_database", "setup_logging", "log_file", "DatabaseUnavailable"]
