"""The exchange workbook (SPEC §11) in the GUI: the import dialog (preview first, then an
all-or-nothing import) and the export dialog (a period, everything, or the tracker's
current view).

Both run the services off the UI thread with a progress bar and a cancel button; closing a
dialog while it works cancels the work (nothing is imported, no file is left).

Hooks for tests and automation, on the buttons' own paths:

- ``ImportDialog``: ``set_path(path)``, ``preview()`` and ``start_import()`` return the
  running ``Task`` (``task``), ``cancel()``, ``save_errors(path)``, ``error_rows()``;
  signals ``previewed(report)``, ``imported(report)``, ``failed(text)``.
- ``ExportDialog``: ``set_path(path)``, ``set_period(start, end)`` (None, None: all),
  ``export()`` returns the ``Task``, ``cancel()``; signals ``exported(result)`` (also when
  cancelled: ``result.cancelled``), ``failed(text)``.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import exchange
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.exchange import ExportResult, ImportProblem, ImportReport
from desktop_app.services.session import Session
from desktop_app.ui.forms import MessageLine, message_label, push_button
from desktop_app.ui.i18n import message_text, problem_text, service_message
from desktop_app.ui.resources import icon, set_tone
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

MAX_WARNINGS_SHOWN = 10
_Index = QModelIndex | QPersistentModelIndex


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def translate_reason(template: str) -> str:
    """An import problem's English template in the UI language (like the other service
    messages)."""
    return message_text(template)


def problem_reason(problem: ImportProblem) -> str:
    return problem_text(problem.template, problem.params)


def _export(session: Session, path: Path, **kwargs) -> ExportResult:
    """``exchange.export_cases``, a file that cannot be written told as a service error."""
    try:
        return exchange.export_cases(session, path, **kwargs)
    except OSError as exc:
        raise ValidationError(
            "{path} could not be written: {reason}",
            field="path",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc


def _progress_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setRange(0, 0)
    bar.hide()
    return bar


class ProblemModel(QAbstractTableModel):
    """A rejected import's problems: sheet, row, column, reason (cheap for 50,000)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        rows = []
        if report is not None:
            rows = [
                (p.sheet, "" if p.row is None else str(p.row), p.column, problem_reason(p))
                for p in report.errors
            ]
            if report.errors_omitted:
                rows.append(
                    (
                        "",
                        "",
                        "",
                        self.tr("… and {count:,} more problems").format(
                            count=report.errors_omitted
                        ),
                    )
                )
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[tuple[str, str, str, str]]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Reason"))[section]
        return None


