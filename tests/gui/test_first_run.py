"""The first-run wizard: language, database (this computer or a PostgreSQL server with a
connection test), administrator, demo data; Cancel leaves nothing behind; run_gui shows it
only when there is no database yet."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QToolButton, QWizard

from desktop_app.bootstrap import prepare_database
from desktop_app.db.connection import default_url, parse_url
from desktop_app.db.models import Complaint, database_proxy
from desktop_app.services import auth, setup
from desktop_app.ui import app as app_module
from desktop_app.ui import first_run as first_run_module
from desktop_app.ui import i18n
from desktop_app.ui.first_run import (
    DATABASE_KEY,
    FirstRunWizard,
    remember_database,
    remembered_database,
    should_run_wizard,
)
from desktop_app.ui.login import LoginDialog
from tests.helpers.fixtures import POSTGRES_ENV, reset_postgres


def default_file() -> Path:
    path = parse_url(default_url()).path
    assert path is not None
    return path


@pytest.fixture
def wizard(qtbot, qapp):
    """A wizard in English; translators it installs are removed after the test."""
    i18n.save_language("en")
    dialog = FirstRunWizard()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.wait()
    for translator in i18n._current["translators"]:
        QCoreApplication.removeTranslator(translator)
    i18n._current.update(choice=None, locale=None, translators=[])
    if database_proxy.obj is not None:
        database_proxy.obj.close()


def click(qtbot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def next_page(qtbot, wizard: FirstRunWizard) -> None:
    click(qtbot, wizard, QWizard.WizardButton.NextButton)


def fill_admin(
    qtbot, wizard: FirstRunWizard, name="boss", password="Plum-Harbour-Lantern-42", repeat=None
) -> None:
    page = wizard.admin_page
    for field in (page.username, page.display_name, page.password, page.repeat_password):
        field.clear()
    qtbot.keyClicks(page.username, name)
    qtbot.keyClicks(page.display_name, "Admin Wang")
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.repeat_password, password if repeat is None else repeat)


def finish(qtbot, wizard: FirstRunWizard, timeout=60_000) -> None:
    with qtbot.waitSignal(wizard.accepted, timeout=timeout):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)


def test_local_database_in_a_few_clicks(qtbot, wizard):
    assert wizard.objectName() == "first_run_wizard"
    assert wizard.currentId() == FirstRunWizard.LANGUAGE
    next_page(qtbot, wizard)
    page = wizard.database_page
    assert wizard.currentPage() is page
    assert page.local.isChecked()  # the default: this computer
    assert str(default_file()) in page.local_path.text()
    assert not page.server_box.isEnabled()
    next_page(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.ADMIN
    fill_admin(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.FINISH
    assert not wizard.finish_page.demo.isChecked()
    assert "boss" in wizard.finish_page.summary.text()
    assert not default_file().exists()  # nothing made before Finish
    finish(qtbot, wizard)

    assert default_file().exists()
    assert wizard.admin_username == "boss"
    assert wizard.database_url == default_url()
    assert remembered_database() == default_url()
    assert i18n.saved_language() in ("system", "en")
    # The new administrator signs in.
    prepare_database(wizard.database_url)
    session = auth.sign_in("boss", "Plum-Harbour-Lantern-42")
    assert session.role == "admin" and session.display_name == "Admin Wang"
    assert Complaint.select().count() == 0


def test_demo_checkbox_gives_200_cases(qtbot, wizard):
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    fill_admin(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.finish_page.demo.isVisible()
    wizard.finish_page.demo.setChecked(True)
    seen: list[int] = []
    wizard.finish_page.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(wizard.accepted, timeout=60_000):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        # While it works: no second Finish, no Back, no Cancel (not even Esc or the
        # window's close button).
        assert wizard.busy()
        assert wizard.finish_page.progress.isVisible()
        for which in (
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            assert not wizard.button(which).isEnabled()
        wizard.reject()
        assert wizard.isVisible()
    assert seen and max(seen) == 202  # database, account, 200 cases
    prepare_database(wizard.database_url)
    assert Complaint.select().count() == 200
    assert auth.sign_in("boss", "Plum-Harbour-Lantern-42").role == "admin"


def test_admin_problems_show_under_their_field(qtbot, wizard):
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.admin_page
    fill_admin(qtbot, wizard, name="no spaces please")
    next_page(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.ADMIN
    assert page.errors["username"].isVisible()
    assert "without spaces" in page.errors["username"].text()

    fill_admin(qtbot, wizard, password="short")
    next_page(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.ADMIN
    assert not page.errors["username"].isVisible()
    assert "at least 8" in page.errors["password"].text()

    fill_admin(qtbot, wizard, password="Plum-Harbour-Lantern-42", repeat="Plum-Harbour-Lantern-43")
    next_page(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.ADMIN
    assert "differ" in page.errors["repeat_password"].text()
    assert page.repeat_password.text() == ""
    assert not default_file().exists()


def test_a_folder_that_cannot_be_made_is_said_on_the_last_page(
    qtbot, wizard, tmp_path, monkeypatch
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DESKTOP_APP_DATA_DIR", str(blocker / "data"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    fill_admin(qtbot, wizard)
    next_page(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=15_000)
    error = wizard.finish_page.error
    assert error.isVisible()
    assert error.text().startswith("The database cannot be set up:")
    assert "Traceback" not in error.text()
    assert wizard.isVisible() and wizard.currentId() == FirstRunWizard.FINISH
    assert wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    assert remembered_database() is None


@pytest.mark.parametrize("at_page", [0, 1, 2, 3])
def test_cancel_on_any_page_creates_nothing(qtbot, wizard, at_page):
    for _ in range(at_page):
        if wizard.currentId() == FirstRunWizard.ADMIN:
            fill_admin(qtbot, wizard)
        next_page(qtbot, wizard)
    assert wizard.currentId() == at_page
    with qtbot.waitSignal(wizard.rejected):
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert not default_file().exists()
    assert not default_file().parent.exists() or not any(default_file().parent.iterdir())
    assert remembered_database() is None


LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>LanguagePage</name>
<message><source>Welcome</source><translation>欢迎</translation></message>
</context>
<context><name>FirstRunWizard</name>
<message><source>&amp;Next &gt;</source><translation>下一步(&amp;N) &gt;</translation></message>
</context>
<context><name>DatabasePage</name>
<message><source>&amp;This computer only (recommended)</source>
<translation>仅本机（推荐）(&amp;T)</translation></message>
</context>
</TS>
"""


