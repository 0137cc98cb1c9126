"""Departments, channels and root-cause categories: add, rename in both languages, reorder,
switch off (docs/rules.md#policy-screens). One ``ReferenceList`` per table: departments and
channels side by side, the causes under them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.exchange_columns import NO
from desktop_app.services import policy
from desktop_app.ui.forms import FieldErrors, push_button
from desktop_app.ui.policy.common import PolicyContext

RowRole = Qt.ItemDataRole.UserRole + 1


class ReferenceList(FieldErrors, QGroupBox):
    """The rows of one table (``sheet``: departments, channels or causes) and a form for the
    selected one. Object names start with the sheet's key: ``departments_list``,
    ``add_departments_button``…"""

    def __init__(self, context: PolicyContext, sheet: str, title: str):
        super().__init__(title)
        self.context = context
        self.sheet = sheet
        self.fields, self.errors = {}, {}
        self.setObjectName(f"{sheet}_group")
        self.adding = False
        self.pending: str | None = None

        self.list = QListWidget()
        self.list.setObjectName(f"{sheet}_list")
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.form_layout = QFormLayout()
        self.name_zh = QLineEdit()
        self.name_zh.setMaxLength(60)
        self.name_en = QLineEdit()
        self.name_en.setMaxLength(80)
        self.name_zh.setObjectName(f"{sheet}_name_zh")
        self.name_en.setObjectName(f"{sheet}_name_en")
        self.add_field(self.tr("Chinese name:"), "name_zh", self.name_zh)
        self.add_field(self.tr("English name:"), "name_en", self.name_en)
        self.form_message = QLabel()
        self.form_message.setWordWrap(True)
        self.form_message.hide()
        self.form_layout.addRow(self.form_message)
        edit = context.can_edit
        self.add_button = push_button(self.tr("Add"), f"add_{sheet}_button", slot=self.new)
        self.save_button = push_button(self.tr("Save"), f"save_{sheet}_button", slot=self.save)
        self.active_button = push_button(
            self.tr("Switch off"), f"deactivate_{sheet}_button", slot=self.toggle_active
        )
        self.up_button = push_button("▲", f"up_{sheet}_button", slot=lambda: self.move_row(-1))
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button = push_button("▼", f"down_{sheet}_button", slot=lambda: self.move_row(+1))
        self.down_button.setToolTip(self.tr("Move down"))
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.save_button,
            self.active_button,
            self.up_button,
            self.down_button,
        ):
            button.setVisible(edit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.name_zh.setReadOnly(not edit)
        self.name_en.setReadOnly(not edit)
        self.name_zh.returnPressed.connect(self.save)
        self.name_en.returnPressed.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.form_layout)
        layout.addLayout(buttons)

    def _label(self, row: list[Any]) -> str:
        return row[1] if self.context.language == "zh" else row[2]

    def load(self) -> None:
        view = self.context.view
        if view is None:
            return
        current = self.pending or self._code()
        self.pending = None
        self.list.blockSignals(True)
        self.list.clear()
        select = 0
        for index, row in enumerate(view.rows[self.sheet]):
            text = self._label(row)
            item = QListWidgetItem(text)
            item.setData(RowRole, list(row))
            if row[3] == NO:
                item.setText(self.tr("{name} (off)").format(name=text))
                item.setForeground(QBrush(QColor("#888888")))
            self.list.addItem(item)
            if row[0] == current:
                select = index
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(select)
            self._show(self.list.currentItem())

    def _code(self) -> str | None:
        item = self.list.currentItem()
        return item.data(RowRole)[0] if item is not None else None

    def _show(self, item: QListWidgetItem | None) -> None:
        self.clear_errors()
        self.adding = False
        row = item.data(RowRole) if item is not None else None
        self.name_zh.setText(row[1] if row else "")
        self.name_en.setText(row[2] if row else "")
        self.active_button.setText(
            self.tr("Switch on") if row and row[3] == NO else self.tr("Switch off")
        )

    def new(self) -> None:
        self.clear_errors()
        self.adding = True
        self.list.clearSelection()
        self.name_zh.clear()
        self.name_en.clear()
        self.name_zh.setFocus()

    def save(self) -> None:
        if not self.context.can_edit:
            return
        self.clear_errors()
        zh, en = self.name_zh.text().strip(), self.name_en.text().strip()
        if self.adding:
            self.context.run(
                policy.add_reference,
                self.sheet,
                zh,
                en,
                done=self._done,
                field_error=self._field_error,
            )
            return
        item = self.list.currentItem()
        if item is None:
            return
        self._change(item.data(RowRole), name_zh=zh, name_en=en)

    def _field_error(self, field: str | None, text: str) -> None:
        self.show_error(field, text)

    def _done(self, code: str) -> None:
        self.adding = False
        self.pending = code
        self.context.saved.emit(self.tr("Saved: {name}").format(name=self.name_zh.text()))

    def toggle_active(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            row = item.data(RowRole)
            self._change(row, active=row[3] == NO)

    def _change(self, row: list[Any], **cells: Any) -> None:
        """Save ``cells`` of the row shown (a conflict if someone changed it meanwhile)."""
        self.context.run(
            policy.change_policy,
            self.sheet,
            [{"code": row[0], **cells}],
            expected={row[0]: row},
            done=lambda _changes: self._done(row[0]),
            field_error=self._field_error,
        )

    def move_row(self, step: int) -> None:
        code = self._code()
        if code is not None:
            self.pending = code
            self.context.run(policy.move, self.sheet, code, step, done=lambda _moved: None)


class ReferenceTab(QWidget):
    def __init__(self, context: PolicyContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reference_tab")
        self.departments = ReferenceList(context, "departments", self.tr("Departments"))
        self.channels = ReferenceList(context, "channels", self.tr("Channels"))
        # docs/rules.md#root-causes: the configurable list of root-cause categories.
        self.causes = ReferenceList(context, "causes", self.tr("Root causes"))
        self.causes_hint = QLabel(
            self.tr(
                "Root causes are chosen in the case window during the investigation and at "
                "closing. A cause switched off is no longer offered; the cases that have it "
                "keep it."
            )
        )
        self.causes_hint.setObjectName("causes_hint")
        self.causes_hint.setWordWrap(True)
        self.causes_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QGridLayout(self)
        layout.addWidget(self.departments, 0, 0)
        layout.addWidget(self.channels, 0, 1)
        layout.addWidget(self.causes, 1, 0)
        layout.addWidget(self.causes_hint, 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)

    def lists(self) -> tuple[ReferenceList, ...]:
        return (self.departments, self.channels, self.causes)

    def load(self) -> None:
        for reference_list in self.lists():
            reference_list.load()
