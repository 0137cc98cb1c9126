"""The base of the table models that show a long query a page at a time, read off the UI
thread: the tracker's cases (``tracker_model``), the audit log (``admin_audit``) and the
survey queue (``survey_queue``).

A subclass says how to read (``read_chunk``: one page of rows after a cursor, on a worker
thread, no Qt) and how to show a row (``data``, ``columnCount``, ``headerData``). The base
does the rest through the page's ``TaskRunner``, one key per model with the "latest"
policy (a newer load drops what an older one would have shown):

- ``set_query(query)`` reads the first page of another query and resets the model;
- ``reload()`` reads as many rows as are loaded (at least a page) again and applies the
  difference with precise signals (rows removed, moved as a layout change carrying the
  persistent indexes along, inserted, data changed): a view keeps its selection, current
  row and scroll position while other computers change the data;
- ``canFetchMore``/``fetchMore`` (the view asks when it scrolls to the end) read the next
  page after the cursor, keeping one copy of a row that moved meanwhile.

``loaded()`` follows each ``set_query`` and ``reload``, ``page_loaded(n)`` each page
fetched, ``load_failed(ServiceError)`` a refusal (what was shown stays).
``ViewPlace`` keeps a view's selected row and the row at its top in place across loads;
``RowsView`` is the table such a model is shown in (Enter or Return asks to open a row).
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.forms import plain_key
from desktop_app.ui.row_models import RowsTableModel
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
# Rows asked for at once when ``reload`` reads again what is loaded.
RELOAD_CHUNK = 500


@dataclass(frozen=True)
class Chunk:
    """One page of a query: its rows, the cursor after them (None: no more rows) and, when
    the service says, how many rows the whole query has."""

    rows: Sequence[Any]
    cursor: Any = None
    total: int | None = None


@dataclass(frozen=True)
class _Loaded:
    rows: list[Any]
    cursor: Any
    total: int | None
    context: Any


class PagedTableModel(RowsTableModel):
    """Rows of one query for ``session``, ``page_size`` a page, read through ``tasks``.
    See the module documentation. As a ``RowsTableModel`` a subclass may just give
    ``headers()`` and ``cell()``, or answer ``data`` and the rest itself."""

    loaded = Signal()
    page_loaded = Signal(int)
    load_failed = Signal(object)  # ServiceError
    about_to_load = Signal()  # before a reload changes the rows (not a reset)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QObject | None = None,
        *,
        page_size: int = 100,
    ):
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.session = session
        self.tasks = tasks
        self.page_size = page_size
        self._rows: list[Any] = []
        self._row_of: dict[Hashable, int] = {}
        self._cursor: Any = None
        self._total: int | None = None
        self._query: Any = None
        self._has_query = False
        self._shown: tuple[bool, Any] = (False, None)  # the query whose rows are shown
        self._resetting = False  # a set_query not applied yet
        self._key = (self, "rows")

    # --- what a subclass says -----------------------------------------------------------

    @staticmethod
    def read_chunk(session: Session, query: Any, limit: int, after: Any) -> Chunk:
        """Up to ``limit`` rows of ``query`` after ``after`` (None: from the start). Runs
        on a worker thread: services only."""
        raise NotImplementedError

    @staticmethod
    def read_context(session: Session, query: Any) -> Any:
        """What a load reads besides the rows (on the worker): the moment, a setting, a
        count…; handed to ``apply_context`` on the UI thread. None by default."""
        return None

    def apply_context(self, context: Any) -> None:
        """Take what ``read_context`` read, just before the rows change (after ``total``
        took the service's count, which this may replace)."""

    @staticmethod
    def row_key(row: Any) -> Hashable:
        """What identifies a row across loads."""
        return row.id

    def rows_changed(self) -> None:
        """The rows changed (a subclass drops what it computed from them)."""

    # --- state --------------------------------------------------------------------------

    @property
    def query(self) -> Any:
        """The query asked for last (its rows may still be on their way)."""
        return self._query

    @property
    def total(self) -> int:
        """How many rows the whole query has, when known (at least those loaded)."""
        return max(self._total or 0, len(self._rows))

    def busy(self) -> bool:
        """Whether a load is on its way."""
        return self.tasks.pending(self._key)

    def all_loaded(self) -> bool:
        """True when the loaded rows are every row of the query."""
        return self._has_query and not self._resetting and self._cursor is None

    def row_data(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def key_at(self, row: int) -> Hashable | None:
        found = self.row_data(row)
        return self.row_key(found) if found is not None else None

    def row_of_key(self, key: Hashable) -> int:
        """The row showing ``key``, or -1 when it is not loaded."""
        return self._row_of.get(key, -1)

    # --- loading ------------------------------------------------------------------------

    def _submit(self, handler, limit: int, after: Any, *, context: bool, name: str) -> Task:
        task = self.tasks.submit(
            _read,
            type(self),
            self.session,
            self._query,
            limit,
            max(self.page_size, RELOAD_CHUNK),
            after,
            context,
            name=name,
            key=self._key,
        )
        task.on(succeeded=handler, failed=self._failed)
        return task

    def set_query(self, query: Any) -> Task:
        """Read the first page of ``query``; the model resets when it arrives."""
        self._query = query
        self._has_query = True
        self._resetting = True
        return self._submit(self._reset, self.page_size, None, context=True, name=self._name())

    def reload(self) -> Task | None:
        """Read the loaded rows again (at least a page) and apply the difference; None
        before any query."""
        if not self._has_query:
            return None
        if self._resetting:  # the query's first page is still on its way: ask again
            return self.set_query(self._query)
        target = max(len(self._rows), self.page_size)
        return self._submit(self._reloaded, target, None, context=True, name=self._name())

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and self._cursor is not None and not self.busy()

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008,N802
        if self.canFetchMore(parent):
            self._submit(
                self._fetched, self.page_size, self._cursor, context=False, name=self._name()
            )

    def _name(self) -> str:
        return type(self).__name__

    def _failed(self, exc: ServiceError) -> None:
        if self._resetting:  # the query refused: the one shown stays
            self._has_query, self._query = self._shown
            self._resetting = False
        log.info("%s not loaded: %s", self._name(), exc.message)
        self.load_failed.emit(exc)

    def _reset(self, loaded: _Loaded) -> None:
        self.beginResetModel()
        self._resetting = False
        self._shown = (True, self._query)
        self._total = loaded.total
        self.apply_context(loaded.context)
        self._rows = list(loaded.rows)
        self._row_of = {self.row_key(row): i for i, row in enumerate(self._rows)}
        self._cursor = loaded.cursor
        self.rows_changed()
        self.endResetModel()
        self.loaded.emit()

    def _reloaded(self, loaded: _Loaded) -> None:
        self.about_to_load.emit()
        self._total = loaded.total
        self.apply_context(loaded.context)
        self._apply(loaded.rows)
        self._cursor = loaded.cursor
        self.loaded.emit()

    def _fetched(self, loaded: _Loaded) -> None:
        # A row that moved since the earlier pages were read may come again: keep one.
        fresh = [row for row in loaded.rows if self.row_key(row) not in self._row_of]
        self._cursor = loaded.cursor
        if loaded.total is not None:
            self._total = loaded.total
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for row in fresh:
                self._row_of[self.row_key(row)] = len(self._rows)
                self._rows.append(row)
            self.rows_changed()
            self.endInsertRows()
        self.page_loaded.emit(len(fresh))

    def _apply(self, fresh: list[Any]) -> None:
        """Turn the loaded rows into ``fresh`` with precise signals."""
        root = QModelIndex()
        key = self.row_key
        position = {key(row): i for i, row in enumerate(fresh)}
        # 1. Rows no longer listed go, bottom-up in contiguous runs.
        gone = [i for i, row in enumerate(self._rows) if key(row) not in position]
        while gone:
            end = gone.pop()
            start = end
            while gone and gone[-1] == start - 1:
                start = gone.pop()
            self.beginRemoveRows(root, start, end)
            del self._rows[start : end + 1]
            self.rows_changed()
            self.endRemoveRows()
        # 2. The remaining rows take their new relative order: a layout change that
        #    carries every persistent index to its row's new place.
        ordered = sorted(self._rows, key=lambda row: position[key(row)])
        if [key(r) for r in ordered] != [key(r) for r in self._rows]:
            self.layoutAboutToBeChanged.emit()
            new_row = {key(row): i for i, row in enumerate(ordered)}
            old_keys = [key(row) for row in self._rows]
            before = self.persistentIndexList()
            after = [self.index(new_row[old_keys[index.row()]], index.column()) for index in before]
            self._rows = ordered
            self.rows_changed()
            self.changePersistentIndexList(before, after)
            self.layoutChanged.emit()
        # 3. New rows come in where they belong, in contiguous runs.
        present = {key(row) for row in self._rows}
        i = 0
        while i < len(fresh):
            if key(fresh[i]) in present:
                i += 1
                continue
            j = i
            while j < len(fresh) and key(fresh[j]) not in present:
                j += 1
            self.beginInsertRows(root, i, j - 1)
            self._rows[i:i] = fresh[i:j]
            self.rows_changed()
            self.endInsertRows()
            i = j
        # 4. Same rows, same order: take the new values.
        self._rows = list(fresh)
        self._row_of = {key(row): i for i, row in enumerate(self._rows)}
        self.rows_changed()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )


def _read(
    model: type[PagedTableModel],
    session: Session,
    query: Any,
    target: int,
    chunk: int,
    after: Any,
    context: bool,
) -> _Loaded:
    """``target`` rows of ``query`` after ``after``, ``chunk`` at a time (on the worker),
    with the model's context when asked."""
    found = model.read_context(session, query) if context else None
    rows: list[Any] = []
    seen: set[Hashable] = set()
    cursor, total = after, None
    while len(rows) < target:
        part = model.read_chunk(session, query, min(target - len(rows), chunk), cursor)
        for row in part.rows:
            key = model.row_key(row)
            if key not in seen:
                seen.add(key)
                rows.append(row)
        cursor = part.cursor
        if part.total is not None:
            total = part.total
        if cursor is None or not part.rows:
            break
    return _Loaded(rows, cursor, total, found)


class ViewPlace(QObject):
    """Keeps ``view``'s place across its paged model's loads: the selected row stays
    selected after a new query (when still listed; a reload keeps it anyway) and the row at
    the top of the view stays there when rows come or go above it."""

    def __init__(self, view: QTableView, model: PagedTableModel):
        super().__init__(view)
        self.view = view
        self.model = model
        self._selected: Hashable | None = None
        self._top: Hashable | None = None
        self._top_row = -1
        self._scroll = 0
        # After the view's own handlers: its selection model clears itself on a reset.
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        model.about_to_load.connect(self._remember_top)
        model.loaded.connect(self._restore_top)

    def selected_key(self) -> Hashable | None:
        selection = self.view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.model.key_at(rows[0].row()) if rows else None

    def select_key(self, key: Hashable) -> bool:
        """Select (and show) the row of ``key`` when it is loaded."""
        return self.select_row(self.model.row_of_key(key))

    def select_row(self, row: int) -> bool:
        """Select (and show) ``row`` when there is such a row."""
        if not 0 <= row < self.model.rowCount():
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def _remember_selection(self) -> None:
        self._selected = self.selected_key()

    def _restore_selection(self) -> None:
        if self._selected is not None:
            self.select_key(self._selected)
        self._selected = None

    def _remember_top(self) -> None:
        self._top_row = self.view.rowAt(0)
        self._top = self.model.key_at(self._top_row) if self._top_row >= 0 else None
        self._scroll = self.view.verticalScrollBar().value()

    def _restore_top(self) -> None:
        if self._top is None:
            return
        bar = self.view.verticalScrollBar()
        moved = self.model.row_of_key(self._top)
        if moved >= 0 and moved != self._top_row:
            per_item = self.view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
            step = 1 if per_item else self.view.rowHeight(moved)
            bar.setValue(self._scroll + (moved - self._top_row) * step)
        elif moved >= 0:
            bar.setValue(self._scroll)
        self._top = None


class RowsView(QTableView):
    """A table whose rows open: Enter or Return on a row emits ``row_entered`` (as a
    double-click would)."""

    row_entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if plain_key(event, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.row_entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)
