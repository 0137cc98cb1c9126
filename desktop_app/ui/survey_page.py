"""The survey page: template 3 (客户满意度调查问卷) for closed cases whose survey window
has opened, and proactive surveys without a case.

Left, the survey queue (earliest due first, overdue ones in red, rows waiting for their next
try greyed), the call attempt controls for the selected case and the open follow-ups of
unhappy customers; right, the survey form.

Keyboard: Enter (or a double-click) on a queue row starts its survey and puts the focus
on the first score; the digit keys 1–5 give each score and move on; Space toggles the
aspect boxes; Ctrl+S saves, Ctrl+N empties the form for a proactive survey; F5 refreshes
the queue (it also refreshes by itself every minute while the page is shown, keeping the
selected case).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDateTime, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import CALL_RESULTS
from desktop_app.services import surveys
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.services.surveys import (
    FAILED_RESULTS,
    UNREACHABLE,
    AttemptResult,
    FollowUpInfo,
    RecordedSurvey,
    SurveyInvalid,
    SurveyPrefill,
)
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import FieldError
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.paged_model import RowsView, ViewPlace
from desktop_app.ui.pages import DataPage, page_title
from desktop_app.ui.resources import icon, set_tone
from desktop_app.ui.survey_form import QT_TIME_FORMAT, SurveyFormPanel
from desktop_app.ui.survey_queue import (
    FollowUpsModel,
    SurveyQueueModel,
)
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

AUTO_REFRESH_MS = 60_000
RECORDING_ROLES = surveys.SURVEY_ROLES
FOLLOW_UP_ROLES = ("supervisor", "manager")


def _moment(value: dt.datetime, now: dt.datetime) -> str:
    """12:30 today, else 2026-11-27 10:30."""
    return f"{value:%H:%M}" if value.date() == now.date() else f"{value:%Y-%m-%d %H:%M}"


class CompleteFollowUpDialog(QDialog):
    """What was done for the unhappy customer (``done_note``) and whether to reopen the
    case (``reopen_case``). Opened with ``open()`` (never blocks); the page completes the
    follow-up when it is accepted. OK needs a note."""

    def __init__(self, follow_up: FollowUpInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.follow_up = follow_up
        self.setObjectName("complete_follow_up_dialog")
        self.setWindowTitle(self.tr("Complete the follow-up"))
        about = QLabel(
            self.tr("{number} · {customer}\n{reason}").format(
                number=follow_up.number, customer=follow_up.customer_name, reason=follow_up.reason
            )
        )
        about.setObjectName("follow_up_about")
        about.setWordWrap(True)
        self.done_note = QPlainTextEdit()
        self.done_note.setObjectName("done_note")
        self.done_note.setTabChangesFocus(True)
        self.done_note.setPlaceholderText(self.tr("What was done for the customer"))
        self.reopen_case = QCheckBox(self.tr("Reopen the case as an escalated complaint"))
        self.reopen_case.setObjectName("reopen_case")
        if follow_up.case_open:
            self.reopen_case.setEnabled(False)
            self.reopen_case.setToolTip(self.tr("The case is open already."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("follow_up_buttons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("done_ok_button")
        self.ok_button.setText(self.tr("&Complete"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.done_note.textChanged.connect(self._note_changed)
        form = QFormLayout(self)
        form.addRow(about)
        note_label = QLabel(self.tr("&Done"))
        note_label.setBuddy(self.done_note)
        form.addRow(note_label, self.done_note)
        form.addRow("", self.reopen_case)
        form.addRow(self.buttons)
        self._note_changed()

    def _note_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.note()))

    def note(self) -> str:
        return self.done_note.toPlainText().strip()

    def reopen(self) -> bool:
        return self.reopen_case.isEnabled() and self.reopen_case.isChecked()


class SurveyPage(DataPage):
    """Template 3 for the signed-in user. ``status_message(text)`` for the status bar;
    ``saved(RecordedSurvey)`` after each survey."""

    status_message = Signal(str)
    saved = Signal(object)

    def __init__(
        self,
        session: Session,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        page_size: int = 100,
        changes: ChangeHub | None = None,
    ):
        # Closing or reopening a case changes the queue too.
        super().__init__(
            parent,
            changes=changes,
            kinds=("surveys", "cases"),
            refresh_ms=AUTO_REFRESH_MS,
            timer_name="queue_refresh_timer",
        )
        self.setObjectName("survey_page")
        self.session = session
        self.tasks = tasks
        self.language = ui_language()
        self.may_record = session.role in RECORDING_ROLES
        self.last_message = ""
        self.follow_up_dialog: CompleteFollowUpDialog | None = None
        self._save_task: Task | None = None
        self._reselect: tuple[int | None, int] = (None, -1)
        self._columns_fitted = False
        self._follow_up_columns_fitted = False

        self.queue_model = SurveyQueueModel(session, tasks, self, page_size=page_size)
        self.follow_ups_model = FollowUpsModel(self)
        self._build()
        # After the view's own connections: a reset, or the selected case leaving the
        # queue, would drop the selection.
        self.place = ViewPlace(self.queue_table, self.queue_model)
        self.queue_model.modelAboutToBeReset.connect(self._remember_selection)
        self.queue_model.about_to_load.connect(self._remember_selection)
        self.queue_model.loaded.connect(self._restore_selection)
        self.queue_model.loaded.connect(self._queue_loaded)
        self.queue_model.load_failed.connect(self._service_failed)
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        self.save_shortcut.activated.connect(self.save)
        self.setFocusProxy(self.queue_table)
        self._selection_changed()

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.form_panel = SurveyFormPanel(self.session)
        self.form_panel.save_button.clicked.connect(self.save)
        self.save_button = self.form_panel.save_button
        if not self.may_record:
            self.form_panel.setEnabled(False)
            self.form_panel.setToolTip(
                self.tr("Only clerks, supervisors and managers record surveys.")
            )

        queue = QGroupBox(self.tr("Due for a survey"))
        queue.setObjectName("survey_queue_group")
        self.queue_table = RowsView()
        self.queue_table.setObjectName("survey_queue_table")
        self.queue_table.setModel(self.queue_model)
        self._table_defaults(self.queue_table)
        self.queue_table.setMinimumHeight(120)
        self.queue_table.row_entered.connect(self.survey_selected)
        self.queue_table.doubleClicked.connect(lambda _index: self.survey_selected())
        self.queue_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.queue_count = QLabel()
        self.queue_count.setObjectName("queue_count")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setToolTip(self.tr("Read the queue again (F5)"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.queue_count, 1)
        top.addWidget(self.refresh_button)
        queue_layout = QVBoxLayout(queue)
        queue_layout.addLayout(top)
        queue_layout.addWidget(self.queue_table, 1)
        hint = QLabel(self.tr("Enter or double-click: survey the selected case."))
        hint.setEnabled(False)
        queue_layout.addWidget(hint)

        calls = self._build_calls()
        follow_ups = self._build_follow_ups()

        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("survey_left_splitter")
        left.addWidget(queue)
        left.addWidget(calls)
        left.addWidget(follow_ups)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 0)
        left.setStretchFactor(2, 1)
        left.setChildrenCollapsible(True)
        left.setCollapsible(0, False)

        # In a scroll area: a small window scrolls the left side instead of growing.
        left_scroll = QScrollArea()
        left_scroll.setObjectName("survey_left_scroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("survey_splitter")
        splitter.addWidget(left_scroll)
        splitter.addWidget(self.form_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_title(self.tr("Satisfaction surveys")))
        layout.addWidget(splitter, 1)
        # Reading order: the queue, the call, the follow-ups, then the form.
        chain = [
            self.queue_table,
            self.refresh_button,
            self.call_result,
            self.next_try_at,
            self.attempt_note,
            self.record_attempt_button,
            self.no_survey_reason,
            self.not_surveyed_button,
            self.follow_ups_table,
            self.complete_follow_up_button,
            *self.form_panel.tab_chain(),
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _table_defaults(table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

    def _build_calls(self) -> QGroupBox:
        calls = QGroupBox(self.tr("Call attempt"))
        calls.setObjectName("call_group")
        self.selected_case = QLabel()
        self.selected_case.setObjectName("selected_case")
        self.selected_case.setWordWrap(True)
        self.selected_case.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.call_result = QComboBox()
        self.call_result.setObjectName("call_result")
        for code in FAILED_RESULTS:
            self.call_result.addItem(CALL_RESULTS.label(code, self.language), code)
        self.call_result.currentIndexChanged.connect(self._call_result_changed)
        self.next_try_at = QDateTimeEdit()
        self.next_try_at.setObjectName("next_try_at")
        self.next_try_at.setDisplayFormat(QT_TIME_FORMAT)
        self.next_try_at.setCalendarPopup(True)
        self.next_try_at.setToolTip(self.tr("When the customer asked to be called back"))
        self.next_try_at.setDateTime(
            QDateTime(self.session.now().replace(second=0, microsecond=0) + dt.timedelta(hours=1))
        )
        self.next_try_at.dateTimeChanged.connect(lambda _v: self._clear_call_error("next_try_at"))
        self.attempt_note = QLineEdit()
        self.attempt_note.setObjectName("attempt_note")
        self.attempt_note.setPlaceholderText(self.tr("Note (optional)"))
        self.record_attempt_button = QPushButton(self.tr("Record &call"))
        self.record_attempt_button.setObjectName("record_attempt_button")
        self.record_attempt_button.setIcon(icon("call"))
        self.record_attempt_button.setAutoDefault(False)
        self.record_attempt_button.clicked.connect(self.record_attempt)
        self.no_survey_reason = QLineEdit()
        self.no_survey_reason.setObjectName("no_survey_reason")
        self.no_survey_reason.setPlaceholderText(self.tr("Why the customer is not to be surveyed"))
        self.no_survey_reason.textChanged.connect(
            lambda _t: self._clear_call_error("no_survey_reason")
        )
        self.not_surveyed_button = QPushButton(self.tr("Not to be s&urveyed"))
        self.not_surveyed_button.setObjectName("not_surveyed_button")
        self.not_surveyed_button.setIcon(icon("no_call"))
        self.not_surveyed_button.setAutoDefault(False)
        self.not_surveyed_button.clicked.connect(self.mark_not_surveyed)
        self.call_errors = {
            name: FieldError(name) for name in ("call_result", "next_try_at", "no_survey_reason")
        }

        def with_error(widget: QWidget, name: str) -> QWidget:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.call_errors[name])
            return holder

        form = QFormLayout(calls)
        form.addRow(self.selected_case)
        result_row = QHBoxLayout()
        result_row.addWidget(with_error(self.call_result, "call_result"), 1)
        next_label = QLabel(self.tr("Ne&xt try"))
        next_label.setBuddy(self.next_try_at)
        result_row.addWidget(next_label)
        result_row.addWidget(with_error(self.next_try_at, "next_try_at"), 1)
        result_label = QLabel(self.tr("Call res&ult"))
        result_label.setBuddy(self.call_result)
        form.addRow(result_label, result_row)
        note_row = QHBoxLayout()
        note_row.addWidget(self.attempt_note, 1)
        note_row.addWidget(self.record_attempt_button)
        form.addRow(self.tr("Note"), note_row)
        reason_row = QHBoxLayout()
        reason_row.addWidget(with_error(self.no_survey_reason, "no_survey_reason"), 1)
        reason_row.addWidget(self.not_surveyed_button)
        reason_label = QLabel(self.tr("Reas&on"))
        reason_label.setBuddy(self.no_survey_reason)
        form.addRow(reason_label, reason_row)
        if not self.may_record:
            calls.setEnabled(False)
        self._call_result_changed()
        return calls

    def _build_follow_ups(self) -> QGroupBox:
        group = QGroupBox(self.tr("Follow-ups of unhappy customers"))
        group.setObjectName("follow_ups_group")
        self.follow_ups_group = group
        self.follow_ups_table = QTableView()
        self.follow_ups_table.setObjectName("follow_ups_table")
        self.follow_ups_table.setModel(self.follow_ups_model)
        self._table_defaults(self.follow_ups_table)
        self.follow_ups_table.setMinimumHeight(70)
        self.follow_ups_table.selectionModel().selectionChanged.connect(
            self._follow_up_selection_changed
        )
        self.follow_ups_table.doubleClicked.connect(lambda _i: self.ask_complete_follow_up())
        self.complete_follow_up_button = QPushButton(self.tr("Co&mplete follow-up…"))
        self.complete_follow_up_button.setObjectName("complete_follow_up_button")
        self.complete_follow_up_button.setIcon(icon("follow_up"))
        self.complete_follow_up_button.setAutoDefault(False)
        self.complete_follow_up_button.clicked.connect(self.ask_complete_follow_up)
        self.follow_up_message = QLabel()
        self.follow_up_message.setObjectName("follow_up_message")
        self.follow_up_message.setWordWrap(True)
        set_tone(self.follow_up_message, "error")
        self.follow_up_message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.follow_up_message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.complete_follow_up_button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.follow_ups_table, 1)
        layout.addLayout(buttons)
        group.setVisible(self.session.role in FOLLOW_UP_ROLES)
        self.complete_follow_up_button.setEnabled(False)
        return group

    # --- showing and refreshing -----------------------------------------------------------

    def refresh(self) -> Task:
        """Read the queue again (keeping the selected case) and the follow-ups. F5, the
        Refresh button, the timer, showing the page and changes of surveys or cases come
        here. Returns the queue's task."""
        self.refresh_follow_ups()
        return self.queue_model.reload()

    def _queue_loaded(self) -> None:
        model = self.queue_model
        shown = model.rowCount()
        if model.total == 0:
            text = self.tr("No case is due for a survey.")
        elif shown < model.total:
            text = self.tr("{total} cases due for a survey ({shown} shown)").format(
                total=model.total, shown=shown
            )
        else:
            text = (
                self.tr("1 case due for a survey")
                if model.total == 1
                else self.tr("{count} cases due for a survey").format(count=model.total)
            )
        overdue = sum(1 for row in range(shown) if model.row_data(row).overdue)
        if overdue:
            text += " · " + self.tr("{count} overdue").format(count=overdue)
        self.queue_count.setText(text)
        if shown and not self._columns_fitted:
            # Once: later the user's own column widths stay.
            self._columns_fitted = True
            self.queue_table.resizeColumnsToContents()
        self._selection_changed()

    def refresh_follow_ups(self) -> Task:
        """Read the open follow-ups the user sees (once more after a read under way)."""
        task = self.tasks.submit(
            surveys.follow_ups,
            self.session,
            name="survey-follow-ups",
            key=(self, "follow-ups"),
            policy="coalesce",
        )
        task.succeeded.connect(self._follow_ups_loaded)
        task.failed.connect(self._service_failed)
        return task

    def _follow_ups_loaded(self, rows: list[FollowUpInfo]) -> None:
        kept = self.selected_follow_up()
        self.follow_ups_model.set_rows(rows)
        if rows and not self._follow_up_columns_fitted:
            self._follow_up_columns_fitted = True
            self.follow_ups_table.resizeColumnsToContents()
        if kept is not None:
            self.select_follow_up(kept.id)
        self.follow_ups_group.setVisible(bool(rows) or self.session.role in FOLLOW_UP_ROLES)
        self._follow_up_selection_changed()

    # --- the queue's selection --------------------------------------------------------------

    def selected_row(self) -> int:
        selection = self.queue_table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return rows[0].row() if rows else -1

    def selected_case_id(self) -> int | None:
        return self.queue_model.case_id(self.selected_row())

    def select_case(self, case_id: int) -> bool:
        """Select the row of ``case_id`` when it is loaded."""
        return self.place.select_key(case_id)

    def _remember_selection(self) -> None:
        self._reselect = (self.selected_case_id(), self.selected_row())

    def _restore_selection(self) -> None:
        """The selected case stays selected; when it left the queue, the row that took its
        place is; with nothing selected before, the first row."""
        case_id, row = self._reselect
        self._reselect = (None, -1)
        if case_id is not None and self.select_case(case_id):
            return
        count = self.queue_model.rowCount()
        if count:
            self.place.select_row(min(max(row, 0), count - 1))

    def _selection_changed(self, *_args) -> None:
        row = self.queue_model.row_data(self.selected_row())
        if row is None:
            self.selected_case.setText(self.tr("No case chosen in the queue."))
        else:
            parts = [row.number, row.customer_name, row.contact]
            if row.attempts:
                parts.append(
                    self.tr("1 call so far")
                    if row.attempts == 1
                    else self.tr("{count} calls so far").format(count=row.attempts)
                )
            self.selected_case.setText(" · ".join(p for p in parts if p))
        enabled = row is not None and self.may_record
        self.record_attempt_button.setEnabled(enabled)
        self.not_surveyed_button.setEnabled(enabled)
        for name in self.call_errors:
            self._clear_call_error(name)

    # --- starting a survey ------------------------------------------------------------------

    def survey_selected(self) -> Task | None:
        """Fill the form for the selected case (Enter, double-click)."""
        case_id = self.selected_case_id()
        if case_id is None or not self.may_record:
            return None
        form = self.form_panel
        if form.case_id != case_id and form.has_typed_work() and not self._confirm_replace():
            return None
        task = self.tasks.submit(surveys.prefill, self.session, case_id, name="survey-prefill")
        task.succeeded.connect(self._prefilled)
        task.failed.connect(self._service_failed)
        return task

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the form?"),
            self.tr(
                "The survey form has typed work that is not saved. Start this case's "
                "survey instead?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _prefilled(self, prefill: SurveyPrefill) -> None:
        self.form_panel.fill(prefill)
        self._say(
            self.tr("Surveying {number}: {customer}, {contact}.").format(
                number=prefill.complaint_number,
                customer=prefill.customer_name,
                contact=prefill.contact,
            )
        )

    # --- call attempts and "not to be surveyed" ---------------------------------------------

    def _call_result_changed(self, *_args) -> None:
        later = self.call_result.currentData() == "call_back_later"
        self.next_try_at.setEnabled(later)
        if later:
            now = self.session.now().replace(second=0, microsecond=0)
            if self.next_try_at.dateTime().toPython() <= now:
                self.next_try_at.setDateTime(QDateTime(now + dt.timedelta(hours=1)))
        self._clear_call_error("call_result")
        self._clear_call_error("next_try_at")

    def _clear_call_error(self, name: str) -> None:
        label = self.call_errors.get(name) if hasattr(self, "call_errors") else None
        if label is not None and not label.isHidden():
            label.clear_message()

    def call_error_text(self, name: str) -> str:
        label = self.call_errors[name]
        return label.text() if not label.isHidden() else ""

    def record_attempt(self) -> Task | None:
        """Record the call result chosen for the selected case."""
        row = self.queue_model.row_data(self.selected_row())
        if row is None:
            self._say(self.tr("Choose a case in the queue first."))
            return None
        result = self.call_result.currentData()
        next_try = (
            self.next_try_at.dateTime().toPython().replace(second=0, microsecond=0)
            if result == "call_back_later"
            else None
        )
        for name in self.call_errors:
            self._clear_call_error(name)
        task = self.tasks.submit(
            surveys.record_attempt,
            self.session,
            row.case_id,
            result,
            next_try_at=next_try,
            note=self.attempt_note.text(),
            name="survey-attempt",
        )
        task.succeeded.connect(
            lambda done, number=row.number, result=result: self._attempt_recorded(
                number, result, done
            )
        )
        task.failed.connect(self._call_failed)
        return task

    def _attempt_recorded(self, number: str, result: str, done: AttemptResult) -> None:
        self.attempt_note.clear()
        if done.left_queue and done.reason == UNREACHABLE:
            text = (
                self.tr("Customer unreachable after 1 call: {number} left the queue.")
                if done.attempts == 1
                else self.tr("Customer unreachable after {count} calls: {number} left the queue.")
            ).format(number=number, count=done.attempts)
        elif done.left_queue and result == "refused":
            text = self.tr("The customer refused the survey: {number} left the queue.").format(
                number=number
            )
        elif done.left_queue:
            text = self.tr("Wrong number: {number} left the queue.").format(number=number)
        elif done.next_try_at is not None:
            text = self.tr("Next try at {time} ({number}, call {count}).").format(
                time=_moment(done.next_try_at, self.session.now()),
                number=number,
                count=done.attempts,
            )
        else:
            text = self.tr("Call recorded ({number}).").format(number=number)
        self._say(text)
        self.refresh()

    def _call_failed(self, exc: ServiceError) -> None:
        field = getattr(exc, "field", None)
        if isinstance(exc, ValidationError) and field in self.call_errors:
            self.call_errors[field].show_message(service_message(exc))
            {
                "call_result": self.call_result,
                "next_try_at": self.next_try_at,
                "no_survey_reason": self.no_survey_reason,
            }[field].setFocus(Qt.FocusReason.OtherFocusReason)
        self._service_failed(exc)

    def mark_not_surveyed(self) -> Task | None:
        """Take the selected case out of the queue with the reason typed."""
        row = self.queue_model.row_data(self.selected_row())
        if row is None:
            self._say(self.tr("Choose a case in the queue first."))
            return None
        for name in self.call_errors:
            self._clear_call_error(name)
        task = self.tasks.submit(
            surveys.mark_not_surveyed,
            self.session,
            row.case_id,
            self.no_survey_reason.text(),
            name="survey-skip",
        )
        task.succeeded.connect(lambda _none, number=row.number: self._not_surveyed(number))
        task.failed.connect(self._call_failed)
        return task

    def _not_surveyed(self, number: str) -> None:
        self.no_survey_reason.clear()
        self._say(
            self.tr("{number} will not be surveyed: it left the queue.").format(number=number)
        )
        self.refresh()

    # --- saving the survey ------------------------------------------------------------------

    def save(self) -> Task | None:
        """Record the form (off the UI thread); None while a save is running."""
        if self._save_task is not None or not self.may_record:
            return None
        form = self.form_panel
        form.clear_errors()
        self.save_button.setEnabled(False)
        task = self.tasks.submit(
            surveys.record_survey, self.session, form.form(), name="record-survey"
        )
        self._save_task = task
        task.succeeded.connect(self._saved)
        task.failed.connect(self._save_failed)
        task.finished.connect(self._save_finished)
        return task

    def _save_finished(self) -> None:
        self._save_task = None
        self.save_button.setEnabled(True)

    def _saved(self, recorded: RecordedSurvey) -> None:
        log.info("survey %s recorded (complaint %s)", recorded.id, recorded.complaint_id)
        self.form_panel.new_survey()
        text = self.tr("Survey saved.")
        if recorded.follow_up_id is not None:
            text += " " + self.tr("Follow-up created for the supervisor.")
        self._say(text)
        # The queue (this page too) reloads through the hub.
        self.changes.announce("surveys", {recorded.id})
        if recorded.complaint_id is not None:
            self.changes.announce("cases", {recorded.complaint_id})
        self.queue_table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.saved.emit(recorded)

    def _save_failed(self, exc: ServiceError) -> None:
        form = self.form_panel
        if isinstance(exc, SurveyInvalid):
            count = form.show_problems(exc.problems)
            self._say(
                self.tr("Not saved: 1 field needs attention.")
                if count == 1
                else self.tr("Not saved: {count} fields need attention.").format(count=count)
            )
            return
        if isinstance(exc, ValidationError) and exc.field:
            form.show_problems([exc])
            self._say(self.tr("Not saved: {reason}").format(reason=service_message(exc)))
            return
        form.show_message(
            self.tr("Not saved: {reason} Everything typed is kept; try again.").format(
                reason=service_message(exc)
            )
        )
        self._say(service_message(exc))

    # --- follow-ups -------------------------------------------------------------------------

    def selected_follow_up(self) -> FollowUpInfo | None:
        selection = self.follow_ups_table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.follow_ups_model.row_data(rows[0].row()) if rows else None

    def select_follow_up(self, follow_up_id: int) -> bool:
        row = self.follow_ups_model.row_of(follow_up_id)
        if row < 0:
            return False
        self.follow_ups_table.selectionModel().setCurrentIndex(
            self.follow_ups_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _follow_up_selection_changed(self, *_args) -> None:
        self.complete_follow_up_button.setEnabled(
            self.selected_follow_up() is not None and self.may_record
        )

    def ask_complete_follow_up(self) -> CompleteFollowUpDialog | None:
        """Open the dialog for the selected follow-up (without blocking); accepting it
        completes the follow-up. Returns the dialog (also ``follow_up_dialog``)."""
        follow_up = self.selected_follow_up()
        if follow_up is None or not self.may_record:
            return None
        if self.follow_up_dialog is not None:
            self.follow_up_dialog.close()
            self.follow_up_dialog.deleteLater()
        dialog = CompleteFollowUpDialog(follow_up, self)
        dialog.accepted.connect(
            lambda d=dialog: self.complete_follow_up(d.follow_up.id, d.note(), reopen=d.reopen())
        )
        self.follow_up_dialog = dialog
        dialog.open()
        return dialog

    def complete_follow_up(self, follow_up_id: int, note: str, *, reopen: bool = False) -> Task:
        """Record what was done for the customer; ``reopen`` reopens the case."""
        self.follow_up_message.hide()
        info = next(
            (
                f
                for f in (
                    self.follow_ups_model.row_data(r)
                    for r in range(self.follow_ups_model.rowCount())
                )
                if f is not None and f.id == follow_up_id
            ),
            None,
        )
        number = info.number if info is not None else ""
        task = self.tasks.submit(
            surveys.complete_follow_up,
            self.session,
            follow_up_id,
            note,
            reopen=reopen,
            name="complete-follow-up",
        )
        task.succeeded.connect(
            lambda _version: self._follow_up_done(number, reopen, info.case_id if info else None)
        )
        task.failed.connect(self._follow_up_failed)
        return task

    def _follow_up_done(self, number: str, reopened: bool, case_id: int | None) -> None:
        if reopened:
            text = self.tr(
                "Follow-up done: {number} is reopened as an escalated complaint."
            ).format(number=number)
        else:
            text = self.tr("Follow-up done ({number}).").format(number=number)
        self._say(text)
        self.changes.announce("surveys")
        self.changes.announce("cases", {case_id} if case_id is not None else ())

    def _follow_up_failed(self, exc: ServiceError) -> None:
        self.follow_up_message.setText(
            self.tr("Not done: {reason}").format(reason=service_message(exc))
        )
        self.follow_up_message.show()
        self._say(service_message(exc))

    # --- messages ---------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status_message.emit(text)

    def _service_failed(self, exc: ServiceError) -> None:
        self._say(service_message(exc))
