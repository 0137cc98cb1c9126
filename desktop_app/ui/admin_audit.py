"""The audit-log tab of the administration page (managers and administrators).

Filters: user (``audit_user``, editable), complaint number (``audit_case``), action
(``audit_action``: "All actions" and every code of ``audit.ACTIONS`` with a readable,
translated label) and dates (``audit_from``, ``audit_to``, inclusive; the last 30 days by
default). A changed filter reloads the table (``audit_table``) at once; the complaint number
and a typed user name apply on Enter or on leaving the field. An unknown complaint number or
a start date after the end date is shown under that input and the table keeps the entries of
the last valid filter.

The table (``AuditTableModel``) shows the newest entries first, a page at a time: the view
asks for the next page (``canFetchMore``/``fetchMore``, keyset by entry id) when it scrolls
to the end. ``audit_count`` says how many are shown of how many match. The Details column is
in words in the UI language (``ui/detail_words.py`` ``DetailWords``: labels, vocabulary
labels for codes, old → new, names for the ids and codes the service resolved in
``AuditRow.names``; docs/rules.md#audit-log).

Export (``audit_export_button``): ``choose_export_path()`` (a file dialog; tests replace it)
then ``export_to(path)`` runs ``audit.export_audit`` off the UI thread with a progress bar and
reports the file and row count through ``status_message``; its Details column has the same
words as the table (the Action column keeps the action code). Entries are read-only: there is
no way to change one here.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import audit
from desktop_app.services.audit import AuditFilter, AuditRow
from desktop_app.services.errors import NotFound, ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.ui.detail_words import DetailWords
from desktop_app.ui.forms import (
    FieldError,
    MessageLine,
    ask_save_path,
    documents_folder,
    message_label,
    progress_bar,
    push_button,
)
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.paged_model import Chunk, PagedTableModel
from desktop_app.ui.row_models import list_table
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
AuditIdRole = Qt.ItemDataRole.UserRole + 1
ActionRole = Qt.ItemDataRole.UserRole + 2

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DEFAULT_DAYS = 30
PAGE_SIZE = 200


def action_labels() -> dict[str, str]:
    """Every action code of the audit log with its readable label in the UI language."""
    return {
        "login": QCoreApplication.translate("AuditLog", "Sign-in"),
        "login_failed": QCoreApplication.translate("AuditLog", "Failed sign-in"),
        "login_blocked": QCoreApplication.translate("AuditLog", "Sign-in refused (locked out)"),
        "logout": QCoreApplication.translate("AuditLog", "Sign-out"),
        "unlock": QCoreApplication.translate("AuditLog", "Window unlocked"),
        "unlock_failed": QCoreApplication.translate("AuditLog", "Failed unlock"),
        "password_change": QCoreApplication.translate("AuditLog", "Own password changed"),
        "password_reset": QCoreApplication.translate(
            "AuditLog", "Password reset by an administrator"
        ),
        "account_unlock": QCoreApplication.translate(
            "AuditLog", "Sign-in lockout lifted by an administrator"
        ),
        "user_create": QCoreApplication.translate("AuditLog", "Account added"),
        "user_update": QCoreApplication.translate("AuditLog", "Account changed"),
        "user_disable": QCoreApplication.translate("AuditLog", "Account disabled"),
        "user_enable": QCoreApplication.translate("AuditLog", "Account enabled"),
        "complaint_create": QCoreApplication.translate("AuditLog", "Complaint registered"),
        "customer_update": QCoreApplication.translate("AuditLog", "Customer record changed"),
        "complaint_routed": QCoreApplication.translate("AuditLog", "Case assigned by rule"),
        "progress": QCoreApplication.translate("AuditLog", "Progress recorded"),
        "transfer": QCoreApplication.translate("AuditLog", "Case transferred"),
        "escalate": QCoreApplication.translate("AuditLog", "Case escalated"),
        "escalate_auto": QCoreApplication.translate("AuditLog", "Case escalated automatically"),
        "approval_request": QCoreApplication.translate("AuditLog", "Approval requested"),
        "approval_decision": QCoreApplication.translate("AuditLog", "Approval decided"),
        "close": QCoreApplication.translate("AuditLog", "Case closed"),
        "reopen": QCoreApplication.translate("AuditLog", "Case reopened"),
        "renegotiate": QCoreApplication.translate("AuditLog", "Resolution date renegotiated"),
        "reassess": QCoreApplication.translate("AuditLog", "Case re-assessed"),
        "account_frozen": QCoreApplication.translate("AuditLog", "Account frozen note"),
        "root_cause": QCoreApplication.translate("AuditLog", "Root cause recorded"),
        "urgent_batch": QCoreApplication.translate("AuditLog", "Batch complaint marked urgent"),
        "deadlines_recomputed": QCoreApplication.translate("AuditLog", "Deadlines recomputed"),
        "contact_unmasked": QCoreApplication.translate("AuditLog", "Full contact details shown"),
        "follow_up_create": QCoreApplication.translate("AuditLog", "Follow-up created"),
        "follow_up_done": QCoreApplication.translate("AuditLog", "Follow-up done"),
        "reminder_ack": QCoreApplication.translate("AuditLog", "Reminder acknowledged"),
        "reminder_snooze": QCoreApplication.translate("AuditLog", "Reminder snoozed"),
        "survey_create": QCoreApplication.translate("AuditLog", "Survey recorded"),
        "survey_attempt": QCoreApplication.translate("AuditLog", "Survey attempt recorded"),
        "survey_skipped": QCoreApplication.translate("AuditLog", "Survey skipped"),
        "improvement_create": QCoreApplication.translate("AuditLog", "Improvement action added"),
        "improvement_update": QCoreApplication.translate("AuditLog", "Improvement action changed"),
        "review_meeting_create": QCoreApplication.translate("AuditLog", "Review meeting recorded"),
        "review_meeting_update": QCoreApplication.translate("AuditLog", "Review meeting changed"),
        "review_decision_action": QCoreApplication.translate(
            "AuditLog", "Improvement action created from a decision"
        ),
        "typical_case_mark": QCoreApplication.translate("AuditLog", "Marked as a typical case"),
        "typical_case_remove": QCoreApplication.translate(
            "AuditLog", "Removed from the typical-case library"
        ),
        "export_cases": QCoreApplication.translate("AuditLog", "Cases exported"),
        "export_unmasked": QCoreApplication.translate("AuditLog", "Cases exported unmasked"),
        "export_report": QCoreApplication.translate("AuditLog", "Report exported"),
        "export_audit": QCoreApplication.translate("AuditLog", "Audit log exported"),
        "import_workbook": QCoreApplication.translate("AuditLog", "Workbook imported"),
        "policy_change": QCoreApplication.translate("AuditLog", "Policy changed"),
        "setting_change": QCoreApplication.translate("AuditLog", "Setting changed"),
        "calendar_override": QCoreApplication.translate("AuditLog", "Calendar day changed"),
        "calendar_override_removed": QCoreApplication.translate(
            "AuditLog", "Calendar day change removed"
        ),
        "calendar_notice_imported": QCoreApplication.translate(
            "AuditLog", "Holiday notice imported"
        ),
        "backup": QCoreApplication.translate("AuditLog", "Backup taken"),
        "restore": QCoreApplication.translate("AuditLog", "Database restored"),
        "demo_generate": QCoreApplication.translate("AuditLog", "Demo data generated"),
    }


def action_label(code: str, labels: dict[str, str] | None = None) -> str:
    """The readable label of an action code (the code itself when unknown)."""
    return (labels or action_labels()).get(code, code)


def export_headers() -> tuple[str, ...]:
    """The export's column titles in the UI language (``audit.HEADERS`` order)."""
    return (
        QCoreApplication.translate("AuditLog", "Time"),
        QCoreApplication.translate("AuditLog", "User"),
        QCoreApplication.translate("AuditLog", "Action"),
        QCoreApplication.translate("AuditLog", "Entity"),
        QCoreApplication.translate("AuditLog", "Entity id"),
        QCoreApplication.translate("AuditLog", "Complaint number"),
        QCoreApplication.translate("AuditLog", "Details"),
    )


