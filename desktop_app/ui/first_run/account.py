"""The administrator's account of a new database: ``FirstAdminDialog`` (an existing
database without one) and the first-run wizard's ``AdminPage``, both over the same
``AccountFields``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_app.services import users
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.services.setup import check_admin_account
from desktop_app.services.users import UserInfo
from desktop_app.ui.forms import (
    accept_buttons,
    buddy_rows,
    message_label,
    name_edit,
    password_edit,
    show_text,
)
from desktop_app.ui.i18n import service_message

if TYPE_CHECKING:
    from desktop_app.ui.first_run.wizard import FirstRunWizard

log = logging.getLogger(__name__)


class AccountFields:
    """The administrator's user name (``admin`` to start with), display name and the
    password twice, as labelled rows of ``form`` (``under``: a widget per field shown on a
    row below it, e.g. its error)."""

    def __init__(self, form: QFormLayout, under: dict[str, QWidget] | None = None):
        self.username = name_edit("username", "admin")
        self.display_name = name_edit("display_name")
        self.password = password_edit("password")
        self.repeat_password = password_edit("repeat_password")
        self.labels = buddy_rows(
            form,
            {
                "username": self.username,
                "display_name": self.display_name,
                "password": self.password,
                "repeat_password": self.repeat_password,
            },
            under,
        )
        self.retranslate()

    def edits(self) -> tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]:
        return self.username, self.display_name, self.password, self.repeat_password

    def retranslate(self) -> None:
        texts = {
            "username": QCoreApplication.translate("AccountFields", "&User name:"),
            "display_name": QCoreApplication.translate("AccountFields", "&Display name:"),
            "password": QCoreApplication.translate("AccountFields", "&Password:"),
            "repeat_password": QCoreApplication.translate("AccountFields", "&Repeat password:"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])

    def focus(self) -> None:
        """The cursor in the user name, all of it selected."""
        self.username.setFocus()
        self.username.selectAll()


class FirstAdminDialog(QDialog):
    """Asks for the administrator's user name, display name and password (twice)."""

    def __init__(self, parent: QWidget | None = None, *, database: str = ""):
        super().__init__(parent)
        self.created: UserInfo | None = None
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Create the administrator account"))
        self.setMinimumWidth(440)

        intro = QLabel(
            self.tr(
                "This database has no administrator yet. Create the administrator account: "
                "it signs in next and can then add the other accounts."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.account = AccountFields(form)
        self.username, self.display_name, self.password, self.repeat_password = self.account.edits()
        self.error = message_label("first_run_error")

        buttons, self.create_button, self.cancel_button = accept_buttons(
            self.tr("Create account"), "create_button", self.try_create, self.reject
        )

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if database:
            where = QLabel(self.tr("Database: {database}").format(database=database))
            where.setWordWrap(True)
            layout.addWidget(where)
        layout.addWidget(buttons)
        self.account.focus()

    def show_error(self, text: str, focus: QLineEdit) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()
        focus.setFocus()

    def try_create(self) -> bool:
        if self.password.text() != self.repeat_password.text():
            self.repeat_password.clear()
            self.show_error(
                self.tr(
                    "The two passwords differ. Please type the password again in the second field."
                ),
                self.repeat_password,
            )
            return False
        try:
            self.created = users.create_user(
                Session.system(name="first-run"),
                self.username.text(),
                "admin",
                self.password.text(),
                display_name=self.display_name.text().strip() or None,
            )
        except ServiceError as exc:
            fields = {"username": self.username, "password": self.password}
            self.show_error(service_message(exc), fields.get(exc.field or "", self.username))
            return False
        log.info("created the administrator account %s", self.created.username)
        self.accept()
        return True


class AdminPage(QWizardPage):
    """The administrator's account: user name, display name, password twice; a problem
    shows under its field."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.setObjectName("admin_page")
        self.errors = {
            key: message_label(f"{key}_error")
            for key in ("username", "password", "repeat_password")
        }
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        form = QFormLayout()
        self.account = AccountFields(form, self.errors)
        self.username, self.display_name, self.password, self.repeat_password = self.account.edits()
        self.fields = {
            "username": self.username,
            "password": self.password,
            "repeat_password": self.repeat_password,
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        for widget in self.fields.values():
            widget.textChanged.connect(self.clear_errors)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(
            self.tr("The administrator signs in first and then adds the other accounts.")
        )
        self.intro.setText(
            self.tr(
                "Choose the administrator's user name and password. "
                "Keep the password safe: nobody can look it up."
            )
        )
        self.account.retranslate()

    def initializePage(self) -> None:
        self.account.focus()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            show_text(label, "")

    def show_error(self, exc: ServiceError) -> None:
        """Show a service's complaint under its field (the user name when it names none)."""
        self.clear_errors()
        field = exc.field if exc.field in self.errors else "username"
        if field == "repeat_password":
            self.repeat_password.blockSignals(True)
            self.repeat_password.clear()
            self.repeat_password.blockSignals(False)
        show_text(self.errors[field], service_message(exc))
        self.fields[field].setFocus()

    def validatePage(self) -> bool:
        try:
            check_admin_account(
                self.username.text(), self.password.text(), self.repeat_password.text()
            )
        except ValidationError as exc:
            self.show_error(exc)
            return False
        self.clear_errors()
        return True
