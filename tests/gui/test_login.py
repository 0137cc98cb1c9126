from PySide6.QtCore import Qt

from desktop_app.services.session import Session
from desktop_app.ui.login import LoginDialog
from tests.helpers.fixtures import make_user

GENERIC = "Wrong user name or password."


def make_dialog(qtbot, clock, **kwargs) -> LoginDialog:
    dialog = LoginDialog(clock=clock, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def attempt(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_sign_in_gives_session_with_role(qtbot, system, clock):
    make_user(system, "mgr", "manager", departments=())
    dialog = make_dialog(qtbot, clock)
    with qtbot.waitSignal(dialog.accepted):
        attempt(qtbot, dialog, "mgr", "Plum-Harbour-Lantern-42")
    assert isinstance(dialog.session, Session)
    assert dialog.session.username == "mgr"
    assert dialog.session.role == "manager"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_enter_submits_and_escape_cancels(qtbot, system, clock):
    make_user(system, "clerk9", "clerk")
    dialog = make_dialog(qtbot, clock)
    qtbot.keyClicks(dialog.username, "clerk9")
    qtbot.keyClicks(dialog.password, "Plum-Harbour-Lantern-42")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.session.role == "clerk"

    other = make_dialog(qtbot, clock)
    with qtbot.waitSignal(other.rejected):
        qtbot.keyClick(other.username, Qt.Key.Key_Escape)
    assert other.session is None


def test_wrong_password_shows_generic_message_and_keeps_user_name(qtbot, system, clock):
    make_user(system, "clerk9", "clerk")
    dialog = make_dialog(qtbot, clock)
    attempt(qtbot, dialog, "clerk9", "not-the-password")
    assert dialog.isVisible()
    assert dialog.session is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == GENERIC
    assert dialog.username.text() == "clerk9"
    assert dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password


def test_username_prefilled_focuses_password(qtbot, gui_db, clock):
    dialog = make_dialog(qtbot, clock, username="admin")
    assert dialog.username.text() == "admin"
    assert dialog.focusWidget() is dialog.password


def failure_messages(qtbot, dialog: LoginDialog, username: str, count: int) -> list[str]:
    messages = []
    for i in range(count):
        attempt(qtbot, dialog, username, f"wrong-{i}")
        messages.append(dialog.error.text())
    return messages


def test_five_wrong_passwords_lock_even_the_right_one(qtbot, system, clock):
    make_user(system, "clerk9", "clerk")
    dialog = make_dialog(qtbot, clock)
    messages = failure_messages(qtbot, dialog, "clerk9", 5)
    assert messages[:4] == [GENERIC] * 4
    assert "blocked" in messages[4]
    attempt(qtbot, dialog, "clerk9", "Plum-Harbour-Lantern-42")
    assert dialog.session is None
    assert dialog.isVisible()
    assert "blocked" in dialog.error.text()
    assert dialog.username.text() == "clerk9"


def test_made_up_user_reads_exactly_like_a_real_one(qtbot, system, clock):
    make_user(system, "realuser", "clerk")
    real = make_dialog(qtbot, clock)
    real_messages = failure_messages(qtbot, real, "realuser", 6)
    fake = make_dialog(qtbot, clock)
    fake_messages = failure_messages(qtbot, fake, "nobody", 6)
    assert real_messages == fake_messages
    assert "blocked" in fake_messages[4]


def test_session_speaks_the_ui_language(qtbot, system, clock):
    from PySide6.QtCore import QLocale

    make_user(system, "clerk7", "clerk")
    for locale, language in (
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
        (QLocale(QLocale.Language.Chinese, QLocale.Country.China), "zh_CN"),
    ):
        QLocale.setDefault(locale)
        dialog = make_dialog(qtbot, clock)
        attempt(qtbot, dialog, "clerk7", "Plum-Harbour-Lantern-42")
        assert dialog.session is not None and dialog.session.language == language
