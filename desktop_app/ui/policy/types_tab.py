"""Complaint types as a tree (type → subtype): add, rename in both languages, reorder,
switch off, and per subtype its default level, first-callback rule, handling rule and
departments (docs/rules.md#policy-screens)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.exchange_columns import NO
from desktop_app.domain.vocab import CALLBACK_RULES, HANDLING_RULES, LEVELS
from desktop_app.services import policy
from desktop_app.ui.forms import FieldErrors, push_button, select_data
from desktop_app.ui.policy.common import PolicyContext

CodeRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

# Cells of a types row of the policy workbook (policy_workbook.TYPES).
TYPE, TYPE_ZH, TYPE_EN, SUB, SUB_ZH, SUB_EN, LEVEL, CALLBACK, HANDLING, HANDLER, NOTIFY, ACTIVE = (
    range(12)
)


class TypesTab(FieldErrors, QWidget):
    """The type tree (``types_tree``) and the form of the selected row."""

    def __init__(self, context: PolicyContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.fields, self.errors = {}, {}
        self.setObjectName("types_tab")
        self.mode = "edit"  # or "new_type", "new_subtype"
        self.row: list[Any] | None = None  # the row shown, as read
        self.pending_select: str | None = None  # the row to select after the next reload
        self.new_parent: str | None = None

        self.tree = QTreeWidget()
        self.tree.setObjectName("types_tree")
        self.tree.setHeaderLabels(
            [self.tr("Type / subtype"), self.tr("Level"), self.tr("First callback")]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show(item))

        edit = context.can_edit
        self.add_type_button = push_button(
            self.tr("Add &type"), "add_type_button", slot=self.new_type, icon_name="add"
        )
        self.add_subtype_button = push_button(
            self.tr("Add s&ubtype"), "add_subtype_button", slot=self.new_subtype
        )
        self.deactivate_button = push_button(
            self.tr("S&witch off"), "deactivate_button", slot=self.toggle_active
        )
        self.up_button = push_button(
            self.tr("Move up"), "move_up_button", slot=lambda: self.move_row(-1), shortcut="Alt+Up"
        )
        self.down_button = push_button(
            self.tr("Move down"),
            "move_down_button",
            slot=lambda: self.move_row(+1),
            shortcut="Alt+Down",
        )
        for button in (
            self.add_type_button,
            self.add_subtype_button,
            self.deactivate_button,
            self.up_button,
            self.down_button,
        ):
            button.setEnabled(edit)
            button.setVisible(edit)
        buttons = QHBoxLayout()
        for button in (self.add_type_button, self.add_subtype_button, self.deactivate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.tree, 1)
        left_box.addLayout(buttons)

        self.group = QGroupBox()
        self.group.setObjectName("type_form")
        self.form_layout = QFormLayout(self.group)
        self.name_zh = QLineEdit()
        self.name_zh.setMaxLength(60)
        self.name_en = QLineEdit()
        self.name_en.setMaxLength(80)
        language = context.language
        self.level = QComboBox()
        for term in LEVELS:
            self.level.addItem(term.label(language), term.code)
        self.callback = QComboBox()
        for term in CALLBACK_RULES:
            self.callback.addItem(term.label(language), term.code)
        self.handling = QComboBox()
        for term in HANDLING_RULES:
            self.handling.addItem(term.label(language), term.code)
        self.handler_department = QComboBox()
        self.notify_department = QComboBox()
        self.add_field(self.tr("Chinese &name:"), "name_zh", self.name_zh)
        self.add_field(self.tr("&English name:"), "name_en", self.name_en)
        form = self.form_layout
        self.subtype_rows = [  # their labels: rows hidden for a type
            self.form_row(form, self.tr("Default &level:"), "default_level", self.level),
            self.form_row(form, self.tr("First &callback:"), "callback", self.callback),
            self.form_row(form, self.tr("&Handled by:"), "handling", self.handling),
            self.form_row(
                form,
                self.tr("Handling &department:"),
                "handler_department",
                self.handler_department,
            ),
            self.form_row(
                form,
                self.tr("&Notify department:"),
                "notify_department",
                self.notify_department,
            ),
        ]
        self.form_message = QLabel()
        self.form_message.setObjectName("type_form_message")
        self.form_message.setWordWrap(True)
        self.form_message.hide()
        self.save_button = push_button(
            self.tr("&Save"), "save_type_button", slot=self.save, shortcut="Ctrl+S"
        )
        self.save_button.setVisible(edit)
        self.cancel_button = push_button(
            self.tr("Cancel"), "cancel_type_button", slot=self._cancel_new
        )
        self.cancel_button.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        self.form_layout.addRow(self.form_message)
        self.form_layout.addRow(row)
        for widget in (
            self.name_zh,
            self.name_en,
            self.level,
            self.callback,
            self.handling,
            self.handler_department,
            self.notify_department,
        ):
            widget.setEnabled(edit)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.group)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence("Escape"), self.group).activated.connect(self._cancel_new)

    # --- showing ----------------------------------------------------------------------

    def _label(self, zh: str, en: str) -> str:
        return zh if self.context.language == "zh" else en

    def load(self) -> None:
        view = self.context.view
        if view is None:
            return
        current = self.current_code()
        self.tree.blockSignals(True)
        self.tree.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        select: QTreeWidgetItem | None = None
        for row in view.rows["types"]:
            code = policy.row_key("types", row)
            if row[SUB] is None:
                item = QTreeWidgetItem([self._label(row[TYPE_ZH], row[TYPE_EN])])
                self.tree.addTopLevelItem(item)
                parents[row[TYPE]] = item
            else:
                level = LEVELS.label(str(_level_code(row[LEVEL])), self.context.language)
                callback = CALLBACK_RULES.label(row[CALLBACK], self.context.language)
                item = QTreeWidgetItem(
                    [
                        self._label(row[SUB_ZH], row[SUB_EN]),
                        level if row[LEVEL] else "",
                        callback if row[CALLBACK] else "",
                    ]
                )
                parents[row[TYPE]].addChild(item)
            item.setData(0, CodeRole, code)
            item.setData(0, RowRole, list(row))
            if row[ACTIVE] == NO:
                grey = QBrush(QColor("#888888"))
                for column in range(3):
                    item.setForeground(column, grey)
                item.setToolTip(0, self.tr("Switched off: not offered for new complaints"))
                item.setText(0, self.tr("{name} (off)").format(name=item.text(0)))
            if code == current:
                select = item
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.resizeColumnToContents(2)
        self._fill_departments(view.rows["departments"])
        self.tree.blockSignals(False)
        if select is None and self.tree.topLevelItemCount():
            select = self.tree.topLevelItem(0)
        if self.mode == "edit":
            if select is not None:
                self.tree.setCurrentItem(select)
            self._show(select)

    def _fill_departments(self, rows: list[list[Any]]) -> None:
        for combo in (self.handler_department, self.notify_department):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for row in rows:
                if row[3] != NO:
                    combo.addItem(self._label(row[1], row[2]), row[0])
            select_data(combo, chosen)

    def current_code(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, CodeRole) if item is not None else None

    def select_code(self, code: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for item in (top, *(top.child(j) for j in range(top.childCount()))):
                if item is not None and item.data(0, CodeRole) == code:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _show(self, item: QTreeWidgetItem | None) -> None:
        self.clear_errors()
        self.mode = "edit"
        self.cancel_button.hide()
        self.row = item.data(0, RowRole) if item is not None else None
        row = self.row
        is_sub = row is not None and row[SUB] is not None
        self._subtype_fields(is_sub)
        if row is None:
            self.group.setTitle("")
            return
        if is_sub:
            self.group.setTitle(self.tr("Subtype"))
            self.name_zh.setText(row[SUB_ZH])
            self.name_en.setText(row[SUB_EN])
            select_data(self.level, str(_level_code(row[LEVEL]) or 1))
            select_data(self.callback, row[CALLBACK] or "t+1")
            select_data(self.handling, row[HANDLING] or "receiver")
            select_data(self.handler_department, row[HANDLER])
            select_data(self.notify_department, row[NOTIFY])
        else:
            self.group.setTitle(self.tr("Type"))
            self.name_zh.setText(row[TYPE_ZH])
            self.name_en.setText(row[TYPE_EN])
        active = row[ACTIVE] != NO
        self.deactivate_button.setText(self.tr("S&witch off") if active else self.tr("S&witch on"))
        self.add_subtype_button.setEnabled(self.context.can_edit)

    def _subtype_fields(self, visible: bool) -> None:
        for widget in self.subtype_rows:
            self.form_layout.setRowVisible(widget, visible)

    # --- editing ----------------------------------------------------------------------

    def new_type(self) -> None:
        self._start_new("new_type", self.tr("New type"))

    def new_subtype(self) -> None:
        if self._parent_code() is None:
            self.show_error(None, self.tr("Select the type the subtype belongs to."))
            return
        self._start_new(
            "new_subtype", self.tr("New subtype of {type}").format(type=self._parent_name())
        )
        select_data(self.level, "1")
        select_data(self.callback, "t+1")
        select_data(self.handling, "receiver")
        select_data(self.handler_department, None)
        select_data(self.notify_department, None)

    def _start_new(self, mode: str, title: str) -> None:
        self.clear_errors()
        self.new_parent = self._parent_code()
        self.mode = mode
        self.group.setTitle(title)
        self.name_zh.clear()
        self.name_en.clear()
        self._subtype_fields(mode == "new_subtype")
        self.cancel_button.show()
        self.name_zh.setFocus()

    def _cancel_new(self) -> None:
        if self.mode != "edit":
            self._show(self.tree.currentItem())

    def _parent_code(self) -> str | None:
        row = self.row
        return row[TYPE] if row is not None else None

    def _parent_name(self) -> str:
        row = self.row
        return self._label(row[TYPE_ZH], row[TYPE_EN]) if row is not None else ""

    def _subtype_cells(self) -> dict[str, Any]:
        return {
            "default_level": LEVELS.label(self.level.currentData(), "en"),
            "callback": self.callback.currentData(),
            "handling": self.handling.currentData(),
            "handler_department": self.handler_department.currentData(),
            "notify_department": self.notify_department.currentData(),
        }

    def save(self) -> None:
        if not self.context.can_edit:
            return
        self.clear_errors()
        zh, en = self.name_zh.text().strip(), self.name_en.text().strip()
        if self.mode == "new_type":
            self.context.run(
                policy.add_type, zh, en, done=self._added, field_error=self._field_error
            )
            return
        if self.mode == "new_subtype":
            self.context.run(
                policy.add_subtype,
                self.new_parent,
                {"subtype_zh": zh, "subtype_en": en, **self._subtype_cells()},
                done=self._added,
                field_error=self._field_error,
            )
            return
        row = self.row
        if row is None:
            return
        if row[SUB] is None:
            cells: dict[str, Any] = {"type": row[TYPE], "type_zh": zh, "type_en": en}
        else:
            cells = {
                "type": row[TYPE],
                "subtype": row[SUB],
                "subtype_zh": zh,
                "subtype_en": en,
                **self._subtype_cells(),
            }
        self._change(row, cells)

    _FIELDS = {
        "type_zh": "name_zh",
        "subtype_zh": "name_zh",
        "type_en": "name_en",
        "subtype_en": "name_en",
        "level": "default_level",
    }

    def _field_error(self, field: str | None, text: str) -> None:
        self.show_error(self._FIELDS.get(field or "", field), text)

    def _added(self, code: str) -> None:
        self.mode = "edit"
        self.cancel_button.hide()
        self.pending_select = code
        self.context.saved.emit(self.tr("Added: {name}").format(name=self.name_zh.text().strip()))

    def _saved(self, changes: list[dict[str, Any]], code: str) -> None:
        self.pending_select = code
        if changes:
            self.context.saved.emit(self.tr("Saved: {name}").format(name=self.name_zh.text()))
        else:
            self.context.saved.emit(self.tr("Nothing to save: no change."))

    def after_reload(self) -> None:
        code = self.pending_select
        if code:
            self.select_code(code)
            self.pending_select = None

    def toggle_active(self) -> None:
        row = self.row
        if row is None or self.mode != "edit":
            return
        cells: dict[str, Any] = {"type": row[TYPE], "active": row[ACTIVE] == NO}
        if row[SUB] is not None:
            cells["subtype"] = row[SUB]
        self._change(row, cells)

    def _change(self, row: list[Any], cells: dict[str, Any]) -> None:
        """Save ``cells`` of the row shown (a conflict if someone changed it meanwhile)."""
        code = policy.row_key("types", row)
        self.context.run(
            policy.change_policy,
            "types",
            [cells],
            expected={code: row},
            done=lambda changes: self._saved(changes, code),
            field_error=self._field_error,
        )

    def move_row(self, step: int) -> None:
        code = self.current_code()
        if code is None or self.mode != "edit":
            return
        self.pending_select = code
        self.context.run(policy.move, "types", code, step, done=lambda moved: None)


def _level_code(value: Any) -> int | None:
    """The level number of a row's ``I``/``II``/``III``."""
    term = LEVELS.parse(str(value)) if value else None
    return int(term.code) if term is not None else None
