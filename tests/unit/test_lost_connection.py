"""PostgreSQL: the connection to the server lost (server restarted, network gone; here the
app's backend terminated from a second connection). Reading goes on by itself; a save in
flight is reported in words, leaves nothing of itself, and the next one works without
restarting the program."""

from __future__ import annotations

import copy
import datetime as dt

import peewee
import psycopg2
import pytest

from desktop_app.db.connection import CommitUnconfirmed
from desktop_app.db.models import (
    Attachment,
    AuditLog,
    Complaint,
    Customer,
    DaySequence,
    database_proxy,
)
from desktop_app.services import audit, cases, intake
from desktop_app.services.errors import DatabaseUnavailable
from tests.helpers.fixtures import TEST_NOW

DRIVER_WORDS = (
    "terminating",
    "server closed",
    "psycopg",
    "administrator command",
    "connection already closed",
    "lock timeout",
)


@pytest.fixture
def pg(db_url) -> str:
    if not db_url.startswith("postgres"):
        pytest.skip("a PostgreSQL connection; SQLite has none to lose")
    return db_url


def backend_pid() -> int:
    return database_proxy.obj.execute_sql("SELECT pg_backend_pid()").fetchone()[0]


def terminate(url: str, pid: int) -> None:
    """Kill the app's server process from another connection, and wait until it is gone."""
    other = psycopg2.connect(url)
    try:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))
            assert cursor.fetchone()[0] is True
    finally:
        other.close()


def form(i: int = 1) -> intake.IntakeForm:
    return intake.IntakeForm(
        customer_name="断线客户",
        contact=f"1390000{i:04d}",
        member_number=f"L{i:05d}",
        channel="phone",
        complaint_time=TEST_NOW - dt.timedelta(minutes=5),
        type="product_quality",
        subtype="functional_defect",
        urgency="urgent",
        description="屏幕有划痕，要求换货",
        department="customer_service",
        customer_requests=["exchange"],
        recording_ids="REC-1、REC-2",
    )


def written() -> dict[str, int]:
    return {
        "complaints": Complaint.select().count(),
        "customers": Customer.select().count(),
        "attachments": Attachment.select().count(),
        "sequence": DaySequence.select().count(),
        "created": AuditLog.select().where(AuditLog.action == "complaint_create").count(),
    }


def assert_whole(number: str) -> None:
    case = Complaint.get(Complaint.number == number)
    assert Customer.get_by_id(case.customer_id).member_number == "L00001"
    assert case.urgent and None not in (case.first_response_due, case.resolution_due)
    assert Attachment.select().where(Attachment.complaint == case.id).count() == 2
    assert (
        AuditLog.select()
        .where(AuditLog.action == "complaint_create", AuditLog.entity_id == case.id)
        .count()
        == 1
    )


def test_a_connection_lost_between_actions_is_reopened_unnoticed(pg, clerk_session):
    saved = intake.register_complaint(clerk_session, form())
    pid = backend_pid()
    terminate(pg, pid)
    # Reading: the SELECT is sent again on a new connection; the user notices nothing.
    assert cases.get_case(clerk_session, saved.id).number == saved.number
    assert backend_pid() != pid
    terminate(pg, backend_pid())
    # Saving: the transaction's BEGIN is sent again (nothing was in flight yet).
    again = intake.register_complaint(clerk_session, form(2))
    assert again.number.endswith("-0002")


