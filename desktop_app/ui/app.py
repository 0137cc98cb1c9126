"""Starting the GUI: application object, translation, crash handler, database, sign-in."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop_app import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop_app.bootstrap import log_file, prepare_database
from desktop_app.db.connection import ENV_DATABASE, DatabaseInfo, DatabaseUrlError
from desktop_app.db.migrations import SchemaError
from desktop_app.services.errors import DatabaseUnavailable, ServiceError
from desktop_app.services.setup import with_password, without_password
from desktop_app.services.users import has_active_admin
from desktop_app.ui import startup_probe
from desktop_app.ui.crash import install_excepthook
from desktop_app.ui.first_run.remembered import (
    DatabasePasswordDialog,
    needs_password,
    remembered_database,
    secure_settings_file,
    should_run_wizard,
)
from desktop_app.ui.i18n import (
    apply_saved_language,
    install_translators,
    message_text,
    service_message,
)
from desktop_app.ui.login import LoginDialog
from desktop_app.ui.pages import after_first_paint
from desktop_app.ui.resources import apply_look, icon

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Keeps a QApplication created here alive as long as the module.
_created_app: list[QApplication] = []


def application() -> QApplication:
    """The running QApplication, created (with names, icon and style) when there is none."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
        _created_app.append(app)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app"))
    return app


