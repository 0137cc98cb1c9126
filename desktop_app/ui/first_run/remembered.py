"""The database chosen in the first-run wizard on this computer (``database/url`` in the
program's QSettings, never with a password), whether the wizard is needed at all, and the
dialog asking for the password of a remembered server whose password was not kept.

A server password the user asks to remember goes to the operating system's keyring
(Windows Credential Manager, the Secret Service on Linux) through ``keyring``; without a
usable keyring it is not remembered (asked at each start), never written in clear. A
password an older version wrote into the settings is moved to the keyring (or dropped)
and erased from the settings the first time it is read (docs/rules.md#private-files)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app import APP_ID, ORG_NAME
from desktop_app.db.connection import ENV_DATABASE, default_url, parse_url
from desktop_app.db.private_files import private_file, private_folder
from desktop_app.services.setup import with_password, without_password
from desktop_app.ui.forms import message_label, password_edit, show_text

DATABASE_KEY = "database/url"
KEYRING_SERVICE = f"{ORG_NAME}/{APP_ID} database"

log = logging.getLogger(__name__)


def _settings() -> QSettings:
    return QSettings(ORG_NAME, APP_ID)


def secure_settings_file(settings: QSettings | None = None) -> None:
    """The settings file 0600 in a 0700 folder on POSIX (Windows: the profile's ACLs)."""
    settings = settings or _settings()
    path = Path(settings.fileName())
    if path.is_absolute() and path.parent.name:
        private_folder(path.parent)
        if path.exists():
            private_file(path)


def _sync(settings: QSettings) -> None:
    settings.sync()
    secure_settings_file(settings)


def _keyring_account(url: str) -> str:
    """The keyring entry of a server URL: the URL without its password."""
    return without_password(url)


def _keyring_password(url: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, _keyring_account(url))
    except Exception as exc:  # no backend, a locked or broken keyring
        log.info("no keyring for the database password: %s", exc)
        return None


def _keep_in_keyring(url: str, password: str) -> bool:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _keyring_account(url), password)
        return True
    except Exception as exc:  # no backend (e.g. a server without a desktop session)
        log.warning("the database password is not remembered (no keyring): %s", exc)
        return False


def _forget_in_keyring(url: str) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, _keyring_account(url))
    except Exception:  # nothing kept, or no keyring
        pass


def remembered_database() -> str | None:
    """The database URL chosen in the first-run wizard on this computer, if any, with
    its password from the keyring when one is kept there."""
    settings = _settings()
    value = settings.value(DATABASE_KEY, "")
    if not isinstance(value, str) or not value:
        return None
    password = urlparse(value).password
    if password is not None:  # written in clear by an older version: move it, erase it
        bare = without_password(value)
        _keep_in_keyring(bare, password_text(value))
        settings.setValue(DATABASE_KEY, bare)
        _sync(settings)
        value = bare
    if needs_password(value):
        kept = _keyring_password(value)
        if kept:
            return with_password(value, kept)
    return value


def password_text(url: str) -> str:
    """The (percent-decoded) password of a URL."""
    from urllib.parse import unquote

    return unquote(urlparse(url).password or "")


def remember_database(url: str) -> bool:
    """Remember the database on this computer: the URL without its password in the
    settings, the password (when the URL has one) in the keyring. False when a password
    was given but could not be kept (no keyring): it will be asked at each start."""
    settings = _settings()
    kept = True
    if urlparse(url).password is not None:
        kept = _keep_in_keyring(url, password_text(url))
        url = without_password(url)
    else:
        _forget_in_keyring(url)
    settings.setValue(DATABASE_KEY, url)
    _sync(settings)
    return kept


def forget_database() -> None:
    settings = _settings()
    value = settings.value(DATABASE_KEY, "")
    if isinstance(value, str) and value:
        _forget_in_keyring(value)
    settings.remove(DATABASE_KEY)
    _sync(settings)


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
