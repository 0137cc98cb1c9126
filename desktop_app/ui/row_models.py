"""A read-only table model over a list of row objects (the administration tabs' tables),
and the read-only table view those tables (and the reminders panel's) are shown in;
``read_only_rows`` sets up any table that way (the tracker's, the survey page's, the
reports' tables)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class RowsTableModel(QAbstractTableModel):
    """Rows of one kind, one per table row; selectable, not editable. Subclasses give
    ``headers()`` (translated column titles) and ``cell(row, column, role)``."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list = []

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.headers())

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = _DISPLAY,
    ) -> Any:
        headers = self.headers()
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(headers)
        ):
            return headers[section]
        return None


def read_only_rows(table: QTableView, *, wrap: bool = True, tab_keys: bool = True) -> None:
    """Make ``table`` a read-only list of rows: whole rows selected one at a time, no
    editing, alternating colours, no row numbers. ``wrap``: long cells wrap; ``tab_keys``:
    Tab moves between cells (else on to the next widget)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    table.setTabKeyNavigation(tab_keys)
    table.verticalHeader().hide()


def list_table(
    name: str,
    model: QAbstractItemModel,
    *,
    stretch: int | None = None,
    fit: Iterable[int] | None = None,
) -> QTableView:
    """A read-only table named ``name`` over ``model``: whole rows, one at a time,
    alternating colours, no row numbers. The columns ``fit`` (all when None) take the width
    of their contents, and ``stretch`` the room left."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    read_only_rows(table)
    header = table.horizontalHeader()
    if fit is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        for column in fit:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