@pytest.mark.parametrize("moment", ["inside the transaction", "at the commit"])
def test_a_save_whose_connection_is_lost_leaves_nothing_and_the_next_one_works(
    pg, clerk_session, monkeypatch, moment
):
    typed = form()
    kept = copy.deepcopy(typed)
    before = written()
    pid = backend_pid()
    killed = []

    def kill_once():
        if not killed:
            killed.append(True)
            terminate(pg, pid)

    with monkeypatch.context() as patch:
        if moment == "inside the transaction":
            # The audit entry is the last row register_complaint writes: by then the
            # customer, the number, the case, its recordings and the search index are in.
            real_record = audit.record

            def record(*args, **kwargs):
                kill_once()
                return real_record(*args, **kwargs)

            patch.setattr(audit, "record", record)
        else:
            real_commit = peewee.Database.commit

            def commit(self):
                kill_once()
                return real_commit(self)

            patch.setattr(peewee.Database, "commit", commit)
        with pytest.raises(DatabaseUnavailable) as failure:
            intake.register_complaint(clerk_session, typed)
    assert killed
    message = failure.value.message
    assert message.startswith("The connection to the database server was lost")
    assert not any(word in message.lower() for word in DRIVER_WORDS), message
    if moment == "at the commit":
        # The answer to COMMIT never came: the user is told it may or may not be saved.
        assert isinstance(failure.value.__cause__, CommitUnconfirmed)
        assert "not known whether this was saved" in message
    else:
        assert "this was not done" in message

    # Either the whole case or nothing of it: here nothing (the server never committed).
    assert written() == before
    assert typed == kept  # the form is as the clerk typed it: press Save again
    saved = intake.register_complaint(clerk_session, typed)
    assert backend_pid() != pid
    assert_whole(saved.number)
    assert {k: v - before[k] for k, v in written().items()} == {
        "complaints": 1,
        "customers": 1,
        "attachments": 2,
        "sequence": 1,
        "created": 1,
    }


def test_a_write_outside_a_transaction_is_not_sent_twice(pg, db, system_session):
    terminate(pg, backend_pid())
    count = AuditLog.select().count()  # a read: reconnects by itself
    terminate(pg, backend_pid())
    # A write is not re-sent by itself (it might have been done): the error reaches the
    # service, which says the connection was lost.
    with pytest.raises((peewee.OperationalError, peewee.InterfaceError)):
        audit.record(system_session, "probe")
    assert AuditLog.select().count() == count
    audit.record(system_session, "probe")  # and the next write reconnects
    assert AuditLog.select().where(AuditLog.action == "probe").count() == 1


def test_a_writer_waiting_too_long_for_another_is_told_the_database_is_busy(pg, clerk_session):
    db = database_proxy.obj
    assert db.execute_sql("SHOW lock_timeout").fetchone()[0] == "5s"  # a row's wait
    db.execute_sql("SET lock_timeout = 200")  # this connection only: keep the test short
    other = psycopg2.connect(pg)  # another PC in the middle of a long save of the same day
    try:
        with other.cursor() as cursor:
            # It holds the day's sequence row, the one row this save must change too.
            cursor.execute(
                "INSERT INTO day_sequence (day, last) VALUES (%s, 0) "
                "ON CONFLICT (day) DO UPDATE SET last = day_sequence.last",
                (TEST_NOW.strftime("%Y%m%d"),),
            )
            with pytest.raises(DatabaseUnavailable) as failure:
                intake.register_complaint(clerk_session, form())
        assert failure.value.message == (
            "The database is busy (another computer is writing). Please try again."
        )
    finally:
        other.rollback()
        other.close()
    assert Complaint.select().count() == 0
    assert intake.register_complaint(clerk_session, form()).number.endswith("-0001")


def test_a_writer_holding_one_case_blocks_that_case_only(pg, clerk_session, manager_session):
    """No database-wide lock on PostgreSQL (docs/rules.md#several-pcs-writing-at-once): another PC in
    the middle of changing one case holds that case's row; a save of a new complaint and a
    change of another case go through at once, a change of the held case says busy."""
    held = intake.register_complaint(clerk_session, form())
    free = intake.register_complaint(clerk_session, form())
    db = database_proxy.obj
    db.execute_sql("SET lock_timeout = 300")
    other = psycopg2.connect(pg)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT id FROM complaint WHERE id = %s FOR UPDATE", (held.id,))
            started = dt.datetime.now()
            assert intake.register_complaint(clerk_session, form()).number.endswith("-0003")
            version = Complaint.get_by_id(free.id).version
            cases.escalate(manager_session, free.id, "customer called again", version=version)
            assert (dt.datetime.now() - started).total_seconds() < 0.3 * 2
            version = Complaint.get_by_id(held.id).version
            with pytest.raises(DatabaseUnavailable) as failure:
                cases.escalate(manager_session, held.id, "customer called again", version=version)
            assert "busy" in failure.value.message
    finally:
        other.rollback()
        other.close()