class AuditTableModel(PagedTableModel):
    """Audit entries of one filter, newest first, ``page_size`` rows a page, read off the
    UI thread (``paged_model``): ``set_filter`` loads the first page and the count."""

    TIME, USER, ACTION, CASE, DETAILS = range(5)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ):
        super().__init__(session, tasks, parent, page_size=page_size)
        self._labels = action_labels()
        self.words = DetailWords(ui_language(), self)

    @property
    def filter(self) -> AuditFilter | None:
        return self.query

    def set_filter(self, flt: AuditFilter) -> Task:
        self._labels = action_labels()
        if self.words.language != ui_language():
            self.words = DetailWords(ui_language(), self)
        return self.set_query(flt)

    @staticmethod
    def read_chunk(session: Session, query: AuditFilter, limit: int, after) -> Chunk:
        rows = audit.list_audit(session, query, limit=limit, before_id=after)
        # Keyset by entry id: the next page starts before the last entry read.
        return Chunk(rows, rows[-1].id if rows and len(rows) >= limit else None)

    @staticmethod
    def read_context(session: Session, query: AuditFilter) -> int:
        """How many entries match (the count under the table)."""
        return audit.count_audit(session, query)

    def apply_context(self, context: int) -> None:
        self._total = context

    def display(self, row: AuditRow, column: int) -> str:
        if column == self.TIME:
            return row.at.strftime(TIME_FORMAT)
        if column == self.USER:
            return row.username
        if column == self.ACTION:
            return action_label(row.action, self._labels)
        if column == self.CASE:
            return row.case_number
        if column == self.DETAILS:
            return self.words.entry_text(row.action, row.details, row.names)
        return ""

    def cell(self, row: AuditRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.display(row, column)
            if role == Qt.ItemDataRole.ToolTipRole and column == self.ACTION:
                return f"{text} ({row.action})"
            return text
        if role == AuditIdRole:
            return row.id
        if role == ActionRole:
            return row.action
        return None

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Complaint number"),
            self.tr("Details"),
        )


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class AuditTab(MessageLine, QWidget):
    """The audit-log viewer; see the module documentation."""

    status_message = Signal(str)
    exported = Signal(str, int)  # path, rows

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.setObjectName("audit_tab")
        self._export_task: Task | None = None
        self._loaded = False

        today = session.now().date()
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("audit_user")
        self.user_combo.setEditable(True)
        self.user_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.user_combo.lineEdit().setPlaceholderText(self.tr("All users"))
        self.user_combo.setMinimumContentsLength(16)
        self.case_edit = QLineEdit()
        self.case_edit.setObjectName("audit_case")
        self.case_edit.setPlaceholderText(self.tr("Any complaint"))
        self.case_edit.setClearButtonEnabled(True)
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("audit_action")
        self.action_combo.addItem(self.tr("All actions"), "")
        for code, label in action_labels().items():
            self.action_combo.addItem(label, code)
        self.from_edit = QDateEdit(_qdate(today - dt.timedelta(days=DEFAULT_DAYS)))
        self.from_edit.setObjectName("audit_from")
        self.to_edit = QDateEdit(_qdate(today))
        self.to_edit.setObjectName("audit_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.case_error = FieldError("audit_case")
        self.from_error = FieldError("audit_from")

        filters = QGridLayout()
        filters.setHorizontalSpacing(12)
        columns = (
            (self.tr("&User:"), self.user_combo, None),
            (self.tr("&Complaint number:"), self.case_edit, self.case_error),
            (self.tr("&Action:"), self.action_combo, None),
            (self.tr("&From:"), self.from_edit, self.from_error),
            (self.tr("&To:"), self.to_edit, None),
        )
        for column, (text, widget, error) in enumerate(columns):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label, 0, column)
            filters.addWidget(widget, 1, column)
            if error is not None:
                filters.addWidget(error, 2, column)
        filters.setColumnStretch(len(columns), 1)

        self.model = AuditTableModel(session, tasks, self, page_size=page_size)
        self.model.load_failed.connect(self._load_failed)
        self.model.page_loaded.connect(lambda _n: self._update_count())
        self.model.loaded.connect(self._update_count)
        self.table = list_table("audit_table", self.model, stretch=AuditTableModel.DETAILS)
        self.table.setWordWrap(False)

        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")
        self.message = message_label("audit_message")
        self.refresh_button = push_button(
            self.tr("&Refresh"),
            "audit_refresh_button",
            icon_name="refresh",
            tip=self.tr("Read the audit log again (F5)"),
            slot=self.reload,
        )
        self.export_button = push_button(
            self.tr("&Export…"),
            "audit_export_button",
            icon_name="export",
            tip=self.tr(
                "Save the entries of this filter as an Excel workbook (the export is recorded "
                "in the audit log)"
            ),
            slot=self.ask_export,
        )
        self.export_progress = progress_bar(
            "audit_export_progress", max_width=180, text=self.tr("Exporting… %p%")
        )

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.export_progress)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.export_button)

        hint = QLabel(
            self.tr(
                "Every sign-in, change, export, setting change, backup and "
                "restore is recorded here. Entries cannot be changed or "
                "deleted."
            )
        )
        hint.setObjectName("audit_hint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.action_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.user_combo.activated.connect(lambda _i: self.apply_filter())
        self.user_combo.lineEdit().editingFinished.connect(self.apply_filter)
        self.case_edit.editingFinished.connect(self.apply_filter)
        self.case_edit.textEdited.connect(lambda _t: self.case_error.clear_message())
        self.from_edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.to_edit.dateChanged.connect(lambda _d: self.apply_filter())

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the log again with the filter typed (the page calls it whenever the tab
        comes into view: the first time, and for entries made since)."""
        self.reload_users()
        self.reload()

    def reload_users(self) -> None:
        typed = self.user_combo.currentText()
        try:
            names = audit.audit_users(self.session)
        except ServiceError as exc:
            self.show_message(service_message(exc))
            return
        self.user_combo.blockSignals(True)
        self.user_combo.clear()
        self.user_combo.addItem("")
        self.user_combo.addItems(names)
        self.user_combo.setCurrentText(typed)
        self.user_combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        """The filter the inputs describe (not checked yet)."""
        return AuditFilter(
            username=self.user_combo.currentText().strip(),
            case_number=self.case_edit.text().strip(),
            action=self.action_combo.currentData() or "",
            date_from=_date(self.from_edit.date()),
            date_to=_date(self.to_edit.date()),
        )

    def apply_filter(self) -> Task | None:
        """Reload when the inputs describe another filter than the one shown (or on its
        way); None when nothing is to be read."""
        if not self._loaded or self.current_filter() == self.model.filter:
            return None
        return self.reload()

    def reload(self) -> Task:
        """Load the first page of the filter the inputs describe off the UI thread; a
        refusal is shown next to the input concerned (``_load_failed``)."""
        self._loaded = True
        self.case_error.clear_message()
        self.from_error.clear_message()
        self.clear_message()
        return self.model.set_filter(self.current_filter())

    def _load_failed(self, exc: ServiceError) -> None:
        if isinstance(exc, NotFound):
            self.case_error.show_message(service_message(exc))
        elif isinstance(exc, ValidationError) and exc.field == "date_from":
            self.from_error.show_message(service_message(exc))
        else:
            self.show_message(service_message(exc))

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if total == 0:
            text = self.tr("No entries match.")
        elif shown >= total:
            text = self.tr("Entries: {total}").format(total=total)
        else:
            text = self.tr("Entries: {shown} of {total} (scroll for more)").format(
                shown=shown, total=total
            )
        self.count_label.setText(text)
        self.export_button.setEnabled(self._export_task is None and total > 0)

    def error_text(self, field: str) -> str:
        """The message shown under ``audit_case`` or ``audit_from`` ("" when none)."""
        label = {"audit_case": self.case_error, "audit_from": self.from_error}[field]
        return label.text() if not label.isHidden() else ""

    # --- export -------------------------------------------------------------------------

    def default_export_name(self) -> str:
        flt = self.model.filter or self.current_filter()
        start = flt.date_from.strftime("%Y%m%d") if flt.date_from else ""
        end = flt.date_to.strftime("%Y%m%d") if flt.date_to else ""
        return self.tr("Audit log {start}-{end}.xlsx").format(start=start, end=end)

    def choose_export_path(self) -> str | None:
        """Ask where to save the export (tests replace this)."""
        return ask_save_path(
            self,
            self.tr("Export the audit log"),
            documents_folder() / self.default_export_name(),
            self.tr("Excel workbook (*.xlsx)"),
            suffix=".xlsx",
        )

    def ask_export(self) -> Task | None:
        path = self.choose_export_path()
        return self.export_to(path) if path else None

    def export_to(self, path: str | Path) -> Task | None:
        """Export the entries of the filter shown to ``path`` off the UI thread; None while
        an export is running or before anything was loaded."""
        flt = self.model.filter
        if flt is None or self._export_task is not None:
            return None
        task = self.tasks.submit(
            audit.export_audit,
            self.session,
            flt,
            Path(path),
            headers=export_headers(),
            details=self.model.words.row_text(),
            with_progress=True,
            name="export-audit",
        )
        task.setProperty("path", str(path))
        self._export_task = task
        self.export_progress.setRange(0, 0)
        self.export_progress.show()
        self.export_button.setEnabled(False)
        self.clear_message()
        task.on(
            progressed=self._export_progressed,
            succeeded=self._exported,
            failed=self._export_failed,
            finished=self._export_finished,
        )
        return task

    def _export_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.export_progress.setRange(0, total)
            self.export_progress.setValue(min(done, total))

    def _exported(self, rows: int) -> None:
        path = str(self.sender().property("path"))
        self.status_message.emit(
            self.tr("Audit log exported: {rows} entries to {file}").format(rows=rows, file=path)
        )
        self.exported.emit(path, rows)

    def _export_failed(self, exc: ServiceError) -> None:
        self.show_message(self.tr("Not exported: {reason}").format(reason=service_message(exc)))

    def _export_finished(self) -> None:
        self._export_task = None
        self.export_progress.hide()
        self._update_count()
