"""``demo``: ``demo.generate`` writing N cases into a fresh database, against raw sqlite3
``executemany`` inserting the same complaint rows into a fresh file with the same table
and indexes.

Ours does much more than the baseline: it generates every value, computes deadlines and
also writes customers, progress entries, surveys, transfers and escalations (with foreign
keys checked). The baseline is the floor for putting just the complaint rows on disk, so
the ratio shows what the rest costs. Goal: 1,000,000 cases in at most 300 s, i.e. at least
3,334 cases/s at any N.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from bench.common import (
    Report,
    cached_db_path,
    generate_into,
    remove_sqlite,
    result_line,
)
from desktop_app.services.demo import CHUNK

GOAL_RATE = 1_000_000 / 300  # cases per second


def complaint_schema(source: Path) -> list[str]:
    """CREATE statements of the complaint table and its indexes, as in our database."""
    con = sqlite3.connect(source)
    try:
        return [
            sql
            for (sql,) in con.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'complaint' AND sql IS NOT NULL "
                "ORDER BY type DESC, name"
            )
        ]  # the table first, then its indexes
    finally:
        con.close()


def read_complaints(source: Path) -> tuple[list[str], list[tuple]]:
    con = sqlite3.connect(source)
    try:
        cursor = con.execute("SELECT * FROM complaint ORDER BY id")
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
    finally:
        con.close()


def raw_insert(target: Path, schema: list[str], columns: list[str], rows: list[tuple]) -> float:
    """Plain sqlite3: same pragmas as our bulk load, one transaction per chunk."""
    remove_sqlite(target)
    con = sqlite3.connect(target, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = wal")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -262144")
        for statement in schema:
            con.execute(statement)
        sql = (
            f"INSERT INTO complaint ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
        started = time.perf_counter()
        for start in range(0, len(rows), CHUNK):
            con.execute("BEGIN IMMEDIATE")
            con.executemany(sql, rows[start : start + CHUNK])
            con.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        con.close()


def run(cases: int, seed: int, cache_dir: Path) -> tuple[Report, str]:
    cache_dir.mkdir(parents=True, exist_ok=True)
    ours_path = cache_dir / f"bench-demo-{os.getpid()}.db"
    base_path = cache_dir / f"bench-demo-baseline-{os.getpid()}.db"
    try:
        ours_s, stats = generate_into(ours_path, cases, seed)
        schema = complaint_schema(ours_path)
        columns, rows = read_complaints(ours_path)
        baseline_s = raw_insert(base_path, schema, columns, rows)
        del rows
        size_mb = os.path.getsize(ours_path) / 1e6
        # Keep the result as the cached database of this size when there is none yet.
        cached = cached_db_path(cache_dir, cases, seed)
        if not cached.exists():
            os.replace(ours_path, cached)
    finally:
        remove_sqlite(ours_path)
        remove_sqlite(base_path)
    report = Report(f"demo: {cases:,} cases, seed {seed}, SQLite")
    report.add("seconds", f"{ours_s:.2f}", f"{baseline_s:.2f}")
    report.add(
        "cases/s",
        f"{cases / ours_s:,.0f}" if ours_s else "-",
        f"{cases / baseline_s:,.0f}" if baseline_s else "-",
    )
    report.add("complaint rows", f"{stats.cases:,}", f"{stats.cases:,}")
    report.add("customers", f"{stats.customers:,}", "-")
    report.add("progress entries", f"{stats.progress_entries:,}", "-")
    report.add("surveys", f"{stats.surveys:,}", "-")
    report.add("transfers / escalations", f"{stats.transfers:,} / {stats.escalations:,}", "-")
    report.add("database size", f"{size_mb:,.0f} MB", "")
    goal_s = cases / GOAL_RATE
    report.add("goal", f"<= {goal_s:.1f} s", "")
    line = result_line(
        "demo",
        ours_s,
        baseline_s,
        f"ours <= {goal_s:.1f} s ({GOAL_RATE:,.0f} cases/s, 1M in 300 s)",
        ours_s <= goal_s,
    )
    return report, line
