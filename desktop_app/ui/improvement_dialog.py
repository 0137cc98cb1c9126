"""The improvement action dialog (持续改进, docs/rules.md#improvement-actions): problem, plan,
responsible department, deadline, status and the complaint types it is about.

Shown with ``open()`` (window-modal, not blocking). ``accept()`` checks the required fields
and stays open showing what is missing; when it closes, the reports page saves the action
off the UI thread and, when the service refuses a field, opens the dialog again with the
message under that field. Tests fill the public widgets and call ``accept()``, the path of
the OK button.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop_app.domain.vocab import IMPROVEMENT_STATUS, Term
from desktop_app.services.improvements import ImprovementInfo
from desktop_app.services.reference import TypeRef
from desktop_app.ui.case.dialogs import ActionDialog
from desktop_app.ui.case.fields import reason_edit

DEFAULT_DEADLINE_DAYS = 30
CodeRole = Qt.ItemDataRole.UserRole


class ImprovementDialog(ActionDialog):
    """New (``action`` is None) or edit an improvement action. ``values()`` gives the
    keyword arguments of ``improvements.create_action`` / ``update_action``."""

    def __init__(
        self,
        *,
        departments: Sequence[Term],
        type_tree: Sequence[TypeRef],
        language: str,
        today: dt.date,
        action: ImprovementInfo | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("improvement_dialog")
        self.setMinimumWidth(520)
        self.action_info = action
        self.action = "update_improvement" if action is not None else "create_improvement"
        if action is None:
            self.set_texts(
                self.tr("New improvement action"),
                self.tr(
                    "What keeps causing complaints, what will be done about "
                    "it, by whom and by when."
                ),
            )
        else:
            self.set_texts(
                self.tr("Improvement action"), self.tr("Changes are recorded in the audit log.")
            )

        self.problem = self.add_field(
            self.tr("&Problem:"),
            "problem",
            reason_edit("problem", self.tr("e.g. many complaints about late refunds")),
        )
        self.plan = self.add_field(
            self.tr("P&lan:"), "plan", reason_edit("plan", self.tr("What will be done"))
        )
        self.department = QComboBox()
        self.department.addItem(self.tr("— choose —"), None)
        for term in departments:
            self.department.addItem(term.label(language), term.code)
        self.add_field(self.tr("Responsible &department:"), "department", self.department)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.add_field(self.tr("D&eadline:"), "deadline", self.deadline)
        self.status = QComboBox()
        for term in IMPROVEMENT_STATUS:
            self.status.addItem(term.label(language), term.code)
        self.add_field(self.tr("&Status:"), "status", self.status)
        self.types = QListWidget()
        self.types.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.types.setMinimumHeight(140)
        for category in type_tree:
            self._add_type(category.code, category.label(language))
            for sub in category.children:
                self._add_type(sub.code, "    " + sub.label(language))
        self.add_field(self.tr("Complaint &types:"), "types", self.types)
        self.types.setToolTip(
            self.tr(
                "The types (or subtypes) whose complaints this action "
                "is about; Space ticks the selected one"
            )
        )
        self.cases = QLabel()
        self.cases.setWordWrap(True)
        self.cases.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_field(self.tr("Linked cases:"), "cases", self.cases)

        if action is None:
            deadline = today + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)
            self.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
            self.cases.setText(self.tr("none"))
        else:
            self._show(action, language)
        self.problem.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_type(self, code: str, text: str) -> None:
        item = QListWidgetItem(text, self.types)
        item.setData(CodeRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)

    def _show(self, action: ImprovementInfo, language: str) -> None:
        self.problem.setPlainText(action.problem)
        self.plan.setPlainText(action.plan)
        index = self.department.findData(action.department)
        if index < 0:  # an inactive department: still shown, so the action keeps it
            label = action.department_zh if language.startswith("zh") else action.department_en
            self.department.addItem(label, action.department)
            index = self.department.count() - 1
        self.department.setCurrentIndex(index)
        if action.deadline is not None:
            day = action.deadline
            self.deadline.setDate(QDate(day.year, day.month, day.day))
        self.status.setCurrentIndex(max(0, self.status.findData(action.status)))
        self.set_type_codes(action.type_codes)
        self.cases.setText(", ".join(action.case_numbers) or self.tr("none"))

    # --- values -------------------------------------------------------------------------

    def type_items(self) -> list[QListWidgetItem]:
        return [self.types.item(row) for row in range(self.types.count())]

    def type_codes(self) -> list[str]:
        return [
            item.data(CodeRole)
            for item in self.type_items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_type_codes(self, codes: Sequence[str]) -> None:
        wanted = set(codes)
        for item in self.type_items():
            item.setCheckState(
                Qt.CheckState.Checked if item.data(CodeRole) in wanted else Qt.CheckState.Unchecked
            )

    def set_department(self, code: str) -> None:
        self.department.setCurrentIndex(max(0, self.department.findData(code)))

    def set_status(self, code: str) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(code)))

    def set_deadline(self, day: dt.date) -> None:
        self.deadline.setDate(QDate(day.year, day.month, day.day))

    def values(self) -> dict[str, Any]:
        return {
            "problem": self.problem.toPlainText().strip(),
            "plan": self.plan.toPlainText().strip(),
            "department_code": self.department.currentData(),
            "deadline": self.deadline.date().toPython(),
            "status": self.status.currentData(),
            "type_codes": self.type_codes(),
        }

    def problems(self) -> dict[str, str]:
        return {
            "problem": self.required_text("problem"),
            "plan": self.required_text("plan"),
            "department": "" if self.department.currentData() else self.tr("Required."),
        }

    @staticmethod
    def field_of(service_field: str | None) -> str | None:
        """The dialog field a service error is about."""
        return {"department_code": "department", "type_codes": "types"}.get(
            service_field or "", service_field
        )
