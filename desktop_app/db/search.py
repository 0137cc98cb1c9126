"""Full-text search over complaint descriptions: FTS5 on SQLite, PostgreSQL's own text
search (tsvector + GIN) there.

Chinese is written without spaces, so the text is indexed as overlapping character
bigrams ("屏幕有划痕" → "屏幕 幕有 有划 划痕"), the usual approach for CJK search; other
words (Latin letters, digits) are kept whole. A query is the AND of its bigrams, relaxed
term by term from the end until enough cases match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peewee import Database

from desktop_app.db.connection import is_sqlite

TABLE = "complaint_fts"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[0-9A-Za-z]{2,}")
MAX_QUERY_TERMS = 6
MAX_FILTER_TERMS = 32


def terms(text: str | None) -> list[str]:
    """Index terms of a text: CJK bigrams (a lone CJK character stays itself), Latin words."""
    result: list[str] = []
    text = text or ""
    for run in _CJK.findall(text):
        if len(run) == 1:
            result.append(run)
        else:
            result.extend(run[i : i + 2] for i in range(len(run) - 1))
    result.extend(w.lower() for w in _WORD.findall(text))
    return result


def create(db: Database) -> None:
    """Create the search table (and index) if missing."""
    if is_sqlite(db):
        # Contentless: only the index is stored; complaints are never deleted.
        db.execute_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(terms, content='')")
    else:
        db.execute_sql(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (complaint_id INTEGER PRIMARY KEY "
            "REFERENCES complaint (id) ON DELETE CASCADE, terms tsvector NOT NULL)"
        )
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {TABLE}_terms ON {TABLE} USING GIN (terms)")


def index_rows(db: Database, rows: Iterable[tuple[int, str]]) -> None:
    """Index (complaint id, description) pairs; call in the transaction that inserts them."""
    data = [(cid, " ".join(terms(text))) for cid, text in rows]
    if not data:
        return
    if is_sqlite(db):
        db.cursor().executemany(f"INSERT INTO {TABLE} (rowid, terms) VALUES (?, ?)", data)
    else:
        from psycopg2.extras import execute_values

        execute_values(
            db.cursor(),
            f"INSERT INTO {TABLE} (complaint_id, terms) VALUES %s ON CONFLICT "
            "(complaint_id) DO UPDATE SET terms = EXCLUDED.terms",
            data,
            template="(%s, to_tsvector('simple', %s))",
            page_size=1000,
        )


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(db: Database, text: str, *, limit: int = 10, min_hits: int = 3) -> list[int]:
    """Complaint ids whose description shares the query's leading terms, newest first."""
    unique = list(dict.fromkeys(terms(text)))[:MAX_QUERY_TERMS]
    found: list[int] = []
    while unique:
        if is_sqlite(db):
            sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? ORDER BY rowid DESC LIMIT ?"
            param = " AND ".join(_quote(t) for t in unique)
        else:
            sql = (
                f"SELECT complaint_id FROM {TABLE} WHERE terms @@ "
                "plainto_tsquery('simple', %s) ORDER BY complaint_id DESC LIMIT %s"
            )
            param = " ".join(unique)
        found = [row[0] for row in db.execute_sql(sql, (param, limit)).fetchall()]
        if len(found) >= min_hits or len(unique) == 1:
            break
        unique.pop()
    return found


def id_subquery(
    db: Database, text: str, *, at_least: str | None = None
) -> tuple[str, list[object]] | None:
    """A ``SELECT`` of the ids of complaints whose description has every index term of
    ``text`` (no relaxation: a filter, not a suggestion), for ``c.id IN (...)``; with
    ``{p}`` placeholders and its parameters. None when the text has no index terms.

    ``at_least``: an SQL expression (e.g. a scalar subquery) no id of interest is below;
    the index then reads only the ids from there (a common word's ids from the oldest
    open case on, not from the first case ever)."""
    unique = list(dict.fromkeys(terms(text)))[:MAX_FILTER_TERMS]
    if not unique:
        return None
    if is_sqlite(db):
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH {{p}}"
        param = " AND ".join(_quote(t) for t in unique)
        column = "rowid"
    else:
        sql = f"SELECT complaint_id FROM {TABLE} WHERE terms @@ plainto_tsquery('simple', {{p}})"
        param = " ".join(unique)
        column = "complaint_id"
    if at_least:
        sql += f" AND {column} >= ({at_least})"
    return sql, [param]


def indexed_count(db: Database) -> int:
    """How many cases the search index holds (for ``check``)."""
    table = f"{TABLE}_docsize" if is_sqlite(db) else TABLE
    return int(db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