class _WorkDialog(MessageLine, QDialog):
    """What both dialogs share: one task at a time, progress bar, cancel, close."""

    failed = Signal(str)

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.task: Task | None = None
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setToolTip(self.tr("Stop the work; nothing is changed"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close_button")

    def busy(self) -> bool:
        return self.task is not None

    def alive(self, slot):
        """``slot`` called only while this dialog exists (a task may outlive it)."""

        def call(*args):
            if shiboken6.isValid(self):
                slot(*args)

        return call

    def _start(self, task: Task, bar: QProgressBar, text: str) -> Task:
        self.task = task
        bar.setRange(0, 0)
        bar.setFormat(text)
        bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        task.progressed.connect(lambda done, total: self._progressed(bar, done, total))
        task.failed.connect(self.alive(self._failed))
        task.finished.connect(self.alive(lambda: self._finished(bar)))
        self._update_buttons()
        return task

    @staticmethod
    def _progressed(bar: QProgressBar, done: int, total: int) -> None:
        if shiboken6.isValid(bar) and total > 0:
            bar.setRange(0, total)
            bar.setValue(min(done, total))

    def _failed(self, exc: ServiceError) -> None:
        text = service_message(exc)
        self.show_message(text)
        self.failed.emit(text)

    def _finished(self, bar: QProgressBar) -> None:
        self.task = None
        bar.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def cancel(self) -> None:
        """Ask the running work to stop (at its next progress report)."""
        if self.task is not None and shiboken6.isValid(self.task):
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def show_message(self, text: str, *, error: bool = True) -> None:
        set_tone(self.message, "error" if error else "ok")
        MessageLine.show_message(self, text)

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        self.cancel()  # closing stops the work: nothing is imported, no file is left
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.cancel()
        super().closeEvent(event)


class ImportDialog(_WorkDialog):
    """Import an exchange workbook: choose the file, preview (a dry run listing the rows per
    sheet or every bad cell), then import (managers and administrators; the service
    refuses others and the dialog shows why)."""

    previewed = Signal(object)  # ImportReport of the dry run
    imported = Signal(object)  # ImportReport of the import (also rejected or cancelled)

    def __init__(self, session: Session, *, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import cases"))
        self.report: ImportReport | None = None  # the last preview or import
        self._clean_preview: Path | None = None  # the file a clean preview was of
        self._imported = False

        intro = QLabel(
            self.tr(
                "Reads an exchange workbook (sheets 投诉登记, 进度跟踪, 满意度调查, Chinese or "
                "English headers). Check the file first: the import is all or nothing, and any "
                "bad cell rejects the whole file."
            )
        )
        intro.setWordWrap(True)
        self.file_path = QLineEdit()
        self.file_path.setObjectName("file_path")
        self.file_path.setPlaceholderText(self.tr("Excel workbook (.xlsx)"))
        self.file_path.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setObjectName("browse_button")
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("&Workbook:"))
        file_label.setBuddy(self.file_path)
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(self.browse_button)

        self.preview_button = push_button(
            self.tr("Check &file"),
            "preview_button",
            tip=self.tr("Read and check every cell without importing anything"),
            slot=self.preview,
        )
        self.import_button = push_button(
            self.tr("&Import"),
            "import_button",
            icon_name="import",
            tip=self.tr("Import the checked file (after a clean check)"),
            slot=self.start_import,
        )
        self.import_progress = _progress_bar("import_progress")
        work_row = QHBoxLayout()
        work_row.addWidget(self.preview_button)
        work_row.addWidget(self.import_button)
        work_row.addWidget(self.import_progress, 1)
        work_row.addWidget(self.cancel_button)

        self.preview_summary = QLabel()
        self.preview_summary.setObjectName("preview_summary")
        self.preview_summary.setWordWrap(True)
        self.preview_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = message_label("import_message", selectable=True, tone=None)

        self.errors_model = ProblemModel(self)
        self.import_errors_table = QTableView()
        self.import_errors_table.setObjectName("import_errors_table")
        self.import_errors_table.setModel(self.errors_model)
        self.import_errors_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.import_errors_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.import_errors_table.setAlternatingRowColors(True)
        self.import_errors_table.setWordWrap(False)
        self.import_errors_table.verticalHeader().hide()
        header = self.import_errors_table.horizontalHeader()
        for column, width in enumerate((110, 60, 130)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.import_errors_table.hide()
        self.save_errors_button = push_button(
            self.tr("&Save the error report…"),
            "save_errors_button",
            icon_name="save",
            tip=self.tr("Save every problem (sheet, row, column, reason) as an Excel workbook"),
            slot=self.ask_save_errors,
        )
        self.save_errors_button.hide()
        self.buttons.addButton(self.save_errors_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addLayout(work_row)
        layout.addWidget(self.preview_summary)
        layout.addWidget(self.message)
        layout.addWidget(self.import_errors_table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self._update_buttons()

    # --- the file -----------------------------------------------------------------------

    def path(self) -> Path | None:
        text = self.file_path.text().strip()
        return Path(text) if text else None

    def set_path(self, path: str | Path) -> None:
        self.file_path.setText(str(path))

    def browse(self) -> None:
        current = self.path()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the workbook to import"),
            str(current.parent if current else _documents()),
            self.tr("Excel workbook (*.xlsx);;All files (*)"),
        )
        if path:
            self.set_path(path)

    def _path_changed(self) -> None:
        # Another file: its preview is still to do.
        self._clean_preview = None
        self._imported = False
        self.report = None
        self.preview_summary.clear()
        self.clear_message()
        self._show_errors(None)
        self._update_buttons()

    # --- preview and import -----------------------------------------------------------------

    def preview(self) -> Task | None:
        """Check the file (a dry run) off the UI thread; None when no file is chosen or
        work is running."""
        path = self.path()
        if self.busy():
            return None
        if path is None:
            self.show_message(self.tr("Choose the workbook to import."))
            return None
        self._clean_preview = None
        self.report = None
        self.preview_summary.clear()
        self.clear_message()
        self._show_errors(None)
        task = self.tasks.submit(
            exchange.import_workbook,
            self.session,
            path,
            dry_run=True,
            with_progress=True,
            name="import-preview",
        )
        task.succeeded.connect(self.alive(lambda report, path=path: self._previewed(path, report)))
        return self._start(task, self.import_progress, self.tr("Checking… %p%"))

    def _previewed(self, path: Path, report: ImportReport) -> None:
        self.report = report
        if report.cancelled:
            self.preview_summary.setText(self.tr("The check was cancelled."))
        elif report.ok:
            self._clean_preview = path
            self.preview_summary.setText(self.summary_text(report))
            set_tone(self.preview_summary, "ok")
        else:
            self.preview_summary.setText(self.rejected_text(report))
            set_tone(self.preview_summary, "error")
            self._show_errors(report)
        self._update_buttons()
        self.previewed.emit(report)

    def start_import(self) -> Task | None:
        """Import the previewed file off the UI thread; None unless the last check of this
        file was clean (or while work runs)."""
        path = self.path()
        if self.busy() or path is None or self._clean_preview != path or self._imported:
            return None
        self.clear_message()
        task = self.tasks.submit(
            exchange.import_workbook,
            self.session,
            path,
            dry_run=False,
            with_progress=True,
            name="import-workbook",
        )
        task.succeeded.connect(self.alive(self._imported_report))
        return self._start(task, self.import_progress, self.tr("Importing… %p%"))

    def _imported_report(self, report: ImportReport) -> None:
        self.report = report
        if report.written:
            self._imported = True
            self.preview_summary.setText(self.imported_text(report))
            set_tone(self.preview_summary, "ok")
        elif report.cancelled:
            self.preview_summary.setText(self.tr("The import was cancelled; nothing was imported."))
            set_tone(self.preview_summary, "error")
        else:  # the file changed since the check
            self._clean_preview = None
            self.preview_summary.setText(self.rejected_text(report))
            set_tone(self.preview_summary, "error")
            self._show_errors(report)
        self._update_buttons()
        self.imported.emit(report)

    # --- texts --------------------------------------------------------------------------

    def _counts(self, report: ImportReport) -> str:
        return self.tr(
            "complaints (投诉登记): {complaints:,}; progress entries (进度跟踪): "
            "{progress:,}; surveys (满意度调查): {surveys:,}"
        ).format(complaints=report.complaints, progress=report.progress, surveys=report.surveys)

    def _warnings(self, report: ImportReport) -> str:
        if not report.warnings:
            return ""
        lines = [p.line(problem_reason(p)) for p in report.warnings[:MAX_WARNINGS_SHOWN]]
        if len(report.warnings) > MAX_WARNINGS_SHOWN:
            lines.append("…")
        return "\n" + self.tr("Ignored:") + "\n" + "\n".join(lines)

    def summary_text(self, report: ImportReport) -> str:
        text = self.tr("The file is fine. It holds {counts}.").format(counts=self._counts(report))
        if report.new_staff:
            text += "\n" + self.tr(
                "{count} staff names match no account and would become inactive accounts: {names}"
            ).format(
                count=len(report.new_staff),
                names=", ".join(report.new_staff[:10])
                + (", …" if len(report.new_staff) > 10 else ""),
            )
        return text + self._warnings(report) + "\n" + self.tr("Press Import to import it.")

    def rejected_text(self, report: ImportReport) -> str:
        return self.tr(
            "The file is rejected: {count:,} problems (listed below). Nothing "
            "was imported; correct the file and check it again."
        ).format(count=report.error_count) + self._warnings(report)

    def imported_text(self, report: ImportReport) -> str:
        text = self.tr("Imported {counts} in {seconds:.1f} s.").format(
            counts=self._counts(report), seconds=report.seconds
        )
        extras = []
        if report.customers_created:
            extras.append(self.tr("{count:,} new customers").format(count=report.customers_created))
        if report.numbers_assigned:
            extras.append(
                self.tr("{count:,} complaint numbers assigned").format(
                    count=report.numbers_assigned
                )
            )
        if report.new_staff:
            extras.append(
                self.tr("{count:,} inactive staff accounts").format(count=len(report.new_staff))
            )
        if extras:
            text += "\n" + "; ".join(extras) + "."
        return text

    # --- errors -------------------------------------------------------------------------

    def _show_errors(self, report: ImportReport | None) -> None:
        shown = report is not None and bool(report.errors or report.errors_omitted)
        self.errors_model.set_report(report if shown else None)
        self.import_errors_table.setVisible(shown)
        self.save_errors_button.setVisible(shown)

    def error_rows(self) -> list[tuple[str, str, str, str]]:
        """The error table's rows: (sheet, row, column, reason)."""
        return self.errors_model.rows()

    def save_errors(self, path: str | Path) -> Path | None:
        """Save the rejected file's problems as an Excel workbook at ``path``."""
        if self.report is None or not (self.report.errors or self.report.errors_omitted):
            return None
        try:
            written = exchange.write_error_report(self.report, path, translate=translate_reason)
        except OSError as exc:
            self.show_message(
                self.tr("{path} could not be written: {reason}").format(
                    path=str(path), reason=exc.strerror or str(exc)
                )
            )
            return None
        self.show_message(
            self.tr("The error report was saved to {path}.").format(path=str(written)), error=False
        )
        return written

    def ask_save_errors(self) -> Path | None:
        source = self.path()
        name = self.tr("{name} errors.xlsx").format(name=source.stem if source else "import")
        folder = source.parent if source else _documents()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the error report"),
            str(folder / name),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.save_errors(path)

    def _update_buttons(self) -> None:
        busy = self.busy()
        path = self.path()
        self.file_path.setEnabled(not busy)
        self.browse_button.setEnabled(not busy)
        self.preview_button.setEnabled(not busy and path is not None)
        self.import_button.setEnabled(
            not busy and path is not None and not self._imported and self._clean_preview == path
        )
        self.save_errors_button.setEnabled(not busy)


class ExportDialog(_WorkDialog):
    """Write the exchange workbook: every case the user may see, those registered in a
    period, or exactly ``case_ids`` (the tracker's current view, in its order). Contacts
    and ID numbers are masked unless a manager ticks ``export_unmasked`` (audited)."""

    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        session: Session,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        case_ids: list[int] | None = None,
    ):
        super().__init__(session, tasks, parent)
        self.setObjectName("export_dialog")
        self.case_ids = list(case_ids) if case_ids is not None else None
        self.result: ExportResult | None = None
        self.can_unmask = session.is_manager or session.is_admin
        self.setWindowTitle(
            self.tr("Export the current view")
            if self.case_ids is not None
            else self.tr("Export cases")
        )

        form = QFormLayout()
        if self.case_ids is not None:
            what = QLabel(
                self.tr(
                    "The {count:,} cases of the tracker's current view, in its "
                    "order, with their progress entries and surveys."
                ).format(count=len(self.case_ids))
            )
        else:
            what = QLabel(
                self.tr(
                    "The cases you may see, registered in the period, with their "
                    "progress entries and surveys."
                )
            )
        what.setObjectName("export_selection")
        what.setWordWrap(True)
        form.addRow(what)

        today = session.now().date()
        self.export_all = QCheckBox(self.tr("&All dates"))
        self.export_all.setObjectName("export_all")
        self.export_from = self._date_edit("export_from", today.replace(day=1))
        self.export_to = self._date_edit("export_to", today)
        self.export_all.toggled.connect(self._all_toggled)
        self.period_row = QWidget()
        period = QHBoxLayout(self.period_row)
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.export_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.export_to)
        period.addWidget(self.export_all)
        period.addStretch(1)
        self.period_label = QLabel(self.tr("&Registered from:"))
        self.period_label.setBuddy(self.export_from)
        form.addRow(self.period_label, self.period_row)
        self.export_all.setChecked(True)
        if self.case_ids is not None:
            form.setRowVisible(self.period_row, False)

        self.export_unmasked = QCheckBox(self.tr("Full contact details and ID &numbers"))
        self.export_unmasked.setObjectName("export_unmasked")
        self.unmasked_note = QLabel(
            self.tr(
                "Contacts and ID numbers are masked (138****5678) unless you tick this. An "
                "unmasked export is recorded in the audit log with who, when, what and how many "
                "rows; keep the file safe. Only an unmasked export can be imported again."
            )
        )
        self.unmasked_note.setObjectName("export_unmasked_note")
        self.unmasked_note.setWordWrap(True)
        self.export_unmasked.setToolTip(self.unmasked_note.text())
        form.addRow(self.export_unmasked)
        form.addRow(self.unmasked_note)
        if not self.can_unmask:
            self.export_unmasked.hide()
            self.unmasked_note.setText(
                self.tr(
                    "Contacts and ID numbers are masked (138****5678); only managers may export "
                    "them in full."
                )
            )

        self.export_path = QLineEdit()
        self.export_path.setObjectName("export_path")
        self.export_path.setText(str(_documents() / self.default_name()))
        self.export_browse_button = QPushButton(self.tr("&Browse…"))
        self.export_browse_button.setObjectName("export_browse_button")
        self.export_browse_button.clicked.connect(self.browse)
        self.export_path.textChanged.connect(lambda _text: self._update_buttons())
        path_row = QHBoxLayout()
        path_row.addWidget(self.export_path, 1)
        path_row.addWidget(self.export_browse_button)
        path_label = QLabel(self.tr("&Save as:"))
        path_label.setBuddy(self.export_path)
        form.addRow(path_label, path_row)

        self.export_button = QPushButton(self.tr("E&xport"))
        self.export_button.setObjectName("export_button")
        self.export_button.setIcon(icon("export"))
        self.export_button.setDefault(True)
        self.export_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.export_button.clicked.connect(self.export)
        self.export_progress = _progress_bar("export_progress")
        work_row = QHBoxLayout()
        work_row.addWidget(self.export_button)
        work_row.addWidget(self.export_progress, 1)
        work_row.addWidget(self.cancel_button)
        work_row.addStretch()  # keeps the button on the left while no bar is shown
        self.export_summary = QLabel()
        self.export_summary.setObjectName("export_summary")
        self.export_summary.setWordWrap(True)
        self.export_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = message_label("export_message", selectable=True, tone=None)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(work_row)
        layout.addWidget(self.export_summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 300)
        self._update_buttons()

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _all_toggled(self, checked: bool) -> None:
        self.export_from.setEnabled(not checked)
        self.export_to.setEnabled(not checked)

    def default_name(self) -> str:
        stamp = self.session.now().strftime("%Y%m%d-%H%M")
        if self.case_ids is not None:
            return self.tr("Complaints view {stamp}.xlsx").format(stamp=stamp)
        return self.tr("Complaints {stamp}.xlsx").format(stamp=stamp)

    def set_path(self, path: str | Path) -> None:
        self.export_path.setText(str(path))

    def path(self) -> Path | None:
        text = self.export_path.text().strip()
        if not text:
            return None
        if not text.lower().endswith(".xlsx"):
            text += ".xlsx"
        return Path(text)

    def set_period(self, start: dt.date | None, end: dt.date | None) -> None:
        """Registered between ``start`` and ``end`` (inclusive); both None: all dates."""
        if start is None and end is None:
            self.export_all.setChecked(True)
            return
        self.export_all.setChecked(False)
        if start is not None:
            self.export_from.setDate(QDate(start.year, start.month, start.day))
        if end is not None:
            self.export_to.setDate(QDate(end.year, end.month, end.day))

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if self.case_ids is not None or self.export_all.isChecked():
            return None, None
        start, end = self.export_from.date(), self.export_to.date()
        return (
            dt.date(start.year(), start.month(), start.day()),
            dt.date(end.year(), end.month(), end.day()),
        )

    def browse(self) -> None:
        current = self.path()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export cases"),
            str(current or _documents() / self.default_name()),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.set_path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export(self) -> Task | None:
        """Write the workbook off the UI thread; None without a path or while working."""
        path = self.path()
        if self.busy():
            return None
        if path is None:
            self.show_message(self.tr("Choose where to save the workbook."))
            return None
        self.clear_message()
        self.export_summary.clear()
        self.result = None
        start, end = self.period()
        unmasked = self.can_unmask and self.export_unmasked.isChecked()
        task = self.tasks.submit(
            _export,
            self.session,
            path,
            start=start,
            end=end,
            unmasked=unmasked,
            case_ids=self.case_ids,
            with_progress=True,
            name="export-cases",
        )
        task.succeeded.connect(self.alive(self._exported))
        return self._start(task, self.export_progress, self.tr("Exporting… %p%"))

    def _exported(self, result: ExportResult) -> None:
        self.result = result
        if result.cancelled:
            self.export_summary.setText(self.tr("The export was cancelled; no file was saved."))
            set_tone(self.export_summary, "error")
        else:
            text = self.tr(
                "Saved {path}: {complaints:,} complaints, {progress:,} progress "
                "entries, {surveys:,} surveys."
            ).format(
                path=str(result.path),
                complaints=result.complaints,
                progress=result.progress,
                surveys=result.surveys,
            )
            if result.unmasked:
                text += " " + self.tr("Contacts in full (recorded in the audit log).")
            self.export_summary.setText(text)
            set_tone(self.export_summary, "ok")
        self.exported.emit(result)

    def _update_buttons(self) -> None:
        busy = self.busy()
        self.export_button.setEnabled(not busy and self.path() is not None)
        for widget in (self.export_path, self.export_browse_button, self.export_unmasked):
            widget.setEnabled(not busy)
        self.export_from.setEnabled(not busy and not self.export_all.isChecked())
        self.export_to.setEnabled(not busy and not self.export_all.isChecked())
        self.export_all.setEnabled(not busy)
