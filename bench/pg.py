"""The benchmarks on PostgreSQL (``python -m bench NAME --database URL``).

The demo data is the SQLite demo cache (``common.ensure_cached_db``, the same generator,
seed and size), copied once into the PostgreSQL database with ``COPY`` in one transaction
(indexes other than the keys dropped meanwhile and made again after, triggers and foreign
key checks off through ``session_replication_role``), the search table filled from the
descriptions, ``VACUUM (ANALYZE)``d (statistics for the planner, and the visibility map that
lets the index-only scans skip the table). A marker table ``bench_demo`` keeps the generator's fingerprint,
the size and the seed: the next run with the same ones reuses the data as it is.

The database given must be one for benchmarks: it is emptied when its data does not match
(refused when it holds cases and no marker). Benchmarks that write (intake-save, sla-scan)
run on a copy made by ``CREATE DATABASE … TEMPLATE`` (``work_database``), dropped after, so
the loaded data stays as loaded.
"""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.common import ensure_cached_db, generator_fingerprint

MARKER = "bench_demo"
BATCH_ROWS = 50_000
# SQLite-only tables (FTS5's shadow tables, SQLite's own).
SKIP_PREFIXES = ("sqlite_", "complaint_fts")


def connect(url: str):
    import psycopg2

    return psycopg2.connect(url)


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _marker(conn) -> tuple[str, int, int] | None:
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass(%s)", (MARKER,))
        if cur.fetchone()[0] is None:
            return None
        cur.execute(f"SELECT fingerprint, cases, seed FROM {MARKER} LIMIT 1")
        row = cur.fetchone()
    conn.rollback()
    return tuple(row) if row else None  # type: ignore[return-value]


def ensure_pg_data(url: str, cases: int, seed: int, cache_dir: Path) -> dict[str, float]:
    """The demo data of ``cases``/``seed`` in the database at ``url``, loaded now unless the
    marker says it is there. Returns what loading took (empty when reused)."""
    wanted = (generator_fingerprint(), cases, seed)
    conn = connect(url)
    try:
        if _marker(conn) == wanted:
            return {}
    finally:
        conn.close()
    path = ensure_cached_db(cache_dir, cases, seed)
    return load(url, path, wanted)


def load(url: str, sqlite_path: Path, marker: tuple[str, int, int]) -> dict[str, float]:
    """Copy every table of the SQLite demo database into the (emptied) PostgreSQL one."""
    from desktop_app.bootstrap import prepare_database
    from desktop_app.db import search

    timings: dict[str, float] = {}
    started = time.perf_counter()
    conn = connect(url)
    try:
        _refuse_foreign_data(conn)
    finally:
        conn.close()
    db, _info, _result = prepare_database(url)  # the schema, as the program makes it
    db.close()
    timings["schema (s)"] = time.perf_counter() - started

    source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    conn = connect(url)
    try:
        cur = conn.cursor()
        cur.execute("SET session_replication_role = replica")  # no triggers, no FK checks
        cur.execute("SET maintenance_work_mem = '256MB'")
        cur.execute(f"DROP TABLE IF EXISTS {MARKER}")
        tables = [
            name
            for (name,) in source.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not name.startswith(SKIP_PREFIXES)
        ]
        cur.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        )
        present = {r[0] for r in cur.fetchall()}
        tables = [t for t in tables if t in present]
        cur.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in [*tables, search.TABLE]) + " CASCADE")
        indexes = _drop_indexes(cur, [*tables, search.TABLE])
        step = time.perf_counter()
        rows_copied = 0
        for table in tables:
            rows_copied += _copy_table(source, cur, table)
        timings[f"COPY {rows_copied:,} rows (s)"] = time.perf_counter() - step
        step = time.perf_counter()
        _fill_search(source, cur)
        timings["search table (s)"] = time.perf_counter() - step
        step = time.perf_counter()
        for sql in indexes:
            cur.execute(sql)
        timings[f"{len(indexes)} indexes made again (s)"] = time.perf_counter() - step
        _reset_sequences(cur, tables)
        cur.execute(
            f"CREATE TABLE {MARKER} (fingerprint text, cases integer, seed integer, "
            "loaded_at timestamp DEFAULT now())"
        )
        cur.execute(f"INSERT INTO {MARKER} VALUES (%s, %s, %s)", marker)
        conn.commit()
        step = time.perf_counter()
        conn.autocommit = True
        # VACUUM too: COPY leaves the visibility map empty, so until autovacuum comes by
        # every index-only scan (the open queue's, the tracker's) visits the table's rows
        # as well; ANALYZE gives the planner its statistics.
        cur.execute("VACUUM (ANALYZE)")
        timings["VACUUM ANALYZE (s)"] = time.perf_counter() - step
    finally:
        source.close()
        conn.close()
    timings["loading, all (s)"] = time.perf_counter() - started
    for what, seconds in timings.items():
        _log(f"postgres demo data: {what} {seconds:.1f}")
    return timings


