"""The import dialog: choose a workbook, check it (a dry run listing the rows per sheet or
every bad cell), then import it all or nothing."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import exchange
from desktop_app.services.exchange import ImportProblem, ImportReport
from desktop_app.services.session import Session
from desktop_app.ui.exchange.work import _WorkDialog
from desktop_app.ui.forms import (
    documents_folder,
    message_label,
    note_label,
    progress_bar,
    push_button,
)
from desktop_app.ui.i18n import message_text, problem_text
from desktop_app.ui.resources import set_tone
from desktop_app.ui.row_models import RowsTableModel
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


MAX_WARNINGS_SHOWN = 10


def translate_reason(template: str) -> str:
    """An import problem's English template in the UI language (like the other service
    messages)."""
    return message_text(template)


def problem_reason(problem: ImportProblem) -> str:
    return problem_text(problem.template, problem.params)


class ProblemModel(RowsTableModel):
    """A rejected import's problems: sheet, row, column, reason (cheap for 50,000)."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Reason"))

    def set_report(self, report: ImportReport | None) -> None:
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
        self.set_rows(rows)

    def cell(self, row: tuple[str, str, str, str], column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


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
        self.import_progress = progress_bar("import_progress")
        work_row = QHBoxLayout()
        work_row.addWidget(self.preview_button)
        work_row.addWidget(self.import_button)
        work_row.addWidget(self.import_progress, 1)
        work_row.addWidget(self.cancel_button)

        self.preview_summary = note_label("preview_summary")
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
            str(current.parent if current else documents_folder()),
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
        path = self.ready_path(self.tr("Choose the workbook to import."))
        if path is None:
            return None
        self._clean_preview = None
        self.report = None
        self.preview_summary.clear()
        self.clear_message()
        self._show_errors(None)
        task = self._submit_import(path, dry_run=True)
        task.succeeded.connect(self.alive(lambda report, path=path: self._previewed(path, report)))
        return self._start(task, self.import_progress, self.tr("Checking… %p%"))

    def _submit_import(self, path: Path, *, dry_run: bool) -> Task:
        """``exchange.import_workbook`` of ``path`` off the UI thread (only a check with
        ``dry_run``)."""
        return self.tasks.submit(
            exchange.import_workbook,
            self.session,
            path,
            dry_run=dry_run,
            with_progress=True,
            name="import-preview" if dry_run else "import-workbook",
        )

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
        task = self._submit_import(path, dry_run=False)
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
            written = self.write_error_report(self.report, path)
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

    def write_error_report(self, report: Any, path: str | Path) -> Path:
        """Write ``report``'s problems as a workbook (the policy import's dialog writes its
        own report)."""
        return exchange.write_error_report(report, path, translate=translate_reason)

    def ask_save_errors(self) -> Path | None:
        source = self.path()
        name = self.tr("{name} errors.xlsx").format(name=source.stem if source else "import")
        folder = source.parent if source else documents_folder()
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
