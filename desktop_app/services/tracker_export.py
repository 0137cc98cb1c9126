"""The tracker's "export current view": the ids of every case a tracker filter lists.

``tracker_ids`` walks ``tracker.read_page`` (``list_cases`` without its audit entry: only
the ids are used) page after page (largest pages, keyset
cursor), so it lists exactly what the tracker would show when scrolled to the end, in the
same order, within the session's scope. The ids go to ``exchange_export.export_cases``
(``case_ids=``), which writes them in that order.
"""

from __future__ import annotations

from desktop_app.services import tracker
from desktop_app.services.errors import service
from desktop_app.services.permissions import require_staff
from desktop_app.services.progress import Progress
from desktop_app.services.queue import MAX_LIMIT
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter


@service
def tracker_ids(
    session: Session,
    flt: CaseFilter = CaseFilter(),  # noqa: B008
    *,
    sort: str = "processing",
    descending: bool = False,
    progress: Progress | None = None,
) -> list[int] | None:
    """The ids of every case ``tracker.list_cases`` lists for ``flt`` in the order ``sort``
    (each once). ``progress(done, total)`` after each page may return False to stop: the
    result is then None."""
    require_staff(session)
    total = tracker.count_cases(session, flt) if progress is not None else 0
    ids: list[int] = []
    seen: set[int] = set()
    after = None
    while True:
        page = tracker.read_page(
            session, flt, sort=sort, descending=descending, limit=MAX_LIMIT, after=after
        )
        for row in page.rows:
            if row.id not in seen:  # a case that moved between pages comes once
                seen.add(row.id)
                ids.append(row.id)
        if progress is not None and progress(len(ids), max(total, len(ids))) is False:
            return None
        if page.next_cursor is None:
            return ids
        after = page.next_cursor
