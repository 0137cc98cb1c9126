"""The search index's upkeep (docs/rules.md#search-index)."""

import pytest

from desktop_app.db import search
from desktop_app.db.connection import is_sqlite, write_lock
from desktop_app.services import reminders

FIRST = 1_000_000  # rowids apart from any case of the fixtures


def _saves(db, count, start=0):
    """``count`` saves' worth of index entries, each in its own transaction as a save."""
    for i in range(start, start + count):
        with write_lock(db):
            search.index_rows(db, [(FIRST + i, f"第{i}号顾客反映屏幕有划痕 code{i}x")])


def test_saves_do_not_merge_and_the_tick_tidies_the_index(db):
    if not is_sqlite(db):
        pytest.skip("PostgreSQL's GIN index needs no merging")
    config = dict(db.execute_sql(f"SELECT k, v FROM {search.TABLE}_config").fetchall())
    assert config["automerge"] == 0  # saves only append
    start = search.segment_pages(db)
    _saves(db, 300)
    grown = search.segment_pages(db) - start
    # Without any tidying FTS5's crisis merge still bounds it (300 saves, far fewer pages).
    assert grown < 150, grown
    for _ in range(20):
        reminders.tidy_database()
    tidied = search.segment_pages(db) - start
    assert tidied < grown / 3, (grown, tidied)
    # Every entry is still found, the newest first.
    for i in (0, 1, 150, 299):
        assert search.search(db, f"code{i}x", min_hits=1) == [FIRST + i]
    found = search.search(db, "屏幕有划痕", limit=300, min_hits=1)
    assert found[:3] == [FIRST + 299, FIRST + 298, FIRST + 297] and len(found) == 300


def _wal_frames(db) -> tuple[int, int]:
    """(frames in the WAL, of which copied into the file) — the PASSIVE checkpoint this
    asks with copies what it can, so it is the last thing a test reads."""
    _busy, log, copied = db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return log, copied


def test_saves_leave_the_checkpoint_to_the_tick(db):
    """docs/rules.md#search-index: a save does not copy the WAL into the file at SQLite's
    default 1,000 pages (tens of ms at 1M cases); the tick's upkeep does, and the WAL then
    starts again from its beginning."""
    if not is_sqlite(db):
        pytest.skip("SQLite's write-ahead log")
    _wal_frames(db)  # start from a checkpointed WAL
    _saves(db, 10)
    _saves(db, 1200, start=10)
    log, _copied = _wal_frames(db)
    assert log > 1000  # the saves went past SQLite's default without a checkpoint
    _saves(db, 1200, start=2000)  # the WAL starts again and grows as far
    reminders.tidy_database()
    _saves(db, 1, start=4000)  # the first write after a full checkpoint restarts the WAL
    log_after, _copied = _wal_frames(db)
    assert log_after < 50, (log, log_after)  # without the tick's checkpoint: over 1,000
