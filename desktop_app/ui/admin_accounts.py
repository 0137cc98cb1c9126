"""The accounts tab of the administration page (administrators only).

``accounts_table`` lists every account (user name, display name, role, departments, active
or disabled, whether it has a password to sign in with). Buttons:

- ``add_user_button``: ``UserDialog`` (objectName ``user_dialog``) with user name, display
  name, role, departments (check boxes), supervisor and the password typed twice;
- ``edit_user_button`` (or double-click): the same dialog for display name, role,
  departments and supervisor;
- ``reset_password_button``: ``PasswordDialog`` (``password_dialog``), the new password twice;
- ``toggle_active_button``: "Disable" or "Enable" the selected account, after a confirmation
  (``confirm()``; tests replace it).

The dialogs save through ``services.users`` when their save button is pressed; a refused
value is shown under its input (``<field>_error``) and the dialog stays open with everything
typed. A refused disable shows its reason under the buttons (``active_error``).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import ROLES, Term
from desktop_app.services import reference, users
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.services.users import UserInfo
from desktop_app.ui.forms import (
    FieldError,
    FieldErrors,
    accept_buttons,
    ask,
    message_label,
    name_edit,
    password_edit,
    push_button,
)
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.resources import icon
from desktop_app.ui.row_models import RowsTableModel, list_table

log = logging.getLogger(__name__)

UsernameRole = Qt.ItemDataRole.UserRole + 1
DISABLED_COLOUR = "#8a8a8a"


def department_names(codes: tuple[str, ...], departments: list[Term], language: str) -> str:
    by_code = {d.code: d.label(language) for d in departments}
    separator = "、" if language == "zh" else ", "
    return separator.join(by_code.get(code, code) for code in codes)


class AccountsTableModel(RowsTableModel):
    """The accounts, as ``users.list_users`` orders them."""

    USERNAME, DISPLAY_NAME, ROLE, DEPARTMENTS, STATUS, SIGN_IN = range(6)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._departments: list[Term] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("User name"),
            self.tr("Display name"),
            self.tr("Role"),
            self.tr("Departments"),
            self.tr("Status"),
            self.tr("Can sign in"),
        )

    def set_rows(self, rows: list[UserInfo], departments: list[Term]) -> None:  # type: ignore[override]
        self._departments = list(departments)
        super().set_rows(rows)

    def user_at(self, row: int) -> UserInfo | None:
        return self.row_at(row)

    def row_of(self, username: str) -> int:
        return next((i for i, u in enumerate(self._rows) if u.username == username), -1)

    def display(self, info: UserInfo, column: int) -> str:
        language = ui_language()
        if column == self.USERNAME:
            return info.username
        if column == self.DISPLAY_NAME:
            return info.display_name
        if column == self.ROLE:
            return ROLES.label(info.role, language)
        if column == self.DEPARTMENTS:
            return department_names(info.departments, self._departments, language)
        if column == self.STATUS:
            return self.tr("Active") if info.active else self.tr("Disabled")
        if column == self.SIGN_IN:
            if not info.can_sign_in:
                return self.tr("No password")
            return self.tr("Yes") if info.active else self.tr("No")
        return ""

    def cell(self, info: UserInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SIGN_IN and not info.can_sign_in:
            return self.tr(
                "This account has no password (e.g. made by an import); reset "
                "its password to let it sign in."
            )
        if role == Qt.ItemDataRole.ForegroundRole and not info.active:
            return QBrush(QColor(DISABLED_COLOUR))
        if role == UsernameRole:
            return info.username
        return None


class _Form(FieldErrors, QDialog):
    """A dialog of form rows with their error lines, a message line and Save/Cancel."""

    def _setup(self, object_name: str, title: str) -> QFormLayout:
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}
        self.form_message = message_label("form_message")
        return QFormLayout()

    def _add_passwords(self, form: QFormLayout, first: str, again: str) -> None:
        """The rows of the password (``first``, its label) and its repetition (``again``)."""
        self.password = password_edit("password")
        self.password_repeat = password_edit("password_repeat")
        self.form_row(form, first, "password", self.password)
        self.form_row(form, again, "password_repeat", self.password_repeat)

    def _finish(self, form: QFormLayout) -> None:
        # Not self.tr: the catalogue's context is this class, whichever dialog runs it.
        buttons, self.save_button, self.cancel_button = accept_buttons(
            QCoreApplication.translate("AdminForm", "Save"), "save_button", self.save, self.reject
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(buttons)

    def show_service_error(self, exc: ServiceError) -> None:
        field = exc.field if isinstance(exc, ValidationError) else None
        self.show_error(field or "", service_message(exc))
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def save(self) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError


class UserDialog(_Form):
    """Add an account (``user`` None) or change one. ``saved`` is the account after a
    successful save."""

    def __init__(
        self,
        session: Session,
        departments: list[Term],
        accounts: list[UserInfo],
        user: UserInfo | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.user = user
        self.saved: UserInfo | None = None
        language = ui_language()
        form = self._setup(
            "user_dialog",
            self.tr("Add an account")
            if user is None
            else self.tr("Change the account {name}").format(name=user.username),
        )

        self.username = name_edit("username", user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.display_name = name_edit("display_name", user.display_name if user else "")
        self.role = QComboBox()
        for term in ROLES:
            self.role.addItem(term.label(language), term.code)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role if user else "clerk")))
        self.departments = QListWidget()
        self.departments.setObjectName("departments")
        self.departments.setMaximumHeight(150)
        chosen = set(user.departments) if user else set()
        for term in departments:
            item = QListWidgetItem(term.label(language))
            item.setData(Qt.ItemDataRole.UserRole, term.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if term.code in chosen else Qt.CheckState.Unchecked
            )
            self.departments.addItem(item)
        self.supervisor = QComboBox()
        self.supervisor.addItem(self.tr("(none)"), "")
        for account in accounts:
            if user is not None and account.username == user.username:
                continue
            if account.role == "clerk" or not account.active:
                continue
            self.supervisor.addItem(
                f"{account.username} — {account.display_name} "
                f"({ROLES.label(account.role, language)})",
                account.username,
            )
        current = user.supervisor if user else ""
        index = self.supervisor.findData(current)
        if index < 0 and current:  # e.g. a clerk or a disabled account: still shown
            self.supervisor.addItem(current, current)
            index = self.supervisor.count() - 1
        self.supervisor.setCurrentIndex(max(0, index))

        self.form_row(form, self.tr("&User name:"), "username", self.username)
        self.form_row(form, self.tr("&Display name:"), "display_name", self.display_name)
        self.form_row(form, self.tr("&Role:"), "role", self.role)
        self.form_row(form, self.tr("D&epartments:"), "department", self.departments)
        self.form_row(form, self.tr("&Supervisor:"), "supervisor", self.supervisor)
        self.senior_agent = QCheckBox(
            self.tr("Senior agent (handles complaints about staff efficiency)")
        )
        self.senior_agent.setObjectName("senior_agent")
        self.senior_agent.setChecked(bool(user.senior_agent) if user else False)
        self.form_row(form, self.tr("Se&nior agent:"), "senior_agent", self.senior_agent)
        if session.role != "admin":  # a manager: the hierarchy only
            self.display_name.setReadOnly(True)
            self.role.setEnabled(False)
        self.password = self.password_repeat = None
        if user is None:
            self._add_passwords(form, self.tr("&Password:"), self.tr("Password a&gain:"))
            self.display_name.setPlaceholderText(
                self.tr("The name others see; the user name when empty")
            )
        self._finish(form)
        (self.display_name if user else self.username).setFocus()

    def chosen_departments(self) -> tuple[str, ...]:
        return tuple(
            self.departments.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.departments.count())
            if self.departments.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_departments(self, codes: tuple[str, ...] | list[str]) -> None:
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in codes
                else Qt.CheckState.Unchecked
            )

    def save(self) -> bool:
        self.clear_errors()
        role = self.role.currentData()
        supervisor = self.supervisor.currentData() or ""
        try:
            if self.user is None:
                assert self.password is not None and self.password_repeat is not None
                if self.password.text() != self.password_repeat.text():
                    self.show_error("password_repeat", self.tr("The two passwords differ."))
                    self.password_repeat.setFocus()
                    return False
                self.saved = users.create_user(
                    self.session,
                    self.username.text(),
                    role,
                    self.password.text(),
                    display_name=self.display_name.text().strip() or None,
                    departments=self.chosen_departments(),
                    supervisor=supervisor or None,
                    senior_agent=self.senior_agent.isChecked(),
                )
            else:
                self.saved = users.update_user(
                    self.session,
                    self.user.username,
                    display_name=self.display_name.text(),
                    role=role,
                    departments=self.chosen_departments(),
                    supervisor=supervisor,
                    senior_agent=self.senior_agent.isChecked(),
                )
        except ServiceError as exc:
            self.show_service_error(exc)
            return False
        log.info("account %s saved by %s", self.saved.username, self.session.username)
        self.accept()
        return True


class PasswordDialog(_Form):
    """An administrator sets a new password for ``username``."""

    def __init__(self, session: Session, username: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.username = username
        self.saved: UserInfo | None = None
        form = self._setup(
            "password_dialog", self.tr("New password for {name}").format(name=username)
        )
        self._add_passwords(form, self.tr("New &password:"), self.tr("Password a&gain:"))
        hint = QLabel(
            self.tr(
                "The account's sign-in lockout will be lifted. Tell the user the "
                "new password in person."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self._finish(form)
        self.password.setFocus()

    def save(self) -> bool:
        self.clear_errors()
        if self.password.text() != self.password_repeat.text():
            self.show_error("password_repeat", self.tr("The two passwords differ."))
            self.password_repeat.setFocus()
            return False
        try:
            self.saved = users.reset_password(self.session, self.username, self.password.text())
        except ServiceError as exc:
            if isinstance(exc, ValidationError) and exc.field is None:
                exc.field = "password"
            self.show_service_error(exc)
            return False
        self.accept()
        return True


class AccountsTab(QWidget):
    """The accounts list and its buttons; see the module documentation."""

    status_message = Signal(str)
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("accounts_tab")
        self.dialog: QDialog | None = None
        self._departments: list[Term] = []

        self.model = AccountsTableModel(self)
        self.table = list_table(
            "accounts_table", self.model, stretch=AccountsTableModel.DEPARTMENTS
        )
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )

        self.add_button = push_button(
            self.tr("&Add…"), "add_user_button", icon_name="user_add", slot=self.add_user
        )
        self.edit_button = push_button(
            self.tr("&Edit…"), "edit_user_button", icon_name="user_edit", slot=self.edit_selected
        )
        self.reset_button = push_button(
            self.tr("Reset &password…"),
            "reset_password_button",
            icon_name="password",
            slot=self.reset_selected,
        )
        self.unlock_button = QPushButton(self.tr("&Lift sign-in lockout"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setToolTip(
            self.tr("Let the account sign in again at once after too many failed attempts")
        )
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.toggle_button = QPushButton(self.tr("&Disable"))
        self.toggle_button.setObjectName("toggle_active_button")
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.active_error = FieldError("active")
        self.message = QLabel()
        self.message.setObjectName("accounts_message")
        self.message.setWordWrap(True)
        self.message.hide()

        # Managers change the hierarchy of their departments' accounts; adding accounts and
        # passwords stay the administrators' (docs/rules.md#roles-and-access).
        self.add_button.setVisible(session.role == "admin")
        self.reset_button.setVisible(session.role == "admin")
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.reset_button,
            self.unlock_button,
            self.toggle_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "A disabled account cannot sign in; its cases and history "
                "stay. Every change is recorded in the audit log."
            )
        )
        hint.setObjectName("accounts_hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.active_error)
        layout.addWidget(self.message)
        self.refresh()

    # --- list ---------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        current = select or (self.selected().username if self.selected() else None)
        try:
            rows = users.list_users(self.session)
            self._departments = reference.departments()
        except ServiceError as exc:
            self.show_message(service_message(exc))
            return
        self.model.set_rows(rows, self._departments)
        row = self.model.row_of(current) if current else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        index = self.table.currentIndex()
        return self.model.user_at(index.row()) if index.isValid() else None

    def select_user(self, username: str) -> bool:
        row = self.model.row_of(username)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _update_buttons(self) -> None:
        info = self.selected()
        for button in (self.edit_button, self.reset_button, self.unlock_button, self.toggle_button):
            button.setEnabled(info is not None)
        if info is not None and not info.active:
            self.toggle_button.setText(self.tr("E&nable"))
            self.toggle_button.setIcon(icon("enable"))
            self.toggle_button.setToolTip(
                self.tr("Let {name} sign in again").format(name=info.username)
            )
        else:
            self.toggle_button.setText(self.tr("&Disable"))
            self.toggle_button.setIcon(icon("disable"))
            self.toggle_button.setToolTip(
                self.tr("Stop {name} from signing in").format(name=info.username if info else "")
            )
        self.active_error.clear_message()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.status_message.emit(text)

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda result, d=dialog: self._dialog_finished(d, result))
        dialog.open()
        return dialog

    def _dialog_finished(self, dialog: QDialog, result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        saved = getattr(dialog, "saved", None)
        if result == QDialog.DialogCode.Accepted and saved is not None:
            if isinstance(dialog, PasswordDialog):
                text = self.tr("New password set for {name}.").format(name=saved.username)
            elif isinstance(dialog, UserDialog) and dialog.user is None:
                text = self.tr("Account {name} added.").format(name=saved.username)
            else:
                text = self.tr("Account {name} changed.").format(name=saved.username)
            self.status_message.emit(text)
            self.refresh(select=saved.username)
            self.changed.emit()
        dialog.deleteLater()

    def add_user(self) -> UserDialog | None:
        if self.dialog is not None:
            self.dialog.raise_()
            return None
        return self._open_user_dialog(None)

    def edit_selected(self) -> UserDialog | None:
        info = self.selected()
        if info is None or self.dialog is not None:
            return None
        return self._open_user_dialog(info)

    def _open_user_dialog(self, info: UserInfo | None) -> UserDialog:
        """The account dialog: a new account (``info`` None) or ``info``'s."""
        dialog = UserDialog(self.session, self._departments, self.model.rows(), info, self)
        self._open(dialog)
        return dialog

    def reset_selected(self) -> PasswordDialog | None:
        info = self.selected()
        if info is None or self.dialog is not None:
            return None
        dialog = PasswordDialog(self.session, info.username, self)
        self._open(dialog)
        return dialog

    def unlock_selected(self) -> bool:
        """Lift the selected account's sign-in lockout on every computer (audited;
        docs/rules.md#accounts)."""
        info = self.selected()
        if info is None:
            return False
        self.active_error.clear_message()
        try:
            users.unlock_account(self.session, info.username)
        except ServiceError as exc:
            self.active_error.show_message(service_message(exc))
            return False
        self.status_message.emit(
            self.tr("{name} can sign in again at once.").format(name=info.username)
        )
        return True

    def confirm(self, title: str, text: str) -> bool:
        """Ask yes or no (tests replace this)."""
        return ask(self, title, text)

    def toggle_selected(self) -> bool:
        """Disable (or enable) the selected account after a confirmation; False when not
        asked, not confirmed or refused (the reason is shown under the buttons)."""
        info = self.selected()
        if info is None:
            return False
        self.active_error.clear_message()
        active = not info.active
        if active:
            title = self.tr("Enable the account")
            text = self.tr("Let {name} ({display}) sign in again?").format(
                name=info.username, display=info.display_name
            )
        else:
            title = self.tr("Disable the account")
            text = self.tr(
                "Disable {name} ({display})? The account can no longer sign in; "
                "its cases and history stay, and you can enable it again."
            ).format(name=info.username, display=info.display_name)
        if not self.confirm(title, text):
            return False
        try:
            saved = users.set_active(self.session, info.username, active)
        except ServiceError as exc:
            self.active_error.show_message(service_message(exc))
            return False
        self.status_message.emit(
            (
                self.tr("Account {name} enabled.")
                if saved.active
                else self.tr("Account {name} disabled.")
            ).format(name=saved.username)
        )
        self.refresh(select=saved.username)
        self.changed.emit()
        return True

    def error_text(self) -> str:
        """The reason a disable or enable was refused ("" when none)."""
        return self.active_error.text() if not self.active_error.isHidden() else ""
