"""The tracker's case table (template 2 list) as a Qt model over ``services.tracker``.

Rows arrive a page at a time: ``set_query`` loads the first page, the view asks for the
next one (``canFetchMore``/``fetchMore``) when it scrolls to the end, following the
service's keyset cursor; the model never asks for all rows. ``refresh`` re-reads as many
rows as are loaded and applies the difference with precise signals (rows removed, rows
moved as a layout change with the persistent indexes carried along, rows inserted, data
changed), so a view keeps its selection, current case and scroll position while other
computers change cases.

Errors: ``set_query`` and ``refresh`` raise ``ServiceError`` to their caller; ``sort`` and
``fetchMore``, which Qt's views call, report it with ``load_failed`` instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from desktop_app.domain.vocab import LEVEL_ROMAN, STAGES, URGENCY
from desktop_app.services import tracker
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter, CaseRow
from desktop_app.ui.resources import DUE_TONES, tone_colour

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
# Rows asked for at once when ``refresh`` re-reads what is loaded.
REFRESH_CHUNK = 500
# Rows whose model indexes are made once and kept (see TrackerModel.index).
CACHED_INDEX_ROWS = 1_000
_VERTICAL = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_MINUTE = dt.timedelta(minutes=1)


class TrackerModel(QAbstractTableModel):
    """Cases of one query (filter and sort) for ``session``, ``page_size`` rows a page."""

    load_failed = Signal(object)  # ServiceError from a load the view started
    page_loaded = Signal(int)  # rows added by fetchMore

    def __init__(self, session: Session, parent: QObject | None = None, page_size: int = 100):
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.session = session
        self.page_size = page_size
        self.language = session.language
        self._rows: list[CaseRow] = []
        self._row_of: dict[int, int] = {}
        self._cursor: tuple | None = None
        self._filter: CaseFilter | None = None
        self._sort = "processing"
        self._descending = False
        self._now: dt.datetime = session.now()
        self._soon = dt.timedelta(hours=4)
        self._fetching = False
        # Display texts per row, made once per load: a view asks for every cell many
        # times (each paint, each role), and formatting dominated reading a page. Rows
        # only move in ``refresh`` and ``set_query``, which start afresh.
        self._texts: dict[int, tuple[str, ...]] = {}
        self._soon_read = False
        self._prepare_texts()
        self._indexes: list[tuple[QModelIndex, ...]] = []

    # --- queries ------------------------------------------------------------------------

    @property
    def filter(self) -> CaseFilter | None:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def now(self) -> dt.datetime:
        """The moment deadlines and ages are shown against (taken at each load)."""
        return self._now

    def set_query(
        self, flt: CaseFilter, sort: str = "processing", descending: bool = False
    ) -> None:
        """Load the first page of ``flt`` in ``sort`` order and reset the model."""
        if sort not in tracker.SORT_KEYS:
            raise ValueError(f"unknown sort key {sort!r}; use one of {tracker.SORT_KEYS}")
        # The due-soon setting is read once here and again at each refresh.
        soon = self._soon if self._soon_read else tracker.due_soon_window(self.session)
        now = self.session.now()
        page = tracker.list_cases(
            self.session, flt, sort=sort, descending=descending, limit=self.page_size
        )
        self._soon_read = True
        self.beginResetModel()
        self._filter = flt
        self._sort = sort
        self._descending = descending
        self._soon = soon
        self._now = now
        self._rows = []
        self._row_of = {}
        self._texts = {}
        self._prepare_texts()
        self._append(page.rows)
        self._cursor = page.next_cursor
        self.endResetModel()

    def all_loaded(self) -> bool:
        """True when the loaded rows are every row of the query."""
        return self._filter is not None and self._cursor is None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008,N802
        if parent.isValid() or self._cursor is None or self._fetching or self._filter is None:
            return
        self._fetching = True
        try:
            page = tracker.list_cases(
                self.session,
                self._filter,
                sort=self._sort,
                descending=self._descending,
                limit=self.page_size,
                after=self._cursor,
            )
        except ServiceError as exc:
            log.info("next page of the tracker failed: %s", exc.message)
            self.load_failed.emit(exc)
            return
        finally:
            self._fetching = False
        # A case that moved since the earlier pages were read may come again: keep one.
        fresh = [r for r in page.rows if r.id not in self._row_of]
        self._cursor = page.next_cursor
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._append(fresh)
            self.endInsertRows()
        self.page_loaded.emit(len(fresh))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (a negative column: the processing order of SPEC §4), in
        the order of the values the column shows."""
        if 0 <= column < COLUMN_COUNT:
            key = COLUMN_SORT_KEYS[column]
            descending = order == Qt.SortOrder.DescendingOrder
            if column == AGE:
                # The column shows ages: ascending ages are the newest registrations
                # first, the service's descending "age" order.
                descending = not descending
        else:
            key, descending = "processing", False
        if self._filter is None:
            self._sort, self._descending = key, descending
            return
        if key == self._sort and descending == self._descending:
            return
        try:
            self.set_query(self._filter, key, descending)
        except ServiceError as exc:
            log.info("sorting the tracker failed: %s", exc.message)
            self.load_failed.emit(exc)

    def refresh(self) -> None:
        """Re-read as many rows as are loaded (at least a page), from the first one, and
        update the model in place: removed, moved, inserted and changed rows each get
        their own signals, so selections and the current index follow their cases."""
        if self._filter is None:
            return
        soon = tracker.due_soon_window(self.session)
        now = self.session.now()
        target = max(len(self._rows), self.page_size)
        chunk = max(self.page_size, REFRESH_CHUNK)
        fresh: list[CaseRow] = []
        seen: set[int] = set()
        cursor: tuple | None = None
        while len(fresh) < target:
            page = tracker.list_cases(
                self.session,
                self._filter,
                sort=self._sort,
                descending=self._descending,
                limit=min(target - len(fresh), chunk),
                after=cursor,
            )
            for row in page.rows:
                if row.id not in seen:
                    seen.add(row.id)
                    fresh.append(row)
            cursor = page.next_cursor
            if cursor is None or not page.rows:
                break
        self._soon = soon
        self._now = now
        self._texts = {}
        self._prepare_texts()
        self._apply(fresh)
        self._cursor = cursor

    def _apply(self, fresh: list[CaseRow]) -> None:
        root = QModelIndex()
        position = {row.id: i for i, row in enumerate(fresh)}
        # 1. Cases no longer listed go, bottom-up in contiguous runs.
        gone = [i for i, row in enumerate(self._rows) if row.id not in position]
        while gone:
            end = gone.pop()
            start = end
            while gone and gone[-1] == start - 1:
                start = gone.pop()
            self.beginRemoveRows(root, start, end)
            del self._rows[start : end + 1]
            self._texts = {}
            self.endRemoveRows()
        # 2. The remaining cases take their new relative order: a layout change that
        #    carries every persistent index to its case's new row.
        ordered = sorted(self._rows, key=lambda row: position[row.id])
        if [r.id for r in ordered] != [r.id for r in self._rows]:
            self.layoutAboutToBeChanged.emit([], _VERTICAL)
            new_row = {row.id: i for i, row in enumerate(ordered)}
            old_ids = [row.id for row in self._rows]
            before = self.persistentIndexList()
            after = [self.index(new_row[old_ids[index.row()]], index.column()) for index in before]
            self._rows = ordered
            self._texts = {}
            self.changePersistentIndexList(before, after)
            self.layoutChanged.emit([], _VERTICAL)
        # 3. New cases come in where they belong, in contiguous runs.
        present = {row.id for row in self._rows}
        i = 0
        while i < len(fresh):
            if fresh[i].id in present:
                i += 1
                continue
            j = i
            while j < len(fresh) and fresh[j].id not in present:
                j += 1
            self.beginInsertRows(root, i, j - 1)
            self._rows[i:i] = fresh[i:j]
            self._texts = {}
            self.endInsertRows()
            i = j
        # 4. Same cases, same order: take the new values (and the new "now").
        self._rows = list(fresh)
        self._row_of = {row.id: i for i, row in enumerate(self._rows)}
        self._texts = {}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            )

    def _append(self, rows) -> None:
        for row in rows:
            self._row_of[row.id] = len(self._rows)
            self._rows.append(row)

    # --- lookups ------------------------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def case_row(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int:
        """The row showing ``case_id``, or -1 when it is not loaded."""
        return self._row_of.get(case_id, -1)

    def rows(self) -> list[CaseRow]:
        return list(self._rows)

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

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

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
