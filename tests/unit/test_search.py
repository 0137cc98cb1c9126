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
        reminders.tidy_search_index()
    tidied = search.segment_pages(db) - start
    assert tidied < grown / 3, (grown, tidied)
    # Every entry is still found, the newest first.
    for i in (0, 1, 150, 299):
        assert search.search(db, f"code{i}x", min_hits=1) == [FIRST + i]
    found = search.search(db, "屏幕有划痕", limit=300, min_hits=1)
    assert found[:3] == [FIRST + 299, FIRST + 298, FIRST + 297] and len(found) == 300
