"""The database chosen in the first-run wizard on this computer (``database/url`` in the
program's QSettings), whether the wizard is needed at all, and the dialog asking for the
password of a remembered server whose password was not kept."""

from __future__ import annotations

import os
from urllib.parse import urlparse

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app import APP_ID, ORG_NAME
from desktop_app.db.connection import ENV_DATABASE, default_url, parse_url
from desktop_app.ui.forms import message_label, password_edit, show_text

DATABASE_KEY = "database/url"


def _settings() -> QSettings:
    return QSettings(ORG_NAME, APP_ID)


def remembered_database() -> str | None:
    """The database URL chosen in the first-run wizard on this computer, if any."""
    value = _settings().value(DATABASE_KEY, "")
    return value if isinstance(value, str) and value else None


def remember_database(url: str) -> None:
    settings = _settings()
    settings.setValue(DATABASE_KEY, url)
    settings.sync()


def forget_database() -> None:
    settings = _settings()
    settings.remove(DATABASE_KEY)
    settings.sync()


def needs_password(url: str) -> bool:
    """A remembered PostgreSQL URL whose password was not kept."""
    parsed = urlparse(url)
    return (
        parsed.scheme.lower().startswith(("postgres", "psycopg"))
        and bool(parsed.username)
        and parsed.password is None
    )


def default_database_exists() -> bool:
    path = parse_url(default_url()).path
    return path is not None and path.exists()


def should_run_wizard(database_url: str | None) -> bool:
    """No database named (option, environment, remembered) and no default file yet."""
    if database_url or os.environ.get(ENV_DATABASE) or remembered_database():
        return False
    return not default_database_exists()


class DatabasePasswordDialog(QDialog):
    """Asks for the password of the remembered database server (not kept on this
    computer); ``error`` says why the previous one was not accepted."""

    def __init__(self, database: str, *, error: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("database_password_dialog")
        self.setWindowTitle(self.tr("Database password"))
        self.setMinimumWidth(420)
        text = QLabel(
            self.tr("The password of the database server:\n{database}").format(database=database)
        )
        text.setWordWrap(True)
        self.password = password_edit("database_password")
        self.error = message_label("database_password_error")
        show_text(self.error, error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.password.setFocus()
