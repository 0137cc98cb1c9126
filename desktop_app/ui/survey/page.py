"""The survey page: template 3 (客户满意度调查问卷) for closed cases whose survey window
has opened, and proactive surveys without a case.

``SurveyPage`` lays the page out and holds the queue, starting a survey and saving it;
the call attempts are ``calls.SurveyCalls``, the follow-ups ``follow_ups.FollowUps``.

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

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import surveys
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.services.surveys import (
    RecordedSurvey,
    SurveyInvalid,
    SurveyPrefill,
)
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import ask, push_button, tab_order
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.paged_model import RowsView, ViewPlace
from desktop_app.ui.pages import DataPage, page_title, splitter
from desktop_app.ui.row_models import read_only_rows
from desktop_app.ui.survey.calls import SurveyCalls
from desktop_app.ui.survey.follow_ups import FollowUps
from desktop_app.ui.survey_form import SurveyFormPanel
from desktop_app.ui.survey_queue import (
    SurveyQueueModel,
)
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

AUTO_REFRESH_MS = (
    300_000  # a fallback: changes arrive within seconds (docs/rules.md#changes-reach-every-pc)
)
RECORDING_ROLES = surveys.SURVEY_ROLES


class SurveyPage(SurveyCalls, FollowUps, DataPage):
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
        self._save_task: Task | None = None
        self._reselect: tuple[int | None, int] = (None, -1)
        self._columns_fitted = False

        self.queue_model = SurveyQueueModel(session, tasks, self, page_size=page_size)
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
        self.refresh_button = push_button(
            self.tr("&Refresh"),
            "refresh_button",
            icon_name="refresh",
            tip=self.tr("Read the queue again (F5)"),
        )
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

        left = splitter(
            "survey_left_splitter", (queue, 3), (calls, 0), (follow_ups, 1), vertical=True
        )
        left.setChildrenCollapsible(True)
        left.setCollapsible(0, False)

        # In a scroll area: a small window scrolls the left side instead of growing.
        left_scroll = QScrollArea()
        left_scroll.setObjectName("survey_left_scroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)

        split = splitter("survey_splitter", (left_scroll, 3), (self.form_panel, 2))
        split.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_title(self.tr("Satisfaction surveys")))
        layout.addWidget(split, 1)
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
        tab_order(*chain)

    @staticmethod
    def _table_defaults(table: QTableView) -> None:
        read_only_rows(table, wrap=False, tab_keys=False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

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
        self.clear_call_errors()

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
        task.on(succeeded=self._prefilled, failed=self._service_failed)
        return task

    def _confirm_replace(self) -> bool:
        return ask(
            self,
            self.tr("Replace the form?"),
            self.tr(
                "The survey form has typed work that is not saved. Start this case's "
                "survey instead?"
            ),
            no=QMessageBox.StandardButton.Cancel,
        )

    def _prefilled(self, prefill: SurveyPrefill) -> None:
        self.form_panel.fill(prefill)
        self._say(
            self.tr("Surveying {number}: {customer}, {contact}.").format(
                number=prefill.complaint_number,
                customer=prefill.customer_name,
                contact=prefill.contact,
            )
        )

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
        task.on(succeeded=self._saved, failed=self._save_failed, finished=self._save_finished)
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

    # --- messages ---------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status_message.emit(text)

    def _service_failed(self, exc: ServiceError) -> None:
        self._say(service_message(exc))
