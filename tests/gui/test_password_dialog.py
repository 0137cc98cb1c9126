"""Changing one's own password: the repeat must match, the service's refusals show under
the field they are about with the typed values kept, success changes the password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMenu

from desktop_app.services import auth
from desktop_app.services.errors import AuthenticationError
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.password_dialog import ChangePasswordDialog

OLD = "Plum-Harbour-Lantern-42"  # make_user's default, used by the clerk fixture
FIELDS = ("current_password", "new_password", "repeat_password")


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def dialog(qtbot, clerk) -> ChangePasswordDialog:
    dialog = ChangePasswordDialog(clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog: QDialog, current: str, new: str, repeat: str) -> None:
    for name, text in zip(FIELDS, (current, new, repeat), strict=True):
        field = dialog.findChild(QLineEdit, name)
        field.clear()
        qtbot.keyClicks(field, text)


def submit(qtbot, dialog: QDialog) -> None:
    """Enter in the last field presses the default button."""
    qtbot.keyClick(dialog.findChild(QLineEdit, "repeat_password"), Qt.Key.Key_Return)


def error(dialog: QDialog, name: str) -> str:
    label = dialog.findChild(QLabel, f"{name}_error")
    return label.text() if label.isVisible() else ""


def typed(dialog: QDialog) -> tuple[str, ...]:
    return tuple(dialog.findChild(QLineEdit, name).text() for name in FIELDS)


def signs_in(password: str, clock) -> bool:
    try:
        auth.sign_in("clerk1", password, clock=clock)
    except AuthenticationError:
        return False
    return True


def test_fields_hide_what_is_typed(dialog):
    assert dialog.objectName() == "change_password_dialog"
    for name in FIELDS:
        assert dialog.findChild(QLineEdit, name).echoMode() == QLineEdit.EchoMode.Password
    assert "8 characters" in dialog.findChild(QLabel, "password_rules").text()


def test_repeat_mismatch_is_shown_at_the_repeat_field(qtbot, dialog, clock):
    fill(qtbot, dialog, OLD, "new-secret-1", "new-secret-2")
    submit(qtbot, dialog)
    assert error(dialog, "repeat_password") == "The repeated password differs from the new one."
    assert error(dialog, "current_password") == error(dialog, "new_password") == ""
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert typed(dialog) == (OLD, "new-secret-1", "new-secret-2")
    assert dialog.findChild(QLineEdit, "repeat_password").hasFocus()
    assert signs_in(OLD, clock)  # nothing changed


def test_wrong_current_password_is_shown_at_its_field(qtbot, dialog, clock):
    fill(qtbot, dialog, "not-my-password", "new-secret-1", "new-secret-1")
    submit(qtbot, dialog)
    assert error(dialog, "current_password") == "The current password is wrong."
    assert error(dialog, "repeat_password") == ""
    assert dialog.isVisible()
    assert typed(dialog) == ("not-my-password", "new-secret-1", "new-secret-1")
    assert dialog.findChild(QLineEdit, "current_password").hasFocus()
    # Typing again clears the message; then the right one goes through.
    qtbot.keyClick(dialog.findChild(QLineEdit, "current_password"), Qt.Key.Key_Backspace)
    assert error(dialog, "current_password") == ""
    assert signs_in(OLD, clock)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("abc", "The password must have at least 8 characters."),
        (" spaced-out ", "The password must not start or end with a space."),
        (OLD, "The new password must differ from the current one."),
    ],
)
def test_a_new_password_against_the_rules_is_shown_at_its_field(qtbot, dialog, clock, new, message):
    fill(qtbot, dialog, OLD, new, new)
    submit(qtbot, dialog)
    assert error(dialog, "new_password") == message
    assert error(dialog, "current_password") == error(dialog, "repeat_password") == ""
    assert dialog.isVisible()
    assert typed(dialog) == (OLD, new, new)
    assert signs_in(OLD, clock)


def test_success_closes_and_only_the_new_password_signs_in(qtbot, dialog, clock):
    fill(qtbot, dialog, OLD, "Neues-Passwort-9", "Neues-Passwort-9")
    with qtbot.waitSignal(dialog.accepted):
        submit(qtbot, dialog)
    assert not dialog.isVisible() and dialog.changed
    assert signs_in("Neues-Passwort-9", clock)
    assert not signs_in(OLD, clock)


def test_cancel_changes_nothing(qtbot, dialog, clock):
    fill(qtbot, dialog, OLD, "Neues-Passwort-9", "Neues-Passwort-9")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.findChild(QLineEdit, "new_password"), Qt.Key.Key_Escape)
    assert signs_in(OLD, clock)
    assert not signs_in("Neues-Passwort-9", clock)


def test_account_menu_opens_the_dialog_and_the_window_says_password_changed(
    qtbot, clerk, gui_db, clock
):
    window = MainWindow(clerk, gui_db, offer_drafts=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    guard = window.session_guards  # installed by the main window itself
    try:
        account = window.menuBar().findChild(QMenu, "account_menu")
        action = next(a for a in account.actions() if a.objectName() == "change_password_action")
        assert action.text().replace("&", "") == "Change password…"
        action.trigger()
        dialog = guard.change_password_dialog
        assert dialog is not None and dialog.isVisible() and dialog.parent() is window
        qtbot.waitUntil(dialog.findChild(QLineEdit, "current_password").hasFocus)
        fill(qtbot, dialog, OLD, "another-secret", "another-secret")
        with qtbot.waitSignal(dialog.accepted):
            submit(qtbot, dialog)
        assert window.statusBar().currentMessage() == "Password changed."
        assert signs_in("another-secret", clock)
    finally:
        guard.stop()
