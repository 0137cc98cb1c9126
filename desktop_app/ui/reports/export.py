"""The export of the reports page: the report workbook of the figures shown, written by
``services.report_workbook.write_report_workbook`` off the UI thread.

``ReportExport`` owns the export's widgets (``export_button``, ``export_unmasked``,
``cancel_export_button``, ``export_progress``; the page lays them out) and the running
export. Its texts belong to the reports page: they are translated in the ``ReportsPage``
context, as when they were written there.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from desktop_app.domain.periods import Period
from desktop_app.services import report_workbook
from desktop_app.services.errors import ServiceError
from desktop_app.services.kpi import KpiReport
from desktop_app.services.session import Session
from desktop_app.ui.forms import ask_save_path, documents_folder, progress_bar
from desktop_app.ui.i18n import service_message
from desktop_app.ui.resources import icon
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


class ReportExport(QObject):
    """The export of the report shown on ``page`` for ``session``.

    ``exported(path)`` after a workbook was written, ``status_message(text)`` for the
    status bar, ``problem(text)`` for the page's message line."""

    exported = Signal(str)
    status_message = Signal(str)
    problem = Signal(str)

    def __init__(self, session: Session, tasks: TaskRunner, page: QWidget):
        super().__init__(page)
        self.session = session
        self.tasks = tasks
        self.page = page
        self.report: KpiReport | None = None
        self.period: Period | None = None
        self.task: Task | None = None
        self.can_unmask = session.is_manager or session.is_admin

        self.export_button = QPushButton(
            QCoreApplication.translate("ReportsPage", "E&xport to Excel…")
        )
        self.export_button.setObjectName("export_button")
        self.export_button.setIcon(icon("export"))
        self.export_unmasked = QCheckBox(
            QCoreApplication.translate("ReportsPage", "Full &contacts")
        )
        self.export_unmasked.setObjectName("export_unmasked")
        self.export_unmasked.setToolTip(
            QCoreApplication.translate(
                "ReportsPage",
                "Write contact details unmasked in the overdue list (recorded in the audit "
                "log); otherwise they are masked like 138****5678",
            )
        )
        self.export_unmasked.setVisible(self.can_unmask)
        self.cancel_export_button = QPushButton(
            QCoreApplication.translate("ReportsPage", "Cancel export")
        )
        self.cancel_export_button.setObjectName("cancel_export_button")
        self.cancel_export_button.hide()
        self.export_progress = progress_bar(
            "export_progress",
            max_width=160,
            text=QCoreApplication.translate("ReportsPage", "Exporting… %p%"),
        )
        self.export_button.clicked.connect(self.ask_export)
        self.cancel_export_button.clicked.connect(self.cancel_export)
        self.update_button()

    def widgets(self) -> tuple[QWidget, ...]:
        """The export's widgets, in the order they sit in the period bar."""
        return (
            self.export_progress,
            self.cancel_export_button,
            self.export_unmasked,
            self.export_button,
        )

    def show_report(self, report: KpiReport | None, period: Period | None) -> None:
        """The figures shown now (what an export writes)."""
        self.report, self.period = report, period
        self.update_button()

    def update_button(self) -> None:
        self.export_button.setEnabled(self.report is not None and self.task is None)
        if self.report is None:
            self.export_button.setToolTip(
                QCoreApplication.translate("ReportsPage", "Export once the figures are shown")
            )
        else:
            self.export_button.setToolTip(
                QCoreApplication.translate(
                    "ReportsPage",
                    "Save the figures shown as an Excel workbook (summary, breakdowns, overdue "
                    "cases, surveys, improvement actions, charts)",
                )
            )

    def default_export_name(self) -> str:
        period = self.period
        if period is None:
            label = ""
        elif period.kind != "custom":
            label = period.label()
        else:
            label = f"{period.start:%Y%m%d}-{period.end:%Y%m%d}"
        return QCoreApplication.translate("ReportsPage", "Complaint report {period}.xlsx").format(
            period=label
        )

    def ask_export(self) -> Task | None:
        path = ask_save_path(
            self.page,
            QCoreApplication.translate("ReportsPage", "Export the report"),
            documents_folder() / self.default_export_name(),
            QCoreApplication.translate("ReportsPage", "Excel workbook (*.xlsx)"),
            suffix=".xlsx",
        )
        return self.export_to(path) if path else None

    def export_to(self, path: str | Path, *, unmasked: bool | None = None) -> Task | None:
        """Write the report shown to ``path`` off the UI thread (contacts unmasked when
        ``unmasked``, by default as ``export_unmasked`` says); None when there is nothing
        to export or an export is running."""
        if self.report is None or self.task is not None:
            return None
        if unmasked is None:
            unmasked = self.can_unmask and self.export_unmasked.isChecked()
        task = self.tasks.submit(
            report_workbook.write_report_workbook,
            self.session,
            self.report,
            Path(path),
            unmasked=unmasked,
            with_progress=True,
            name="report-workbook",
        )
        self.task = task
        self.export_progress.setRange(0, 0)
        self.export_progress.show()
        self.cancel_export_button.show()
        task.on(
            progressed=self._progressed,
            succeeded=lambda result: self._done(result, str(path)),
            failed=self._failed,
            finished=self._finished,
        )
        self.update_button()
        return task

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.export_progress.setRange(0, total)
            self.export_progress.setValue(min(done, total))

    def cancel_export(self) -> None:
        """Stop the running export (at its next page of rows); no file is left."""
        if self.task is not None and shiboken6.isValid(self.task):
            self.task.cancel()
            self.cancel_export_button.setEnabled(False)

    def _done(self, result: Path | None, path: str) -> None:
        if result is None:  # cancelled
            self.status_message.emit(
                QCoreApplication.translate(
                    "ReportsPage", "The export was cancelled; no file was saved."
                )
            )
            return
        self.status_message.emit(
            QCoreApplication.translate("ReportsPage", "The report was saved to {path}.").format(
                path=path
            )
        )
        self.exported.emit(path)

    def _failed(self, exc: ServiceError) -> None:
        self.problem.emit(
            QCoreApplication.translate("ReportsPage", "Not exported: {reason}").format(
                reason=service_message(exc)
            )
        )

    def _finished(self) -> None:
        self.task = None
        self.export_progress.hide()
        self.cancel_export_button.hide()
        self.cancel_export_button.setEnabled(True)
        self.update_button()
