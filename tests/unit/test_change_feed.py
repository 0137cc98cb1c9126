"""The feed of other programs' changes (docs/rules.md#changes-reach-every-pc): a change
committed elsewhere is reported with its kind and ids, the program's own ones are not, and a
lost notification connection falls back to polling and comes back by itself."""

from __future__ import annotations

import queue
import sqlite3
import time

import psycopg2
import pytest

from desktop_app.db.change_feed import ChangeFeed
from desktop_app.db.connection import application_name, is_sqlite, make_database
from desktop_app.db.models import database_proxy
from desktop_app.services import intake
from tests.unit.test_lost_connection import form


def start(db, **options) -> tuple[ChangeFeed, queue.Queue]:
    got: queue.Queue = queue.Queue()
    feed = ChangeFeed(db, lambda kind, ids: got.put((kind, ids)), **options)
    feed.start()
    return feed, got


def drain(got: queue.Queue, seconds: float) -> list:
    items, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            items.append(got.get(timeout=max(0.01, end - time.monotonic())))
        except queue.Empty:
            break
    return items


def test_a_server_out_of_reach_is_polled_meanwhile():
    db, _info = make_database("postgresql://nobody:x@127.0.0.1:1/none")
    feed, got = start(db, poll_s=0.2, backoff_s=(0.3, 0.6))
    try:
        seen = drain(got, 1.5)
    finally:
        feed.stop()
        feed.join(5)
    # "Maybe everything changed" for each kind, again and again, while there is no server.
    assert ("cases", frozenset()) in seen and ("reminders", frozenset()) in seen
    assert len(seen) >= 6
    assert not feed.listening.is_set()


def test_changes_of_another_program_arrive_and_own_ones_do_not(db, clerk_session, db_url):
    feed, got = start(database_proxy.obj, sqlite_check_s=0.1)
    try:
        if not is_sqlite(database_proxy.obj):
            assert feed.listening.wait(5)
        time.sleep(0.3)
        intake.register_complaint(clerk_session, form())  # this program's own save
        assert drain(got, 0.8) == []
        # Another program: its own name on PostgreSQL, a plain connection on SQLite.
        if is_sqlite(database_proxy.obj):
            other = sqlite3.connect(database_proxy.obj.database)
            other.execute("UPDATE complaint SET version = version + 1")
            other.commit()
            other.close()
        else:
            other = psycopg2.connect(db_url, application_name=application_name(1))
            with other, other.cursor() as cursor:
                cursor.execute("UPDATE complaint SET version = version + 1")
            other.close()
        seen = drain(got, 1.5)
    finally:
        feed.stop()
        feed.join(5)
    if is_sqlite(database_proxy.obj):
        assert ("cases", frozenset()) in seen  # SQLite: which rows is not known
    else:
        case_id = intake.Complaint.select().get().id
        assert seen == [("cases", frozenset({case_id}))]


def test_a_lost_notification_connection_comes_back(db, db_url):
    if is_sqlite(database_proxy.obj):
        pytest.skip("a PostgreSQL connection; SQLite has none to lose")
    feed, got = start(database_proxy.obj, poll_s=0.2, backoff_s=(0.2, 0.4))
    try:
        assert feed.listening.wait(5)
        killer = psycopg2.connect(db_url)
        killer.autocommit = True
        with killer.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s",
                (application_name() + ":listen",),
            )
        killer.close()
        seen = drain(got, 2.0)
        assert feed.listening.wait(5)  # listening again
    finally:
        feed.stop()
        feed.join(5)
    # On coming back it says "maybe everything changed" (what changed meanwhile is unheard).
    assert ("cases", frozenset()) in seen
