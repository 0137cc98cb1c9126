"""The sign-in dialog."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.domain.clock import SYSTEM_CLOCK, Clock
from desktop_app.services import auth
from desktop_app.services.errors import AuthenticationError, DatabaseUnavailable
from desktop_app.services.session import Session
from desktop_app.ui.forms import (
    LanguageCombo,
    accept_buttons,
    buddy_rows,
    message_label,
    name_edit,
    password_edit,
    tab_order,
)
from desktop_app.ui.i18n import (
    LANGUAGE_NAMES,
    apply_language,
    message_text,
    service_message,
    system_language,
    ui_language,
)

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """User name and password; ``session`` holds the signed-in Session after acceptance.

    Enter signs in, Esc cancels. A failed attempt shows the service's message (which never
    tells whether the user name exists), keeps the user name and clears the password.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Clock = SYSTEM_CLOCK,
        username: str = "",
        database: str = "",
    ):
        super().__init__(parent)
        self.clock = clock
        self.session: Session | None = None
        self.setObjectName("login_dialog")
        self.setMinimumWidth(360)
        self.database = database

        heading = QLabel()
        heading.setObjectName("login_heading")
        self.heading = heading
        self.username = name_edit("username", username)
        self.password = password_edit("password")
        self.error = message_label("login_error")

        form = QFormLayout()
        labels = buddy_rows(form, {"user": self.username, "password": self.password})
        self.user_label, self.password_label = labels["user"], labels["password"]

        buttons, self.sign_in_button, self.cancel_button = accept_buttons(
            "", "sign_in_button", self.try_sign_in, self.reject
        )

        # The language of this computer, applied at once (this is the only window).
        self.language = LanguageCombo("login_language")
        self.language.chosen.connect(self._language_chosen)
        bottom = QHBoxLayout()
        bottom.addWidget(self.language)
        bottom.addWidget(buttons, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.where: QLabel | None = None
        if database:
            self.where = QLabel()
            self.where.setObjectName("login_database")
            self.where.setWordWrap(True)
            layout.addWidget(self.where)
        layout.addLayout(bottom)
        self.retranslate()

        tab_order(self.username, self.password, self.sign_in_button, self.cancel_button)
        (self.password if username else self.username).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in — {app}").format(app=message_text(APP_NAME)))
        self.heading.setText(
            self.tr("{app} {version}").format(app=message_text(APP_NAME), version=__version__)
        )
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.language.set_system_text(
            self.tr("Follow the system ({language})").format(
                language=LANGUAGE_NAMES[system_language()]
            )
        )
        self.language.setToolTip(self.tr("Language of the program on this computer"))
        if self.where is not None:
            self.where.setText(self.tr("Database: {database}").format(database=self.database))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self, choice: str) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            apply_language(app, choice)
        self.retranslate()
        log.info("sign-in window: language set to %s", choice)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()

    def try_sign_in(self) -> bool:
        """Check the typed credentials; accept the dialog on success."""
        try:
            session = auth.sign_in(self.username.text(), self.password.text(), clock=self.clock)
            # Services word their texts (the promised reply time, holiday names) in the
            # language of the UI.
            self.session = dataclasses.replace(
                session, language="zh_CN" if ui_language() == "zh" else "en"
            )
        except (AuthenticationError, DatabaseUnavailable) as exc:
            self.show_error(service_message(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        log.info("signed in as %s (%s)", self.session.username, self.session.role)
        self.error.hide()
        self.accept()
        return True
