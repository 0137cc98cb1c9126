"""``open-queue``: the first 100 open cases in processing order, at N demo cases.

Ours: ``services.queue.open_queue`` for a manager (peewee query with the joins for labels
and owner name, masking decision, frozen row objects). Baseline: the equivalent SQL
through a plain ``sqlite3`` connection, rows fetched as tuples. Both read the same cached
database; calls are interleaved and the median of the repeats is compared.

Also reported, not judged: the second page (keyset after the first page's cursor), a
clerk's scoped first page, and the query plan.

Goal: ours at most 3x the raw SQL and under 50 ms at 1M cases.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import (
    Report,
    clock,
    ensure_cached_db,
    med,
    median_interleaved,
    result_line,
)
from desktop_app.bootstrap import prepare_database
from desktop_app.db.models import User
from desktop_app.services import auth, queue
from desktop_app.services.session import Session

LIMIT = 100
REPEATS = 50
GOAL_RATIO = 3.0
GOAL_MS = 50.0

RAW_SQL = """
SELECT c.id, c.number, c.customer_name, c.contact, c.level, c.urgent, c.priority, c.stage,
       c.next_due, c.registration_time, c.receiver_id, c.owner_id, c.department_id,
       o.display_name, o.supervisor_id, t.name_zh, t.name_en, s.name_zh, s.name_en,
       d.name_zh, d.name_en
FROM complaint AS c
JOIN "user" AS o ON o.id = c.owner_id
JOIN complaint_type AS t ON t.id = c.type_id
JOIN complaint_type AS s ON s.id = c.subtype_id
JOIN department AS d ON d.id = c.department_id
WHERE c.is_open = TRUE
ORDER BY c.priority DESC, c.next_due ASC, c.id ASC
LIMIT ?
"""


def run(cases: int, seed: int, cache_dir: Path) -> tuple[Report, str]:
    path = ensure_cached_db(cache_dir, cases, seed)
    db, _info, _result = prepare_database(f"sqlite:///{path}")
    raw = sqlite3.connect(path)
    try:
        manager = auth.session_for(User.get(User.username == "demo_manager"), clock())
        clerk = auth.session_for(User.get(User.username == "demo_clerk01"), clock())
        open_cases = db.execute_sql(
            "SELECT COUNT(*) FROM complaint WHERE is_open = TRUE"
        ).fetchone()[0]

        cursor, (a, b), second, clerk_times = _measure(
            manager, clerk, lambda: raw.execute(RAW_SQL, (LIMIT,)).fetchall()
        )
        ours_s, baseline_s = med(a), med(b)
        sql, params = queue.build_query(manager, limit=LIMIT + 1, after=cursor, sqlite=True)
        plan = "; ".join(
            str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        )
    finally:
        raw.close()
        db.close()
    report = Report(
        f"open-queue: first {LIMIT} of {open_cases:,} open cases "
        f"among {cases:,}, SQLite, median of {REPEATS}"
    )
    _pages(report, (ours_s, baseline_s), (a, b), second, clerk_times)
    report.note(f"query plan, page 2: {plan}")
    return report, _goal_line(ours_s, baseline_s)


def run_pg(cases: int, seed: int, cache_dir: Path, url: str) -> tuple[Report, str]:
    """The same on PostgreSQL: ours through the program's connection, the baseline the same
    SQL (``%s`` placeholders) through a plain psycopg2 connection."""
    from bench import pg

    loading = pg.ensure_pg_data(url, cases, seed, cache_dir)
    db, _info, _result = prepare_database(url)
    raw = pg.connect(url)
    raw.autocommit = True
    cur = raw.cursor()
    pg_sql = RAW_SQL.replace("?", "%s")
    try:
        manager = auth.session_for(User.get(User.username == "demo_manager"), clock())
        clerk = auth.session_for(User.get(User.username == "demo_clerk01"), clock())
        open_cases = db.execute_sql(
            "SELECT COUNT(*) FROM complaint WHERE is_open = TRUE"
        ).fetchone()[0]

        def baseline():
            cur.execute(pg_sql, (LIMIT,))
            return cur.fetchall()

        cursor, (a, b), second, clerk_times = _measure(manager, clerk, baseline)
        ours_s, baseline_s = med(a), med(b)
    finally:
        raw.close()
        db.close()
    report = Report(
        f"open-queue: first {LIMIT} of {open_cases:,} open cases among {cases:,}, "
        f"PostgreSQL, median of {REPEATS}; baseline = the same SQL through psycopg2"
    )
    _pages(report, (ours_s, baseline_s), (a, b), second, clerk_times)
    for what, seconds in loading.items():
        report.note(f"demo data loaded now: {what} {seconds:.1f}")
    report.note(pg.server_settings(url))
    return report, _goal_line(ours_s, baseline_s)


def _measure(
    manager: Session, clerk: Session, baseline: Callable[[], list]
) -> tuple[Any, tuple[list[float], list[float]], list[float] | None, list[float]]:
    """The same for SQLite and PostgreSQL: the manager's first page, ours against
    ``baseline`` (checked to list the same cases first), interleaved; then the keyset
    second page (None when there is none) and the clerk's first page, ours alone. Returns
    the second page's cursor, the samples, the second page's and the clerk's times."""

    def ours():
        return queue.open_queue(manager, limit=LIMIT)

    first = ours()
    assert [r.id for r in first.rows] == [r[0] for r in baseline()], "ours and SQL disagree"
    samples = median_interleaved(ours, baseline, REPEATS)
    cursor = first.next_cursor
    second = None
    if cursor is not None:
        second = median_interleaved(
            lambda: queue.open_queue(manager, limit=LIMIT, after=cursor),
            lambda: None,
            15,
            warmup=1,
        )[0]
    clerk_times = median_interleaved(
        lambda: queue.open_queue(clerk, limit=LIMIT), lambda: None, 15, warmup=1
    )[0]
    return cursor, samples, second, clerk_times


def _goal_line(ours_s: float, baseline_s: float) -> str:
    met = ours_s / baseline_s <= GOAL_RATIO and ours_s * 1000 <= GOAL_MS
    return result_line(
        "open-queue", ours_s, baseline_s, f"ratio <= {GOAL_RATIO:g} and ours <= {GOAL_MS:g} ms", met
    )


def _pages(
    report: Report,
    medians: tuple[float, float],
    samples: tuple[list[float], list[float]],
    second: list[float] | None,
    clerk_times: list[float],
) -> None:
    """The table's rows, the same for SQLite and PostgreSQL: the manager's first page
    (ours and baseline), its spread, the keyset second page and the clerk's first page."""
    ours_s, baseline_s = medians
    a, b = samples
    report.add("first page, manager (ms)", f"{ours_s * 1000:.2f}", f"{baseline_s * 1000:.2f}")
    report.add(
        "min / max (ms)",
        f"{min(a) * 1000:.2f} / {max(a) * 1000:.2f}",
        f"{min(b) * 1000:.2f} / {max(b) * 1000:.2f}",
    )
    report.add(
        "second page by keyset (ms)", f"{med(second) * 1000:.2f}" if second is not None else "-", ""
    )
    report.add("first page, clerk scope (ms)", f"{med(clerk_times) * 1000:.2f}", "")
