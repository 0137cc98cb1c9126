"""Server-side prepared statements for the hot page reads (desktop_app/db/prepared.py,
docs/rules.md#indexes): a statement is prepared once per connection and reused, a lost
connection prepares it again on the new one, at most MAX_STATEMENTS stay prepared, and
literal ``%`` and ``$`` in the text stay what they were. PostgreSQL only (SQLite runs the
text as it is)."""

from __future__ import annotations

import datetime as dt

import psycopg2
import pytest

from desktop_app.db import prepared
from desktop_app.db.models import database_proxy
from desktop_app.services import queue, tracker
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW


@pytest.fixture
def pg(db_url, db) -> str:
    if not db_url.startswith("postgres"):
        pytest.skip("server-side prepared statements are PostgreSQL's")
    return db_url


def server_statements() -> dict[str, str]:
    """The connection's prepared statements as the server knows them (name: text)."""
    rows = database_proxy.obj.execute_sql("SELECT name, statement FROM pg_prepared_statements")
    return dict(rows.fetchall())


def test_sqlite_runs_the_text_as_it_is(db_url, db) -> None:
    if db_url.startswith("postgres"):
        pytest.skip("SQLite's path")
    assert prepared.execute(db, "SELECT ? + 1, '%s'", [41]).fetchone() == (42, "%s")
    assert prepared.prepared_names(db) == []


def test_statement_prepared_once_and_reused(pg) -> None:
    db = database_proxy.obj
    sql = "SELECT COUNT(*) + %s FROM department WHERE id > %s"
    first = prepared.execute(db, sql, [1000, -1]).fetchone()[0]
    names = prepared.prepared_names(db)
    assert len(names) == 1
    for extra in (1, 2, 3, 4, 5, 6, 7):  # past the server's fifth run (generic plan)
        assert prepared.execute(db, sql, [1000 + extra, -1]).fetchone()[0] == first + extra
    assert prepared.prepared_names(db) == names
    on_server = server_statements()
    assert set(on_server) == set(names)
    assert "$1" in on_server[names[0]] and "$2" in on_server[names[0]]


def test_literal_percent_and_dollar_stay(pg) -> None:
    db = database_proxy.obj
    sql = "SELECT '100%%' || %s, '$1 and $$', 7 %% %s"
    for _ in range(2):
        assert prepared.execute(db, sql, ["!", 4]).fetchone() == ("100%!", "$1 and $$", 3)
    assert len(prepared.prepared_names(db)) == 1
    with pytest.raises(ValueError):
        prepared.dollar_params("SELECT %(name)s")
    assert prepared.dollar_params("SELECT %s, '%%', %s") == ("SELECT $1, '%%', $2", 2)


def test_a_lost_connection_prepares_again(pg) -> None:
    db = database_proxy.obj
    sql = "SELECT %s::int * 2"
    assert prepared.execute(db, sql, [4]).fetchone() == (8,)
    pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    other = psycopg2.connect(pg)
    try:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))
    finally:
        other.close()
    # The read goes on: the connection is opened again and the statement prepared on it.
    assert prepared.execute(db, sql, [5]).fetchone() == (10,)
    assert db.execute_sql("SELECT pg_backend_pid()").fetchone()[0] != pid
    assert set(server_statements()) == set(prepared.prepared_names(db))
    assert len(prepared.prepared_names(db)) == 1


def test_deallocated_behind_its_back_prepares_again(pg) -> None:
    db = database_proxy.obj
    sql = "SELECT %s::int + 1"
    assert prepared.execute(db, sql, [1]).fetchone() == (2,)
    db.execute_sql("DEALLOCATE ALL")
    assert prepared.execute(db, sql, [2]).fetchone() == (3,)
    assert set(server_statements()) == set(prepared.prepared_names(db))


def test_at_most_max_statements_least_recently_used_go(pg, monkeypatch) -> None:
    db = database_proxy.obj
    monkeypatch.setattr(prepared, "MAX_STATEMENTS", 3)
    texts = [f"SELECT %s::int + {i}" for i in range(5)]
    for text in texts[:3]:
        prepared.execute(db, text, [0])
    first_name = prepared.prepared_names(db)[0]
    prepared.execute(db, texts[0], [0])  # used again: now the most recent
    prepared.execute(db, texts[3], [0])  # texts[1] goes
    prepared.execute(db, texts[4], [0])  # texts[2] goes
    names = prepared.prepared_names(db)
    assert len(names) == 3 and names[0] == first_name
    assert set(server_statements()) == set(names)
    assert [prepared.execute(db, t, [1]).fetchone()[0] for t in texts] == [1, 2, 3, 4, 5]
    assert len(server_statements()) == 3


def test_inside_a_transaction_nothing_new_is_prepared(pg) -> None:
    db = database_proxy.obj
    known = "SELECT %s::int"
    prepared.execute(db, known, [1])
    with db.atomic():
        assert prepared.execute(db, known, [2]).fetchone() == (2,)
        assert prepared.execute(db, "SELECT %s::int + 10", [2]).fetchone() == (12,)
    assert len(prepared.prepared_names(db)) == 1


def _page_statements() -> list[tuple[str, int, int]]:
    """The page reads prepared on the connection: (text, generic plans, custom plans)."""
    rows = database_proxy.obj.execute_sql(
        "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
    )
    return [(text, generic, custom) for text, generic, custom in rows.fetchall()]


def test_open_pages_keep_one_generic_plan_all_cases_are_planned_each_time(
    pg, manager_session, supervisor_session
) -> None:
    """The open queue and the tracker's open view are prepared once and run their generic
    plan (planned once per connection); a view over all cases is not prepared."""
    for i in range(3):
        make_case(at=TEST_NOW - dt.timedelta(hours=i + 1), owner="super1")
    for _ in range(7):
        page = queue.open_queue(manager_session, limit=2)
        assert len(page.rows) == 2 and page.next_cursor is not None
        assert len(tracker.list_cases(supervisor_session, limit=2).rows) == 2
    statements = _page_statements()
    assert len(statements) == 2, statements
    for text, generic, custom in statements:
        assert "is_open = TRUE" in text and "LIMIT 3" in text, text
        assert generic >= 6 and custom == 0, (text, generic, custom)
    closed_too = tracker.CaseFilter(include_closed=True)
    assert len(tracker.list_cases(supervisor_session, closed_too, sort="age").rows) == 3
    assert len(_page_statements()) == 2