def show_startup_error(text: str) -> None:
    """Tell the user why the program cannot start (tests replace this function)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Startup", "{app} cannot start").format(
            app=message_text(APP_NAME)
        ),
        text,
        QMessageBox.StandardButton.Close,
    )
    box.setObjectName("startup_error")
    box.exec()


def startup_error_text(exc: Exception, url: str | None) -> str:
    if isinstance(exc, ServiceError):
        reason = service_message(exc)
    else:
        reason = str(exc)
    text = QCoreApplication.translate(
        "Startup",
        "The database cannot be used.\n\n{reason}\n\nDatabase: {url}\n"
        "Log file: {log}\n\nCheck the --database option or the DESKTOP_APP_DATABASE "
        "variable, or ask your administrator.",
    )
    default = QCoreApplication.translate("Startup", "(default)")
    return text.format(reason=reason, url=url or default, log=log_file())


# Imported once the sign-in window is on screen, while the user types (docs/rules.md#start-up):
# what building the main window imports, with the first page of most users (the clerks'
# intake form) and the lock's password dialog. On the UI thread: PySide6 modules imported
# on another thread while the UI runs crashed the program now and then.
PRELOADED = (
    "desktop_app.ui.main_window",
    "desktop_app.ui.intake",
    "desktop_app.ui.password_dialog",
)


def preload_main_window() -> None:
    """Import ``PRELOADED`` (a failure is logged; the import after the sign-in raises it
    again where it is seen)."""
    import importlib

    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except Exception:
            log.exception("preloading %s failed", name)
            return


class GuiController(QObject):
    """Runs the sign-in cycle: first-run account, login, main window, sign out, login…"""

    def __init__(self, app: QApplication, db_info: DatabaseInfo):
        super().__init__(app)
        self.app = app
        self.db_info = db_info
        self.window: MainWindow | None = None

    def start(self, username: str = "") -> bool:
        """Create the administrator if needed and sign in; False when the user cancels.
        ``username`` is filled in at sign-in (the administrator the wizard created)."""
        if not has_active_admin():
            log.info("no administrator yet: showing the first-run dialog")
            from desktop_app.ui.first_run.account import FirstAdminDialog

            first = FirstAdminDialog(database=self.db_info.display())
            if first.exec() != QDialog.DialogCode.Accepted or first.created is None:
                log.info("first-run dialog cancelled")
                return False
            username = first.created.username
        return self.sign_in(username)

    def sign_in(self, username: str = "") -> bool:
        # A language chosen in Settings applies from the next sign-in on.
        apply_saved_language(self.app)
        dialog = LoginDialog(username=username, database=self.db_info.display())
        log.info("showing the login window")
        if not all(name in sys.modules for name in PRELOADED):
            after_first_paint(dialog, preload_main_window)
        startup_probe.watch_login(dialog)  # timing only: DESKTOP_APP_STARTUP_PROBE
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
            return False
        # Not imported by this module: the sign-in window shows without the main window's
        # code (usually imported meanwhile by ``preload_main_window``).
        from desktop_app.ui.main_window import MainWindow

        self.window = MainWindow(dialog.session, self.db_info)
        self.window.signed_out.connect(self._signed_out)
        self.window.closed.connect(self.app.quit)
        startup_probe.watch_main(self.window)
        self.window.show()
        return True

    def _signed_out(self) -> None:
        previous = self.window
        self.window = None
        if previous is not None:
            previous.deleteLater()
        # After the window is gone, outside its close event.
        QTimer.singleShot(0, self._sign_in_again)

    def _sign_in_again(self) -> None:
        if not self.sign_in():
            self.app.quit()


@dataclass(frozen=True)
class StartChoice:
    url: str | None  # None: the default database file
    username: str = ""  # filled in at sign-in (the administrator the wizard created)
    remembered: bool = False  # the database chosen at the first start on this computer


def offer_new_setup(text: str) -> bool:
    """The remembered database cannot be used: say why and offer to choose another one
    (tests replace this function). True when the user wants the first-run wizard."""
    title = QCoreApplication.translate("Startup", "{app} cannot start").format(
        app=message_text(APP_NAME)
    )
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        title,
        text
        + "\n\n"
        + QCoreApplication.translate(
            "Startup",
            "This is the database chosen on this computer at the first start. You can "
            "try again later or choose another one.",
        ),
    )
    box.setObjectName("remembered_database_error")
    again = box.addButton(
        QCoreApplication.translate("Startup", "Choose another database…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    again.setObjectName("choose_database_button")
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    return box.clickedButton() is again


def first_run(database_url: str | None, *, force: bool = False) -> StartChoice | None:
    """The database to open: the one named (option, environment), the remembered one, the
    default file, or a new one set up by the first-run wizard (also when ``force``). None
    when the wizard was cancelled."""
    if force or should_run_wizard(database_url):
        log.info("no database yet: showing the first-run wizard")
        from desktop_app.ui.first_run.wizard import FirstRunWizard

        wizard = FirstRunWizard()
        if wizard.exec() != QDialog.DialogCode.Accepted:
            log.info("first-run wizard cancelled")
            return None
        return StartChoice(wizard.database_url, wizard.admin_username)
    if database_url or os.environ.get(ENV_DATABASE):
        return StartChoice(database_url)
    remembered = remembered_database()
    return StartChoice(remembered, remembered=remembered is not None)


def open_database_for_gui(choice: StartChoice, parent: QWidget | None = None):
    """``prepare_database`` of the choice. For a remembered PostgreSQL database whose
    password was not kept the password is asked first, and again (with the reason) when
    the server refuses it. None when the user cancels."""
    url = choice.url
    if url is None or not choice.remembered or not needs_password(url):
        return prepare_database(url)
    error = ""
    while True:
        dialog = DatabasePasswordDialog(without_password(url), error=error, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            return prepare_database(with_password(url, dialog.password.text()))
        except DatabaseUnavailable as exc:
            if "refused" not in exc.template:
                raise
            error = service_message(exc)


def run_gui(database_url: str | None) -> int:
    """Open the program window over ``database_url`` (or the remembered or default
    database; on the very first start the first-run wizard sets one up)."""
    app = application()
    secure_settings_file()  # 0600 in 0700 on POSIX (docs/rules.md#private-files)
    install_translators(app)
    install_excepthook()
    apply_look(app)  # Fusion with a light or dark palette following the system
    from desktop_app.cli import modules_loaded

    modules_loaded()
    force_wizard = False
    while True:
        choice = first_run(database_url, force=force_wizard)
        if choice is None:
            return 0
        url = choice.url
        try:
            opened = open_database_for_gui(choice)
            break
        except (
            DatabaseUnavailable,
            SchemaError,
            DatabaseUrlError,
            OSError,
        ) as exc:  # OSError: a data folder that cannot be created
            log.error("cannot open the database %s: %s", without_password(url or "(default)"), exc)
            text = startup_error_text(exc, without_password(url) if url else None)
            if not choice.remembered:
                show_startup_error(text)
                return 1
            if not offer_new_setup(text):
                return 1
            # The remembered choice is kept until the wizard sets up another one.
            force_wizard = True
    if opened is None:
        return 0
    db, info, result = opened
    if result.created:
        log.info("created database %s", info.display())
    elif result.migrated:
        log.info(
            "migrated database %s from %s to %s (copy: %s)",
            info.display(),
            result.from_version,
            result.to_version,
            result.backup,
        )
    try:
        # Sign-out closes the only window while the login dialog is not yet shown.
        app.setQuitOnLastWindowClosed(False)
        controller = GuiController(app, info)
        if not controller.start(choice.username):
            return 0
        return app.exec()
    finally:
        db.close()
