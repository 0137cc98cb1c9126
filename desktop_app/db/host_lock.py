"""One PC at a time on a SQLite file: the host lock (docs/rules.md#one-pc-or-several).

Beside the database file ``complaints.db`` the program keeps ``complaints.db.host-lock``, a
small JSON record of who has it open: ``{"host", "pid", "started_at", "last_seen"}`` (times
in UTC, ISO 8601). ``acquire`` at every open:

- no record, or a record of this computer (the same host name, any process: several
  windows and programs on one PC are fine with SQLite) -> this process writes its own;
- a record of another computer whose ``last_seen`` is younger than ``STALE_AFTER`` ->
  ``HeldElsewhere`` naming that computer and since when;
- an older one (the other PC crashed or lost its connection) -> taken over, with a warning
  in the log.

While a process holds a lock, one daemon thread rewrites its ``last_seen`` every
``HEARTBEAT`` (the heartbeat; a record of another host found there is left alone). At exit
(``atexit``) the record is removed when it is still this process's. The record is written
atomically (a temporary file and ``os.replace``; the first one with ``O_EXCL``).

``this_host`` is the boundary the tests replace to play another computer.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import logging
import os
import socket
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".host-lock"
HEARTBEAT = dt.timedelta(seconds=60)
STALE_AFTER = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class HostLockRecord:
    host: str
    pid: int
    started_at: str  # ISO 8601, UTC
    last_seen: str  # ISO 8601, UTC

    def last_seen_time(self) -> dt.datetime | None:
        return _parse_time(self.last_seen)

    def since_text(self) -> str:
        """``started_at`` in this computer's local time, minutes precision."""
        started = _parse_time(self.started_at)
        if started is None:
            return self.started_at
        return started.astimezone().strftime("%Y-%m-%d %H:%M")


class HeldElsewhere(Exception):
    """Another computer has the database open; ``record`` says which and since when."""

    def __init__(self, path: Path, record: HostLockRecord) -> None:
        super().__init__(
            f"{path} is open on {record.host} (since {record.since_text()}, pid {record.pid})"
        )
        self.path = path
        self.record = record


def this_host() -> str:
    """This computer's name (replaced by the tests)."""
    return socket.gethostname() or "localhost"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _parse_time(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def read(path: Path) -> HostLockRecord | None:
    """The record in the lock file ``path``; None when there is none or it is unreadable
    (a half-written file of a crashed program counts as none)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return HostLockRecord(
            str(data["host"]), int(data["pid"]), str(data["started_at"]), str(data["last_seen"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _encode(record: HostLockRecord) -> bytes:
    return (json.dumps(asdict(record), ensure_ascii=False) + "\n").encode("utf-8")


def _write(path: Path, record: HostLockRecord) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(_encode(record))
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _create(path: Path, record: HostLockRecord) -> bool:
    """Write the first record; False when another program made the file meanwhile."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(_encode(record))
    return True


def same_host(record: HostLockRecord, host: str) -> bool:
    return record.host.strip().lower() == host.strip().lower()


def is_stale(record: HostLockRecord, now: dt.datetime | None = None) -> bool:
    seen = record.last_seen_time()
    return seen is None or (now or _now()) - seen > STALE_AFTER


_held: dict[Path, HostLockRecord] = {}
_guard = threading.Lock()
_heartbeat: threading.Thread | None = None
_stop = threading.Event()


def acquire(database: Path, *, now: dt.datetime | None = None) -> HostLockRecord:
    """Take (or share, on the same computer) the host lock of the SQLite file ``database``;
    ``HeldElsewhere`` when another computer has it (see the module's documentation)."""
    path = lock_path(database)
    host = this_host()
    moment = now or _now()
    for _attempt in range(3):
        current = read(path)
        if current is not None and not same_host(current, host):
            if not is_stale(current, moment):
                raise HeldElsewhere(database, current)
            log.warning(
                "taking over the host lock of %s from %s (pid %s, last seen %s)",
                database,
                current.host,
                current.pid,
                current.last_seen,
            )
        stamp = moment.isoformat(timespec="seconds")
        record = HostLockRecord(host, os.getpid(), stamp, stamp)
        if current is None and path.exists():
            _write(path, record)  # unreadable: a half-written record of a crashed program
        elif current is None:
            if not _create(path, record):
                continue  # made by another program just now: read it
        else:
            _write(path, record)
        with _guard:
            _held[path] = record
        _start_heartbeat()
        return record
    raise HeldElsewhere(database, read(path) or HostLockRecord("?", 0, "", ""))


def refresh(now: dt.datetime | None = None) -> None:
    """The heartbeat: each held lock's ``last_seen`` is now (a removed record is written
    again; one of another host found in its place is left alone and logged)."""
    moment = (now or _now()).isoformat(timespec="seconds")
    with _guard:
        held = dict(_held)
    for path, record in held.items():
        current = read(path)
        if current is not None and not same_host(current, record.host):
            log.error(
                "the host lock of %s was taken over by %s; this computer no longer holds it",
                path,
                current.host,
            )
            with _guard:
                _held.pop(path, None)
            continue
        if current is not None and current.pid != record.pid:
            continue  # another program of this computer keeps it fresh
        try:
            updated = HostLockRecord(record.host, record.pid, record.started_at, moment)
            _write(path, updated)
            with _guard:
                _held[path] = updated
        except OSError as exc:
            log.warning("cannot refresh the host lock %s: %s", path, exc)


def release(database: Path) -> None:
    """Remove the record of ``database`` if it is still this process's."""
    path = lock_path(database)
    with _guard:
        record = _held.pop(path, None)
    if record is None:
        return
    current = read(path)
    if current is not None and same_host(current, record.host) and current.pid == record.pid:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:  # pragma: no cover - a share gone away
            log.warning("cannot remove the host lock %s: %s", path, exc)


def release_all() -> None:
    with _guard:
        paths = list(_held)
    for path in paths:
        release(path.with_name(path.name[: -len(LOCK_SUFFIX)]))


def held() -> dict[Path, HostLockRecord]:
    with _guard:
        return dict(_held)


def _beat() -> None:
    while not _stop.wait(HEARTBEAT.total_seconds()):
        try:
            refresh()
        except Exception:  # noqa: BLE001 - the heartbeat must not die
            log.exception("host lock heartbeat failed")


def _start_heartbeat() -> None:
    global _heartbeat
    with _guard:
        if _heartbeat is not None and _heartbeat.is_alive():
            return
        _heartbeat = threading.Thread(target=_beat, name="host-lock-heartbeat", daemon=True)
        _heartbeat.start()


atexit.register(release_all)