@pytest.fixture
def test_catalogue(tmp_path, monkeypatch) -> Path:
    """A small zh_CN catalogue of the wizard's texts, used instead of the program's (whose
    translations of new texts may lag behind)."""
    if LRELEASE is None:
        pytest.skip("pyside6-lrelease is not installed")
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "desktop_app_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run(
        [LRELEASE, str(folder / "desktop_app_zh_CN.ts")], check=True, capture_output=True
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    return folder


def test_choosing_a_language_retranslates_the_wizard_at_once(qtbot, test_catalogue, wizard):
    page = wizard.language_page
    assert page.en.isChecked()
    assert page.title() == "Welcome"
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Next >"
    page.zh.click()
    assert page.zh.isChecked()
    assert i18n.ui_language() == "zh"
    assert QLocale().language() == QLocale.Language.Chinese
    assert page.title() == "欢迎"
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "下一步(&N) >"
    assert wizard.database_page.local.text() == "仅本机（推荐）(&T)"
    page.en.click()
    assert i18n.ui_language() == "en"
    assert page.title() == "Welcome"
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Next >"
    assert wizard.database_page.local.text() == "&This computer only (recommended)"


def test_the_chosen_language_is_saved_at_finish(qtbot, wizard):
    wizard.language_page.zh.click()
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    fill_admin(qtbot, wizard)
    next_page(qtbot, wizard)
    assert "中文" in wizard.finish_page.summary.text()
    finish(qtbot, wizard)
    expected = "system" if i18n.system_language() == "zh_CN" else "zh_CN"
    assert i18n.saved_language() == expected


# --- run_gui ---------------------------------------------------------------------------------


