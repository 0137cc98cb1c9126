"""The signed-in user changes their own password."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import settings as settings_service
from desktop_app.services import users
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.ui.forms import FieldError, FieldErrors, message_label, password_edit, tab_order
from desktop_app.ui.i18n import service_message

log = logging.getLogger(__name__)

FIELDS = ("current_password", "new_password", "repeat_password")


class ChangePasswordDialog(FieldErrors, QDialog):
    """Current password, the new one twice. OK checks that the two new ones match, then
    asks ``users.change_own_password``; a refusal shows under the field it is about and
    keeps what was typed. The dialog is accepted once the password is changed."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.changed = False
        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(400)

        intro = QLabel(
            self.tr("Signed in as {name} ({user}).").format(
                name=session.display_name, user=session.username
            )
        )
        intro.setObjectName("change_password_user")
        self.current_password = self._password_edit("current_password")
        self.new_password = self._password_edit("new_password")
        self.repeat_password = self._password_edit("repeat_password")

        form = QFormLayout()
        self.form_row(
            form, self.tr("&Current password:"), "current_password", self.current_password
        )
        self.form_row(form, self.tr("&New password:"), "new_password", self.new_password)
        self.form_row(
            form, self.tr("&Repeat new password:"), "repeat_password", self.repeat_password
        )
        self.rules = QLabel(self._rules_text())
        self.rules.setObjectName("password_rules")
        self.rules.setWordWrap(True)
        self.form_message = message_label("change_password_error")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setText(self.tr("Change password"))
        self.ok_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.form_message)
        layout.addWidget(buttons)
        tab_order(
            self.current_password,
            self.new_password,
            self.repeat_password,
            self.ok_button,
            self.cancel_button,
        )
        self.current_password.setFocus()

    def _password_edit(self, name: str) -> QLineEdit:
        edit = password_edit(name)
        edit.textEdited.connect(lambda _text, field=name: self.clear_error(field))
        return edit

    def _rules_text(self) -> str:
        try:
            minimum = settings_service.get("security.min_password_length")
        except Exception as exc:  # noqa: BLE001 - only a hint; the service checks anyway
            log.warning("password rules not read: %s", exc)
            return ""
        return self.tr(
            "At least {n} characters, not starting or ending with a space, "
            "different from the current password."
        ).format(n=minimum)

    def field_widget(self, name: str) -> QLineEdit:
        return self.fields[name]  # type: ignore[return-value]

    def show_problem(self, field: str | None, text: str) -> None:
        """Show ``text`` under ``field`` (or under the form) and put the cursor there."""
        if field in self.errors:
            self.show_error(field, text)
            widget = self.field_widget(field)
            widget.setFocus()
            widget.selectAll()
        else:
            self.show_error("", text)

    def accept(self) -> None:
        """Change the password; the dialog stays open with the typed values on a problem."""
        self.clear_errors()
        current = self.current_password.text()
        new = self.new_password.text()
        if new != self.repeat_password.text():
            self.show_problem(
                "repeat_password", self.tr("The repeated password differs from the new one.")
            )
            return
        try:
            users.change_own_password(self.session, current, new)
        except ValidationError as exc:
            self.show_problem(exc.field, service_message(exc))
            return
        except ServiceError as exc:
            self.show_problem(None, service_message(exc))
            return
        log.info("%s changed their password", self.session.username)
        self.changed = True
        super().accept()


__all__ = ["ChangePasswordDialog"]
