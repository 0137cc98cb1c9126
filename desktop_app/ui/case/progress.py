"""The case window's progress form (template 2): one progress entry, with its stage, times,
result, customer feedback, next action and evidence files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.vocab import FEEDBACK, STAGES, Term
from desktop_app.services.cases import CaseDetail, ProgressForm
from desktop_app.services.session import Session
from desktop_app.ui.case.fields import OptionalDateTime, minute
from desktop_app.ui.forms import (
    FieldError,
    FieldErrors,
    message_label,
    push_button,
    select_data,
)
from desktop_app.ui.intake.widgets import AttachmentList, attachment_row

# Suggestions of the "next action" field (docs/rules.md#workflow), in the UI language.
NEXT_ACTIONS = (
    Term("return_visit", "回访确认", "Return visit to confirm"),
    Term("improvement_plan", "提交改进方案", "Submit an improvement plan"),
)


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
        attach_row, self.add_attachment_button, self.remove_attachment_button = attachment_row(
            self.attachments_list
        )
        self.add_field(self.tr("Evidence"), "attachments", attach_row)
        self.fields["attachments"] = self.attachments_list

        self.form_message = message_label("progress_message")
        self.save_button = push_button(
            self.tr("&Save entry"),
            "save_button",
            icon_name="save",
            tip=self.tr("Save the progress entry (Ctrl+S or Ctrl+Enter)"),
        )
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
        return select_data(self.stage, code)

    def set_feedback(self, code: str) -> bool:
        return select_data(self.customer_feedback, code)

    def add_attachment_paths(self, paths: Sequence[str | Path]) -> int:
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
