"""The Settings page: every manager-editable setting with its value; managers edit."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.settings import BY_KEY, SettingDef
from desktop_app.domain.vocab import CALLBACK_RULES
from desktop_app.services import notify as notify_service
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.calendar_page import CalendarPage
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import LanguageCombo, accept_buttons, message_label
from desktop_app.ui.i18n import (
    LANGUAGE_NAMES,
    current_language,
    language_of,
    message_text,
    service_message,
    system_language,
    ui_language,
)
from desktop_app.ui.pages import page_title
from desktop_app.ui.policy import PolicyEditor
from desktop_app.ui.recompute import DeadlineRecompute
from desktop_app.ui.row_models import list_table
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

KeyRole = Qt.ItemDataRole.UserRole + 1
ValueRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def setting_label(definition: SettingDef) -> str:
    return message_text(definition.label)


def format_value(value: Any) -> str:
    """A setting value as shown in the table and typed in the editor."""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Settings", "Yes")
            if value
            else QCoreApplication.translate("Settings", "No")
        )
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and value in CALLBACK_RULES:
        return CALLBACK_RULES.label(value, ui_language())
    return str(value)


class SettingsTableModel(QAbstractTableModel):
    """Rows of (key, value) in declaration order; columns: setting, value, key."""

    LABEL, VALUE, KEY = range(3)

    def __init__(self, rows: list[tuple[str, Any]] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, Any]] = list(rows or [])

    def set_rows(self, rows: list[tuple[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_value(self, key: str, value: Any) -> None:
        for row, (row_key, _old) in enumerate(self._rows):
            if row_key == key:
                self._rows[row] = (key, value)
                index = self.index(row, self.VALUE)
                self.dataChanged.emit(index, index)
                return

    def key_at(self, row: int) -> str:
        return self._rows[row][0]

    def value_at(self, row: int) -> Any:
        return self._rows[row][1]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, value = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == self.LABEL:
                return setting_label(BY_KEY[key])
            if index.column() == self.VALUE:
                return format_value(value)
            return key
        if role == KeyRole:
            return key
        if role == ValueRole:
            return value
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (self.tr("Setting"), self.tr("Value"), self.tr("Key"))
            if 0 <= section < len(titles):
                return titles[section]
        return None


class SettingEditDialog(QDialog):
    """Edits one setting. Saving goes through the service; a rejected value keeps the
    dialog open with the typed text and the reason next to it."""

    def __init__(self, session: Session, key: str, value: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.key = key
        self.definition = BY_KEY[key]
        self.saved_value: Any = None
        self.setObjectName("setting_edit_dialog")
        self.setWindowTitle(self.tr("Change setting"))
        self.setMinimumWidth(440)

        label = QLabel(setting_label(self.definition))
        label.setObjectName("setting_label")
        label.setWordWrap(True)
        self.editor: QLineEdit | QCheckBox | QComboBox
        if self.definition.kind is bool:
            self.editor = QCheckBox(self.tr("On"))
            self.editor.setChecked(bool(value))
        elif self.definition.choices:
            self.editor = QComboBox()
            for code in self.definition.choices:
                self.editor.addItem(format_value(code), code)
            self.editor.setCurrentIndex(max(0, self.editor.findData(value)))
        else:
            self.editor = QLineEdit(format_value(value))
            self.editor.selectAll()
        self.editor.setObjectName("setting_value")
        limits = self._limits_text()
        self.error = message_label("setting_error")

        form = QFormLayout()
        value_label = QLabel(self.tr("&Value:"))
        value_label.setBuddy(self.editor)
        form.addRow(value_label, self.editor)
        if limits:
            form.addRow("", QLabel(limits))

        buttons, self.save_button, self.cancel_button = accept_buttons(
            self.tr("Save"), "save_button", self.save, self.reject
        )

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.editor.setFocus()

    def _limits_text(self) -> str:
        d = self.definition
        if d.minimum is not None and d.maximum is not None:
            return self.tr("From {minimum:g} to {maximum:g}.").format(
                minimum=d.minimum, maximum=d.maximum
            )
        return ""

    def typed_value(self) -> Any:
        if isinstance(self.editor, QCheckBox):
            return self.editor.isChecked()
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData()
        return self.editor.text().strip()

    def save(self) -> bool:
        try:
            self.saved_value = settings_service.change_setting(
                self.session, self.key, self.typed_value()
            )
        except ServiceError as exc:
            self.error.setText(service_message(exc))
            self.error.show()
            self.adjustSize()
            self.editor.setFocus()
            return False
        log.info(
            "setting %s changed to %r by %s", self.key, self.saved_value, self.session.username
        )
        self.accept()
        return True


# Settings whose change moves the stored deadlines of open cases.
RECOMPUTE_PREFIXES = ("sla.", "calendar.")


class SettingsPage(QWidget):
    """Two tabs: the table of settings (managers and administrators change a value by
    double-click, Enter or the Change button, in a small dialog) and the working calendar.

    After a change that moves deadlines the open cases are recomputed off the UI thread;
    ``status_message`` carries the outcome for the window's status bar."""

    status_message = Signal(str)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        changes: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.changes = changes if changes is not None else ChangeHub(self)
        self.recompute: DeadlineRecompute | None = None
        self.can_edit = session.role in ("manager", "admin")
        self.editor: SettingEditDialog | None = None
        self.setObjectName("settings_page")

        title = page_title(self.tr("Settings"))
        language_row = self._build_language_row()
        if self.can_edit:
            hint_text = self.tr(
                "Policy for deadlines, calendar, reminders and security. "
                "Double-click a setting or press Change to edit it; "
                "every change is recorded in the audit log."
            )
        else:
            hint_text = self.tr(
                "Policy for deadlines, calendar, reminders and security. "
                "Only managers and administrators can change settings."
            )
        hint = QLabel(hint_text)
        hint.setObjectName("settings_hint")
        hint.setWordWrap(True)

        self.model = SettingsTableModel(parent=self)
        self.table = list_table(
            "settings_table",
            self.model,
            stretch=SettingsTableModel.LABEL,
            fit=(SettingsTableModel.VALUE, SettingsTableModel.KEY),
        )
        # Settings by their names; keys are for config set and the policy workbook.
        self.table.setColumnHidden(SettingsTableModel.KEY, True)
        # Double-click (or a single click where the platform says so) and Enter.
        self.table.activated.connect(lambda index: self.edit_row(index.row()))

        self.edit_setting_button = QPushButton(self.tr("&Change…"))
        self.edit_setting_button.setToolTip(self.tr("Change the selected setting (Enter)"))
        self.edit_setting_button.setObjectName("edit_setting_button")
        self.edit_setting_button.setEnabled(self.can_edit)
        self.edit_setting_button.clicked.connect(self.edit_selected)
        self.message = QLabel()
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)

        # Next to the settings: the group robot's test message (the saved webhook address).
        self.webhook_test_button = QPushButton(self.tr("Send &test message"))
        self.webhook_test_button.setObjectName("webhook_test_button")
        self.webhook_test_button.setToolTip(
            self.tr("Post a test message to the group robot webhook (notify.webhook_url)")
        )
        self.webhook_test_button.setVisible(self.can_edit)
        self.webhook_test_button.clicked.connect(self.send_test_message)
        self.webhook_test: Task | None = None

        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_setting_button)
        buttons.addWidget(self.webhook_test_button)
        buttons.addStretch(1)

        self.all_settings = all_settings = QWidget()
        all_settings.setObjectName("all_settings_tab")
        all_layout = QVBoxLayout(all_settings)
        all_layout.addWidget(hint)
        all_layout.addWidget(self.table, 1)
        all_layout.addLayout(buttons)
        self.calendar_page = CalendarPage(session, self.tasks, changes=self.changes)
        self.calendar_page.changed.connect(self.recompute_deadlines)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        # The policy's own tables (docs/rules.md#policy-screens): supervisors and up.
        self.policy_editor: PolicyEditor | None = None
        if session.role in ("supervisor", "manager", "admin"):
            self.policy_editor = PolicyEditor(session, self.tasks, changes=self.changes)
            self.policy_editor.context.saved.connect(self._policy_saved)
            self.policy_editor.context.failed.connect(self._policy_saved)
            self.tabs.addTab(self.policy_editor, self.tr("&Policy"))
        self.tabs.addTab(all_settings, self.tr("All &settings"))
        self.tabs.addTab(self.calendar_page, self.tr("Working &calendar"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(language_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.refresh()

    def _build_language_row(self) -> QHBoxLayout:
        """The language of the program on this computer (everyone's own choice)."""
        self.language_combo = LanguageCombo(
            "language_combo",
            self.tr("Follow the system ({language})").format(
                language=LANGUAGE_NAMES[system_language()]
            ),
        )
        self.language_combo.chosen.connect(self._language_chosen)
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language_combo)
        self.language_note = QLabel()
        self.language_note.setObjectName("language_note")
        self.language_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.language_combo)
        row.addWidget(self.language_note, 1)
        return row

    def _language_chosen(self, choice: str) -> None:
        log.info("language of this computer set to %s by %s", choice, self.session.username)
        if language_of(choice) != current_language():
            self.language_note.setText(
                self.tr(
                    "Saved for this computer. The new language shows after you sign out and "
                    "sign in again."
                )
            )
        else:
            self.language_note.setText(self.tr("Saved for this computer."))

    def refresh(self) -> None:
        try:
            rows = settings_service.list_settings(self.session)
        except ServiceError as exc:
            self.message.setText(service_message(exc))
            return
        self.model.set_rows(rows)
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def select_key(self, key: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.key_at(row) == key:
                self.table.selectRow(row)
                return True
        return False

    def edit_selected(self) -> SettingEditDialog | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.edit_row(index.row())

    def edit_row(self, row: int) -> SettingEditDialog | None:
        """Open the (window-modal, non-blocking) editor for a row; None when read-only."""
        if not self.can_edit or not 0 <= row < self.model.rowCount():
            return None
        if self.editor is not None:  # one editor at a time
            self.editor.raise_()
            return self.editor
        key = self.model.key_at(row)
        self.editor = SettingEditDialog(self.session, key, self.model.value_at(row), self)
        self.editor.finished.connect(
            lambda result, editor=self.editor: self._editor_finished(editor, result)
        )
        self.editor.open()
        return self.editor

    def _editor_finished(self, editor: SettingEditDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.model.set_value(editor.key, editor.saved_value)
            self.message.setText(
                self.tr("Saved: {label} = {value}").format(
                    label=setting_label(editor.definition), value=format_value(editor.saved_value)
                )
            )
            # The calendar and the pages showing deadlines or figures follow through the
            # hub; the deadlines of open cases are recomputed here.
            self.changes.announce("settings", {editor.key})
            if editor.key.startswith(RECOMPUTE_PREFIXES):
                self.recompute_deadlines()
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()
        self.table.setFocus()

    def _policy_saved(self, text: str) -> None:
        self.message.setText(text)
        self.status_message.emit(text)

    def show_all_settings(self) -> None:
        self.tabs.setCurrentWidget(self.all_settings)

    def show_policy(self) -> PolicyEditor | None:
        if self.policy_editor is not None:
            self.tabs.setCurrentWidget(self.policy_editor)
        return self.policy_editor

    def send_test_message(self) -> Task | None:
        """Post the test message on a worker of its own (a webhook may take seconds to
        answer; the page's other work does not wait), then say how it went."""
        if not self.can_edit or self.webhook_test is not None:
            return None
        runner = TaskRunner(self)
        self.webhook_test_button.setEnabled(False)
        self.message.setText(self.tr("Sending the test message…"))
        task = runner.submit(notify_service.send_test, self.session, name="webhook-test")
        self.webhook_test = task

        def finished() -> None:
            self.webhook_test = None
            self.webhook_test_button.setEnabled(True)
            runner.shutdown()
            runner.deleteLater()

        task.on(
            succeeded=lambda kind: self.message.setText(
                self.tr("Test message delivered to the group robot ({kind}).").format(kind=kind)
            ),
            failed=lambda exc: self.message.setText(service_message(exc)),
            finished=finished,
        )
        return task

    def show_calendar(self) -> CalendarPage:
        self.tabs.setCurrentWidget(self.calendar_page)
        return self.calendar_page

    def recompute_deadlines(self) -> Task | None:
        """Recompute the open cases' deadlines (managers), with a progress dialog."""
        if not self.can_edit:
            return None
        self.recompute = DeadlineRecompute(self.session, self.tasks, self, changes=self.changes)
        self.recompute.done.connect(self._recomputed)
        return self.recompute.start()

    def _recomputed(self, text: str) -> None:
        self.message.setText(text)
        self.status_message.emit(text)
