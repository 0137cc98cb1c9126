"""The survey queue table (template 3) and the follow-ups table, as Qt models over
``services.surveys``.

The queue arrives a page at a time through the page's ``TaskRunner`` (off the UI thread):
``reload`` reads as many rows as are loaded (at least a page) and resets the model; the view
asks for the next page (``canFetchMore``/``fetchMore``) when it scrolls to the end, following
the service's keyset cursor. A generation counter drops answers a newer reload overtook.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QTableView

from desktop_app.domain.vocab import CALL_RESULTS
from desktop_app.services import surveys
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.surveys import FollowUpInfo, SurveyQueuePage, SurveyQueueRow
from desktop_app.ui.i18n import ui_language
from desktop_app.ui.resources import tone_colour
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


def time_text(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value is not None else ""


class SurveyQueueModel(QAbstractTableModel):
    """The survey queue of ``session``, ``page_size`` rows a page.

    ``loaded()`` after each reload, ``page_loaded(n)`` after a fetched page,
    ``load_failed(error)`` when the service refused (a ``ServiceError``)."""

    loaded = Signal()
    page_loaded = Signal(int)
    load_failed = Signal(object)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ):
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.session = session
        self.tasks = tasks
        self.page_size = page_size
        self.language = ui_language()
        self._rows: list[SurveyQueueRow] = []
        self._cursor: tuple | None = None
        self._total = 0
        self._now: dt.datetime = session.now()
        self._generation = 0
        self._reloading: Task | None = None
        self._fetching: Task | None = None
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

    @property
    def total(self) -> int:
        """How many cases the whole queue holds (not only the loaded ones)."""
        return self._total

    def now(self) -> dt.datetime:
        """The moment overdue and waiting rows are shown against (taken at each load)."""
        return self._now

    def busy(self) -> bool:
        return self._reloading is not None or self._fetching is not None

    def reload(self) -> Task:
        """Re-read the queue from its start, as many rows as are loaded (at least a page)."""
        self._generation += 1
        generation = self._generation
        limit = max(len(self._rows), self.page_size)
        task = self.tasks.submit(
            surveys.survey_queue, self.session, limit=limit, name="survey-queue"
        )
        self._reloading = task
        task.succeeded.connect(lambda page, g=generation: self._reloaded(g, page))
        task.failed.connect(lambda exc, g=generation: self._failed(g, exc))
        task.finished.connect(lambda t=task: self._reload_finished(t))
        return task

    def _reload_finished(self, task: Task) -> None:
        if self._reloading is task:
            self._reloading = None

    def _reloaded(self, generation: int, page: SurveyQueuePage) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(page.rows)
        self._cursor = page.next_cursor
        self._total = page.total
        self._now = self.session.now()
        self.endResetModel()
        self.loaded.emit()

    def _failed(self, generation: int, exc: ServiceError) -> None:
        if generation == self._generation:
            log.info("survey queue not loaded: %s", exc.message)
            self.load_failed.emit(exc)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008,N802
        return (
            not parent.isValid()
            and self._cursor is not None
            and self._fetching is None
            and self._reloading is None
        )

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008,N802
        if not self.canFetchMore(parent):
            return
        generation = self._generation
        task = self.tasks.submit(
            surveys.survey_queue,
            self.session,
            limit=self.page_size,
            after=self._cursor,
            name="survey-queue-more",
        )
        self._fetching = task
        task.succeeded.connect(lambda page, g=generation: self._fetched(g, page))
        task.failed.connect(lambda exc, g=generation: self._failed(g, exc))
        task.finished.connect(lambda t=task: self._fetch_finished(t))

    def _fetch_finished(self, task: Task) -> None:
        if self._fetching is task:
            self._fetching = None

    def _fetched(self, generation: int, page: SurveyQueuePage) -> None:
        if generation != self._generation:
            return
        known = {r.case_id for r in self._rows}
        fresh = [r for r in page.rows if r.case_id not in known]
        self._cursor = page.next_cursor
        self._total = page.total
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        self.page_loaded.emit(len(fresh))

    # --- access -------------------------------------------------------------------------

    def row_data(self, row: int) -> SurveyQueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def case_id(self, row: int) -> int | None:
        found = self.row_data(row)
        return found.case_id if found is not None else None

    def row_of(self, case_id: int) -> int:
        for row, item in enumerate(self._rows):
            if item.case_id == case_id:
                return row
        return -1

    def numbers(self) -> list[str]:
        return [r.number for r in self._rows]

    # --- Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(COLUMN_NAMES)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

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


class QueueTable(QTableView):
    """The queue view: Enter or Return on a row asks to survey it (as a double-click)."""

    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.chosen.emit()
            event.accept()
            return
        super().keyPressEvent(event)


FOLLOW_UP_COLUMNS = ("number", "customer", "reason", "assigned_to", "created_at")


class FollowUpsModel(QAbstractTableModel):
    """Open follow-ups of unhappy customers (a short list: no paging)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[FollowUpInfo] = []
        self._headers = (
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Reason"),
            self.tr("Assigned to"),
            self.tr("Created"),
        )

    def set_rows(self, rows: list[FollowUpInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_data(self, row: int) -> FollowUpInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, follow_up_id: int) -> int:
        for row, item in enumerate(self._rows):
            if item.id == follow_up_id:
                return row
        return -1

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(FOLLOW_UP_COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_data(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.number,
                item.customer_name,
                item.reason,
                item.assigned_to,
                time_text(item.created_at),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return item.reason
        if role == CaseIdRole:
            return item.case_id
        return None