def test_the_wizard_is_shown_only_without_any_database(monkeypatch, tmp_path):
    assert should_run_wizard(None)
    assert not should_run_wizard(f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.setenv("DESKTOP_APP_DATABASE", f"sqlite:///{tmp_path / 'x.db'}")
    assert not should_run_wizard(None)
    monkeypatch.delenv("DESKTOP_APP_DATABASE")
    remember_database(f"sqlite:///{tmp_path / 'x.db'}")
    assert not should_run_wizard(None)
    first_run_module.forget_database()
    assert should_run_wizard(None)
    database, _info, _ = prepare_database(None)  # the default file exists: no wizard
    database.close()
    assert not should_run_wizard(None)


@pytest.fixture
def quiet_start(qapp, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(app_module, "apply_look", lambda app: "light")
    monkeypatch.setattr(app_module, "install_translators", lambda app: [])
    yield
    qapp.setQuitOnLastWindowClosed(True)


def drive(steps) -> None:
    """Answer the modal windows of run_gui in turn: each step gets the modal widget and
    returns True when it handled it."""
    from PySide6.QtCore import QTimer

    pending = list(steps)

    def tick():
        modal = QApplication.activeModalWidget()
        if pending and modal is not None and pending[0](modal):
            pending.pop(0)
        if not pending:
            timer.stop()

    timer = QTimer(QApplication.instance())
    timer.setInterval(30)
    timer.timeout.connect(tick)
    timer.start()
    return timer


def test_run_gui_wizard_then_login_with_the_admin_filled_in(quiet_start, monkeypatch):
    seen: dict[str, str] = {}

    def login_step(modal) -> bool:
        if not isinstance(modal, LoginDialog):
            return False
        seen["username"] = modal.username.text()
        modal.reject()
        return True

    timer = drive([wizard_local_admin, login_step])
    try:
        assert app_module.run_gui(None) == 0
    finally:
        timer.stop()
    assert seen == {"username": "boss"}
    assert default_file().exists()


def test_run_gui_wizard_cancelled_creates_nothing(quiet_start):
    def cancel(modal) -> bool:
        if not isinstance(modal, FirstRunWizard):
            return False
        modal.reject()
        return True

    timer = drive([cancel])
    try:
        assert app_module.run_gui(None) == 0
    finally:
        timer.stop()
    assert not default_file().exists()


def wizard_local_admin(modal) -> bool:
    if not isinstance(modal, FirstRunWizard):
        return False
    modal.next()
    modal.next()
    modal.admin_page.username.setText("boss")
    modal.admin_page.password.setText("Plum-Harbour-Lantern-42")
    modal.admin_page.repeat_password.setText("Plum-Harbour-Lantern-42")
    modal.next()
    modal.button(QWizard.WizardButton.FinishButton).click()
    return True


def test_a_remembered_database_that_fails_offers_the_wizard(quiet_start, monkeypatch, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database at all" * 200)
    remember_database(f"sqlite:///{broken}")
    offered: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(
        app_module, "offer_new_setup", lambda text: offered.append(text) or next(answers)
    )
    monkeypatch.setattr(
        app_module,
        "show_startup_error",
        lambda text: pytest.fail("the remembered database offers a way out"),
    )
    # "Close": the program ends, the choice stays.
    assert app_module.run_gui(None) == 1
    assert str(broken) in offered[0]
    assert remembered_database() == f"sqlite:///{broken}"

    # "Choose another database…": the wizard, then the login.
    seen: list[str] = []

    def login_step(modal) -> bool:
        if not isinstance(modal, LoginDialog):
            return False
        seen.append(modal.username.text())
        modal.reject()
        return True

    timer = drive([wizard_local_admin, login_step])
    try:
        assert app_module.run_gui(None) == 0
    finally:
        timer.stop()
    assert seen == ["boss"]
    assert remembered_database() == default_url()
    assert default_file().exists()


def test_the_server_page_shows_the_sql_of_the_application_role(qtbot, wizard):
    """docs/rules.md#audit-log: the owner sets up, the program runs as an application role
    that cannot drop the audit log's triggers; the page gives the SQL to create it."""
    next_page(qtbot, wizard)
    page = wizard.database_page
    page.shared.click()
    sql_box = wizard.findChild(QPlainTextEdit, "postgres_roles_sql")
    assert sql_box is page.roles_sql and not sql_box.isVisible()
    toggle = wizard.findChild(QToolButton, "postgres_roles_toggle")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert sql_box.isVisible() and sql_box.isReadOnly()
    page.database.clear()
    qtbot.keyClicks(page.database, "cases2026")
    qtbot.keyClicks(page.user, "owner1")
    text = sql_box.toPlainText()
    assert text == setup.application_role_sql(
        "cases2026", "owner1_app", "owner1", page.roles_password
    )
    assert text.startswith('CREATE ROLE "owner1_app" LOGIN PASSWORD')
    assert 'REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER ON "public"."audit_log"' in text
    assert "owner1_app" in page.roles_note.text() and "owner" in page.roles_note.text()
    QApplication.clipboard().clear()
    qtbot.mouseClick(
        wizard.findChild(QPushButton, "postgres_roles_copy"), Qt.MouseButton.LeftButton
    )
    assert QApplication.clipboard().text() == text
    # Closed again, it takes no room; the page still goes on only after a connection test.
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not sql_box.isVisible()


# --- PostgreSQL ------------------------------------------------------------------------------

PG_URL = os.environ.get(POSTGRES_ENV)
needs_postgres = pytest.mark.skipif(not PG_URL, reason=f"{POSTGRES_ENV} is not set")


def fill_server(wizard: FirstRunWizard, password: str | None = None) -> None:
    parsed = urlparse(PG_URL)
    page = wizard.database_page
    page.shared.setChecked(True)
    page.host.setText(parsed.hostname or "")
    page.port.setValue(parsed.port or 5432)
    page.database.setText(parsed.path.lstrip("/"))
    page.user.setText(parsed.username or "")
    page.password.setText(parsed.password if password is None else password)


@needs_postgres
def test_test_connection_succeeds_against_the_server(qtbot, wizard):
    reset_postgres(PG_URL)
    next_page(qtbot, wizard)
    fill_server(wizard)
    page = wizard.database_page
    assert page.server_box.isEnabled()
    button = wizard.findChild(type(page.test_button), "test_connection_button")
    assert button is page.test_button
    with qtbot.waitSignal(page.call.finished if page.call else button.clicked, timeout=15_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.probe is not None, timeout=15_000)
    assert page.result.text().startswith("Connected: PostgreSQL ")
    assert "empty" in page.result.text()


@needs_postgres
def test_test_connection_says_when_the_password_is_refused(qtbot, wizard):
    next_page(qtbot, wizard)
    fill_server(wizard, password="not-the-password")
    page = wizard.database_page
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.call.running, timeout=15_000)
    qtbot.waitUntil(
        lambda: page.result.text() != "" and "Connecting" not in page.result.text(), timeout=5_000
    )
    assert page.result.text() == "The database server refused the user or password."
    assert page.probe is None
    # Next does not pass a refused server either.
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not page.call.running, timeout=15_000)
    assert wizard.currentId() == FirstRunWizard.DATABASE


@needs_postgres
def test_shared_server_set_up_and_remembered_without_password(qtbot, wizard):
    reset_postgres(PG_URL)
    next_page(qtbot, wizard)
    fill_server(wizard)
    next_page(qtbot, wizard)  # tests the connection first, then goes on by itself
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.ADMIN, timeout=15_000)
    fill_admin(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.finish_page.demo.isVisible()  # a new database
    finish(qtbot, wizard)
    remembered = remembered_database()
    assert remembered is not None and urlparse(remembered).password is None
    assert first_run_module.needs_password(remembered)
    prepare_database(wizard.database_url)
    assert auth.sign_in("boss", "Plum-Harbour-Lantern-42").role == "admin"
    database_proxy.obj.close()
    assert not default_file().exists()


@needs_postgres
def test_a_server_already_in_use_skips_the_account(qtbot, wizard, memory_keyring):
    """The remembered password goes to the keyring (a stand-in here: CI has none)."""
    from desktop_app.services.session import Session
    from tests.helpers.fixtures import make_user

    reset_postgres(PG_URL)
    database, _info, _ = prepare_database(PG_URL)
    make_user(Session.system(), "chief", "admin", departments=())
    database.close()

    next_page(qtbot, wizard)
    fill_server(wizard)
    wizard.database_page.remember_password.setChecked(True)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.FINISH, timeout=15_000)
    assert "already in use" in wizard.database_page.result.text()
    assert not wizard.finish_page.demo.isVisible()
    finish(qtbot, wizard)
    assert wizard.admin_username == ""
    assert urlparse(remembered_database()).password == urlparse(PG_URL).password


