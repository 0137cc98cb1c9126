"""First start: the first-run wizard, and the administrator account of an empty database.

``FirstRunWizard`` is shown when there is no database yet (no ``--database``, no
``DESKTOP_APP_DATABASE``, no remembered choice and no default file): language, where the
database lives (this computer, or a shared PostgreSQL server with a connection test), the
administrator's account and optional demo data. Finish sets it all up off the UI thread and
remembers the choice (``database/url`` in the program's QSettings; a PostgreSQL password
only when the user ticks "Remember password", else it is asked at each start). Cancel
creates nothing.

``FirstAdminDialog`` asks for the administrator of an existing database without one.
"""

from __future__ import annotations

import logging
import os
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app import APP_ID, APP_NAME, ORG_NAME
from desktop_app.db.connection import ENV_DATABASE, default_url, parse_url
from desktop_app.services import users
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.services.setup import (
    ServerProbe,
    SetupResult,
    check_admin_account,
    postgres_url,
    probe_postgres,
    set_up,
    without_password,
)
from desktop_app.services.users import UserInfo
from desktop_app.ui.i18n import (
    LANGUAGE_NAMES,
    apply_language,
    language_of,
    message_text,
    save_language,
    saved_language,
    service_message,
    system_language,
)
from desktop_app.ui.resources import set_tone
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


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
        set_tone(self.error, "error")
        self.error.hide()

        form = QFormLayout()
        for text, widget in (
            (self.tr("&User name:"), self.username),
            (self.tr("&Display name:"), self.display_name),
            (self.tr("&Password:"), self.password),
            (self.tr("&Repeat password:"), self.repeat_password),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("Create account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
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


# --- remembered database --------------------------------------------------------------------

DATABASE_KEY = "database/url"
DEMO_CASES = 200


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


# --- work off the UI thread -----------------------------------------------------------------


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_tone(label, "error")
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


# --- pages ------------------------------------------------------------------------------------


class LanguagePage(QWizardPage):
    """中文 or English, preselected from the saved choice (the system's language at first);
    choosing one switches the wizard at once."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.setObjectName("language_page")
        self.zh = QRadioButton(LANGUAGE_NAMES["zh_CN"])
        self.zh.setObjectName("language_zh")
        self.en = QRadioButton(LANGUAGE_NAMES["en"])
        self.en.setObjectName("language_en")
        group = QButtonGroup(self)
        group.addButton(self.zh)
        group.addButton(self.en)
        (self.zh if wizard.language == "zh_CN" else self.en).setChecked(True)
        self.zh.toggled.connect(lambda on: on and wizard.set_language("zh_CN"))
        self.en.toggled.connect(lambda on: on and wizard.set_language("en"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.zh)
        layout.addWidget(self.en)
        layout.addSpacing(12)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("Choose the language of the program."))
        self.hint.setText(self.tr("You can change it later under Settings."))


class DatabasePage(QWizardPage):
    """This computer (a file in the user's data folder) or a shared PostgreSQL server."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.wiz = wizard
        self.setObjectName("database_page")
        self.probe: ServerProbe | None = None
        self.probe_url: str | None = None
        self.call: Task | None = None
        self._next_when_tested = False

        self.local = QRadioButton()
        self.local.setObjectName("local_database")
        self.local_path = QLabel()
        self.local_path.setObjectName("local_path")
        self.local_path.setWordWrap(True)
        self.local_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.local_path.setContentsMargins(24, 0, 0, 8)
        self.shared = QRadioButton()
        self.shared.setObjectName("shared_database")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.shared)
        self.local.setChecked(True)

        self.host = QLineEdit()
        self.host.setObjectName("pg_host")
        self.port = QSpinBox()
        self.port.setObjectName("pg_port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("complaints")
        self.database.setObjectName("pg_database")
        self.user = QLineEdit()
        self.user.setObjectName("pg_user")
        self.password = QLineEdit()
        self.password.setObjectName("pg_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_password = QCheckBox()
        self.remember_password.setObjectName("remember_password")
        self.test_button = QPushButton()
        self.test_button.setObjectName("test_connection_button")
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setObjectName("connection_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.server_box = QWidget()
        self.server_box.setObjectName("server_box")
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.labels: list[tuple[QLabel, str]] = []
        for key, widget in (
            ("host", self.host),
            ("port", self.port),
            ("database", self.database),
            ("user", self.user),
            ("password", self.password),
        ):
            label = QLabel()
            label.setBuddy(widget)
            self.labels.append((label, key))
            form.addRow(label, widget)
        form.addRow("", self.remember_password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.result)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.local_path)
        layout.addWidget(self.shared)
        layout.addWidget(self.server_box)
        layout.addStretch(1)

        for widget in (self.host, self.database, self.user, self.password):
            widget.textChanged.connect(self._fields_changed)
        self.port.valueChanged.connect(self._fields_changed)
        self.shared.toggled.connect(self._kind_changed)
        self._kind_changed()
        self.retranslate()

    # texts

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where the cases are kept"))
        self.setSubTitle(
            self.tr(
                "Most offices start with this computer only; a shared server "
                "lets several computers work on the same cases."
            )
        )
        self.local.setText(self.tr("&This computer only (recommended)"))
        if default_database_exists():
            self.local_path.setText(
                self.tr("The database file on this computer, kept as it is:\n{path}").format(
                    path=self.local_file()
                )
            )
        else:
            self.local_path.setText(
                self.tr("A database file on this computer:\n{path}").format(path=self.local_file())
            )
        self.shared.setText(self.tr("&Shared PostgreSQL server"))
        names = {
            "host": self.tr("Ser&ver:"),
            "port": self.tr("P&ort:"),
            "database": self.tr("&Database:"),
            "user": self.tr("&User:"),
            "password": self.tr("Pass&word:"),
        }
        for label, key in self.labels:
            label.setText(names[key])
        self.host.setPlaceholderText(self.tr("name or address, e.g. db.example.lan"))
        self.remember_password.setText(
            self.tr("&Remember password on this computer (else it is asked at each start)")
        )
        self.test_button.setText(self.tr("Test &connection"))
        if self.probe is not None and self.probe_url == self.url():
            self.result.setText(self.probe_text(self.probe))

    @staticmethod
    def local_file() -> str:
        path = parse_url(default_url()).path
        return str(path) if path is not None else default_url()

    # state

    def is_shared(self) -> bool:
        return self.shared.isChecked()

    def url(self, *, password: bool = True) -> str:
        """The URL of the choice (a PostgreSQL one with the password, unless told not)."""
        if not self.is_shared():
            return default_url()
        return postgres_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            self.password.text() if password else "",
        )

    def _kind_changed(self) -> None:
        self.server_box.setEnabled(self.is_shared())
        if self.is_shared():
            self.host.setFocus()
        self.completeChanged.emit()

    def _fields_changed(self) -> None:
        self.probe = None
        self.probe_url = None
        if self.call is None or not self.call.running:
            self.result.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.call is not None and self.call.running:
            return False
        if not self.is_shared():
            return True
        return all(w.text().strip() for w in (self.host, self.database, self.user))

    # the connection test

    def test_connection(self) -> Task | None:
        """Try the server off the UI thread; the result (or the reason) shows below."""
        if not self.is_shared() or (self.call is not None and self.call.running):
            return None
        if not all(w.text().strip() for w in (self.host, self.database, self.user)):
            set_tone(self.result, "error")
            self.result.setText(self.tr("Fill in server, database and user first."))
            return None
        url = self.url()
        set_tone(self.result, None)
        self.result.setText(self.tr("Connecting to {host}…").format(host=self.host.text()))
        self.test_button.setEnabled(False)
        call = self.wiz.tasks.submit(probe_postgres, url, name="first-run-probe")
        call.succeeded.connect(lambda probe: self._tested(url, probe))
        call.failed.connect(self._test_failed)
        call.finished.connect(self._test_finished)
        self.call = call
        self.completeChanged.emit()
        return call

    def probe_text(self, probe: ServerProbe) -> str:
        text = self.tr("Connected: {server}.").format(server=probe.server)
        if probe.has_admin:
            return (
                text
                + " "
                + self.tr(
                    "This database is already in use by the program: "
                    "everyone signs in with their own account."
                )
            )
        if probe.has_schema:
            return (
                text + " " + self.tr("This database has no administrator yet: you create one next.")
            )
        return text + " " + self.tr("The database is empty: the program sets it up.")

    def _tested(self, url: str, probe: ServerProbe) -> None:
        self.probe, self.probe_url = probe, url
        set_tone(self.result, "ok")
        self.result.setText(self.probe_text(probe))
        log.info(
            "first run: connected to %s (%s, schema %s)",
            without_password(url),
            probe.server,
            probe.schema_version,
        )

    def _test_failed(self, exc: ServiceError) -> None:
        self._next_when_tested = False
        set_tone(self.result, "error")
        self.result.setText(service_message(exc))

    def _test_finished(self) -> None:
        self.test_button.setEnabled(True)
        self.completeChanged.emit()
        if self._next_when_tested and self.probe is not None:
            self._next_when_tested = False
            self.wiz.next()

    # leaving the page

    def validatePage(self) -> bool:
        if not self.is_shared():
            return True
        if self.probe is not None and self.probe_url == self.url():
            return True
        # Next tries the connection first, and goes on by itself when it works.
        self._next_when_tested = self.test_connection() is not None
        return False

    def nextId(self) -> int:
        return FirstRunWizard.ADMIN if self.needs_admin() else FirstRunWizard.FINISH

    def needs_admin(self) -> bool:
        """False for a database that has its accounts already: a server in use, or a
        file on this computer from before (when the wizard was asked for again; one without
        an administrator asks for that account after the wizard)."""
        if self.is_shared():
            return self.probe is None or not self.probe.has_admin
        return not default_database_exists()

    def is_new_database(self) -> bool:
        if self.is_shared():
            return self.probe is None or not self.probe.has_schema
        return not default_database_exists()


class AdminPage(QWizardPage):
    """The administrator's account: user name, display name, password twice; a problem
    shows under its field."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.setObjectName("admin_page")
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
        self.errors = {
            "username": _error_label("username_error"),
            "password": _error_label("password_error"),
            "repeat_password": _error_label("repeat_password_error"),
        }
        self.fields = {
            "username": self.username,
            "password": self.password,
            "repeat_password": self.repeat_password,
        }
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        form = QFormLayout()
        self.labels: list[tuple[QLabel, str]] = []
        for key, widget in (
            ("username", self.username),
            ("display_name", self.display_name),
            ("password", self.password),
            ("repeat_password", self.repeat_password),
        ):
            label = QLabel()
            label.setBuddy(widget)
            self.labels.append((label, key))
            form.addRow(label, widget)
            if key in self.errors:
                form.addRow("", self.errors[key])
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
        names = {
            "username": self.tr("&User name:"),
            "display_name": self.tr("&Display name:"),
            "password": self.tr("&Password:"),
            "repeat_password": self.tr("&Repeat password:"),
        }
        for label, key in self.labels:
            label.setText(names[key])

    def initializePage(self) -> None:
        self.username.setFocus()
        self.username.selectAll()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            _show(label, "")

    def show_error(self, exc: ServiceError) -> None:
        """Show a service's complaint under its field (the user name when it names none)."""
        self.clear_errors()
        field = exc.field if exc.field in self.errors else "username"
        if field == "repeat_password":
            self.repeat_password.blockSignals(True)
            self.repeat_password.clear()
            self.repeat_password.blockSignals(False)
        _show(self.errors[field], service_message(exc))
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


class FinishPage(QWizardPage):
    """What will be set up, the demo data checkbox; Finish does it with a progress bar."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.wiz = wizard
        self.setObjectName("finish_page")
        self.setFinalPage(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo = QCheckBox()
        self.demo.setObjectName("demo_checkbox")
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setContentsMargins(24, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setObjectName("setup_progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("setup_status")
        self.status.setWordWrap(True)
        self.error = _error_label("setup_error")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_hint)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready to start"))
        self.setSubTitle(
            self.tr("Press Finish to set up the program. The sign-in window opens next.")
        )
        self.demo.setText(
            self.tr("Fill with {n} &demo cases to try the program").format(n=DEMO_CASES)
        )
        self.demo_hint.setText(
            self.tr(
                "Made-up customers and cases in every stage, with "
                "progress and surveys, and demo staff accounts. Use a "
                "new database for real work."
            )
        )
        self.summary.setText(self.summary_text())

    def summary_text(self) -> str:
        page = self.wiz.database_page
        lines = [self.tr("Language: {language}").format(language=LANGUAGE_NAMES[self.wiz.language])]
        if page.is_shared():
            lines.append(
                self.tr("Database: {url} (shared server)").format(
                    url=without_password(page.url(password=False))
                )
            )
        else:
            lines.append(self.tr("Database: {path} (this computer)").format(path=page.local_file()))
        if self.wiz.creates_admin():
            lines.append(
                self.tr("Administrator: {name}").format(
                    name=self.wiz.admin_page.username.text().strip()
                )
            )
        else:
            lines.append(self.tr("The database already has its accounts: sign in with yours."))
        return "\n".join(lines)

    def initializePage(self) -> None:
        new = self.wiz.database_page.is_new_database()
        self.demo.setVisible(new)
        self.demo_hint.setVisible(new)
        if not new:
            self.demo.setChecked(False)
        _show(self.error, "")
        self.status.clear()
        self.progress.hide()
        self.summary.setText(self.summary_text())

    def isComplete(self) -> bool:
        return not self.wiz.busy()

    def validatePage(self) -> bool:
        if self.wiz.setup_result is not None:
            return True
        self.wiz.start_setup()
        return False

    def set_running(self, total: int) -> None:
        _show(self.error, "")
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Setting up the database…"))

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if done >= 2 and total > 2:
            self.status.setText(
                self.tr("Writing demo cases: {done} of {total}…").format(
                    done=done - 2, total=total - 2
                )
            )
        elif done >= 1:
            self.status.setText(self.tr("Creating the administrator account…"))


class FirstRunWizard(QWizard):
    """The first start of the program (see the module's documentation).

    After acceptance: ``database_url`` (with the password, to open now), ``admin_username``
    (to fill in at sign-in, "" when the database already had its accounts) and
    ``setup_result``; the language and database choice are saved."""

    LANGUAGE, DATABASE, ADMIN, FINISH = range(4)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.language = language_of(saved_language())
        self.setup_result: SetupResult | None = None
        self.database_url = ""
        self.admin_username = ""
        self.call: Task | None = None
        # Calls before any database is bound: the runner connects none.
        self.tasks = TaskRunner(self, database=False)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(620, 500)

        self.language_page = LanguagePage(self)
        self.database_page = DatabasePage(self)
        self.admin_page = AdminPage(self)
        self.finish_page = FinishPage(self)
        self.setPage(self.LANGUAGE, self.language_page)
        self.setPage(self.DATABASE, self.database_page)
        self.setPage(self.ADMIN, self.admin_page)
        self.setPage(self.FINISH, self.finish_page)
        self.setStartId(self.LANGUAGE)
        self.retranslate()

    # language

    def set_language(self, code: str) -> None:
        """Switch the program's language now (saved only at Finish)."""
        if code == self.language:
            return
        self.language = code
        app = QCoreApplication.instance()
        if app is not None:
            apply_language(app, code)
        self.retranslate_all()  # also when no translator changed (no LanguageChange)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_all()
        super().changeEvent(event)

    def retranslate_all(self) -> None:
        self.retranslate()
        for page in (self.language_page, self.database_page, self.admin_page, self.finish_page):
            page.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up {app}").format(app=message_text(APP_NAME)))
        buttons = {
            QWizard.WizardButton.BackButton: self.tr("< &Back"),
            QWizard.WizardButton.NextButton: self.tr("&Next >"),
            QWizard.WizardButton.FinishButton: self.tr("&Finish"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
        }
        for which, text in buttons.items():
            self.setButtonText(which, text)

    # setting up

    def creates_admin(self) -> bool:
        return self.database_page.needs_admin()

    def busy(self) -> bool:
        return self.call is not None and self.call.running

    def start_setup(self) -> Task | None:
        if self.busy():
            return None
        page = self.database_page
        url = page.url()
        admin = self.admin_page.username.text().strip() if self.creates_admin() else None
        demo_count = (
            DEMO_CASES if self.finish_page.demo.isChecked() and page.is_new_database() else 0
        )
        self.finish_page.set_running(2 + demo_count)
        log.info(
            "first run: setting up %s (administrator: %s, demo cases: %d)",
            without_password(url),
            admin,
            demo_count,
        )
        call = self.tasks.submit(
            set_up,
            url,
            admin=admin,
            display_name=self.admin_page.display_name.text(),
            password=self.admin_page.password.text(),
            demo_count=demo_count,
            with_progress=True,
            name="first-run-setup",
        )
        call.progressed.connect(self.finish_page.set_progress)
        call.succeeded.connect(lambda result: self._set_up(url, result))
        call.failed.connect(self._setup_failed)
        call.finished.connect(self._setup_finished)
        self.call = call
        self._set_busy(True)
        return call

    def _set_busy(self, busy: bool) -> None:
        self.finish_page.completeChanged.emit()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)

    def _set_up(self, url: str, result: SetupResult) -> None:
        page = self.database_page
        self.setup_result = result
        self.database_url = url
        self.admin_username = result.admin or ""
        remember_database(
            url
            if not page.is_shared() or page.remember_password.isChecked()
            else without_password(url)
        )
        save_language("system" if self.language == system_language() else self.language)
        self.finish_page.status.setText(self.tr("Done."))

    def _setup_failed(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationError) and exc.field in self.admin_page.errors:
            self.back()  # to the administrator's page, the problem under its field
            self.admin_page.show_error(exc)
            return
        self.finish_page.progress.hide()
        self.finish_page.status.clear()
        _show(self.finish_page.error, service_message(exc))

    def _setup_finished(self) -> None:
        self._set_busy(False)
        if self.setup_result is not None:
            self.accept()

    def reject(self) -> None:
        if self.busy():
            return  # the set-up finishes first (Cancel is disabled meanwhile)
        super().reject()

    def wait(self, seconds: float = 30.0) -> None:
        """Block until background work is done (tests, closing)."""
        self.tasks.wait_for_done(int(seconds * 1000))


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
        self.password = QLineEdit()
        self.password.setObjectName("database_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label("database_password_error")
        _show(self.error, error)
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
