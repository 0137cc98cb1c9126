"""Changes made on other PCs, as they happen (docs/rules.md#changes-reach-every-pc).

PostgreSQL: statement-level triggers on the case, reminder and survey tables send a
``NOTIFY`` on the channel ``CHANNEL`` in the writing transaction (so only a committed change
is heard, by every writer: services, imports, scripts). The payload is JSON: ``kind``
("cases", "reminders", "surveys"), ``ids`` (up to ``MAX_IDS`` row ids; empty: more, or not
known — treat as all) and ``app`` (the writer's ``application_name``, which this program
sets to ``complaint-desk:<os pid>``, so a program skips its own changes).

``ChangeFeed`` is a thread with its own connection that ``LISTEN``s and passes each change
to a callback (the window's change hub). A lost connection is opened again with a back-off
(1 s doubling to 30 s); meanwhile, and once on reconnecting, it reports "everything may have
changed" every ``POLL_S`` seconds, so pages keep reloading by themselves.

SQLite: no server to notify. ``PRAGMA data_version`` on a connection of its own changes
whenever another connection (another program on this PC) commits; the feed reads it every
second and reports "everything may have changed" when it moved.

No Qt here: the callback is any function ``(kind, ids)``; it is called on the feed's thread.
"""

from __future__ import annotations

import json
import logging
import select
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from peewee import Database

from desktop_app.db.connection import application_name, is_postgres, is_sqlite, last_local_write

log = logging.getLogger(__name__)

CHANNEL = "complaint_desk_changes"
MAX_IDS = 50  # more rows changed by one statement: "unknown, maybe all" (fits NOTIFY's 8 kB)
# table -> kind of change (ui/changes.py KINDS)
TABLES = {"complaint": "cases", "reminder": "reminders", "survey": "surveys"}
KINDS = tuple(dict.fromkeys(TABLES.values()))
POLL_S = 30.0  # while the notification connection is down: "maybe all" this often
SQLITE_CHECK_S = 1.0
BACKOFF_S = (1.0, 30.0)  # first and longest wait before connecting again

Callback = Callable[[str, frozenset[int]], None]


_FUNCTION = f"""
CREATE OR REPLACE FUNCTION complaint_desk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n integer;
    ids json;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*), json_agg(id) INTO n, ids
            FROM (SELECT id FROM old_rows LIMIT {MAX_IDS + 1}) AS r;
    ELSE
        SELECT count(*), json_agg(id) INTO n, ids
            FROM (SELECT id FROM new_rows LIMIT {MAX_IDS + 1}) AS r;
    END IF;
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'kind', TG_ARGV[0],
        'ids', CASE WHEN n > {MAX_IDS} THEN '[]'::json ELSE ids END,
        'app', current_setting('application_name'))::text);
    RETURN NULL;
END $$
"""


def install_triggers(db: Database) -> None:
    """Create (again) the notifying triggers on PostgreSQL; nothing on SQLite. Idempotent:
    run by every migration run (db/migrations.py), so every start."""
    if not is_postgres(db):
        return
    db.execute_sql(_FUNCTION)
    for table, kind in TABLES.items():
        for event, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            name = f"{table}_notify_{event.lower()}"
            db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
            db.execute_sql(
                f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" '
                f"REFERENCING {rows} TABLE AS {rows.lower()}_rows "
                f"FOR EACH STATEMENT EXECUTE FUNCTION complaint_desk_notify('{kind}')"
            )


def triggers_installed(db: Database) -> bool:
    if not is_postgres(db):
        return True
    count = db.execute_sql(
        "SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE %s AND NOT tgisinternal",
        ("%\\_notify\\_%",),
    ).fetchone()[0]
    return bool(count >= 3 * len(TABLES))


def parse(payload: str, own_app: str) -> tuple[str, frozenset[int]] | None:
    """(kind, ids) of a notification's payload; None for this program's own change or a
    payload that is not ours."""
    try:
        data = json.loads(payload)
        kind = data["kind"]
        ids = frozenset(int(i) for i in data.get("ids") or ())
    except (ValueError, TypeError, KeyError):
        log.warning("ignored a change notification that is not ours: %.200s", payload)
        return None
    if kind not in KINDS or data.get("app") == own_app:
        return None
    return kind, ids


