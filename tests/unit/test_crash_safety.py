"""A program killed (SIGKILL: power cut, task manager) in the middle of its work leaves
every save it reported done, no half-written case and a database that passes ``check``;
an import killed half-way leaves none of it (or, when the kill came too late, all of it)."""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.db import search
from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import (
    Attachment,
    AuditLog,
    Complaint,
    Customer,
    DaySequence,
    ProgressEntry,
    User,
    database_proxy,
)
from desktop_app.services import check, exchange_import, intake
from tests.helpers.crash_worker import IMPORT_STAFF, RECORDINGS, intake_form, write_import_book
from tests.helpers.fixtures import TEST_NOW, make_user

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROOT = Path(__file__).resolve().parents[2]
SAVES, KILL_AFTER = 1000, 300
IMPORT_ROWS = 3000
TIMEOUT = 120  # seconds a worker may take to reach the point of the kill


class Worker:
    """``tests.helpers.crash_worker`` in its own process; its output read as it arrives."""

    def __init__(self, tmp_path: Path, *args: str):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.stderr = tmp_path / f"worker-{args[0]}.err"
        with self.stderr.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.helpers.crash_worker", *args],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                bufsize=1,
            )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, wanted) -> str:
        """Collect lines until one satisfies ``wanted``; fail if the worker ends first."""
        while True:
            try:
                line = self._queue.get(timeout=TIMEOUT)
            except queue.Empty:
                self.kill()
                pytest.fail(f"worker silent for {TIMEOUT} s; last lines {self.lines[-3:]}")
            if line is None:
                self.proc.wait()
                pytest.fail(
                    f"worker ended (exit {self.proc.returncode}) before the kill: "
                    f"{self.lines[-3:]} {self.stderr.read_text()[-2000:]}"
                )
            self.lines.append(line)
            if wanted(line):
                return line

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        # Lines already written before the kill still count as reported.
        while (line := self._queue.get(timeout=30)) is not None:
            self.lines.append(line)
        self.proc.stdout.close()
        assert self.proc.returncode == -signal.SIGKILL


def indexed_ids() -> set[int]:
    db = database_proxy.obj
    column = "rowid" if is_sqlite(db) else "complaint_id"
    return {r[0] for r in db.execute_sql(f"SELECT {column} FROM {search.TABLE}").fetchall()}


def assert_check_clean(system_session) -> None:
    report = check.run_checks(system_session)
    assert report.ok, report.text()


def suffix(number: str) -> int:
    return int(number.rsplit("-", 1)[1])


# ---------------------------------------------------------------------------------------
# Saves.


def test_killed_during_a_thousand_saves_keeps_every_reported_one_whole(
    db_url, db, system_session, tmp_path
):
    desk = make_user(system_session, "desk", "clerk", departments=("logistics",))
    worker = Worker(tmp_path, "save", db_url, "desk", str(SAVES), TEST_NOW.isoformat())
    seen = 0

    def enough(line: str) -> bool:
        nonlocal seen
        seen += line.startswith("TS-")
        return seen >= KILL_AFTER

    worker.wait_for(enough)
    worker.kill()
    reported = [line for line in worker.lines if line.startswith("TS-")]
    assert KILL_AFTER <= len(reported) < SAVES and "done" not in worker.lines

    cases = {c.number: c for c in Complaint.select()}
    # Every save reported done is there; at most one more (committed, killed before its
    # number was printed).
    assert set(reported) <= set(cases)
    assert len(cases) - len(reported) in (0, 1)
    suffixes = sorted(suffix(n) for n in cases)
    assert suffixes == list(range(1, len(cases) + 1))
    assert DaySequence.get().last >= len(cases)

    # Every case whole: customer, deadlines, the recordings, the search index, the audit
    # entry of its registration — nothing of a case whose transaction the kill cut.
    created = {
        a.entity_id: json.loads(a.details)["number"]
        for a in AuditLog.select().where(AuditLog.action == "complaint_create")
    }
    recordings: dict[int, int] = {}
    for row in Attachment.select(Attachment.complaint):
        recordings[row.complaint_id] = recordings.get(row.complaint_id, 0) + 1
    indexed = indexed_ids()
    customers = {c.id: c for c in Customer.select()}
    for number, case in cases.items():
        i = suffix(number) - 1  # the worker's i-th save got the (i+1)-th number
        customer = customers[case.customer_id]
        assert (customer.name, customer.member_number) == (f"崩溃测试{i}", f"M{i:07d}")
        assert (case.customer_name, case.description) == (
            customer.name,
            intake_form(i, TEST_NOW).description,
        )
        assert None not in (
            case.first_response_due,
            case.solution_due,
            case.resolution_due,
            case.next_due,
        )
        assert case.first_response_due > case.complaint_time
        assert case.receiver_id == case.owner_id == desk.user_id
        assert created.get(case.id) == number
        assert recordings.get(case.id) == RECORDINGS
        assert case.id in indexed
    assert len(customers) == len(cases) == len(created) == len(indexed)
    assert Attachment.select().count() == RECORDINGS * len(cases)
    assert_check_clean(system_session)

    # The program starts again and goes on numbering after the last case: nothing reused.
    session = make_user(system_session, "desk2", "clerk", departments=("logistics",))
    again = intake.register_complaint(session, intake_form(SAVES, TEST_NOW))
    assert suffix(again.number) == len(cases) + 1


# ---------------------------------------------------------------------------------------
# An import.


def counts() -> dict[str, int]:
    return {
        m.__name__: m.select().count()
        for m in (Complaint, Customer, ProgressEntry, User, DaySequence, AuditLog)
    }


@pytest.mark.parametrize("moment", ["mid-write", "free-running"])
def test_killed_during_an_import_leaves_none_of_it_or_all_of_it(
    db_url, db, system_session, clock, tmp_path, moment
):
    """``mid-write``: the worker waits, its transaction holding part of the rows, to be
    killed; ``free-running``: killed as soon as it reports writing, while it goes on."""
    manager = make_user(system_session, "boss", "manager", departments=())
    path = write_import_book(tmp_path / "ledger.xlsx", IMPORT_ROWS, TEST_NOW - dt.timedelta(days=3))
    before = counts()
    args = ["import", db_url, "boss", str(path), TEST_NOW.isoformat()]
    worker = Worker(tmp_path, *(args + ["hold"] if moment == "mid-write" else args))
    worker.wait_for(lambda line: line == "started")

    def writing(line: str) -> bool:
        if moment == "mid-write":
            return line == "writing"
        parts = line.split()
        return parts[0] == "progress" and int(parts[1]) > int(parts[2]) // 2

    worker.wait_for(writing)
    worker.kill()
    assert "done" not in worker.lines  # killed before the import returned

    after = counts()
    imported = after["Complaint"] - before["Complaint"]
    if moment == "mid-write":
        assert imported == 0
    assert imported in (0, IMPORT_ROWS)
    if imported == 0:
        assert after == before
        assert not User.select().where(User.username == IMPORT_STAFF).exists()
        assert indexed_ids() == set()
    else:
        assert after["ProgressEntry"] - before["ProgressEntry"] == IMPORT_ROWS
        assert AuditLog.select().where(AuditLog.action == "import_workbook").count() == 1
        assert len(indexed_ids()) == IMPORT_ROWS
    assert_check_clean(system_session)

    if imported == 0:
        # Nothing half-done stands in the way: the same file imports whole.
        report = exchange_import.import_workbook(manager, path)
        assert report.written and report.complaints == IMPORT_ROWS, report.errors[:3]
        assert counts()["Complaint"] == IMPORT_ROWS
        assert_check_clean(system_session)
