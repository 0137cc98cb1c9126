"""The case window's re-assessment dialog (docs/rules.md#re-assessment): mark the case urgent
with a reason, raise the level, correct its type, subtype and department, with the reason
for the change. Supervisors may only raise; a manager may also take the urgent mark off and
lower the level.

The window runs ``cases.reassess`` with ``values()``: only what differs from the case as
shown (``None`` leaves a field as it is). When the save fails, the window shows the problem
under its field and opens the dialog again with what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from desktop_app.domain.vocab import LEVEL_ROMAN, Term
from desktop_app.services.cases import CaseDetail
from desktop_app.services.reference import TypeRef
from desktop_app.ui.case.dialogs import ActionDialog
from desktop_app.ui.case.fields import reason_edit
from desktop_app.ui.forms import select_data


class ReassessDialog(ActionDialog):
    """Re-assess ``detail``. ``types``: the type tree, ``departments``: the departments
    (``services/reference.py``); ``may_lower``: the session is a manager."""

    action = "reassess"

    def __init__(
        self,
        detail: CaseDetail,
        types: list[TypeRef],
        departments: list[Term],
        language: str,
        *,
        may_lower: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reassess_dialog")
        self.setMinimumWidth(480)
        self.detail = detail
        self.language = language
        self.may_lower = may_lower
        self.set_texts(
            self.tr("Re-assess the case"),
            self.tr(
                "Mark the case urgent, raise its level or correct its type and department. The "
                "deadlines are computed again from the complaint time, and the case goes to "
                "whoever the routing rule names."
            )
            + (
                ""
                if may_lower
                else " "
                + self.tr("Only a manager may take the urgent mark off or lower the level.")
            ),
        )
        self._types = {t.code: t for t in types}

        self.urgent = QCheckBox(self.tr("Urgent complaint"))
        self.urgent.setObjectName("urgent")
        self.urgent.setChecked(detail.urgent)
        self.urgent.setEnabled(may_lower or not detail.urgent)
        self.add_field(self.tr("&Urgency"), "urgent", self.urgent)
        self.urgent_reason = QLineEdit()
        self.urgent_reason.setObjectName("urgent_reason")
        self.urgent_reason.setMaxLength(200)
        self.urgent_reason.setPlaceholderText(self.tr("Why the case is urgent"))
        self.add_field(self.tr("Urgent &because"), "urgent_reason", self.urgent_reason)

        self.level = QComboBox()
        self.level.setObjectName("level")
        lowest = 1 if may_lower else detail.level
        for level in range(lowest, 4):
            self.level.addItem(self.tr("Level {level}").format(level=LEVEL_ROMAN[level]), level)
        select_data(self.level, detail.level)
        self.add_field(self.tr("&Level"), "level", self.level)

        self.type = QComboBox()
        self.type.setObjectName("type")
        for ref in types:
            self.type.addItem(ref.label(language), ref.code)
        if self.type.findData(detail.type_code) < 0:  # an inactive type: still shown
            self.type.addItem(detail.type, detail.type_code)
        self.add_field(self.tr("&Type"), "type", self.type)
        self.subtype = QComboBox()
        self.subtype.setObjectName("subtype")
        self.add_field(self.tr("S&ubtype"), "subtype", self.subtype)

        self.department = QComboBox()
        self.department.setObjectName("department")
        for term in departments:
            self.department.addItem(term.label(language), term.code)
        if self.department.findData(detail.department_code) < 0:
            self.department.addItem(detail.department, detail.department_code)
        self.add_field(self.tr("&Department"), "department", self.department)

        self.reason = self.add_field(
            self.tr("&Reason"),
            "reason",
            reason_edit("reason", self.tr("Why the case is re-assessed (recorded on the case)")),
        )

        select_data(self.type, detail.type_code)
        self._type_changed()
        select_data(self.subtype, detail.subtype_code)
        select_data(self.department, detail.department_code)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.urgent.toggled.connect(self._urgent_changed)
        self._urgent_changed(self.urgent.isChecked())

    # --- cascades -------------------------------------------------------------------------

    def _type_changed(self) -> None:
        """The subtypes of the chosen type (the case's own when it is that type)."""
        code = self.type.currentData()
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem(self.tr("— choose —"), "")
        parent = self._types.get(code)
        for child in parent.children if parent else ():
            self.subtype.addItem(child.label(self.language), child.code)
        if code == self.detail.type_code and self.subtype.findData(self.detail.subtype_code) < 0:
            self.subtype.addItem(self.detail.subtype, self.detail.subtype_code)
        if code == self.detail.type_code:
            select_data(self.subtype, self.detail.subtype_code)
        self.subtype.blockSignals(False)

    def _urgent_changed(self, checked: bool) -> None:
        marking = checked and not self.detail.urgent
        self.urgent_reason.setEnabled(marking)

    # --- filling (tests, automation) ------------------------------------------------------

    def set_level(self, level: int) -> bool:
        return select_data(self.level, level)

    def set_subtype(self, type_code: str, subtype_code: str) -> bool:
        return select_data(self.type, type_code) and select_data(self.subtype, subtype_code)

    def set_department(self, code: str) -> bool:
        return select_data(self.department, code)

    # --- values and checks ----------------------------------------------------------------

    def _marking(self) -> bool:
        return self.urgent.isChecked() and not self.detail.urgent

    def values(self) -> dict[str, Any]:
        d = self.detail
        values: dict[str, Any] = {"reason": self.text("reason")}
        if self.urgent.isChecked() != d.urgent:
            values["urgent"] = self.urgent.isChecked()
        if self._marking():
            values["urgent_reason"] = self.urgent_reason.text().strip()
        level = self.level.currentData()
        if level is not None and level != d.level:
            values["level"] = int(level)
        subtype = self.subtype.currentData() or ""
        if self.type.currentData() != d.type_code or subtype != d.subtype_code:
            values["type_code"] = self.type.currentData()
            values["subtype_code"] = subtype or None
        department = self.department.currentData()
        if department and department != d.department_code:
            values["department_code"] = department
        return values

    def problems(self) -> dict[str, str]:
        values = self.values()
        changed = set(values) - {"reason", "urgent_reason"}
        problems: dict[str, str] = {}
        if "type_code" in values and not values.get("subtype_code"):
            problems["subtype"] = self.tr("Choose the subtype.")
        if self._marking() and not (self.urgent_reason.text().strip() or values["reason"]):
            problems["urgent_reason"] = self.tr("Say why the case is urgent.")
        elif not changed:
            problems[""] = self.tr("Nothing to change: choose what to re-assess.")
        elif not (values["reason"] or values.get("urgent_reason")):
            problems["reason"] = self.tr("Required.")
        return problems
