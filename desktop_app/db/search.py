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
        add_open_flag(db)


# PostgreSQL: whether the entry's case is open, kept by a trigger on the case's is_open.
_OPEN_FLAG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TABLE}_open_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {TABLE} SET open_case = NEW.is_open WHERE complaint_id = NEW.id;
    RETURN NULL;
END $$"""


def add_open_flag(db: Database) -> None:
    """PostgreSQL: the open cases' own index of terms (docs/rules.md#search-index).

    ``open_case`` says whether the entry's case is open: written with the entry
    (``index_rows``) and kept by a trigger when a case closes or reopens, so every writer
    (a close, a reopening, an import) keeps it. ``{TABLE}_open_terms`` indexes the terms of
    the open cases only, a few percent of the entries: the tracker's text search over the
    open cases reads it, where the index of all entries gives a common word's hundreds of
    thousands of closed cases. Made at creation (schema v19 for older databases)."""
    if is_sqlite(db):
        return
    db.execute_sql(
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS open_case BOOLEAN NOT NULL DEFAULT FALSE"
    )
    db.execute_sql(
        f"UPDATE {TABLE} AS f SET open_case = c.is_open FROM complaint AS c "
        "WHERE c.id = f.complaint_id AND f.open_case <> c.is_open"
    )
    db.execute_sql(
        f"CREATE INDEX IF NOT EXISTS {TABLE}_open_terms ON {TABLE} USING GIN (terms) "
        "WHERE open_case = TRUE"
    )
    db.execute_sql(_OPEN_FLAG_FUNCTION)
    db.execute_sql(f'DROP TRIGGER IF EXISTS "{TABLE}_open_case" ON complaint')
    db.execute_sql(
        f'CREATE TRIGGER "{TABLE}_open_case" AFTER UPDATE OF is_open ON complaint FOR EACH ROW '
        f"WHEN (OLD.is_open IS DISTINCT FROM NEW.is_open) EXECUTE FUNCTION {TABLE}_open_case()"
    )


def _open_flag_kept(db: Database) -> bool:
    row = db.execute_sql(
        "SELECT COUNT(*) FROM pg_trigger WHERE tgname = %s AND NOT tgisinternal",
        (f"{TABLE}_open_case",),
    ).fetchone()
    return bool(row[0])


def open_flag_mismatches(db: Database) -> int:
    """PostgreSQL: search entries whose ``open_case`` disagrees with their case (0 on
    SQLite, which has no flag): for ``check``."""
    if is_sqlite(db):
        return 0
    row = db.execute_sql(
        f"SELECT COUNT(*) FROM {TABLE} AS f JOIN complaint AS c ON c.id = f.complaint_id "
        "WHERE f.open_case <> c.is_open"
    ).fetchone()
    return int(row[0])


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
        if not _open_flag_kept(db):  # dropped (a restore without triggers): make it again
            add_open_flag(db)
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

        # With its case's open flag (``add_open_flag``): the case is written first.
        execute_values(
            db.cursor(),
            f"INSERT INTO {TABLE} (complaint_id, terms, open_case) "
            "SELECT v.id, to_tsvector('simple', v.terms), c.is_open "
            "FROM (VALUES %s) AS v (id, terms) JOIN complaint AS c ON c.id = v.id "
            "ON CONFLICT (complaint_id) DO UPDATE SET terms = EXCLUDED.terms, "
            "open_case = EXCLUDED.open_case",
            data,
            template="(%s::integer, %s::text)",
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
    db: Database, text: str, *, open_after: str | None = None
) -> tuple[str, list[object]] | None:
    """A ``SELECT`` of the ids of complaints whose description has every index term of
    ``text`` (no relaxation: a filter, not a suggestion), for ``c.id IN (...)``; with
    ``{p}`` placeholders and its parameters. None when the text has no index terms.

    ``open_after``: only the open cases are of interest, and this SQL expression (e.g. a
    scalar subquery) gives an id no open case is below. SQLite's index then reads the ids
    from there on (a common word's ids from the oldest open case on, not from the first
    case ever); PostgreSQL reads the open cases' own index (``add_open_flag``)."""
    unique = list(dict.fromkeys(terms(text)))[:MAX_FILTER_TERMS]
    if not unique:
        return None
    if is_sqlite(db):
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH {{p}}"
        if open_after:
            sql += f" AND rowid >= ({open_after})"
        return sql, [" AND ".join(_quote(t) for t in unique)]
    sql = f"SELECT complaint_id FROM {TABLE} WHERE terms @@ plainto_tsquery('simple', {{p}})"
    if open_after:
        sql += " AND open_case = TRUE"
    return sql, [" ".join(unique)]


def indexed_count(db: Database) -> int:
    """How many cases the search index holds (for ``check``)."""
    table = f"{TABLE}_docsize" if is_sqlite(db) else TABLE
    return int(db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
