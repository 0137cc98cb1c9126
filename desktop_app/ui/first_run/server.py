"""The first-run wizard's page choosing where the database lives: this computer, or a
shared PostgreSQL server (with its connection test off the UI thread).

Under the server's fields, "PostgreSQL roles" (``postgres_roles_toggle``) opens the two
roles the program should use (docs/rules.md#audit-log): the owner typed above sets the
database up and runs upgrades; every computer then connects as an application role that
cannot change tables or the audit log's triggers. ``postgres_roles_sql`` is the SQL that
creates that role (``services.setup.application_role_sql``) for the database and owner
typed, read-only and copyable (``postgres_roles_copy``)."""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_app.db.connection import default_url, parse_url
from desktop_app.services.errors import ServiceError
from desktop_app.services.setup import (
    ServerProbe,
    application_role_name,
    application_role_sql,
    check_database_folder,
    postgres_url,
    probe_postgres,
    without_password,
)
from desktop_app.ui.first_run.remembered import default_database_exists
from desktop_app.ui.forms import buddy_rows, message_label, note_label, password_edit, show_text
from desktop_app.ui.i18n import service_message
from desktop_app.ui.resources import set_tone
from desktop_app.ui.tasks import Task

if TYPE_CHECKING:
    from desktop_app.ui.first_run.wizard import FirstRunWizard

