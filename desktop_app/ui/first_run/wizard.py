"""The first-run wizard: the language page, the finish page (what will be set up, demo
data, the set-up's progress) and the wizard over them and the pages of ``server`` and
``account``."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QLabel,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app import APP_NAME
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.setup import SetupResult, set_up, without_password
from desktop_app.ui.first_run.account import AdminPage
from desktop_app.ui.first_run.remembered import remember_database
from desktop_app.ui.first_run.server import DatabasePage
from desktop_app.ui.forms import message_label, note_label, show_text
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
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

DEMO_CASES = 200


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


class FinishPage(QWizardPage):
    """What will be set up, the demo data checkbox; Finish does it with a progress bar."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.wiz = wizard
        self.setObjectName("finish_page")
        self.setFinalPage(True)
        self.summary = note_label("summary")
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
        self.error = message_label("setup_error")
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
        show_text(self.error, "")
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
        show_text(self.error, "")
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
        call.on(
            progressed=self.finish_page.set_progress,
            succeeded=lambda result: self._set_up(url, result),
            failed=self._setup_failed,
            finished=self._setup_finished,
        )
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
        kept = remember_database(
            url
            if not page.is_shared() or page.remember_password.isChecked()
            else without_password(url)
        )
        save_language("system" if self.language == system_language() else self.language)
        self.finish_page.status.setText(
            self.tr("Done.")
            if kept
            else self.tr(
                "Done. This computer has no password store (keyring), so the database "
                "password was not remembered: it will be asked at each start."
            )
        )

    def _setup_failed(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationError) and exc.field in self.admin_page.errors:
            self.back()  # to the administrator's page, the problem under its field
            self.admin_page.show_error(exc)
            return
        self.finish_page.progress.hide()
        self.finish_page.status.clear()
        show_text(self.finish_page.error, service_message(exc))

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
