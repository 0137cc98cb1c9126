"""The tables of the reports page (reports/page.py): ``ReportTable``, a read-only table of
a few rows whose rows carry the value a drill-down or an edit needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.ui.row_models import read_only_rows

DataRole = Qt.ItemDataRole.UserRole


class ReportTable(QTableWidget):
    """A read-only table of a few rows: whole-row selection, Enter or a double-click
    activates a row."""

    def __init__(self, name: str, headers: list[str], parent: QWidget | None = None):
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        read_only_rows(self, wrap=False, tab_keys=False)
        self.setMinimumHeight(150)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def fill(
        self, rows: list[list[str]], data: list[object] | None = None, numeric: tuple[int, ...] = ()
    ) -> None:
        self.clearContents()
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in numeric:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if data is not None:
                    item.setData(DataRole, data[r])
                self.setItem(r, c, item)

    def row_texts(self) -> list[list[str]]:
        return [
            [self.item(r, c).text() if self.item(r, c) else "" for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]

    def row_data(self, row: int):
        item = self.item(row, 0)
        return item.data(DataRole) if item is not None else None
