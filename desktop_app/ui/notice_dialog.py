"""Settings → Working calendar → "Import the holiday notice…": the State Council's notice
(国务院办公厅关于20XX年部分节假日安排的通知) pasted or opened from a text file, its days
off and makeup working days shown next to the built-in data with the differences
highlighted, then imported as the year's official calendar (docs/rules.md#calendar)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import calendar as calendar_service
from desktop_app.services.calendar import NoticePreview
from desktop_app.services.session import Session
from desktop_app.ui.i18n import service_message
from desktop_app.ui.tasks import Task, TaskRunner

DIFFERENCE_COLOUR = "#ffe08a"


def read_notice_file(path: str | Path) -> str:
    """A notice saved as text: UTF-8 (with or without a byte order mark), else GB18030."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


class HolidayNoticeDialog(QDialog):
    """Paste or open the notice, check the preview, import. ``previewed`` follows each
    preview (or error), ``imported(year)`` a finished import."""

    previewed = Signal()
    imported = Signal(int)

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.preview: NoticePreview | None = None
        self.setObjectName("notice_dialog")
        self.setWindowTitle(self.tr("Import the holiday notice"))
        self.resize(760, 640)

        hint = QLabel(
            self.tr(
                "Paste the State Council's notice (国务院办公厅关于20XX年部分节假日安排的通知) "
                "with its title, or open it as a text file. Its days off and makeup working "
                "days replace the built-in holiday data of that year; your overrides still win."
            )
        )
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("notice_text")
        self.text.setPlaceholderText(
            self.tr("国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：…")
        )
        self.text.textChanged.connect(self._text_changed)
        self.open_button = QPushButton(self.tr("&Open a text file…"))
        self.open_button.setObjectName("notice_open_button")
        self.open_button.clicked.connect(self.open_file)

        self.summary = QLabel()
        self.summary.setObjectName("notice_summary")
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("notice_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #a00000; font-weight: bold; }")
        self.error.hide()

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("notice_preview")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Weekday"), self.tr("In the notice"), self.tr("Built in")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("notice_import_button")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("Cancel"))
        close.setObjectName("notice_cancel_button")
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh_preview)

    # --- the text ---------------------------------------------------------------------

    def open_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the holiday notice"),
            "",
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if not path:
            return
        try:
            self.text.setPlainText(read_notice_file(path))
        except OSError as exc:
            self._show_error(
                self.tr("Cannot read {file}: {reason}").format(
                    file=path, reason=exc.strerror or str(exc)
                )
            )

    def _text_changed(self) -> None:
        self.import_button.setEnabled(False)
        self._timer.start()

    # --- preview and import -----------------------------------------------------------

    def refresh_preview(self) -> Task | None:
        """Read the notice off the UI thread (a dry run; the newest text wins)."""
        self._timer.stop()
        text = self.text.toPlainText()
        if not text.strip():
            self.preview = None
            self.table.setRowCount(0)
            self.summary.clear()
            self.error.hide()
            self.previewed.emit()
            return None
        task = self.tasks.submit(
            calendar_service.import_notice,
            self.session,
            text,
            dry_run=True,
            name="notice-preview",
            key=(self, "preview"),
        )
        task.on(succeeded=self._show_preview, failed=self._failed)
        return task

    def start_import(self) -> Task | None:
        if self.preview is None:
            return None
        self.import_button.setEnabled(False)
        task = self.tasks.submit(
            calendar_service.import_notice,
            self.session,
            self.text.toPlainText(),
            name="notice-import",
        )
        task.on(succeeded=self._imported, failed=self._failed)
        return task

    def _imported(self, preview: NoticePreview) -> None:
        self.imported.emit(preview.year)
        self.accept()

    def _failed(self, exc) -> None:
        self.preview = None
        self.table.setRowCount(0)
        self.summary.clear()
        self._show_error(service_message(exc))
        self.previewed.emit()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.import_button.setEnabled(False)

    # --- the table --------------------------------------------------------------------

    def kind_text(self, kind: str) -> str:
        return {
            "off": self.tr("Day off"),
            "makeup": self.tr("Makeup working day"),
        }.get(kind, "")

    def _show_preview(self, preview: NoticePreview) -> None:
        self.preview = preview
        self.error.hide()
        built = preview.built_in
        notice_kind = {d: "off" for d in preview.days_off} | {
            d: "makeup" for d in preview.makeup_workdays
        }
        built_kind = {d: "off" for d in built.days_off} | {
            d: "makeup" for d in built.makeup_workdays
        }
        days = sorted(set(notice_kind) | set(built_kind))
        differing = preview.days_off_differences | preview.makeup_differences
        self.table.setRowCount(len(days))
        locale = QLocale()
        bold = QFont()
        bold.setBold(True)
        for row, day in enumerate(days):
            name = preview.names.get(day, "")
            notice_text = self.kind_text(notice_kind.get(day, ""))
            if name:
                notice_text += f" ({name})"
            cells = [
                day.isoformat(),
                locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat),
                notice_text,
                self.kind_text(built_kind.get(day, "")) if built.official else "",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
                if day in differing:
                    item.setBackground(QBrush(QColor(DIFFERENCE_COLOUR)))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        summary = self.tr("{year}: {off} days off, {makeup} makeup working days.").format(
            year=preview.year, off=len(preview.days_off), makeup=len(preview.makeup_workdays)
        )
        if not built.official:
            summary += " " + self.tr("The program has no built-in data for {year}.").format(
                year=preview.year
            )
        elif differing:
            summary += " " + self.tr(
                "Days that differ from the built-in data (highlighted): {count}."
            ).format(count=len(differing))
        else:
            summary += " " + self.tr("Same as the built-in data.")
        if preview.imported_before:
            summary += " " + self.tr(
                "Importing replaces the notice imported earlier for {year}."
            ).format(year=preview.year)
        self.summary.setText(summary)
        self.import_button.setEnabled(True)
        self.previewed.emit()

    def differing_days(self) -> list[dt.date]:
        """The days shown highlighted (for tests and screen readers alike)."""
        days = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.font().bold():
                days.append(dt.date.fromisoformat(item.text()))
        return days
