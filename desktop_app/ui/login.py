"""The sign-in dialog."""

from __future__ import annotations

import dataclasses
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

from desktop_app import APP_NAME, __version__
from desktop_app.domain.clock import SYSTEM_CLOCK, Clock
from desktop_app.services import auth
from desktop_app.services.errors import AuthenticationError, DatabaseUnavailable
from desktop_app.services.session import Session
from desktop_app.ui.i18n import service_message, ui_language

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """User name and password; ``session`` holds the signed-in Session after acceptance.

    Enter signs in, Esc cancels. A failed attempt shows the service's message (which never
    tells whether the user name exists), keeps the user name and clears the password.
    """

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = SYSTEM_CLOCK,
                 username: str = "", database: str = ""):
        super().__init__(parent)
        self.clock = clock
        self.session: Session | None = None
        self.setObjectName("login_dialog")
        self.setMinimumWidth(360)
        self.setWindowTitle(self.tr("Sign in — {app}").format(app=self.tr(APP_NAME)))

        heading = QLabel(self.tr("{app} {version}").format(app=self.tr(APP_NAME),
                                                            version=__version__))
        heading.setObjectName("login_heading")
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setMaxLength(60)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"))
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)

        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("Sign in"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("sign_in_button")
        self.sign_in_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if database:
            where = QLabel(self.tr("Database: {database}").format(database=database))
            where.setObjectName("login_database")
            where.setWordWrap(True)
            layout.addWidget(where)
        layout.addWidget(buttons)

        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.sign_in_button)
        self.setTabOrder(self.sign_in_button, self.cancel_button)
        (self.password if username else self.username).setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()

    def try_sign_in(self) -> bool:
        """Check the typed credentials; accept the dialog on success."""
        try:
            session = auth.sign_in(self.username.text(), self.password.text(),
                                   clock=self.clock)
            # Services word their texts (the promised reply time, holiday names) in the
            # language of the UI.
            self.session = dataclasses.replace(
                session, language="zh_CN" if ui_language() == "zh" else "en")
        except (AuthenticationError, DatabaseUnavailable) as exc:
            self.show_error(service_message(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        log.info("signed in as %s (%s)", self.session.username, self.session.role)
        self.error.hide()
        self.accept()
        return True
