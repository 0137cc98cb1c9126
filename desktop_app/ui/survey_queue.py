"""The survey queue table (template 3) and the follow-ups table, as Qt models over
``services.surveys``.

The queue is a ``paged_model.PagedTableModel``: it arrives a page at a time through the
page's ``TaskRunner`` (off the UI thread); ``reload`` reads as many rows as are loaded (at
least a page) again and applies the difference; the view asks for the next page
(``canFetchMore``/``fetchMore``) when it scrolls to the end, following the service's keyset
cursor.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.vocab import CALL_RESULTS
from desktop_app.services import surveys
from desktop_app.services.session import Session
from desktop_app.services.surveys import FollowUpInfo, SurveyQueueRow
from desktop_app.ui.i18n import ui_language
from desktop_app.ui.paged_model import Chunk, PagedTableModel
from desktop_app.ui.resources import tone_colour
from desktop_app.ui.row_models import RowsTableModel
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

CaseIdRole = Qt.ItemDataRole.UserRole + 1
QueueRowRole = Qt.ItemDataRole.UserRole + 2
WaitingRole = Qt.ItemDataRole.UserRole + 3
OverdueRole = Qt.ItemDataRole.UserRole + 4

(NUMBER, CUSTOMER, CONTACT, SUBTYPE, CLOSED_AT, DUE_AT, ATTEMPTS, LAST_RESULT, NEXT_TRY) = range(9)
COLUMN_NAMES = (
    "number",
    "customer",
    "contact",
    "subtype",
    "closed_at",
    "due_at",
    "attempts",
    "last_result",
    "next_try_at",
)
TIME_FORMAT = "%Y-%m-%d %H:%M"
OVERDUE_TONE = "error"  # resources.TONES: the colour of the scheme in use
WAITING_COLOUR = "#8a8a8a"
PAGE_SIZE = 100
QUEUE = "survey-queue"  # the model's one query: every case due for a survey


def time_text(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value is not None else ""


class SurveyQueueModel(PagedTableModel):
    """The survey queue of ``session``, ``page_size`` rows a page.

    ``loaded()`` after each reload, ``page_loaded(n)`` after a fetched page,
    ``load_failed(error)`` when the service refused (a ``ServiceError``)."""

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ):
        super().__init__(session, tasks, parent, page_size=page_size)
        self.language = ui_language()
        self._now: dt.datetime = session.now()
        self._headers = (
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Contact"),
            self.tr("Subtype"),
            self.tr("Closed at"),
            self.tr("Survey due"),
            self.tr("Calls"),
            self.tr("Last result"),
            self.tr("Next try"),
        )

    # --- loading ------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        """The moment overdue and waiting rows are shown against (taken at each load)."""
        return self._now

    def reload(self) -> Task:
        """Re-read the queue from its start, as many rows as are loaded (at least a page)."""
        return super().reload() or self.set_query(QUEUE)

    @staticmethod
    def read_chunk(session: Session, query: str, limit: int, after) -> Chunk:
        page = surveys.survey_queue(session, limit=limit, after=after)
        return Chunk(page.rows, page.next_cursor, page.total)

    @staticmethod
    def read_context(session: Session, query: str) -> dt.datetime:
        return session.now()

    def apply_context(self, context: dt.datetime) -> None:
        self._now = context

    @staticmethod
    def row_key(row: SurveyQueueRow) -> int:
        return row.case_id

    # --- access -------------------------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        return self.key_at(row)

    def row_of(self, case_id: int) -> int:
        return self.row_of_key(case_id)

    def numbers(self) -> list[str]:
        return [r.number for r in self._rows]

    # --- Qt model -----------------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_data(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        waiting = item.waiting(self._now)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if waiting:
                return self.tr("Waiting: next try at {time}").format(
                    time=time_text(item.next_try_at)
                )
            if column == DUE_AT and item.overdue:
                return self.tr("The survey is overdue: it was due {time}").format(
                    time=time_text(item.due_at)
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DUE_AT and item.overdue:
                return QBrush(tone_colour(OVERDUE_TONE))
            if waiting:
                return QBrush(QColor(WAITING_COLOUR))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CaseIdRole:
            return item.case_id
        if role == QueueRowRole:
            return item
        if role == WaitingRole:
            return waiting
        if role == OverdueRole:
            return item.overdue
        return None

    def _text(self, item: SurveyQueueRow, column: int) -> str:
        if column == NUMBER:
            return item.number
        if column == CUSTOMER:
            return item.customer_name
        if column == CONTACT:
            return item.contact
        if column == SUBTYPE:
            return item.subtype
        if column == CLOSED_AT:
            return time_text(item.closed_at)
        if column == DUE_AT:
            due = time_text(item.due_at)
            return self.tr("{time} (overdue)").format(time=due) if item.overdue else due
        if column == ATTEMPTS:
            return str(item.attempts)
        if column == LAST_RESULT:
            return CALL_RESULTS.label(item.last_result, self.language)
        if column == NEXT_TRY:
            return time_text(item.next_try_at)
        return ""


FOLLOW_UP_COLUMNS = ("number", "customer", "reason", "assigned_to", "created_at")


class FollowUpsModel(RowsTableModel):
    """Open follow-ups of unhappy customers (a short list: no paging)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._headers = (
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Reason"),
            self.tr("Assigned to"),
            self.tr("Created"),
        )

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def row_data(self, row: int) -> FollowUpInfo | None:
        return self.row_at(row)

    def row_of(self, follow_up_id: int) -> int:
        for row, item in enumerate(self._rows):
            if item.id == follow_up_id:
                return row
        return -1

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def cell(self, item: FollowUpInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.number,
                item.customer_name,
                item.reason,
                item.assigned_to,
                time_text(item.created_at),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return item.reason
        if role == CaseIdRole:
            return item.case_id
        return None