class ChangeFeed(threading.Thread):
    """Reports changes other programs made (see the module's docstring) to ``callback``.

    ``connect`` opens the listening connection (PostgreSQL: a DB-API connection with
    ``application_name`` set); by default from the database's own connection settings.
    ``stop()`` ends the thread within a second."""

    def __init__(
        self,
        db: Database,
        callback: Callback,
        *,
        connect: Callable[[], Any] | None = None,
        poll_s: float = POLL_S,
        backoff_s: tuple[float, float] = BACKOFF_S,
        sqlite_check_s: float = SQLITE_CHECK_S,
    ) -> None:
        super().__init__(name="change-feed", daemon=True)
        self.db = db
        self.callback = callback
        self._connect = connect
        self.poll_s = poll_s
        self.backoff_s = backoff_s
        self.sqlite_check_s = sqlite_check_s
        self._stopping = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in place (PostgreSQL)
        self.own_app = application_name()

    def stop(self) -> None:
        self._stopping.set()

    def _report_all(self, kinds: Iterable[str] = KINDS) -> None:
        for kind in kinds:
            self._deliver(kind, frozenset())

    def _deliver(self, kind: str, ids: frozenset[int]) -> None:
        try:
            self.callback(kind, ids)
        except Exception:  # noqa: BLE001 - a receiver's fault must not end the feed
            log.exception("a change receiver failed")

    def run(self) -> None:
        if is_sqlite(self.db):
            self._run_sqlite()
        elif is_postgres(self.db):
            self._run_postgres()

    # --- SQLite ---------------------------------------------------------------------------

    def _run_sqlite(self) -> None:
        conn: sqlite3.Connection | None = None
        seen: int | None = None
        checked = time.monotonic()
        while not self._stopping.wait(self.sqlite_check_s if conn is not None else 0):
            try:
                if conn is None:
                    conn = sqlite3.connect(self.db.database, timeout=1.0)
                    seen = None
                before, checked = checked, time.monotonic()
                version = conn.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error as exc:
                log.debug("change check failed: %s", exc)
                if conn is not None:
                    conn.close()
                conn = None
                if self._stopping.wait(self.sqlite_check_s):
                    break
                continue
            # This program's own commits move data_version too: a change seen while this
            # program wrote is taken for its own (its pages know of it already); another
            # program's change at that very second shows at the next one or the fallback.
            if seen is not None and version != seen and last_local_write() < before:
                self._report_all()
            seen = version
        if conn is not None:
            conn.close()

    # --- PostgreSQL -----------------------------------------------------------------------

    def _open(self) -> Any:
        if self._connect is not None:
            return self._connect()
        import psycopg2

        params = dict(self.db.connect_params)
        params.pop("options", None)
        params["application_name"] = self.own_app + ":listen"
        return psycopg2.connect(database=self.db.database, **params)

    def _run_postgres(self) -> None:
        wait = self.backoff_s[0]
        first = True
        while not self._stopping.is_set():
            conn = None
            try:
                conn = self._open()
                conn.autocommit = True
                with conn.cursor() as cursor:
                    cursor.execute(f"LISTEN {CHANNEL}")
            except Exception as exc:  # noqa: BLE001 - any failure: try again later
                log.warning("change notifications unavailable (%s); again in %.0f s", exc, wait)
                if conn is not None:
                    _close(conn)
                self._poll_while_down(wait)
                wait = min(wait * 2, self.backoff_s[1])
                continue
            self.listening.set()
            if not first:
                self._report_all()  # changes made while the connection was down
            first = False
            wait = self.backoff_s[0]
            try:
                self._listen(conn)
            except Exception as exc:  # noqa: BLE001 - lost connection
                log.warning("change notifications lost (%s); connecting again", exc)
            finally:
                self.listening.clear()
                _close(conn)

    def _listen(self, conn: Any) -> None:
        while not self._stopping.is_set():
            ready, _, _ = select.select([conn], [], [], 1.0)
            if not ready:
                continue
            conn.poll()
            while conn.notifies:
                note = conn.notifies.pop(0)
                parsed = parse(note.payload, self.own_app)
                if parsed is not None:
                    self._deliver(*parsed)

    def _poll_while_down(self, seconds: float) -> None:
        """Wait ``seconds`` before connecting again; report "maybe all" every ``poll_s``."""
        waited = 0.0
        while waited < seconds and not self._stopping.is_set():
            step = min(self.poll_s - (self._since_poll % self.poll_s), seconds - waited)
            self._stopping.wait(step)
            waited += step
            self._since_poll += step
            if self._since_poll >= self.poll_s:
                self._since_poll = 0.0
                self._report_all()

    _since_poll = 0.0


def _close(conn: Any) -> None:
    try:
        conn.close()
    except Exception:  # noqa: BLE001 - dead already
        pass
