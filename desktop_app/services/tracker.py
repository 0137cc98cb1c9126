"""The tracker's case list (template 2 window): filtered, sorted, scoped pages of cases.

CONTRACT (bodies to be written): the UI and the benchmark program against these names.

- ``list_cases(session, flt, sort=, descending=, limit=, after=)`` returns one page; pass
  the page's ``next_cursor`` as ``after`` for the next one (keyset pagination over indexed
  columns, never OFFSET, never all rows).
- Scope (SPEC §1) is applied in the SQL: clerks see cases they received or own and their
  departments' cases; supervisors their departments' cases and those they own or received;
  managers and admins everything. Contacts are masked (SPEC §9) unless the session is
  entitled (same rule as ``services.queue``).
- ``count_cases`` counts what ``list_cases`` would list; ``standard_views`` and
  ``view_counts`` give the saved views of the window with their counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.services.session import Session

# Column keys the table may sort by. "processing" is SPEC §4's order: urgent, III, II, I,
# then earliest next deadline, then id. "age" sorts by registration time (ascending age =
# newest first is descending=False ... see list_cases).
SORT_KEYS = ("processing", "number", "customer", "type", "level", "stage", "owner",
             "department", "next_due", "age")


@dataclass(frozen=True)
class CaseFilter:
    """Every filter of the tracker; empty sets mean "any". Combined with AND."""

    include_closed: bool = False
    stages: frozenset[str] = frozenset()          # vocab.STAGES codes
    owner_ids: frozenset[int] = frozenset()
    department_codes: frozenset[str] = frozenset()
    type_codes: frozenset[str] = frozenset()      # category or subtype codes
    levels: frozenset[int] = frozenset()          # 1, 2, 3
    urgent_only: bool = False
    channel_codes: frozenset[str] = frozenset()
    registered_from: dt.date | None = None        # inclusive
    registered_to: dt.date | None = None          # inclusive
    overdue_only: bool = False                    # open and next_due before now
    mine: bool = False                            # owned by the session's user
    awaiting_approval: bool = False               # stage "approval"
    text: str = ""  # number (prefix), customer name (prefix), contact, or description words


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    customer_name: str
    contact: str            # masked unless the session is entitled
    contact_masked: bool
    type: str               # label in the session's language
    subtype: str
    level: int
    urgent: bool
    priority: int
    stage: str              # vocab.STAGES code
    owner_id: int
    owner: str              # display name
    department_code: str
    department: str         # label
    channel: str            # label
    next_due: dt.datetime | None
    registration_time: dt.datetime
    closed_at: dt.datetime | None
    is_open: bool
    version: int

    def due_state(self, now: dt.datetime, soon: dt.timedelta) -> str:
        """"overdue", "due_soon", "on_track", or "none" (closed / no deadline)."""
        if not self.is_open or self.next_due is None:
            return "none"
        if self.next_due < now:
            return "overdue"
        if self.next_due - now <= soon:
            return "due_soon"
        return "on_track"


@dataclass(frozen=True)
class CasePage:
    rows: tuple[CaseRow, ...]
    next_cursor: tuple | None  # opaque; None when this was the last page


@dataclass(frozen=True)
class SavedView:
    key: str        # "mine", "approval", "overdue", "open", "all", "dept:<code>"
    zh: str
    en: str
    filter: CaseFilter

    def label(self, language: str = "zh") -> str:
        return self.zh if language.startswith("zh") else self.en


def list_cases(session: Session, flt: CaseFilter = CaseFilter(), *, sort: str = "processing",
               descending: bool = False, limit: int = 100, after: tuple | None = None
               ) -> CasePage:
    raise NotImplementedError


def count_cases(session: Session, flt: CaseFilter = CaseFilter()) -> int:
    raise NotImplementedError


def standard_views(session: Session) -> list[SavedView]:
    """我的案件 / My cases, 待审批 / Awaiting approval, 已超时 / Overdue, 全部未结 / All open,
    全部案件 / All cases, and one queue per department in the session's scope."""
    raise NotImplementedError


def view_counts(session: Session, views: list[SavedView]) -> dict[str, int]:
    raise NotImplementedError


def owners(session: Session) -> list[tuple[int, str]]:
    """(user id, display name) of active staff the filter may offer, in the session's scope."""
    raise NotImplementedError


def due_soon_window(session: Session) -> dt.timedelta:
    """How close a deadline counts as "due soon" (setting ``tracker.due_soon_hours``)."""
    raise NotImplementedError