log = logging.getLogger(__name__)


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
        self.local_path = note_label("local_path")
        self.local_path.setContentsMargins(24, 0, 0, 8)
        # Under the file's path: why this folder cannot hold it (a network share).
        self.local_error = message_label("local_error")
        self.local_error.setContentsMargins(24, 0, 0, 8)
        self.local_problem: ServiceError | None = None
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
        self.password = password_edit("pg_password")
        self.remember_password = QCheckBox()
        self.remember_password.setObjectName("remember_password")
        self.test_button = QPushButton()
        self.test_button.setObjectName("test_connection_button")
        self.test_button.clicked.connect(self.test_connection)
        self.result = note_label("connection_result")

        self.server_box = QWidget()
        self.server_box.setObjectName("server_box")
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.labels = buddy_rows(
            form,
            {
                "host": self.host,
                "port": self.port,
                "database": self.database,
                "user": self.user,
                "password": self.password,
            },
        )
        form.addRow("", self.remember_password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.result)
        form.addRow("", self._roles_section())

        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.local_path)
        layout.addWidget(self.local_error)
        layout.addWidget(self.shared)
        layout.addWidget(self.server_box)
        layout.addStretch(1)

        for widget in (self.host, self.database, self.user, self.password):
            widget.textChanged.connect(self._fields_changed)
        for widget in (self.database, self.user):
            widget.textChanged.connect(self._show_roles_sql)
        self.port.valueChanged.connect(self._fields_changed)
        self.shared.toggled.connect(self._kind_changed)
        self._kind_changed()
        self._show_roles_sql()
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
        if self.local_problem is not None:
            show_text(self.local_error, service_message(self.local_problem))
        self.shared.setText(self.tr("&Shared PostgreSQL server"))
        names = {
            "host": self.tr("Ser&ver:"),
            "port": self.tr("P&ort:"),
            "database": self.tr("&Database:"),
            "user": self.tr("&User:"),
            "password": self.tr("Pass&word:"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        self.host.setPlaceholderText(self.tr("name or address, e.g. db.example.lan"))
        self.remember_password.setText(
            self.tr("&Remember password on this computer (else it is asked at each start)")
        )
        self.test_button.setText(self.tr("Test &connection"))
        self._retranslate_roles()
        if self.probe is not None and self.probe_url == self.url():
            self.result.setText(self.probe_text(self.probe))

    def _retranslate_roles(self) -> None:
        self.roles_toggle.setText(self.tr("PostgreSQL roles: an owner and an application role"))
        self.roles_note.setText(
            self.tr(
                "The owner (the user above) sets the database up and runs upgrades "
                "(desktop-app init). Then a database administrator runs this SQL (e.g. in "
                "psql as postgres) to create the application role {role}, which reads and "
                "writes cases but cannot change tables or the audit log's protection; every "
                "computer connects as {role} with the password in the SQL."
            ).format(role=self.roles_role())
        )
        self.roles_copy.setText(self.tr("Cop&y SQL"))

    # the two PostgreSQL roles (docs/rules.md#audit-log)

    def _roles_section(self) -> QWidget:
        section = QWidget()
        section.setObjectName("postgres_roles_section")
        self.roles_toggle = QToolButton()
        self.roles_toggle.setObjectName("postgres_roles_toggle")
        self.roles_toggle.setCheckable(True)
        self.roles_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.roles_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.roles_toggle.setAutoRaise(True)
        self.roles_toggle.toggled.connect(self._roles_toggled)
        self.roles_box = QWidget()
        self.roles_box.setObjectName("postgres_roles_box")
        self.roles_note = note_label("postgres_roles_note")
        # A password made here once, so the SQL can be run as shown.
        self.roles_password = secrets.token_urlsafe(12)
        self.roles_sql = QPlainTextEdit()
        self.roles_sql.setObjectName("postgres_roles_sql")
        self.roles_sql.setReadOnly(True)
        self.roles_sql.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.roles_sql.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        lines = self.roles_sql.fontMetrics().lineSpacing()
        self.roles_sql.setFixedHeight(lines * 6 + 12)
        self.roles_copy = QPushButton()
        self.roles_copy.setObjectName("postgres_roles_copy")
        self.roles_copy.clicked.connect(self.copy_roles_sql)
        box = QVBoxLayout(self.roles_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.roles_note)
        box.addWidget(self.roles_sql)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.roles_copy)
        copy_row.addStretch(1)
        box.addLayout(copy_row)
        self.roles_box.hide()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.roles_toggle)
        layout.addWidget(self.roles_box)
        return section

    def roles_role(self) -> str:
        """The application role suggested for the owner typed (``<owner>_app``)."""
        return application_role_name(self.user.text())

    def _roles_toggled(self, shown: bool) -> None:
        self.roles_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.roles_box.setVisible(shown)
        if shown:  # the wizard grows to show it all, within the screen
            window = self.window()
            wanted = window.size().expandedTo(window.sizeHint())
            screen = window.screen()
            if screen is not None:
                wanted = wanted.boundedTo(screen.availableGeometry().size())
            window.resize(wanted)

    def _show_roles_sql(self) -> None:
        self.roles_sql.setPlainText(
            application_role_sql(
                self.database.text().strip() or "complaints",
                self.roles_role(),
                self.user.text().strip() or "complaints",
                self.roles_password,
            )
        )
        self._retranslate_roles()  # the note names the role: it follows the owner typed

    def copy_roles_sql(self) -> None:
        QGuiApplication.clipboard().setText(self.roles_sql.toPlainText())
        self.roles_sql.selectAll()

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
        self.local_problem = None
        show_text(self.local_error, "")
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
        call.on(
            succeeded=lambda probe: self._tested(url, probe),
            failed=self._test_failed,
            finished=self._test_finished,
        )
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

    def check_local_folder(self) -> bool:
        """False, with the reason under the file's path, when its folder is on a network
        share (docs/rules.md#one-pc-or-several)."""
        try:
            check_database_folder(self.url())
        except ServiceError as exc:
            log.info("first run: %s", exc.message)
            self.local_problem = exc
            show_text(self.local_error, service_message(exc))
            return False
        self.local_problem = None
        show_text(self.local_error, "")
        return True

    def validatePage(self) -> bool:
        if not self.is_shared():
            return self.check_local_folder()
        if self.probe is not None and self.probe_url == self.url():
            return True
        # Next tries the connection first, and goes on by itself when it works.
        self._next_when_tested = self.test_connection() is not None
        return False

    def nextId(self) -> int:
        return self.wiz.ADMIN if self.needs_admin() else self.wiz.FINISH

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
