"""The export dialog: a period, everything, or the tracker's current view, to a workbook."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.messages import msg
from desktop_app.services import exchange
from desktop_app.services.errors import ValidationError
from desktop_app.services.exchange import ExportResult
from desktop_app.services.session import Session
from desktop_app.ui.exchange.work import _WorkDialog
from desktop_app.ui.forms import (
    ask_save_path,
    documents_folder,
    message_label,
    note_label,
    progress_bar,
)
from desktop_app.ui.resources import icon, set_tone
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


def _export(session: Session, path: Path, **kwargs) -> ExportResult:
    """``exchange.export_cases``, a file that cannot be written told as a service error."""
    try:
        return exchange.export_cases(session, path, **kwargs)
    except OSError as exc:
        raise ValidationError(
            msg("{path} could not be written: {reason}"),
            field="path",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc


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
        self.export_path.setText(str(documents_folder() / self.default_name()))
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
        self.export_progress = progress_bar("export_progress")
        work_row = QHBoxLayout()
        work_row.addWidget(self.export_button)
        work_row.addWidget(self.export_progress, 1)
        work_row.addWidget(self.cancel_button)
        work_row.addStretch()  # keeps the button on the left while no bar is shown
        self.export_summary = note_label("export_summary")
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
        path = ask_save_path(
            self,
            self.tr("Export cases"),
            current or documents_folder() / self.default_name(),
            self.tr("Excel workbook (*.xlsx)"),
            suffix=".xlsx",
        )
        if path:
            self.set_path(path)

    def export(self) -> Task | None:
        """Write the workbook off the UI thread; None without a path or while working."""
        path = self.ready_path(self.tr("Choose where to save the workbook."))
        if path is None:
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
