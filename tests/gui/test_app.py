import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from desktop_app.services import users
from desktop_app.services.session import Session
from desktop_app.services.users import has_active_admin
from desktop_app.ui import app as app_module
from desktop_app.ui.first_run import FirstAdminDialog
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.login import LoginDialog


def make_dialog(qtbot) -> FirstAdminDialog:
    dialog = FirstAdminDialog(database="test.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog, username, password, repeat):
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.display_name, "Admin Wang")
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.repeat_password, repeat)


def test_first_run_dialog_creates_an_admin(qtbot, gui_db):
    assert not has_active_admin()
    dialog = make_dialog(qtbot)
    fill(qtbot, dialog, "boss", "Plum-Harbour-Lantern-42", "Plum-Harbour-Lantern-42")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert has_active_admin()
    info = users.get_user(Session.system(), "boss")
    assert info.role == "admin" and info.display_name == "Admin Wang"
    # The new account can sign in.
    login = LoginDialog(username="boss")
    qtbot.addWidget(login)
    login.password.setText("Plum-Harbour-Lantern-42")
    assert login.try_sign_in()
    assert login.session.role == "admin"


def test_first_run_rejects_differing_passwords_and_short_ones(qtbot, gui_db):
    dialog = make_dialog(qtbot)
    fill(qtbot, dialog, "boss", "Plum-Harbour-Lantern-42", "Plum-Harbour-Lantern-43")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "differ" in dialog.error.text()
    assert dialog.repeat_password.text() == ""
    assert not has_active_admin()

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat_password, "short")
    qtbot.keyClick(dialog.repeat_password, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "at least 8" in dialog.error.text()
    assert dialog.username.text() == "boss"
    assert not has_active_admin()


def test_run_gui_reports_an_unusable_database(qapp, monkeypatch, tmp_path):
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_startup_error", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(app_module, "apply_look", lambda app: "light")
    monkeypatch.setattr(app_module, "install_translators", lambda app: [])
    assert app_module.run_gui("mysql://somewhere/db") == 1
    assert len(shown) == 1
    assert "mysql://somewhere/db" in shown[0]
    assert "unsupported database URL" in shown[0]

    not_a_db = tmp_path / "garbage.db"
    not_a_db.write_bytes(b"this is not a database file at all" * 100)
    assert app_module.run_gui(f"sqlite:///{not_a_db}") == 1
    assert len(shown) == 2
    assert str(not_a_db) in shown[1]


def test_no_catalogue_means_no_translator_of_ours(qapp, tmp_path):
    installed = install_translators(qapp, QLocale("de_DE"), tmp_path)
    try:
        assert not any("desktop_app" in t.filePath() for t in installed)
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)


LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>LoginDialog</name>
<message><source>Sign in</source><translation>登录</translation></message>
</context>
</TS>
"""


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease is not installed")
def test_a_catalogue_for_the_language_is_installed(qtbot, qapp, tmp_path):
    (tmp_path / "desktop_app_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run(
        [LRELEASE, str(tmp_path / "desktop_app_zh_CN.ts")], check=True, capture_output=True
    )
    assert (tmp_path / "desktop_app_zh_CN.qm").exists()
    installed = install_translators(qapp, QLocale("zh_CN"), tmp_path)
    try:
        assert any(t.filePath().endswith("desktop_app_zh_CN.qm") for t in installed)
        dialog = LoginDialog()
        qtbot.addWidget(dialog)
        assert dialog.sign_in_button.text() == "登录"
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)


def test_run_gui_sign_in_sign_out_and_quit(qapp, monkeypatch, sqlite_url, system):
    """The whole cycle on a new database: create the administrator, sign in (the name is
    already filled in), main window, sign out, sign in as someone else, close the window:
    the program ends with exit code 0."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow
    from tests.helpers.fixtures import make_user

    make_user(system, "second", "manager", departments=())
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "apply_look", lambda app: "light")
    monkeypatch.setattr(app_module, "install_translators", lambda app: [])
    seen: list[str] = []
    steps = iter(["first_run", "login:", "window", "login:second", "window", "close"])
    state = {"step": next(steps)}

    def main_window() -> MainWindow | None:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()
            ),
            None,
        )

    def tick():
        step = state["step"]
        modal = QApplication.activeModalWidget()
        if step == "first_run" and isinstance(modal, FirstAdminDialog):
            modal.username.setText("boss")
            for field in (modal.password, modal.repeat_password):
                field.setText("Plum-Harbour-Lantern-42")
            modal.create_button.click()
        elif step.startswith("login:") and isinstance(modal, LoginDialog):
            name = step.split(":")[1]
            if name:
                modal.username.setText(name)
            else:
                seen.append(f"prefilled:{modal.username.text()}")
            modal.password.setText("Plum-Harbour-Lantern-42")
            modal.sign_in_button.click()
        elif step == "window" and main_window() is not None and modal is None:
            window = main_window()
            seen.append(f"{window.session.username}:{window.session.role}")
            if len(seen) == 2:
                window.sign_out_action.trigger()
            else:
                state["step"] = next(steps)
                return
        elif step == "close" and main_window() is not None:
            main_window().quit_action.trigger()
            timer.stop()
            return
        else:
            return
        state["step"] = next(steps)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(99))
    guard.start(15000)
    try:
        result = app_module.run_gui(sqlite_url)
    finally:
        timer.stop()
        guard.stop()
        qapp.setQuitOnLastWindowClosed(True)
    assert seen == ["prefilled:boss", "boss:admin", "second:manager"]
    assert result == 0
