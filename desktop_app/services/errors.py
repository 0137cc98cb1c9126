"""Errors a user sees. Each carries an English message template (written as a literal in
``msg("…")``, translated by the UI: ``desktop_app.domain.messages``) and, for bad input, the
field it is about."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import peewee

from desktop_app.domain.messages import msg

log = logging.getLogger(__name__)
_P = ParamSpec("_P")
_R = TypeVar("_R")


class ServiceError(Exception):
    def __init__(self, template: str, *, field: str | None = None, **params: object) -> None:
        self.template = template
        self.field = field
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return self.template


class ValidationError(ServiceError):
    """Bad input: ``field`` names the field, the message the reason."""


class PermissionDenied(ServiceError):
    pass


class AuthenticationError(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class ConflictError(ServiceError):
    """Someone else changed the record since it was read."""


class DatabaseUnavailable(ServiceError):
    """The database is locked, read-only, full or unreachable."""


class NetworkShareRefused(DatabaseUnavailable):
    """A SQLite file on a network share, not allowed (docs/rules.md#one-pc-or-several)."""


class OpenOnAnotherComputer(DatabaseUnavailable):
    """Another computer has the SQLite file open (its host lock is fresh)."""


NETWORK_SHARE_MESSAGE = msg(
    "This folder is on a network share: {folder}. A database file there can be damaged when "
    "several computers use it. Keep the file on this computer, or set up a shared PostgreSQL "
    "server for several computers."
)


# Needle in the driver's message (lower case), the user's message. First match wins.
_DB_MESSAGES = (
    # db.connection.CommitUnconfirmed: the answer to COMMIT was lost with the connection.
    (
        "commit unconfirmed",
        msg(
            "The connection to the database server was lost while saving, so it is not known "
            "whether this was saved. Look it up (for example in the tracker) before entering it "
            "again."
        ),
    ),
    ("locked", msg("The database is busy (another computer is writing). Please try again.")),
    ("lock timeout", msg("The database is busy (another computer is writing). Please try again.")),
    (
        "deadlock detected",
        msg("The database is busy (another computer is writing). Please try again."),
    ),
    ("busy", msg("The database is busy (another computer is writing). Please try again.")),
    (
        "readonly",
        msg("The database file is read-only; nothing can be saved. Ask an administrator."),
    ),
    (
        "read-only",
        msg("The database file is read-only; nothing can be saved. Ask an administrator."),
    ),
    ("disk is full", msg("The disk holding the database is full; nothing was saved.")),
    ("database or disk is full", msg("The disk holding the database is full; nothing was saved.")),
    ("unable to open", msg("The database file cannot be opened: {detail}")),
    (
        "file is not a database",
        msg("The file is not a Complaint Desk database or is damaged: {detail}"),
    ),
    ("malformed", msg("The database file is damaged: {detail}. Restore it from a backup.")),
    ("permission denied", msg("No permission to use the database: {detail}")),
    ("password authentication failed", msg("The database server refused the user or password.")),
    ("could not connect", msg("Cannot reach the database server: {detail}")),
    (
        "connection",
        msg(
            "The connection to the database server was lost, so this was not done. "
            "Please try again; the program connects again by itself."
        ),
    ),
    (
        "server closed",
        msg(
            "The connection to the database server was lost, so this was not done. "
            "Please try again; the program connects again by itself."
        ),
    ),
)


def database_error(exc: BaseException) -> DatabaseUnavailable | None:
    """Map a driver error of the "cannot use the database" kind to a user message."""
    text = str(exc).strip()
    lowered = text.lower()
    for needle, template in _DB_MESSAGES:
        if needle in lowered:
            return DatabaseUnavailable(template, detail=text.splitlines()[0] if text else "")
    return None


def _first_database_error(exc: BaseException) -> DatabaseUnavailable | None:
    """The user message of ``exc`` or of the error it happened while handling. On
    SQLITE_FULL SQLite rolls the transaction back itself, so peewee's own ROLLBACK then
    fails with "cannot rollback - no transaction is active" (or "no such savepoint"): the
    disk-full error is the one before it."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        mapped = database_error(current)
        if mapped is not None and not _is_rollback_noise(current):
            return mapped
        current = current.__cause__ or current.__context__
    return database_error(exc)


def _is_rollback_noise(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "cannot rollback" in text or "no such savepoint" in text


def service(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator for service functions: database faults become DatabaseUnavailable;
    anything else (a bug) propagates unchanged."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return func(*args, **kwargs)
        except (peewee.OperationalError, peewee.InterfaceError, peewee.DatabaseError) as exc:
            mapped = _first_database_error(exc)
            if mapped is None:
                raise
            log.warning("%s: %s", func.__qualname__, exc)
            raise mapped from exc

    return wrapper
