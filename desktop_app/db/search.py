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
# Pages of segment merging per tidy step (``merge_step``): a few milliseconds of work.
MERGE_PAGES = 200


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
        configure(db)
    else:
        db.execute_sql(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (complaint_id INTEGER PRIMARY KEY "
            "REFERENCES complaint (id) ON DELETE CASCADE, terms tsvector NOT NULL)"
        )
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {TABLE}_terms ON {TABLE} USING GIN (terms)")


def configure(db: Database) -> None:
    """SQLite: no automatic merging of the index's segments at commit
    (docs/rules.md#search-index).

    FTS5 writes each save's terms as a new small segment and, by default, merges segments
    inside the saving commit once enough have piled up: every few dozen saves one commit
    took 15-35 ms longer at 1M cases. Off, saves only append; ``merge_step`` does the
    merging in bounded steps off the save path (the reminder tick), and FTS5's crisis merge
    (16 segments on one level) still bounds the index when nothing tidies it. Stored in
    the index's own configuration, set once (every start checks it)."""
    if not is_sqlite(db):
        return
    row = db.execute_sql(f"SELECT v FROM {TABLE}_config WHERE k = 'automerge'").fetchone()
    if row is None or int(row[0]) != 0:
        db.execute_sql(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('automerge', 0)")


def merge_step(db: Database, pages: int = MERGE_PAGES) -> None:
    """Merge segments of the index, about ``pages`` pages of work (SQLite; PostgreSQL's
    GIN index tidies itself). Call inside a write transaction, off the save path."""
    if is_sqlite(db):
        db.execute_sql(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('merge', ?)", (pages,))


def segment_pages(db: Database) -> int:
    """Rows of the SQLite index's data table (its segments' pages and structure): what
    merging keeps small."""
    return int(db.execute_sql(f"SELECT COUNT(*) FROM {TABLE}_data").fetchone()[0])


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