def test_a_remembered_server_asks_for_its_password(qapp, monkeypatch, tmp_path):
    """The password of a remembered server URL without one is asked at start."""
    from desktop_app.ui.first_run import DatabasePasswordDialog

    asked: list[str] = []
    url = f"sqlite:///{tmp_path / 'x.db'}"

    def fake_exec(dialog):
        asked.append(dialog.objectName())
        dialog.password.setText("pw")
        return 1

    monkeypatch.setattr(DatabasePasswordDialog, "exec", fake_exec)
    opened_with: list[str] = []
    monkeypatch.setattr(
        app_module, "prepare_database", lambda u: opened_with.append(u) or ("db", "info", "result")
    )
    choice = app_module.StartChoice("postgresql://clerk@db.lan:5432/complaints", remembered=True)
    assert app_module.open_database_for_gui(choice) == ("db", "info", "result")
    assert asked == ["database_password_dialog"]
    assert opened_with == ["postgresql://clerk:pw@db.lan:5432/complaints"]
    # A URL given on the command line is used as it is.
    assert app_module.open_database_for_gui(app_module.StartChoice(url))
    assert opened_with[-1] == url and len(asked) == 1
    assert DATABASE_KEY == "database/url"


def test_an_existing_file_on_this_computer_keeps_its_accounts(qtbot, qapp):
    """Asked for again (the remembered database failed), the wizard offers the existing
    default file as it is: no new account, no demo data."""
    database, _info, _ = prepare_database(None)
    database.close()
    i18n.save_language("en")
    dialog = FirstRunWizard()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.next()
    assert "kept as it is" in dialog.database_page.local_path.text()
    dialog.next()
    assert dialog.currentId() == FirstRunWizard.FINISH
    assert not dialog.finish_page.demo.isVisible()
    assert "already has its accounts" in dialog.finish_page.summary.text()


