"""The case window: one case's detail (template 1 and its state), its timeline, a progress
entry (template 2) and the workflow actions of SPEC §6.

Non-modal, one per case (``open_case_window`` reuses an open one). Every service call runs
off the UI thread; every action passes the version the user saw, and when another PC
changed the case meanwhile the conflict dialog lists who changed what and offers to reload
(keeping the typed progress entry) or to apply the same action again.

Keyboard: Ctrl+S or Ctrl+Return saves the progress entry, F5 reloads, Esc closes (asking
before a typed progress entry is thrown away).

Hooks for tests and automation, all on the path the buttons take:

- ``ask_<action>()`` opens the action's dialog (``open()``, not blocking) and returns it;
  ``current_dialog`` is the dialog shown last. Accepting it calls the action method.
- ``transfer(to_user_id, reason)``, ``escalate(reason)``, ``request_approval(solution)``,
  ``decide_approval(approve, comment)``, ``close_case(confirmed, outcome, reason)``,
  ``reopen(reason)``, ``renegotiate(new_due, reason)`` and ``save_progress()`` run the
  action and return its ``Task`` (None while another action runs).
- ``conflict_resolver``: when set, a callable ``(CaseConflict) -> "reload" | "apply"``
  used instead of the conflict dialog; otherwise ``conflict_dialog`` is the dialog shown.
- ``confirm_discard()`` asks before Esc throws away a typed progress entry.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.deadlines import due_state
from desktop_app.domain.vocab import (
    DEADLINE_TARGETS,
    ESCALATION_STEPS,
    FEEDBACK,
    LEVEL_ROMAN,
    OUTCOMES,
    REMINDER_KINDS,
    STAGES,
    URGENCY,
    URGENT_REASONS,
    Term,
)
from desktop_app.services import cases, tracker
from desktop_app.services.cases import CaseConflict, CaseDetail, ProgressForm, TimelineEvent
from desktop_app.services.errors import (
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationError,
)
from desktop_app.services.session import Session
from desktop_app.ui.case_dialogs import (
    TIME_FORMAT,
    ActionDialog,
    CloseCaseDialog,
    ConflictDialog,
    DecisionDialog,
    OptionalDateTime,
    ReasonDialog,
    RenegotiateDialog,
    TransferDialog,
    minute,
)
from desktop_app.ui.forms import FieldError, FieldErrors, message_label
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.intake_widgets import AttachmentList
from desktop_app.ui.pages import resize_on_screen
from desktop_app.ui.resources import BADGE_STYLE, DUE_TONES, icon, set_tone
from desktop_app.ui.tasks import Task, TaskRunner
from desktop_app.ui.templates_print import case_print_button

log = logging.getLogger(__name__)

# How close a deadline counts as "due soon" until the tracker's setting was read.
DEFAULT_DUE_SOON = dt.timedelta(hours=4)
# Timeline items carry the (attachment id, file name) pairs of their event.
ATTACHMENTS_ROLE = Qt.ItemDataRole.UserRole + 1

# Suggestions of the "next action" field (SPEC §6), in the UI language.
NEXT_ACTIONS = (
    Term("return_visit", "回访确认", "Return visit to confirm"),
    Term("improvement_plan", "提交改进方案", "Submit an improvement plan"),
)

# Action name -> the ``cases`` function that performs it (looked up at call time).
ACTION_FUNCTIONS = {
    "progress": "add_progress",
    "transfer": "transfer",
    "escalate": "escalate",
    "request_approval": "request_approval",
    "decide_approval": "decide_approval",
    "close": "close_case",
    "reopen": "reopen_case",
    "renegotiate": "renegotiate",
}


# --- worker side -----------------------------------------------------------------------


@dataclass(frozen=True)
class CaseState:
    """Everything the window shows, read in one worker call."""

    detail: CaseDetail
    events: list[TimelineEvent]
    assignees: list[tuple[int, str, str]]
    due_soon: dt.timedelta


def load_case(session: Session, case_id: int) -> CaseState:
    """Detail, timeline and (when the session may transfer) the possible new owners."""
    detail = cases.get_case(session, case_id)
    events = cases.timeline(session, case_id)
    people = cases.assignees(session, case_id) if "transfer" in detail.actions else []
    # The tracker's "due soon" window, so both colour deadlines alike.
    return CaseState(detail, list(events), list(people), tracker.due_soon_window(session))


def perform(
    session: Session, case_id: int, action: str, kwargs: dict[str, Any], version: int
) -> CaseState:
    """Run one workflow action on ``version``, then read the case afresh."""
    function = getattr(cases, ACTION_FUNCTIONS[action])
    function(session, case_id, version=version, **kwargs)
    return load_case(session, case_id)


@dataclass
class PendingAction:
    """The action in flight (kept to apply it again after a conflict)."""

    action: str
    kwargs: dict[str, Any]
    dialog: ActionDialog | None = None


def format_time(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value else ""


# --- the progress form -----------------------------------------------------------------


class ProgressPanel(FieldErrors, QGroupBox):
    """Template 2: one progress entry. ``values()`` / ``form()`` read it, ``clear_form()``
    empties it. A message shown under a field puts the cursor there."""

    edited = Signal()
    focus_on_error = True

    def __init__(self, session: Session, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("New progress entry"))
        self.setObjectName("progress_form")
        self.session = session
        self.language = language
        self.current_stage = ""
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self._loading = False
        self.form_layout = form = QFormLayout(self)

        self.owner_label = QLabel()
        self.owner_label.setObjectName("progress_owner")
        form.addRow(QLabel(self.tr("Owner")), self.owner_label)
        self.stage = self.add_field(self.tr("S&tage"), "stage", QComboBox())
        self.stage.setToolTip(self.tr("Stay in the current stage or move the case on"))
        now = self._now
        self.planned_completion = self.add_field(
            self.tr("&Planned completion"),
            "planned_completion",
            OptionalDateTime("planned_completion", now),
        )
        self.actual_completion = self.add_field(
            self.tr("Act&ual completion"),
            "actual_completion",
            OptionalDateTime("actual_completion", now),
        )
        self.result = self.add_field(
            self.tr("&Result (measures, compensation)"), "result", QPlainTextEdit()
        )
        self.result.setTabChangesFocus(True)
        self.result.setMaximumHeight(110)
        self.customer_feedback = self.add_field(
            self.tr("Customer &feedback"), "customer_feedback", QComboBox()
        )
        self.customer_feedback.addItem(self.tr("— none —"), "")
        for term in FEEDBACK:
            self.customer_feedback.addItem(term.label(language), term.code)
        self.feedback_comment = self.add_field(
            self.tr("Feedback &comment"), "feedback_comment", QLineEdit()
        )
        self.next_action = self.add_field(self.tr("&Next action"), "next_action", QComboBox())
        self.next_action.setEditable(True)
        self.next_action.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.next_action.addItem("")
        for term in NEXT_ACTIONS:
            self.next_action.addItem(term.label(language))
        self.customer_contacted = self.add_field(
            self.tr("Contact"),
            "customer_contacted",
            QCheckBox(self.tr("This entry was a contact with the customer")),
        )

        self.attachments_list = AttachmentList()
        self.attachments_list.setObjectName("attachments_list")
        self.attachments_list.setMaximumHeight(70)
        self.add_attachment_button = QPushButton(self.tr("&Add files…"))
        self.add_attachment_button.setObjectName("add_attachment_button")
        self.add_attachment_button.setIcon(icon("attach"))
        self.remove_attachment_button = QPushButton(self.tr("Remo&ve"))
        self.remove_attachment_button.setObjectName("remove_attachment_button")
        self.remove_attachment_button.setIcon(icon("remove"))
        self.remove_attachment_button.clicked.connect(self.attachments_list.remove_selected)
        attach_row = QWidget()
        row = QHBoxLayout(attach_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attachments_list, 1)
        column = QVBoxLayout()
        column.addWidget(self.add_attachment_button)
        column.addWidget(self.remove_attachment_button)
        column.addStretch(1)
        row.addLayout(column)
        self.add_field(self.tr("Evidence"), "attachments", attach_row)
        self.fields["attachments"] = self.attachments_list

        self.form_message = message_label("progress_message")
        self.save_button = QPushButton(self.tr("&Save entry"))
        self.save_button.setObjectName("save_button")
        self.save_button.setIcon(icon("save"))
        self.save_button.setToolTip(self.tr("Save the progress entry (Ctrl+S or Ctrl+Enter)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.form_message, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self._connect_changes()

    def _now(self) -> dt.datetime:
        return minute(self.session.now())

    def _connect_changes(self) -> None:
        self.stage.currentIndexChanged.connect(lambda _i: self._edited("stage"))
        for name in ("planned_completion", "actual_completion"):
            widget: OptionalDateTime = self.fields[name]
            widget.enabled_box.toggled.connect(lambda _c, name=name: self._edited(name))
            widget.edit.dateTimeChanged.connect(lambda _d, name=name: self._edited(name))
        self.result.textChanged.connect(lambda: self._edited("result"))
        self.customer_feedback.currentIndexChanged.connect(
            lambda _i: self._edited("customer_feedback")
        )
        self.feedback_comment.textChanged.connect(lambda _t: self._edited("feedback_comment"))
        self.next_action.currentTextChanged.connect(lambda _t: self._edited("next_action"))
        self.customer_contacted.toggled.connect(lambda _c: self._edited("customer_contacted"))
        self.attachments_list.changed.connect(lambda: self._edited("attachments"))

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self.clear_error(name)
        self.form_message.hide()
        self.edited.emit()

    # --- the case it belongs to ---------------------------------------------------------

    def set_case(self, detail: CaseDetail) -> None:
        """Offer the case's current stage and the stages it may move to; what is typed
        stays (also the chosen stage, while it is still offered)."""
        chosen = self.stage.currentData()
        if chosen == self.current_stage:
            chosen = None  # it followed the case; keep following
        self._loading = True
        try:
            self.stage.clear()
            codes = [detail.stage, *[c for c in detail.next_stages if c != detail.stage]]
            for code in codes:
                text = STAGES.label(code, self.language)
                if code == detail.stage:
                    text = self.tr("{stage} (current)").format(stage=text)
                self.stage.addItem(text, code)
            index = self.stage.findData(chosen) if chosen else -1
            self.stage.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self.current_stage = detail.stage
        self.owner_label.setText(detail.owner)
        allowed = "progress" in detail.actions
        for widget in self.fields.values():
            widget.setEnabled(allowed)
        self.add_attachment_button.setEnabled(allowed)
        self.remove_attachment_button.setEnabled(allowed)
        self.save_button.setEnabled(allowed)
        self.setToolTip("" if allowed else self.tr("You cannot add progress to this case now."))

    # --- values -------------------------------------------------------------------------

    def select_stage(self, code: str) -> bool:
        index = self.stage.findData(code)
        if index >= 0:
            self.stage.setCurrentIndex(index)
        return index >= 0

    def set_feedback(self, code: str) -> bool:
        index = self.customer_feedback.findData(code)
        if index >= 0:
            self.customer_feedback.setCurrentIndex(index)
        return index >= 0

    def add_attachment_paths(self, paths: list[str | Path]) -> int:
        return self.attachments_list.add_paths([str(p) for p in paths])

    def values(self) -> dict[str, Any]:
        return {
            "stage": self.stage.currentData() or "",
            "planned_completion": self.planned_completion.value(),
            "actual_completion": self.actual_completion.value(),
            "result": self.result.toPlainText().strip(),
            "customer_feedback": self.customer_feedback.currentData() or "",
            "feedback_comment": self.feedback_comment.text().strip(),
            "next_action": self.next_action.currentText().strip(),
            "customer_contacted": self.customer_contacted.isChecked(),
            "attachments": self.attachments_list.paths(),
        }

    def form(self) -> ProgressForm:
        """What the service saves. Staying in the current stage is sent as no stage (""),
        so the entry still applies when someone else moved the case on meanwhile."""
        values = self.values()
        if values["stage"] == self.current_stage:
            values["stage"] = ""
        values["attachments"] = [Path(p) for p in values["attachments"]]
        return ProgressForm(**values)

    def has_typed_work(self) -> bool:
        values = self.values()
        return bool(
            values["stage"] != self.current_stage
            or values["planned_completion"]
            or values["actual_completion"]
            or values["result"]
            or values["customer_feedback"]
            or values["feedback_comment"]
            or values["next_action"]
            or values["customer_contacted"]
            or values["attachments"]
        )

    def clear_form(self) -> None:
        self._loading = True
        try:
            self.stage.setCurrentIndex(max(self.stage.findData(self.current_stage), 0))
            self.planned_completion.set_value(None)
            self.actual_completion.set_value(None)
            self.result.clear()
            self.customer_feedback.setCurrentIndex(0)
            self.feedback_comment.clear()
            self.next_action.setCurrentIndex(0)
            self.next_action.setEditText("")
            self.customer_contacted.setChecked(False)
            self.attachments_list.clear()
        finally:
            self._loading = False
        self.clear_errors()


# --- the window ------------------------------------------------------------------------


class CaseWindow(QWidget):
    """One case for the signed-in ``session``. ``case_changed(case_id)`` after every
    successful action; ``loaded()`` whenever the shown case was read afresh."""

    case_changed = Signal(int)
    loaded = Signal()
    action_done = Signal(str)
    action_failed = Signal(str, object)
    status_message = Signal(str)

    def __init__(
        self,
        session: Session,
        case_id: int,
        *,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("case_window")
        self.session = session
        self.case_id = case_id
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.language = ui_language()
        self.detail: CaseDetail | None = None
        self.events: list[TimelineEvent] = []
        self.assignee_choices: list[tuple[int, str, str]] = []
        self.due_soon = DEFAULT_DUE_SOON
        self.current_dialog: QDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.conflict_resolver: Callable[[CaseConflict], str | None] | None = None
        self.pending: PendingAction | None = None
        self._action_task: Task | None = None
        self._load_task: Task | None = None
        self._discard_confirmed = False
        self.labels: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Case"))
        self._build()
        self._set_actions_enabled()
        resize_on_screen(self, 1200, 820)
        self.reload()

    # --- construction -------------------------------------------------------------------

    def _value(self, form: QFormLayout, label: str, name: str) -> QLabel:
        widget = QLabel()
        widget.setObjectName(name)
        widget.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        widget.setWordWrap(True)
        caption = QLabel(label)
        caption.setObjectName(f"{name}_caption")
        form.addRow(caption, widget)
        self.labels[name] = widget
        return widget

    def _group(self, title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        group.setObjectName(name)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    def _button(self, text: str, name: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        v = self._value
        # Heading.
        self.heading = QLabel()
        self.heading.setObjectName("case_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.urgent_badge = QLabel(URGENCY.label("urgent", self.language))
        self.urgent_badge.setObjectName("urgent")
        self.urgent_badge.setStyleSheet(BADGE_STYLE)
        self.urgent_badge.hide()
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading)
        heading_row.addWidget(self.urgent_badge)
        heading_row.addStretch(1)

        # Action buttons.
        self.transfer_button = self._button(
            self.tr("&Transfer…"),
            "transfer_button",
            self.tr("Give the case to someone else, with the reason"),
            self.ask_transfer,
        )
        self.escalate_button = self._button(
            self.tr("&Escalate…"),
            "escalate_button",
            self.tr("Send the case one step up the chain"),
            self.ask_escalate,
        )
        self.request_approval_button = self._button(
            self.tr("Request a&pproval…"),
            "request_approval_button",
            self.tr("Ask a supervisor to approve the solution"),
            self.ask_request_approval,
        )
        self.approve_button = self._button(
            self.tr("Appro&ve…"),
            "approve_button",
            self.tr("Approve the proposed solution"),
            self.ask_approve,
        )
        self.reject_button = self._button(
            self.tr("Re&ject…"),
            "reject_button",
            self.tr("Send the solution back to the owner"),
            self.ask_reject,
        )
        self.renegotiate_button = self._button(
            self.tr("Rene&gotiate…"),
            "renegotiate_button",
            self.tr("Complex case: agree a later resolution date with the customer"),
            self.ask_renegotiate,
        )
        self.close_case_button = self._button(
            self.tr("C&lose case…"),
            "close_case_button",
            self.tr("Close after the customer confirmed, or with an outcome and reason"),
            self.ask_close_case,
        )
        self.reopen_button = self._button(
            self.tr("Re&open…"),
            "reopen_button",
            self.tr("Reopen the case: it becomes an escalated complaint (level III)"),
            self.ask_reopen,
        )
        self.refresh_button = self._button(
            self.tr("Reload"), "refresh_button", self.tr("Read the case again (F5)"), self.reload
        )
        self.action_buttons = {
            "transfer": self.transfer_button,
            "escalate": self.escalate_button,
            "request_approval": self.request_approval_button,
            "renegotiate": self.renegotiate_button,
            "close": self.close_case_button,
            "reopen": self.reopen_button,
        }
        for button, name in (
            (self.transfer_button, "transfer"),
            (self.escalate_button, "escalate"),
            (self.request_approval_button, "request_approval"),
            (self.approve_button, "approve"),
            (self.reject_button, "reject"),
            (self.renegotiate_button, "renegotiate"),
            (self.close_case_button, "close_case"),
            (self.reopen_button, "reopen"),
            (self.refresh_button, "refresh"),
        ):
            button.setIcon(icon(name))
        actions_row = QHBoxLayout()
        for button in (
            self.transfer_button,
            self.escalate_button,
            self.request_approval_button,
            self.approve_button,
            self.reject_button,
            self.renegotiate_button,
            self.close_case_button,
            self.reopen_button,
        ):
            actions_row.addWidget(button)
        actions_row.addStretch(1)
        self.print_button = case_print_button(self)  # templates 1-3: print or PDF
        actions_row.addWidget(self.print_button)
        actions_row.addWidget(self.refresh_button)
        self.action_message = QLabel()
        self.action_message.setObjectName("action_message")
        self.action_message.setWordWrap(True)
        set_tone(self.action_message, "error", strong=True)
        self.action_message.hide()

        # Detail: template 1.
        customer, form = self._group(self.tr("Customer"), "customer_group")
        v(form, self.tr("Customer name"), "customer_name")
        v(form, self.tr("Contact"), "contact")
        v(form, self.tr("Customer / member number"), "member_number")
        v(form, self.tr("ID number"), "id_number")
        v(form, self.tr("Member tier"), "member_tier")

        complaint, form = self._group(self.tr("Complaint"), "complaint_group")
        v(form, self.tr("Complaint number"), "number")
        v(form, self.tr("Complaint time"), "complaint_time")
        v(form, self.tr("Registration time"), "registration_time")
        v(form, self.tr("Channel"), "channel")
        v(form, self.tr("Type"), "type")
        v(form, self.tr("Subtype"), "subtype")
        v(form, self.tr("Urgency"), "urgency")
        v(form, self.tr("Product"), "product")
        v(form, self.tr("Merchant"), "merchant")
        v(form, self.tr("Description"), "description")
        v(form, self.tr("Customer requests"), "customer_requests")
        v(form, self.tr("Receiver"), "receiver")

        state, form = self._group(self.tr("Handling"), "state_group")
        v(form, self.tr("Stage"), "stage")
        v(form, self.tr("Level"), "level")
        v(form, self.tr("Urgent because"), "urgent_reasons")
        v(form, self.tr("Owner"), "owner")
        v(form, self.tr("Department"), "department")
        v(form, self.tr("Escalated to"), "escalation_step")
        v(form, self.tr("Times reopened"), "reopen_count")
        v(form, self.tr("Complex case"), "complex_case")
        v(form, self.tr("Outcome"), "outcome")
        v(form, self.tr("Outcome reason"), "outcome_reason")
        v(form, self.tr("Last change"), "updated")

        times, form = self._group(self.tr("Times and deadlines"), "times_group")
        v(form, self.tr("First response"), "first_response_at")
        v(form, self.tr("Solution agreed"), "solution_agreed_at")
        v(form, self.tr("Closed"), "closed_at")
        v(form, self.tr("First response due"), "first_response_due")
        v(form, self.tr("Solution due"), "solution_due")
        v(form, self.tr("Resolution due"), "resolution_due")
        v(form, self.tr("Renegotiated resolution"), "renegotiated_due")
        v(form, self.tr("Next deadline"), "next_due")
        v(form, self.tr("Next progress update due"), "next_update_due")

        detail_body = QWidget()
        detail_body.setObjectName("case_detail")
        detail_layout = QVBoxLayout(detail_body)
        for group in (customer, complaint, state, times):
            detail_layout.addWidget(group)
        detail_layout.addStretch(1)
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setObjectName("detail_scroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setWidget(detail_body)

        # Timeline.
        self.timeline_table = QTableWidget(0, 4)
        self.timeline_table.setObjectName("timeline_table")
        self.timeline_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.timeline_table.verticalHeader().hide()
        self.timeline_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.timeline_table.setWordWrap(True)
        self.timeline_table.setAlternatingRowColors(True)
        header = self.timeline_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.timeline_table.setColumnWidth(2, 220)
        # Evidence files of a row open from its context menu or by a double-click.
        self.timeline_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline_table.customContextMenuRequested.connect(self._timeline_menu)
        self.timeline_table.cellDoubleClicked.connect(
            lambda row, _column: self.open_attachments_of_row(row)
        )

        # Progress form.
        self.progress = ProgressPanel(self.session, self.language)
        self.progress.save_button.clicked.connect(self.save_progress)
        self.progress.add_attachment_button.clicked.connect(self.add_attachments)
        self.save_button = self.progress.save_button
        self.attachments_list = self.progress.attachments_list
        progress_scroll = QScrollArea()
        progress_scroll.setObjectName("progress_scroll")
        progress_scroll.setWidgetResizable(True)
        progress_scroll.setWidget(self.progress)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("case_right_splitter")
        right.addWidget(self.timeline_table)
        right.addWidget(progress_scroll)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("case_splitter")
        splitter.addWidget(self.detail_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setCollapsible(1, False)
        splitter.setSizes([470, 730])
        right.setSizes([260, 560])
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addLayout(heading_row)
        layout.addLayout(actions_row)
        layout.addWidget(self.action_message)
        layout.addWidget(splitter, 1)

        # Keyboard.
        def shortcut(keys, slot) -> QShortcut:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)
            return made

        self.shortcuts = [
            shortcut("Ctrl+S", self.save_progress),
            shortcut("Ctrl+Return", self.save_progress),
            shortcut("Ctrl+Enter", self.save_progress),
            shortcut("F5", self.reload),
            shortcut(Qt.Key.Key_Escape, self.request_close),
        ]

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> Task:
        """Read the case, its timeline and the possible new owners again."""
        task = self.tasks.submit(load_case, self.session, self.case_id, name="case-load")
        self._load_task = task
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._load_failed)
        return task

    def _loaded(self, state: CaseState) -> None:
        self.show_state(state)
        self.loaded.emit()

    def _load_failed(self, exc: ServiceError) -> None:
        self.show_message(
            self.tr("The case cannot be shown: {reason}").format(reason=service_message(exc))
        )
        if self.detail is None:
            self.setWindowTitle(self.tr("Case not available"))
        self.action_failed.emit("load", exc)

    def show_state(self, state: CaseState) -> None:
        """Show what the worker read: detail, timeline, the progress form's stages."""
        self.detail = state.detail
        self.events = state.events
        self.assignee_choices = state.assignees
        self.due_soon = state.due_soon
        self._show_detail(state.detail)
        self._show_timeline(state.events)
        self.progress.set_case(state.detail)
        self._set_actions_enabled()

    def _show_detail(self, d: CaseDetail) -> None:
        lang = self.language
        self.setWindowTitle(
            self.tr("{number} — {customer}").format(number=d.number, customer=d.customer_name)
        )
        self.heading.setText(
            self.tr("{number} — {customer}").format(number=d.number, customer=d.customer_name)
        )
        yes, no = self.tr("Yes"), self.tr("No")
        level = LEVEL_ROMAN.get(d.level, str(d.level))
        texts = {
            "number": d.number,
            "customer_name": d.customer_name,
            "contact": d.contact,
            "member_number": d.member_number,
            "id_number": d.id_number,
            "member_tier": d.member_tier,
            "complaint_time": format_time(d.complaint_time),
            "registration_time": format_time(d.registration_time),
            "channel": d.channel,
            "type": d.type,
            "subtype": d.subtype,
            "urgency": URGENCY.label(d.urgency, lang),
            "product": d.product,
            "merchant": d.merchant,
            "description": d.description,
            "customer_requests": d.customer_requests,
            "receiver": d.receiver,
            "stage": STAGES.label(d.stage, lang),
            "level": (
                self.tr("Level {level}, urgent").format(level=level)
                if d.urgent
                else self.tr("Level {level}").format(level=level)
            ),
            "urgent_reasons": "、".join(
                URGENT_REASONS.label(code, lang) for code in d.urgent_reasons
            ),
            "owner": d.owner,
            "department": d.department,
            "escalation_step": ESCALATION_STEPS.label(str(d.escalation_step), lang),
            "reopen_count": str(d.reopen_count),
            "complex_case": yes if d.complex_case else no,
            "outcome": OUTCOMES.label(d.outcome, lang),
            "outcome_reason": d.outcome_reason,
            "updated": self.tr("{time} by {user}").format(
                time=format_time(d.updated_at), user=d.updated_by
            )
            if d.updated_by
            else format_time(d.updated_at),
            "first_response_at": format_time(d.first_response_at),
            "solution_agreed_at": format_time(d.solution_agreed_at),
            "closed_at": format_time(d.closed_at),
        }
        for name, text in texts.items():
            self.labels[name].setText(text or "")
        contact = self.labels["contact"]
        contact.setProperty("masked", d.contact_masked)
        contact.setToolTip(
            self.tr("Masked: you do not handle this case (privacy rule)")
            if d.contact_masked
            else ""
        )
        self.labels["id_number"].setProperty("masked", d.contact_masked)
        self.urgent_badge.setVisible(d.urgent)
        self.urgent_badge.setToolTip(self.labels["urgent_reasons"].text())

        now = self.session.now()
        resolution = d.renegotiated_due or d.resolution_due
        deadlines = {
            "first_response_due": (d.first_response_due, d.first_response_at is not None),
            "solution_due": (d.solution_due, d.solution_agreed_at is not None),
            "resolution_due": (d.resolution_due, d.closed_at is not None),
            "renegotiated_due": (d.renegotiated_due, d.closed_at is not None),
            "next_due": (d.next_due, False),
            "next_update_due": (d.next_update_due if d.is_open else None, False),
        }
        for name, (due, met) in deadlines.items():
            if name == "resolution_due" and d.renegotiated_due is not None:
                state = "none" if not met else "met"  # the renegotiated date counts
            else:
                state = due_state(due, now, self.due_soon, is_open=d.is_open, met=met)
            label = self.labels[name]
            text = format_time(due)
            if due is not None and state == "overdue":
                text = self.tr("{time} (overdue)").format(time=text)
            elif due is not None and state == "due_soon":
                text = self.tr("{time} (due soon)").format(time=text)
            elif due is not None and state == "met":
                text = self.tr("{time} (met)").format(time=text)
            label.setText(text)
            label.setProperty("due_state", state)
            set_tone(label, DUE_TONES.get(state), strong=state == "overdue")
        if resolution is None:
            self.labels["resolution_due"].setProperty("due_state", "none")

    def _show_timeline(self, events: list[TimelineEvent]) -> None:
        table = self.timeline_table
        table.setRowCount(0)
        table.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (
                format_time(event.at),
                event.actor or self.tr("System"),
                self.event_title(event),
                self.event_details(event),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, event.kind)
                item.setData(ATTACHMENTS_ROLE, list(event.attachments))
                item.setToolTip(text)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        table.scrollToBottom()

    def attachments_of_row(self, row: int) -> list[tuple[int, str]]:
        item = self.timeline_table.item(row, 0)
        return list(item.data(ATTACHMENTS_ROLE) or []) if item is not None else []

    def _timeline_menu(self, pos) -> None:
        row = self.timeline_table.rowAt(pos.y())
        files = self.attachments_of_row(row) if row >= 0 else []
        if not files:
            return
        menu = QMenu(self)
        for attachment_id, name in files:
            action = menu.addAction(self.tr("Open {name}").format(name=name))
            action.triggered.connect(
                lambda _checked=False, aid=attachment_id: self.open_attachment(aid)
            )
        menu.popup(self.timeline_table.viewport().mapToGlobal(pos))

    def open_attachments_of_row(self, row: int) -> None:
        for attachment_id, _name in self.attachments_of_row(row):
            self.open_attachment(attachment_id)

    def open_attachment(self, attachment_id: int) -> Path | None:
        """Open an evidence file with the program the system has for it."""
        try:
            _name, path = cases.attachment_file(self.session, attachment_id)
        except ServiceError as exc:
            self.action_message.setText(service_message(exc))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    # --- timeline text ------------------------------------------------------------------

    def kind_label(self, kind: str) -> str:
        return {
            "registered": self.tr("Registered"),
            "progress": self.tr("Progress entry"),
            "closed": self.tr("Closed"),
            "transfer": self.tr("Transfer"),
            "escalation": self.tr("Escalation"),
            "approval_requested": self.tr("Approval requested"),
            "approval_decided": self.tr("Approval decision"),
            "reminder": self.tr("Reminder"),
            "survey": self.tr("Survey"),
            "audit": self.tr("Change"),
        }.get(kind, kind)

    def event_title(self, event: TimelineEvent) -> str:
        """The "what" column: the service's line in English; in another language the
        kind's own words (with the stage of a progress entry, the decision of an approval,
        the step of an escalation)."""
        if self.language == "en":
            return event.title
        details = event.details if isinstance(event.details, dict) else {}
        label = self.kind_label(event.kind)
        extra = ""
        if event.kind == "progress" and details.get("stage"):
            extra = STAGES.label(str(details["stage"]), self.language)
        elif event.kind == "approval_decided" and details.get("decision"):
            extra = self.decision_label(str(details["decision"]))
        elif event.kind == "escalation" and details.get("to_step") is not None:
            extra = ESCALATION_STEPS.label(str(details["to_step"]), self.language)
        elif event.kind == "reminder" and details.get("kind"):
            extra = REMINDER_KINDS.label(str(details["kind"]), self.language)
        elif event.kind == "audit":
            extra = event.title
        return f"{label}：{extra}" if extra else label

    def decision_label(self, code: str) -> str:
        return {
            "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"),
            "pending": self.tr("Pending"),
        }.get(code, code)

    # Detail keys not worth a line: shown elsewhere, or internal.
    HIDDEN_DETAILS = frozenset({"number", "action", "version"})

    def detail_value(self, key: str, value: Any) -> str:
        lang = self.language
        if value is None or value == "" or value == () or value == []:
            return ""
        if isinstance(value, bool):
            if key == "automatic" and not value:
                return ""
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, dt.datetime):
            return format_time(value)
        vocabularies = {
            "stage": STAGES,
            "from_stage": STAGES,
            "to_stage": STAGES,
            "customer_feedback": FEEDBACK,
            "outcome": OUTCOMES,
            "previous_outcome": OUTCOMES,
            "urgency": URGENCY,
            "kind": REMINDER_KINDS,
            "target": DEADLINE_TARGETS,
        }
        if key in vocabularies:
            return vocabularies[key].label(str(value), lang)
        if key == "decision":
            return self.decision_label(str(value))
        if key in ("level", "from_level", "to_level") and isinstance(value, int):
            return LEVEL_ROMAN.get(value, str(value))
        if key in ("step", "escalation_step", "from_step", "to_step"):
            return ESCALATION_STEPS.label(str(value), lang)
        if isinstance(value, list | tuple | set | frozenset):
            return "、".join(str(v) for v in value)
        return str(value)

    def detail_key(self, key: str) -> str:
        return {
            "stage": self.tr("Stage"),
            "from_stage": self.tr("From stage"),
            "owner": self.tr("Owner"),
            "planned_completion": self.tr("Planned completion"),
            "actual_completion": self.tr("Actual completion"),
            "result": self.tr("Result"),
            "customer_feedback": self.tr("Customer feedback"),
            "feedback_comment": self.tr("Feedback comment"),
            "next_action": self.tr("Next action"),
            "reason": self.tr("Reason"),
            "comment": self.tr("Comment"),
            "solution": self.tr("Solution"),
            "decision": self.tr("Decision"),
            "from": self.tr("From"),
            "to": self.tr("To"),
            "from_step": self.tr("From"),
            "to_step": self.tr("Up to"),
            "automatic": self.tr("Automatic"),
            "outcome": self.tr("Outcome"),
            "previous_outcome": self.tr("Previous outcome"),
            "confirmed": self.tr("Customer confirmed"),
            "kind": self.tr("Reminder"),
            "target": self.tr("Deadline"),
            "due_at": self.tr("Due"),
            "recipient": self.tr("For"),
            "message": self.tr("Message"),
            "level": self.tr("Level"),
            "new_due": self.tr("New resolution date"),
            "timeliness": self.tr("Timeliness"),
            "effectiveness": self.tr("Effectiveness"),
            "attitude": self.tr("Attitude"),
            "overall": self.tr("Overall"),
            "suggestions": self.tr("Suggestions"),
        }.get(key, key.replace("_", " "))

    def event_details(self, event: TimelineEvent) -> str:
        lines = []
        details = event.details if isinstance(event.details, dict) else {}
        for key, value in details.items():
            if key in self.HIDDEN_DETAILS or (key == "stage" and event.kind == "progress"):
                continue  # the "what" column names a progress entry's stage
            text = self.detail_value(key, value)
            if text:
                lines.append(f"{self.detail_key(key)}: {text}")
        if event.attachments:
            lines.append(
                self.tr("Attachments: {names}").format(
                    names=", ".join(name for _id, name in event.attachments)
                )
            )
        return "\n".join(lines)

    def timeline_rows(self) -> list[tuple[str, str]]:
        """(kind, title) of each timeline row as shown, oldest first."""
        return [(e.kind, e.title) for e in self.events]

    def timeline_texts(self) -> list[tuple[str, str, str, str]]:
        table = self.timeline_table
        return [
            tuple(table.item(row, column).text() for column in range(4))
            for row in range(table.rowCount())
        ]

    # --- actions: availability ------------------------------------------------------------

    def _set_actions_enabled(self) -> None:
        detail = self.detail
        allowed = detail.actions if detail is not None else frozenset()
        busy = self._action_task is not None
        for action, button in self.action_buttons.items():
            button.setEnabled(action in allowed and not busy)
        deciding = "decide_approval" in allowed
        for button in (self.approve_button, self.reject_button):
            button.setVisible(deciding)
            button.setEnabled(deciding and not busy)
        self.save_button.setEnabled("progress" in allowed and not busy)
        self.progress.setEnabled(detail is not None)

    def can(self, action: str) -> bool:
        return self.detail is not None and action in self.detail.actions

    def busy(self) -> bool:
        return self._action_task is not None or self.tasks.busy()

    # --- actions: dialogs -----------------------------------------------------------------

    def _open_dialog(self, dialog: ActionDialog) -> ActionDialog:
        if (
            self.current_dialog is not None
            and shiboken6.isValid(self.current_dialog)
            and self.current_dialog is not dialog
        ):
            self.current_dialog.deleteLater()
        self.current_dialog = dialog
        dialog.accepted.connect(self._dialog_accepted)
        dialog.open()
        return dialog

    def _dialog_accepted(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ActionDialog):
            return
        self._start(dialog.action, dialog.values(), dialog)

    def ask_transfer(self) -> TransferDialog | None:
        if not self.can("transfer"):
            return None
        dialog = TransferDialog(self.assignee_choices, self.language, self.detail.owner_id, self)
        return self._open_dialog(dialog)

    def ask_escalate(self) -> ReasonDialog | None:
        if not self.can("escalate"):
            return None
        step = ESCALATION_STEPS.label(str(min(self.detail.escalation_step + 1, 3)), self.language)
        dialog = ReasonDialog(
            "escalate",
            self.tr("Escalate the case"),
            self.tr("The case goes up to: {step}. They are notified.").format(step=step),
            self.tr("&Reason"),
            self,
        )
        return self._open_dialog(dialog)

    def ask_request_approval(self) -> ReasonDialog | None:
        if not self.can("request_approval"):
            return None
        dialog = ReasonDialog(
            "request_approval",
            self.tr("Request approval"),
            self.tr(
                "A supervisor approves the solution before it is "
                "carried out (level II and III and urgent cases)."
            ),
            self.tr("&Solution"),
            self,
            field="solution",
        )
        return self._open_dialog(dialog)

    def ask_approve(self) -> DecisionDialog | None:
        return self._ask_decision(True)

    def ask_reject(self) -> DecisionDialog | None:
        return self._ask_decision(False)

    def _ask_decision(self, approve: bool) -> DecisionDialog | None:
        if not self.can("decide_approval"):
            return None
        return self._open_dialog(DecisionDialog(approve, self))

    def ask_close_case(self) -> CloseCaseDialog | None:
        if not self.can("close"):
            return None
        return self._open_dialog(CloseCaseDialog(self.language, self))

    def ask_reopen(self) -> ReasonDialog | None:
        if not self.can("reopen"):
            return None
        dialog = ReasonDialog(
            "reopen",
            self.tr("Reopen the case"),
            self.tr(
                "The case opens again as an escalated complaint "
                "(level III) with new deadlines from now."
            ),
            self.tr("&Reason"),
            self,
        )
        return self._open_dialog(dialog)

    def ask_renegotiate(self) -> RenegotiateDialog | None:
        if not self.can("renegotiate"):
            return None
        return self._open_dialog(RenegotiateDialog(self.detail, self.session.now(), self))

    # --- actions: the calls ---------------------------------------------------------------

    def save_progress(self) -> Task | None:
        """Save the progress form as a new entry."""
        if not self.can("progress"):
            return None
        self.progress.clear_errors()
        return self._start("progress", {"form": self.progress.form()})

    def transfer(self, to_user_id: int, reason: str) -> Task | None:
        return self._start("transfer", {"to_user_id": to_user_id, "reason": reason})

    def escalate(self, reason: str) -> Task | None:
        return self._start("escalate", {"reason": reason})

    def request_approval(self, solution: str) -> Task | None:
        return self._start("request_approval", {"solution": solution})

    def decide_approval(self, approve: bool, comment: str = "") -> Task | None:
        return self._start("decide_approval", {"approve": approve, "comment": comment})

    def close_case(
        self, confirmed: bool, outcome: str = "resolved", reason: str = ""
    ) -> Task | None:
        return self._start("close", {"confirmed": confirmed, "outcome": outcome, "reason": reason})

    def reopen(self, reason: str) -> Task | None:
        return self._start("reopen", {"reason": reason})

    def renegotiate(self, new_due: dt.datetime, reason: str) -> Task | None:
        return self._start("renegotiate", {"new_due": new_due, "reason": reason})

    def _start(
        self, action: str, kwargs: dict[str, Any], dialog: ActionDialog | None = None
    ) -> Task | None:
        if self.detail is None or self._action_task is not None:
            return None
        self.hide_message()
        self.pending = PendingAction(action, kwargs, dialog)
        return self._submit(self.detail.version)

    def _submit(self, version: int) -> Task:
        pending = self.pending
        task = self.tasks.submit(
            perform,
            self.session,
            self.case_id,
            pending.action,
            pending.kwargs,
            version,
            name=f"case-{pending.action}",
        )
        self._action_task = task
        task.succeeded.connect(self._action_succeeded)
        task.failed.connect(self._action_failed)
        task.finished.connect(self._action_finished)
        self._set_actions_enabled()
        if pending.action == "progress":
            self.save_button.setText(self.tr("Saving…"))
        return task

    def _action_finished(self) -> None:
        if self.sender() is self._action_task:
            # Neither succeeded nor failed: a bug, reported by the crash handler.
            self._action_task = None
            self.pending = None
        if self._action_task is None:  # not followed by an "apply again"
            self.save_button.setText(self.tr("&Save entry"))
        self._set_actions_enabled()

    def _action_succeeded(self, state: CaseState) -> None:
        pending = self.pending
        self.pending = None
        self._action_task = None
        self.show_state(state)
        if pending is not None:
            if pending.action == "progress":
                self.progress.clear_form()
            if pending.dialog is not None and shiboken6.isValid(pending.dialog):
                pending.dialog.deleteLater()
                if self.current_dialog is pending.dialog:
                    self.current_dialog = None
            self.status_message.emit(self.done_text(pending.action))
            log.info("case %s: %s done", state.detail.number, pending.action)
        self.case_changed.emit(self.case_id)
        self.action_done.emit(pending.action if pending else "")
        self.loaded.emit()

    def done_text(self, action: str) -> str:
        return {
            "progress": self.tr("The progress entry was saved."),
            "transfer": self.tr("The case was transferred."),
            "escalate": self.tr("The case was escalated."),
            "request_approval": self.tr("Approval was requested."),
            "decide_approval": self.tr("The decision was recorded."),
            "close": self.tr("The case was closed."),
            "reopen": self.tr("The case was reopened."),
            "renegotiate": self.tr("The resolution date was renegotiated."),
        }.get(action, "")

    def action_text(self, action: str) -> str:
        return {
            "progress": self.tr("your progress entry"),
            "transfer": self.tr("your transfer"),
            "escalate": self.tr("your escalation"),
            "request_approval": self.tr("your approval request"),
            "decide_approval": self.tr("your decision"),
            "close": self.tr("closing the case"),
            "reopen": self.tr("reopening the case"),
            "renegotiate": self.tr("the new resolution date"),
        }.get(action, action)

    def _action_failed(self, exc: ServiceError) -> None:
        pending = self.pending
        self._action_task = None
        action = pending.action if pending else ""
        if isinstance(exc, CaseConflict):
            self.show_conflict(exc)
        elif isinstance(exc, ValidationError) and action == "progress":
            self.pending = None
            self.progress.show_error(exc.field, service_message(exc))
        elif (
            isinstance(exc, ValidationError)
            and pending
            and pending.dialog is not None
            and shiboken6.isValid(pending.dialog)
        ):
            self.pending = None
            dialog = pending.dialog
            self.current_dialog = dialog
            dialog.show_error(self._dialog_field(dialog, exc.field), service_message(exc))
            dialog.open()
        else:
            self.pending = None
            self.show_message(self.tr("Not done: {reason}").format(reason=service_message(exc)))
            if isinstance(exc, PermissionDenied | NotFound):
                self.reload()
        self.action_failed.emit(action, exc)

    @staticmethod
    def _dialog_field(dialog: ActionDialog, name: str | None) -> str | None:
        if name in dialog.fields:
            return name
        if name == "reason" and "outcome_reason" in dialog.fields:
            return "outcome_reason"
        if name in ("to_user_id", "to_user", "owner") and "assignee" in dialog.fields:
            return "assignee"
        if name == "renegotiated_due" and "new_due" in dialog.fields:
            return "new_due"
        return name

    # --- conflicts ------------------------------------------------------------------------

    def show_conflict(self, conflict: CaseConflict) -> ConflictDialog | None:
        """Another PC changed the case: reload or apply the same action again."""
        if self.conflict_resolver is not None:
            self.resolve_conflict(conflict, self.conflict_resolver(conflict))
            return None
        if self.conflict_dialog is not None and shiboken6.isValid(self.conflict_dialog):
            self.conflict_dialog.deleteLater()
        action = self.pending.action if self.pending else ""
        dialog = ConflictDialog(conflict, self.action_text(action), self)
        self.conflict_dialog = dialog
        dialog.finished.connect(self._conflict_closed)
        dialog.open()
        return dialog

    def _conflict_closed(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ConflictDialog):
            return
        self.resolve_conflict(dialog.conflict, dialog.choice)

    def resolve_conflict(self, conflict: CaseConflict, choice: str | None) -> Task | None:
        """``"apply"``: the same action on ``conflict.current_version``; anything else:
        forget the action and reload (the typed progress entry stays)."""
        if (
            choice == ConflictDialog.APPLY
            and self.pending is not None
            and self._action_task is None
        ):
            return self._submit(conflict.current_version)
        self.pending = None
        self.show_message(
            self.tr("The case was reloaded; nothing of yours was saved."), error=False
        )
        return self.reload()

    # --- messages, attachments, closing -------------------------------------------------

    def show_message(self, text: str, *, error: bool = True) -> None:
        set_tone(self.action_message, "error" if error else None, strong=error)
        self.action_message.setText(text)
        self.action_message.show()
        self.status_message.emit(text)

    def hide_message(self) -> None:
        self.action_message.hide()

    def add_attachments(self) -> int:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach evidence"),
            "",
            self.tr(
                "Images and documents (*.png *.jpg *.jpeg *.gif *.bmp *.pdf *.doc *.docx "
                "*.xls *.xlsx *.txt *.mp3 *.wav *.m4a);;All files (*)"
            ),
        )
        return self.add_attachment_paths(paths)

    def add_attachment_paths(self, paths: list[str | Path]) -> int:
        """Add evidence files to the progress entry (as the file dialog does)."""
        return self.progress.add_attachment_paths(paths)

    def has_typed_work(self) -> bool:
        return self.progress.has_typed_work()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard the progress entry?"),
            self.tr("The progress entry you typed is not saved. Close and discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def request_close(self) -> bool:
        """Esc: close, asking first when a typed progress entry would be lost."""
        if self.has_typed_work() and not self.confirm_discard():
            return False
        self._discard_confirmed = True
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # The window manager's close button asks too; closing from code does not.
        if (
            event.spontaneous()
            and not self._discard_confirmed
            and self.has_typed_work()
            and not self.confirm_discard()
        ):
            event.ignore()
            self._discard_confirmed = False
            return
        self._discard_confirmed = False
        super().closeEvent(event)


# --- one window per case ---------------------------------------------------------------


def find_case_window(
    session: Session, case_id: int, parent: QWidget | None = None
) -> CaseWindow | None:
    """The visible window of this user on this case: among ``parent``'s children, or the
    top-level windows when there is no parent."""
    if parent is not None:
        candidates = parent.findChildren(CaseWindow)
    else:
        candidates = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseWindow)]
    for window in candidates:
        if (
            window.case_id == case_id
            and window.session.user_id == session.user_id
            and window.isVisible()
        ):
            return window
    return None


def open_case_window(
    session: Session, case_id: int, tasks: TaskRunner | None = None, parent: QWidget | None = None
) -> CaseWindow:
    """Show the case in its window: the one already open for this user and case (raised,
    activated and read again), or a new one that is deleted when it closes."""
    window = find_case_window(session, case_id, parent)
    if window is not None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if not window.busy():
            window.reload()
        return window
    window = CaseWindow(session, case_id, tasks=tasks, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


__all__ = ["CaseWindow", "CaseState", "ProgressPanel", "find_case_window", "open_case_window"]