def _refuse_foreign_data(conn) -> None:
    """Only a database of the benchmarks (a marker) or one without cases is emptied."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('complaint'), to_regclass(%s)", (MARKER,))
        complaint, marker = cur.fetchone()
        if complaint is not None and marker is None:
            cur.execute("SELECT EXISTS (SELECT 1 FROM complaint)")
            if cur.fetchone()[0]:
                raise SystemExit(
                    "this database holds cases and was not loaded by the benchmarks; "
                    "give a database of its own to --database"
                )
    conn.rollback()


def _drop_indexes(cur, tables: list[str]) -> list[str]:
    """Drop the indexes of ``tables`` that no constraint owns; their CREATE statements."""
    cur.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes AS i
        WHERE i.schemaname = 'public' AND i.tablename = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c
                          WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
        """,
        (tables,),
    )
    found = cur.fetchall()
    for name, _sql in found:
        cur.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _copy_table(source: sqlite3.Connection, cur, table: str) -> int:
    cur.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %s",
        (table,),
    )
    target = {r[0] for r in cur.fetchall()}
    columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")') if r[1] in target]
    names = ", ".join(f'"{c}"' for c in columns)
    rows = source.execute(f'SELECT {names} FROM "{table}"')
    copied = 0
    while True:
        batch = rows.fetchmany(BATCH_ROWS)
        if not batch:
            break
        buffer = io.StringIO("".join(map(_text_row, batch)))
        cur.copy_expert(f'COPY "{table}" ({names}) FROM STDIN', buffer)
        copied += len(batch)
    return copied


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text_value(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    return str(value)  # numbers; 0/1 in a boolean column is what PostgreSQL reads


def _text_row(row: tuple) -> str:
    """One row in COPY's text format."""
    return "\t".join(map(_text_value, row)) + "\n"


def _fill_search(source: sqlite3.Connection, cur) -> None:
    """The search table from the descriptions (SQLite's FTS5 table keeps no text)."""
    from desktop_app.db import search

    cur.execute("CREATE TEMP TABLE bench_terms (complaint_id integer, terms text)")
    rows = source.execute("SELECT id, description FROM complaint")
    while True:
        batch = rows.fetchmany(BATCH_ROWS)
        if not batch:
            break
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(
            (cid, " ".join(search.terms(text))) for cid, text in batch
        )
        buffer.seek(0)
        cur.copy_expert("COPY bench_terms FROM STDIN WITH (FORMAT csv)", buffer)
    cur.execute(
        f"INSERT INTO {search.TABLE} (complaint_id, terms, open_case) "
        "SELECT t.complaint_id, to_tsvector('simple', t.terms), c.is_open "
        "FROM bench_terms AS t JOIN complaint AS c ON c.id = t.complaint_id"
    )
    cur.execute("DROP TABLE bench_terms")


def _reset_sequences(cur, tables: list[str]) -> None:
    cur.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND column_name = 'id' AND column_default LIKE 'nextval%%' AND table_name = ANY(%s)",
        (tables,),
    )
    for (table,) in cur.fetchall():
        cur.execute("SELECT pg_get_serial_sequence(%s, 'id')", (f'"{table}"',))
        row = cur.fetchone()
        if row and row[0]:
            cur.execute(
                f'SELECT setval(%s, COALESCE((SELECT max(id) FROM "{table}"), 0) + 1, false)',
                (row[0],),
            )


def _with_dbname(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@contextlib.contextmanager
def work_database(url: str) -> Iterator[str]:
    """A copy of the loaded database for a benchmark that writes (``CREATE DATABASE …
    TEMPLATE``); its URL, dropped afterwards."""
    name = urlsplit(url).path.lstrip("/")
    work = f"{name}_bench_work"
    admin = connect(_with_dbname(url, "postgres"))
    admin.autocommit = True
    started = time.perf_counter()
    try:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{work}"')
            cur.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            strategy = " STRATEGY = FILE_COPY" if admin.server_version >= 150000 else ""
            cur.execute(f'CREATE DATABASE "{work}" TEMPLATE "{name}"{strategy}')
        _log(f"postgres: work copy {work} made in {time.perf_counter() - started:.1f} s")
        yield _with_dbname(url, work)
    finally:
        with admin.cursor() as cur:
            cur.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (work,),
            )
            cur.execute(f'DROP DATABASE IF EXISTS "{work}"')
        admin.close()


def server_settings(url: str) -> str:
    """The server's version and the settings that size it, in one line."""
    conn = connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW server_version")
            version = cur.fetchone()[0]
            values = []
            for name in (
                "shared_buffers",
                "work_mem",
                "effective_cache_size",
                "max_connections",
                "synchronous_commit",
                "fsync",
                "full_page_writes",
                "max_wal_size",
            ):
                cur.execute(f"SHOW {name}")
                values.append(f"{name}={cur.fetchone()[0]}")
        return f"PostgreSQL {version}; " + ", ".join(values)
    finally:
        conn.close()


def qmark(sql: str) -> str:
    """A psycopg2 statement (``%s``) for Qt's ``QSqlQuery`` (``?``)."""
    return sql.replace("%s", "?").replace("%%", "%")
