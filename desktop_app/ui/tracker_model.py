"""The tracker's case table (template 2 list) as a Qt model over ``services.tracker``.

A ``paged_model.PagedTableModel``: rows arrive a page at a time off the UI thread.
``set_query`` loads the first page of a filter and sort (the model resets when it arrives),
the view asks for the next one (``canFetchMore``/``fetchMore``) when it scrolls to the
end, following the service's keyset cursor; the model never asks for all rows.
``refresh`` re-reads as many rows as are loaded and applies the difference with precise
signals, so a view keeps its selection, current case and scroll position while other
computers change cases. A refusal of the service comes as ``load_failed``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from desktop_app.domain.vocab import LEVEL_ROMAN, STAGES, URGENCY
from desktop_app.services import tracker
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter, CaseRow
from desktop_app.ui.paged_model import Chunk, PagedTableModel
from desktop_app.ui.resources import DUE_TONES, tone_colour
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

CaseIdRole = Qt.ItemDataRole.UserRole + 1
DueStateRole = Qt.ItemDataRole.UserRole + 2
CaseRowRole = Qt.ItemDataRole.UserRole + 3

NUMBER, CUSTOMER, TYPE, LEVEL, STAGE, OWNER, DEPARTMENT, NEXT_DUE, AGE = range(9)
COLUMN_COUNT = 9
# The service's sort key of each column, in column order.
COLUMN_SORT_KEYS = (
    "number",
    "customer",
    "type",
    "level",
    "stage",
    "owner",
    "department",
    "next_due",
    "age",
)
# Stable names of the columns (header state, tests).
COLUMN_NAMES = COLUMN_SORT_KEYS

# The deadline cell: resources.DUE_TONES by its due state, on the tone's "<tone>_background"
# (resources.TONES: colours of the scheme in use).
URGENT_TONE = "error"
TIME_FORMAT = "%Y-%m-%d %H:%M"
# Rows whose model indexes are made once and kept (see TrackerModel.index).
CACHED_INDEX_ROWS = 1_000
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_MINUTE = dt.timedelta(minutes=1)


class TrackerQuery(NamedTuple):
    """What the table lists: the cases of ``filter`` in ``sort`` order."""

    filter: CaseFilter
    sort: str = "processing"
    descending: bool = False


class TrackerModel(PagedTableModel):
    """Cases of one query (filter and sort) for ``session``, ``page_size`` rows a page,
    read through ``tasks``."""

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QObject | None = None,
        page_size: int = 100,
    ):
        super().__init__(session, tasks, parent, page_size=page_size)
        self.language = session.language
        self._sort = "processing"  # before any query: the order the first one takes
        self._descending = False
        self._now: dt.datetime = session.now()
        self._soon = dt.timedelta(hours=4)
        # Display texts per row, made once per load: a view asks for every cell many
        # times (each paint, each role), and formatting dominated reading a page. Rows
        # only move in loads, which start afresh (``rows_changed``).
        self._texts: dict[int, tuple[str, ...]] = {}
        self._prepare_texts()
        self._indexes: list[tuple[QModelIndex, ...]] = []

    # --- queries ------------------------------------------------------------------------

    @property
    def filter(self) -> CaseFilter | None:
        return self.query.filter if self.query is not None else None

    @property
    def sort_key(self) -> str:
        return self.query.sort if self.query is not None else self._sort

    @property
    def descending(self) -> bool:
        return self.query.descending if self.query is not None else self._descending

    def now(self) -> dt.datetime:
        """The moment deadlines and ages are shown against (taken at each load)."""
        return self._now

    def set_query(
        self, flt: CaseFilter, sort: str = "processing", descending: bool = False
    ) -> Task:
        """Load the first page of ``flt`` in ``sort`` order; the model resets when it
        arrives."""
        if sort not in tracker.SORT_KEYS:
            raise ValueError(f"unknown sort key {sort!r}; use one of {tracker.SORT_KEYS}")
        return super().set_query(TrackerQuery(flt, sort, descending))

    def refresh(self) -> Task | None:
        """Re-read as many rows as are loaded (at least a page) and update the model in
        place: removed, moved, inserted and changed rows each get their own signals, so
        selections and the current index follow their cases."""
        return self.reload()

    @staticmethod
    def read_chunk(session: Session, query: TrackerQuery, limit: int, after) -> Chunk:
        page = tracker.list_cases(
            session,
            query.filter,
            sort=query.sort,
            descending=query.descending,
            limit=limit,
            after=after,
        )
        return Chunk(page.rows, page.next_cursor)

    @staticmethod
    def read_context(session: Session, query: TrackerQuery) -> tuple:
        """The moment deadlines are shown against, and the due-soon setting."""
        return session.now(), tracker.due_soon_window(session)

    def apply_context(self, context: tuple) -> None:
        self._now, self._soon = context

    def rows_changed(self) -> None:
        self._texts = {}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (a negative column: the processing order of
        docs/rules.md#processing-order), in the order of the values the column shows."""
        if 0 <= column < COLUMN_COUNT:
            key = COLUMN_SORT_KEYS[column]
            descending = order == Qt.SortOrder.DescendingOrder
            if column == AGE:
                # The column shows ages: ascending ages are the newest registrations
                # first, the service's descending "age" order.
                descending = not descending
        else:
            key, descending = "processing", False
        if self.query is None:
            self._sort, self._descending = key, descending
            return
        if key == self.sort_key and descending == self.descending:
            return
        self.set_query(self.query.filter, key, descending)

    # --- lookups ------------------------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        return self.key_at(row)

    def case_row(self, row: int) -> CaseRow | None:
        return self.row_data(row)

    def row_of(self, case_id: int) -> int:
        """The row showing ``case_id``, or -1 when it is not loaded."""
        return self.row_of_key(case_id)

    # --- Qt model -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index | None = None) -> QModelIndex:
        """Qt's own ``index`` asks ``rowCount`` and ``columnCount`` (Python) each time;
        answering here halves the cost of reading a page's cells.

        The indexes of the first ``CACHED_INDEX_ROWS`` rows are kept: an index is a value
        (row, column, this model), the same before and after any reset, and PySide's
        ``createIndex`` costs more than the rest of reading a cell (it makes a wrapper)."""
        if (
            0 <= row < len(self._rows)
            and 0 <= column < COLUMN_COUNT
            and (parent is None or not parent.isValid())
        ):
            try:
                return self._indexes[row][column]
            except IndexError:
                return self._new_index(row, column)
        return QModelIndex()

    def _new_index(self, row: int, column: int) -> QModelIndex:
        indexes = self._indexes
        if row >= CACHED_INDEX_ROWS:
            return self.createIndex(row, column)
        create = self.createIndex
        while len(indexes) <= row:
            number = len(indexes)
            indexes.append(tuple(create(number, c) for c in range(COLUMN_COUNT)))
        return indexes[row][column]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:  # the hot path: one dictionary look-up
            texts = self._texts.get(index.row())
            if texts is None:
                number = index.row()
                if not 0 <= number < len(self._rows):  # an invalid index
                    return None
                texts = self._texts[number] = self._row_texts(self._rows[number])
            # Our indexes have a column of the table: index() makes no other.
            return texts[index.column()]
        number = index.row()
        if number < 0:  # an invalid index
            return None
        try:
            row = self._rows[number]
        except IndexError:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == CaseIdRole:
            return row.id
        if role == DueStateRole:
            return self.due_state(row)
        if role == CaseRowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            state = self.due_state(row)
            if column == NEXT_DUE and state in DUE_TONES:
                return QBrush(tone_colour(DUE_TONES[state]))
            if state == "overdue" or (column == LEVEL and row.urgent):
                return QBrush(tone_colour(URGENT_TONE))
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            state = self.due_state(row)
            if column == NEXT_DUE and state in DUE_TONES:
                return QBrush(tone_colour(DUE_TONES[state] + "_background"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if (column == LEVEL and row.urgent) or (
                column == NEXT_DUE and self.due_state(row) == "overdue"
            ):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (LEVEL, AGE):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tooltips()[section]
        return None

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Type"),
            self.tr("Level"),
            self.tr("Stage"),
            self.tr("Owner"),
            self.tr("Department"),
            self.tr("Next deadline"),
            self.tr("Age"),
        )

    def column_tooltips(self) -> tuple[str, ...]:
        return (
            self.tr("Complaint number"),
            self.tr("Customer name and contact (masked unless you handle the case)"),
            self.tr("Type / subtype"),
            self.tr("Severity level; urgent cases come before every level"),
            self.tr("Current stage of handling"),
            self.tr("Who is responsible for the case now"),
            self.tr("Department handling the case"),
            self.tr(
                "The earliest deadline not yet met: red overdue, amber due soon, green on track"
            ),
            self.tr("Time since the complaint was registered"),
        )

    # --- texts --------------------------------------------------------------------------

    def due_state(self, row: CaseRow) -> str:
        return row.due_state(self._now, self._soon)

    def level_text(self, row: CaseRow) -> str:
        roman = LEVEL_ROMAN.get(row.level, str(row.level))
        if row.urgent:
            return f"{URGENCY.label('urgent', self.language)} {roman}"
        return roman

    def _prepare_texts(self) -> None:
        """The labels and translated templates of the texts, read once per load (read
        per cell, with strftime, formatting was half the first read of a page's cells)."""
        language = self.language
        self._stage_labels = {term.code: term.label(language) for term in STAGES}
        urgent = URGENCY.label("urgent", language)
        self._level_texts = {
            (level, flag): f"{urgent} {roman}" if flag else roman
            for level, roman in LEVEL_ROMAN.items()
            for flag in (False, True)
        }
        self._durations = (
            self.tr("{days} d {hours} h"),
            self.tr("{hours} h {minutes} min"),
            self.tr("{minutes} min"),
        )

    def _row_texts(self, row: CaseRow) -> tuple[str, ...]:
        """The display texts of ``row``, in column order (what ``display`` gives)."""
        (
            _id,
            number,
            name,
            contact,
            _masked,
            type_label,
            subtype,
            level,
            urgent,
            _priority,
            stage,
            _owner_id,
            owner,
            _department_code,
            department,
            _channel,
            due,
            registered,
            closed_at,
            is_open,
            _version,
        ) = row
        level_text = self._level_texts.get((level, urgent))
        stage_text = self._stage_labels.get(stage)
        end = closed_at if (not is_open and closed_at) else self._now
        return (
            number,
            f"{name} · {contact}" if contact else name,
            f"{type_label} / {subtype}" if subtype else type_label,
            level_text if level_text is not None else self.level_text(row),
            stage_text if stage_text is not None else STAGES.label(stage, self.language),
            owner,
            department,
            _minutes(due) if due else "",
            self.duration_text(end - registered),
        )

    def display(self, row: CaseRow, column: int) -> str:
        return self._row_texts(row)[column] if 0 <= column < COLUMN_COUNT else ""

    def tooltip(self, row: CaseRow, column: int) -> str:
        if column == CUSTOMER and row.contact_masked:
            return self.tr(
                "{customer}\nThe contact is masked: you do not handle this case."
            ).format(customer=self.display(row, column))
        if column == LEVEL:
            roman = LEVEL_ROMAN.get(row.level, str(row.level))
            if row.urgent:
                return self.tr("Urgent (level {level})").format(level=roman)
            return self.tr("Level {level}").format(level=roman)
        if column == NEXT_DUE:
            return self.due_tooltip(row)
        if column == AGE:
            return self.tr("Registered {time}").format(time=_minutes(row.registration_time))
        return self.display(row, column)

    def due_tooltip(self, row: CaseRow) -> str:
        state = self.due_state(row)
        if row.next_due is None:
            if not row.is_open:
                return self.tr("Closed; no deadline left")
            return self.tr("No deadline")
        due = _minutes(row.next_due)
        if state == "overdue":
            return self.tr("Overdue by {time} (due {due})").format(
                time=self.duration_text(self._now - row.next_due), due=due
            )
        if state == "due_soon":
            return self.tr("Due soon: in {time} (at {due})").format(
                time=self.duration_text(row.next_due - self._now), due=due
            )
        if state == "on_track":
            return self.tr("On track: due in {time} (at {due})").format(
                time=self.duration_text(row.next_due - self._now), due=due
            )
        return self.tr("Closed; the last deadline was {due}").format(due=due)

    def duration_text(self, span: dt.timedelta) -> str:
        """ "3 d 4 h", "5 h 20 min" or "12 min" (translated)."""
        minutes = max(0, span // _MINUTE)
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        days_hours, hours_minutes, just_minutes = self._durations
        if days:
            return days_hours.format(days=days, hours=hours)
        if hours:
            return hours_minutes.format(hours=hours, minutes=minutes)
        return just_minutes.format(minutes=minutes)


def _minutes(moment: dt.datetime) -> str:
    """``moment`` as TIME_FORMAT ("%Y-%m-%d %H:%M"). isoformat writes the same text in a
    fifth of strftime's time: strftime imports the time module at each call, which goes
    through the import hook PySide installs."""
    if moment.tzinfo is None and moment.year >= 1000:
        return moment.isoformat(" ", "minutes")
    return moment.strftime(TIME_FORMAT)
