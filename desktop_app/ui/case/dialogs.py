"""The small dialogs of the case window: one per workflow action, and the conflict dialog.

Each action dialog checks its required fields itself (the message shows under the field
and the dialog stays open), and the window runs the action when it is accepted. They are
shown with ``open()`` (window-modal, not blocking), so tests fill the public widgets and
call ``accept()``, the same path as the OK button.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from desktop_app.domain.vocab import OUTCOMES, ROLES, STAGES, Term
from desktop_app.services.cases import CaseConflict, CaseDetail
from desktop_app.ui.case.fields import QT_TIME_FORMAT, TIME_FORMAT, minute, reason_edit
from desktop_app.ui.forms import FieldError, FieldErrors, message_label, select_data
from desktop_app.ui.i18n import ui_language


class ActionDialog(FieldErrors, QDialog):
    """A form of a few fields with OK and Cancel; ``accept()`` checks the required fields
    (``problems()``) and stays open showing them; a message shown under a field puts the
    cursor there."""

    action = ""
    focus_on_error = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumWidth(420)
        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}
        self.intro = QLabel()
        self.intro.setObjectName("dialog_intro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form_layout = QFormLayout()
        self.form_message = message_label("dialog_message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("dialog_buttons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)

    def set_texts(self, title: str, intro: str = "") -> None:
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.intro.setVisible(bool(intro))

    # --- values and checks --------------------------------------------------------------

    def values(self) -> dict[str, Any]:  # pragma: no cover - interface
        """The action's keyword arguments (without ``version``)."""
        raise NotImplementedError

    def problems(self) -> dict[str, str]:
        """Required fields left empty: field name -> message."""
        return {}

    def required_text(self, name: str) -> str:
        return "" if self.text(name) else self.tr("Required.")

    def text(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            return widget.currentText().strip()
        return widget.text().strip()

    def accept(self) -> None:
        self.clear_errors()
        problems = {name: text for name, text in self.problems().items() if text}
        if problems:
            for name, text in problems.items():
                self.show_error(name, text)
            first = next(iter(problems))
            if first in self.fields:
                self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


class TransferDialog(ActionDialog):
    action = "transfer"

    def __init__(
        self,
        people: list[tuple[int, str, str]],
        language: str,
        current_owner_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.set_texts(
            self.tr("Transfer the case"),
            self.tr(
                "The new owner is responsible from now on; the transfer is "
                "recorded with your reason."
            ),
        )
        self.setObjectName("transfer_dialog")
        self.assignee = QComboBox()
        self.assignee.addItem(self.tr("— choose —"), None)
        for user_id, name, role in people:
            if user_id == current_owner_id:
                continue
            self.assignee.addItem(f"{name} ({ROLES.label(role, language)})", user_id)
        self.add_field(self.tr("New &owner"), "assignee", self.assignee)
        self.reason = self.add_field(self.tr("&Reason"), "reason", reason_edit("reason"))

    def select_user(self, user_id: int) -> bool:
        return select_data(self.assignee, user_id)

    def problems(self) -> dict[str, str]:
        return {
            "assignee": ""
            if self.assignee.currentData() is not None
            else self.tr("Choose who takes the case."),
            "reason": self.required_text("reason"),
        }

    def values(self) -> dict[str, Any]:
        return {"to_user_id": int(self.assignee.currentData()), "reason": self.text("reason")}


class ReasonDialog(ActionDialog):
    """One required text: the reason of an escalation or a reopening."""

    def __init__(
        self,
        action: str,
        title: str,
        intro: str,
        label: str,
        parent: QWidget | None = None,
        *,
        field: str = "reason",
    ):
        super().__init__(parent)
        self.set_texts(title, intro)
        self.action = action
        self.field = field
        self.setObjectName(f"{action}_dialog")
        self.reason = self.add_field(label, field, reason_edit(field))

    def problems(self) -> dict[str, str]:
        return {self.field: self.required_text(self.field)}

    def values(self) -> dict[str, Any]:
        return {self.field: self.text(self.field)}


class DecisionDialog(ActionDialog):
    """A supervisor approves or rejects the proposed solution, with a comment (required
    when rejecting)."""

    action = "decide_approval"

    def __init__(self, approve: bool, parent: QWidget | None = None):
        super().__init__(parent)
        if approve:
            self.set_texts(
                self.tr("Approve the solution"), self.tr("The case goes on to execution.")
            )
        else:
            self.set_texts(
                self.tr("Reject the solution"),
                self.tr("The owner reworks the solution; say what must change."),
            )
        self.approve = approve
        self.setObjectName("approve_dialog" if approve else "reject_dialog")
        self.comment = self.add_field(self.tr("&Comment"), "comment", reason_edit("comment"))

    def problems(self) -> dict[str, str]:
        return {} if self.approve else {"comment": self.required_text("comment")}

    def values(self) -> dict[str, Any]:
        return {"approve": self.approve, "comment": self.text("comment")}


class CauseFields:
    """The root cause [原因分类] combo and the 5W1H notes [原因分析] of a dialog
    (docs/rules.md#root-causes): the configurable categories, the case's cause chosen."""

    root_cause: QComboBox
    root_cause_notes: QPlainTextEdit

    def add_cause_fields(
        self: Any, causes: list[Term], detail: CaseDetail | None, language: str, required: bool
    ) -> None:
        self.root_cause = QComboBox()
        self.root_cause.setObjectName("root_cause")
        self.root_cause.addItem(
            self.tr("(choose the cause)") if required else self.tr("(not known yet)"), ""
        )
        for term in causes:
            self.root_cause.addItem(term.label(language), term.code)
        if (
            detail is not None
            and detail.root_cause
            and not select_data(self.root_cause, detail.root_cause)
        ):
            # An inactive category still recorded on the case.
            self.root_cause.addItem(detail.root_cause_label, detail.root_cause)
            select_data(self.root_cause, detail.root_cause)
        self.add_field(self.tr("Root &cause"), "root_cause", self.root_cause)
        self.root_cause_notes = self.add_field(
            self.tr("Cause &analysis"),
            "root_cause_notes",
            reason_edit(
                "root_cause_notes",
                self.tr("5W1H: What, When, Where, Who, Why, How (optional)"),
            ),
        )
        self.root_cause_notes.setMaximumHeight(120)
        if detail is not None and detail.root_cause_notes:
            self.root_cause_notes.setPlainText(detail.root_cause_notes)

    def set_root_cause(self, code: str) -> bool:
        return select_data(self.root_cause, code)

    def cause_values(self) -> dict[str, Any]:
        return {
            "root_cause": self.root_cause.currentData() or "",
            "root_cause_notes": self.root_cause_notes.toPlainText().strip(),
        }


class CloseCaseDialog(CauseFields, ActionDialog):
    """Close: the customer confirmed the resolution, or an outcome and the reason why
    not (docs/rules.md#closing-and-reopening); the root cause, required from the level
    the setting names (docs/rules.md#root-causes)."""

    action = "close"

    def __init__(
        self,
        language: str,
        parent: QWidget | None = None,
        *,
        causes: list[Term] | None = None,
        detail: CaseDetail | None = None,
    ):
        super().__init__(parent)
        self.set_texts(
            self.tr("Close the case"),
            self.tr(
                "Close only when the customer confirmed the resolution, or "
                "say why the case closes without it."
            ),
        )
        self.setObjectName("close_case_dialog")
        self.confirmed = QCheckBox(self.tr("The customer &confirmed the resolution"))
        self.add_field(self.tr("Customer"), "confirmed", self.confirmed)
        self.outcome = QComboBox()
        for term in OUTCOMES:
            self.outcome.addItem(term.label(language), term.code)
        self.add_field(self.tr("&Outcome"), "outcome", self.outcome)
        self.outcome_reason = self.add_field(
            self.tr("&Reason"), "outcome_reason", reason_edit("outcome_reason")
        )
        self.add_cause_fields(
            causes or [], detail, language, bool(detail is not None and detail.cause_required)
        )
        self.confirmed.toggled.connect(self._confirmed_changed)
        self._confirmed_changed(False)

    def _confirmed_changed(self, checked: bool) -> None:
        self.outcome_reason.setPlaceholderText(
            self.tr("Optional")
            if checked
            else self.tr("Required: why the case closes without the customer's confirmation")
        )
        if checked:
            self.set_outcome("resolved")

    def set_outcome(self, code: str) -> bool:
        return select_data(self.outcome, code)

    def problems(self) -> dict[str, str]:
        if self.confirmed.isChecked():
            return {}
        return {
            "outcome_reason": ""
            if self.text("outcome_reason")
            else self.tr("Without the customer's confirmation the reason is required.")
        }

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "confirmed": self.confirmed.isChecked(),
            "outcome": self.outcome.currentData(),
            "reason": self.text("outcome_reason"),
        }
        cause = self.cause_values()
        # Nothing chosen: keep what was recorded during the investigation (the service
        # refuses a case that needs a cause and has none).
        values["root_cause"] = cause["root_cause"] or None
        values["root_cause_notes"] = cause["root_cause_notes"] or None
        return values


class RootCauseDialog(CauseFields, ActionDialog):
    """The root cause and the 5W1H notes of an open case, recorded during the
    investigation (docs/rules.md#root-causes)."""

    action = "root_cause"

    def __init__(
        self, causes: list[Term], detail: CaseDetail, language: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.set_texts(
            self.tr("Root cause"),
            self.tr(
                "Why did this complaint happen? Choose the cause category and note "
                "what, when, where, who, why and how."
            ),
        )
        self.setObjectName("root_cause_dialog")
        self.add_cause_fields(causes, detail, language, False)

    def values(self) -> dict[str, Any]:
        return self.cause_values()


class RenegotiateDialog(ActionDialog):
    """A complex case: the resolution date agreed anew with the customer."""

    action = "renegotiate"

    def __init__(self, detail: CaseDetail, now: dt.datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_texts(
            self.tr("Renegotiate the resolution date"),
            self.tr(
                "Complex cases only: the new date agreed with the customer, "
                "at most 15 working days after registration (the exact "
                "limit is a setting)."
            ),
        )
        self.setObjectName("renegotiate_dialog")
        self.new_due = QDateTimeEdit()
        self.new_due.setDisplayFormat(QT_TIME_FORMAT)
        self.new_due.setCalendarPopup(True)
        start = detail.renegotiated_due or detail.resolution_due
        self.new_due.setDateTime(QDateTime(minute(max(start, now))))
        self.new_due.setMinimumDateTime(QDateTime(minute(now)))
        self.add_field(self.tr("New &date"), "new_due", self.new_due)
        self.reason = self.add_field(self.tr("&Reason"), "reason", reason_edit("reason"))

    def set_due(self, when: dt.datetime) -> None:
        self.new_due.setDateTime(QDateTime(minute(when)))

    def problems(self) -> dict[str, str]:
        return {"reason": self.required_text("reason")}

    def values(self) -> dict[str, Any]:
        return {
            "new_due": minute(self.new_due.dateTime().toPython()),
            "reason": self.text("reason"),
        }


class ConflictDialog(QDialog):
    """Someone else changed the case: who changed what, then reload or apply again.

    ``choice`` is ``"reload"`` or ``"apply"`` once a button was pressed (None when the
    dialog was dismissed, which counts as reload)."""

    RELOAD = "reload"
    APPLY = "apply"

    def __init__(self, conflict: CaseConflict, action_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.choice: str | None = None
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("The case was changed meanwhile"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Since you opened this case, others changed it. Nothing of yours was saved "
                "({action})."
            ).format(action=action_text)
        )
        intro.setObjectName("conflict_intro")
        intro.setWordWrap(True)
        self.changes_table = QTableWidget(0, 3)
        self.changes_table.setObjectName("changes_table")
        self.changes_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("What")]
        )
        self.changes_table.verticalHeader().hide()
        self.changes_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.changes_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for change in conflict.changes:
            row = self.changes_table.rowCount()
            self.changes_table.setRowCount(row + 1)
            for column, text in enumerate(
                (change.at.strftime(TIME_FORMAT), change.user, self.change_text(change))
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, change.action)
                self.changes_table.setItem(row, column, item)
        self._build_rest(intro)

    def change_text(self, change) -> str:
        """What another user did, in the UI language (the service's summary is English)."""
        d, language = change.details, ui_language()
        stage = STAGES.label(d.get("stage"), language) if d.get("stage") else ""
        texts = {
            "progress": lambda: (
                self.tr("Progress entry, stage {stage}").format(stage=stage)
                + (f": {d['result']}" if d.get("result") else "")
            ),
            "transfer": lambda: self.tr("Transferred to {name}: {reason}").format(
                name=d.get("to_name", ""), reason=d.get("reason", "")
            ),
            "escalate": lambda: self.tr("Escalated to step {step}: {reason}").format(
                step=d.get("to_step", ""), reason=d.get("reason", "")
            ),
            "approval_request": lambda: self.tr("Submitted the solution for approval"),
            "approval_decision": lambda: (
                self.tr("Approved the solution")
                if d.get("decision") == "approved"
                else self.tr("Rejected the solution")
            ),
            "close": lambda: self.tr("Closed the case ({outcome})").format(
                outcome=OUTCOMES.label(d.get("outcome"), language)
            ),
            "reopen": lambda: self.tr("Reopened the case: {reason}").format(
                reason=d.get("reason", "")
            ),
            "renegotiate": lambda: self.tr("Renegotiated the resolution date"),
            "reassess": lambda: self.tr("Re-assessed the case: {reason}").format(
                reason=d.get("reason", "")
            ),
            "account_frozen": lambda: (
                self.tr("Recorded the account as frozen")
                if d.get("frozen")
                else self.tr("Cleared the account frozen note")
            ),
            "root_cause": lambda: self.tr("Recorded the root cause"),
            # cases.changes_since: no audited action recorded the version (automatic).
            "update": lambda: self.tr("Changed the case"),
        }
        make = texts.get(change.action)
        return make() if make else change.summary

    def _build_rest(self, intro: QLabel) -> None:
        question = QLabel(
            self.tr(
                "Reload shows the case as it is now (what you typed in the progress form stays "
                "there). Apply again makes your change on top of theirs."
            )
        )
        question.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setObjectName("reload_button")
        self.apply_again_button = QPushButton(self.tr("&Apply again"))
        self.apply_again_button.setObjectName("apply_again_button")
        self.reload_button.setDefault(True)
        self.reload_button.clicked.connect(lambda: self.choose(self.RELOAD))
        self.apply_again_button.clicked.connect(lambda: self.choose(self.APPLY))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.apply_again_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.changes_table, 1)
        layout.addWidget(question)
        layout.addLayout(buttons)

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def rows(self) -> list[tuple[str, str, str]]:
        table = self.changes_table
        return [
            tuple(table.item(row, column).text() for column in range(3))
            for row in range(table.rowCount())
        ]
