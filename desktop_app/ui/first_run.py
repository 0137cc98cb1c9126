"""First start on an empty database: create the administrator account.

A full first-run wizard (departments, calendar, first users) comes later.
"""

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

from desktop_app.services import users
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.users import UserInfo
from desktop_app.ui.i18n import service_message

log = logging.getLogger(__name__)


class FirstAdminDialog(QDialog):
    """Asks for the administrator's user name, display name and password (twice)."""

    def __init__(self, parent: QWidget | None = None, *, database: str = ""):
        super().__init__(parent)
        self.created: UserInfo | None = None
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Create the administrator account"))
        self.setMinimumWidth(440)

        intro = QLabel(self.tr(
            "This database has no administrator yet. Create the administrator account: "
            "it signs in next and can then add the other accounts."))
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.username.setMaxLength(60)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.display_name.setMaxLength(60)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit()
        self.repeat_password.setObjectName("repeat_password")
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("first_run_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        form = QFormLayout()
        for text, widget in ((self.tr("&User name:"), self.username),
                             (self.tr("&Display name:"), self.display_name),
                             (self.tr("&Password:"), self.password),
                             (self.tr("&Repeat password:"), self.repeat_password)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(self.tr("Create account"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create_button")
        self.create_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.create_button.clicked.connect(self.try_create)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if database:
            where = QLabel(self.tr("Database: {database}").format(database=database))
            where.setWordWrap(True)
            layout.addWidget(where)
        layout.addWidget(buttons)
        self.username.setFocus()
        self.username.selectAll()

    def show_error(self, text: str, focus: QLineEdit) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()
        focus.setFocus()

    def try_create(self) -> bool:
        if self.password.text() != self.repeat_password.text():
            self.repeat_password.clear()
            self.show_error(self.tr("The two passwords differ. Please type the password "
                                    "again in the second field."), self.repeat_password)
            return False
        try:
            self.created = users.create_user(
                Session.system(name="first-run"), self.username.text(), "admin",
                self.password.text(), display_name=self.display_name.text().strip() or None)
        except ServiceError as exc:
            fields = {"username": self.username, "password": self.password}
            self.show_error(service_message(exc), fields.get(exc.field or "", self.username))
            return False
        log.info("created the administrator account %s", self.created.username)
        self.accept()
        return True