NETWORK_TEXT = (
    "This folder is on a network share: {folder}. A database file there can be damaged when "
    "several computers use it. Keep the file on this computer, or set up a shared PostgreSQL "
    "server for several computers."
)
NETWORK_TEXT_ZH = (
    "此文件夹位于网络共享上：{folder}。多台电脑同时使用那里的数据库文件时，文件可能损坏。"
    "请把文件放在本机上；多台电脑使用时，请架设共享的 PostgreSQL 服务器。"
)
NETWORK_TS = TS.replace(
    "</TS>",
    "<context><name></name>\n"
    f"<message><source>{NETWORK_TEXT}</source><translation>{NETWORK_TEXT_ZH}</translation>"
    "</message>\n</context>\n</TS>",
)


@pytest.fixture
def data_folder_on_a_share(monkeypatch) -> Path:
    """The user's data folder (where "this computer only" puts the file) on a network share,
    as the detection of desktop_app.db.network_share would find a mapped drive or an NFS
    home directory."""
    from desktop_app.db import network_share

    folder = default_file().parent
    monkeypatch.setattr(
        network_share,
        "network_folder",
        lambda path, **kwargs: Path(path) == folder or folder in Path(path).parents,
    )
    return folder


def test_a_data_folder_on_a_network_share_is_refused_at_the_choice(
    qtbot, wizard, data_folder_on_a_share
):
    next_page(qtbot, wizard)
    page = wizard.database_page
    assert page.local.isChecked()
    assert not page.local_error.isVisible()
    next_page(qtbot, wizard)
    # The wizard stays on the choice and says why under the file's path.
    assert wizard.currentId() == FirstRunWizard.DATABASE
    assert page.local_error.isVisible()
    assert page.local_error.text() == NETWORK_TEXT.format(folder=data_folder_on_a_share)
    assert not data_folder_on_a_share.exists()  # nothing made
    # The way out the message names: a shared server (the message goes with the choice).
    page.shared.click()
    assert not page.local_error.isVisible()
    page.local.click()
    next_page(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.DATABASE
    with qtbot.waitSignal(wizard.rejected):
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert not data_folder_on_a_share.exists()
    assert remembered_database() is None


def test_the_network_share_message_in_chinese(
    qtbot, test_catalogue, wizard, data_folder_on_a_share
):
    (test_catalogue / "desktop_app_zh_CN.ts").write_text(NETWORK_TS, encoding="utf-8")
    subprocess.run(
        [LRELEASE, str(test_catalogue / "desktop_app_zh_CN.ts")], check=True, capture_output=True
    )
    wizard.language_page.zh.click()
    next_page(qtbot, wizard)
    page = wizard.database_page
    next_page(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.DATABASE
    assert page.local_error.text() == NETWORK_TEXT_ZH.format(folder=data_folder_on_a_share)
    # Switching the language while it is shown switches the message too.
    wizard.back()
    wizard.language_page.en.click()
    assert page.local_error.text() == NETWORK_TEXT.format(folder=data_folder_on_a_share)
