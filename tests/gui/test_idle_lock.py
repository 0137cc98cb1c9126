"""The idle lock: after the idle time the windows disappear behind a password; unlocking
brings back the same windows with everything typed in them. The idle clock is injected
(minutes pass by assignment) and the check runs every few milliseconds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import auth
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import AuthenticationError
from desktop_app.ui.case.window import CaseWindow
from desktop_app.ui.idle_lock import IdleLock, LockDialog
from desktop_app.ui.main_window import MainWindow

PASSWORD = "Plum-Harbour-Lantern-42"  # make_user's default, used by the clerk fixture


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


_GUARDS: list[IdleLock] = []


@pytest.fixture(autouse=True)
def _stop_guards():
    """A guard outliving its test would keep watching the next test's windows."""
    yield
    import shiboken6

    while _GUARDS:
        guard = _GUARDS.pop()
        if shiboken6.isValid(guard):
            guard.stop()


def tracked(guard: IdleLock) -> IdleLock:
    _GUARDS.append(guard)
    return guard


class IdleClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self):
        self.seconds = 5_000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, minutes: float) -> None:
        self.seconds += minutes * 60


def make_window(qtbot, session, info) -> MainWindow:
    window = MainWindow(session, info, offer_drafts=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def make_guard(qtbot, session, window, idle_clock, minutes=10) -> IdleLock:
    guard = tracked(IdleLock(session, window, minutes=minutes, check_ms=5, clock=idle_clock))
    qtbot.addWidget(guard.dialog)
    return guard


def type_text(text: str, widget: QWidget) -> None:
    """Type any text (Chinese too), one key event per character."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def lock_dialog() -> LockDialog | None:
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "lock_dialog" and w.isVisible()
    ]
    assert len(shown) <= 1
    return shown[0] if shown else None


def lock_texts(dialog: QWidget) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def unlock_with(qtbot, dialog: QWidget, password: str) -> None:
    field = dialog.findChild(QLineEdit, "unlock_password")
    qtbot.waitUntil(field.hasFocus)  # the lock puts the cursor in the password field
    qtbot.keyClicks(field, password)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter presses the default "Unlock"


def visible_windows() -> set[QWidget]:
    return {
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
    }


def test_idle_time_locks_and_the_password_brings_back_the_same_windows_and_typing(
    qtbot, system, clerk, gui_db, clock
):
    from tests.helpers.cases import make_case

    case = make_case(at=clock.now(), owner="clerk1")
    window = make_window(qtbot, clerk, gui_db)
    intake = window.show_section("intake")
    type_text("王小明", intake.findChild(QLineEdit, "customer_name"))
    type_text("手机屏幕碎了，要求换货。", intake.findChild(QPlainTextEdit, "description"))
    case_window = window.open_case(case.id)
    qtbot.waitUntil(lambda: not case_window.busy(), timeout=10_000)
    type_text("已联系客户，安排上门检测", case_window.findChild(QPlainTextEdit, "result"))
    before = visible_windows()
    assert {window, case_window} <= before
    typed_focus = QApplication.focusWidget()

    idle = IdleClock()
    guard = make_guard(qtbot, clerk, window, idle)
    idle.advance(9.9)
    assert not guard.check() and lock_dialog() is None
    idle.advance(0.2)
    with qtbot.waitSignal(guard.locked, timeout=2_000):
        pass  # the check timer notices

    dialog = lock_dialog()
    assert dialog is not None and dialog.isModal()
    assert QApplication.activeModalWidget() is dialog
    assert visible_windows() == {dialog}  # nothing else shows case data
    offset = dialog.frameGeometry().center() - window.frameGeometry().center()
    assert offset.manhattanLength() <= 4  # where the main window was
    text = lock_texts(dialog)
    assert "clerk1" in text and "10 minutes" in text
    assert dialog.findChild(QLineEdit, "unlock_password").echoMode() == QLineEdit.EchoMode.Password

    with qtbot.waitSignal(guard.unlocked):
        unlock_with(qtbot, dialog, PASSWORD)
    assert lock_dialog() is None
    assert visible_windows() == before
    assert window.findChild(CaseWindow) is case_window  # the same window, not a new one
    assert window.current_section() == "intake"
    assert intake.findChild(QLineEdit, "customer_name").text() == "王小明"
    assert (
        intake.findChild(QPlainTextEdit, "description").toPlainText() == "手机屏幕碎了，要求换货。"
    )
    assert (
        case_window.findChild(QPlainTextEdit, "result").toPlainText() == "已联系客户，安排上门检测"
    )
    assert case_window.has_typed_work() and intake.has_typed_work()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is typed_focus)

    # The idle time counts again from the unlock.
    idle.advance(5)
    assert not guard.check()
    idle.advance(5.1)
    assert guard.check() and lock_dialog() is not None
    case_window.close()


def test_wrong_password_stays_locked_with_the_message_and_an_empty_field(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    guard = make_guard(qtbot, clerk, window, IdleClock())
    guard.lock_now()
    dialog = lock_dialog()
    with qtbot.assertNotEmitted(guard.unlocked):
        unlock_with(qtbot, dialog, "not-my-password")
    field = dialog.findChild(QLineEdit, "unlock_password")
    error = dialog.findChild(QLabel, "unlock_error")
    assert error.isVisible() and error.text() == "Wrong user name or password."
    assert field.text() == "" and field.hasFocus()
    assert lock_dialog() is dialog and not window.isVisible() and guard.is_locked()
    # The right one still works afterwards.
    with qtbot.waitSignal(guard.unlocked):
        unlock_with(qtbot, dialog, PASSWORD)
    assert window.isVisible()


def test_repeated_wrong_passwords_give_the_lockout_which_even_the_right_one_cannot_pass(
    qtbot, system, clerk, gui_db
):
    settings_service.change_setting(system, "security.lockout_attempts", 3)
    window = make_window(qtbot, clerk, gui_db)
    guard = make_guard(qtbot, clerk, window, IdleClock())
    guard.lock_now()
    dialog = lock_dialog()
    error = dialog.findChild(QLabel, "unlock_error")
    messages = []
    for _ in range(3):
        unlock_with(qtbot, dialog, "guess")
        messages.append(error.text())
    assert messages[:2] == ["Wrong user name or password."] * 2
    assert messages[2].startswith("Too many failed sign-ins") and "10:15" in messages[2]
    with qtbot.assertNotEmitted(guard.unlocked):
        unlock_with(qtbot, dialog, PASSWORD)
    assert error.text().startswith("Too many failed sign-ins")
    assert guard.is_locked() and not window.isVisible()
    with pytest.raises(AuthenticationError):  # the same lockout as the sign-in window
        auth.sign_in("clerk1", PASSWORD, clock=clerk.clock)


def test_activity_in_any_window_postpones_the_lock(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    other = QWidget()
    qtbot.addWidget(other)
    other.setWindowTitle("another window")
    field = QLineEdit(other)
    QVBoxLayout(other).addWidget(field)
    other.show()
    qtbot.waitExposed(other)
    idle = IdleClock()
    guard = make_guard(qtbot, clerk, window, idle)

    idle.advance(9)
    qtbot.keyClicks(field, "abc")  # typing in another window of the program
    idle.advance(6)  # 15 minutes after the start, 6 after the typing
    assert not guard.check()
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton)
    idle.advance(9.9)
    assert not guard.check()
    qtbot.wait(20)  # the check timer runs a few times and does not lock either
    assert not guard.is_locked() and window.isVisible() and other.isVisible()
    idle.advance(0.2)
    with qtbot.waitSignal(guard.locked, timeout=2_000):
        pass
    assert not other.isVisible() and not window.isVisible()
    assert field.text() == "abc"


def test_a_running_message_box_survives_the_lock_under_it(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    idle = IdleClock()
    guard = make_guard(qtbot, clerk, window, idle)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Discard?",
        "Discard the typed entry?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    seen: dict[str, object] = {}

    def while_the_box_runs() -> None:
        try:
            seen["box before"] = box.isVisible()
            idle.advance(11)
            qtbot.waitUntil(guard.is_locked, timeout=2_000)
            dialog = lock_dialog()
            seen["on top"] = QApplication.activeModalWidget() is dialog
            seen["box while locked"] = box.isVisible()
            cover = box.findChild(QWidget, "lock_cover")
            seen["covered"] = (
                cover is not None and cover.isVisible() and (cover.geometry() == box.rect())
            )
            seen["window while locked"] = window.isVisible()
            unlock_with(qtbot, dialog, PASSWORD)
            seen["unlocked"] = not guard.is_locked() and lock_dialog() is None
            seen["box after"] = box.isVisible()
            seen["cover after"] = any(
                c.isVisible() for c in box.findChildren(QWidget, "lock_cover")
            )
            seen["modal after"] = QApplication.activeModalWidget() is box
        finally:
            box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, while_the_box_runs)
    answer = box.exec()
    assert seen == {
        "box before": True,
        "on top": True,
        "box while locked": True,
        "covered": True,
        "window while locked": False,
        "unlocked": True,
        "box after": True,
        "cover after": False,
        "modal after": True,
    }
    assert answer == QMessageBox.StandardButton.Yes  # the question got the user's answer
    assert window.isVisible()


def test_a_window_that_opens_while_locked_is_hidden_until_the_unlock(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    guard = make_guard(qtbot, clerk, window, IdleClock())
    guard.lock_now()
    late = QWidget()
    qtbot.addWidget(late)
    late.show()
    qtbot.waitUntil(lambda: not late.isVisible())
    assert lock_dialog() is not None
    unlock_with(qtbot, lock_dialog(), PASSWORD)
    assert late.isVisible() and window.isVisible()


def test_sign_out_from_the_lock_emits_and_stays_locked_until_the_session_ends(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    guard = make_guard(qtbot, clerk, window, IdleClock())
    guard.lock_now()
    dialog = lock_dialog()
    # Nobody ends the session (e.g. the sign-out was cancelled): still locked.
    with qtbot.waitSignal(guard.sign_out_requested), qtbot.assertNotEmitted(guard.unlocked):
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "lock_sign_out_button"), Qt.MouseButton.LeftButton
        )
    assert lock_dialog() is dialog and guard.is_locked() and not window.isVisible()
    # Esc does not sign out; it clears the password.
    field = dialog.findChild(QLineEdit, "unlock_password")
    qtbot.keyClicks(field, "abc")
    with qtbot.assertNotEmitted(guard.sign_out_requested):
        qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "" and lock_dialog() is dialog
    # Closing the lock window signs out; the owner ends the session with stop().
    guard.sign_out_requested.connect(guard.stop)
    with qtbot.waitSignal(guard.sign_out_requested):
        dialog.close()
    assert lock_dialog() is None and not guard.is_locked()
    guard.lock_now()  # stopped: no more locks
    assert lock_dialog() is None


def test_lock_now_locks_at_once(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    guard = make_guard(qtbot, clerk, window, IdleClock(), minutes=480)
    with qtbot.waitSignal(guard.locked):
        guard.lock_now()
    dialog = lock_dialog()
    assert "at your request" in lock_texts(dialog) and "clerk1" in lock_texts(dialog)
    assert not window.isVisible()


def test_installed_guards_lock_with_ctrl_l_and_sign_out_through_the_window(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    guard = tracked(window.session_guards)  # installed by the main window itself
    qtbot.addWidget(guard.dialog)
    assert guard.minutes == 10  # the setting's default
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Go", "View", "Account", "Help"]
    account = window.menuBar().findChild(QMenu, "account_menu")
    assert [a.objectName() for a in account.actions()] == ["change_password_action", "lock_action"]
    with qtbot.waitSignal(guard.locked):
        QTest.keySequence(window, QKeySequence("Ctrl+L"))
    dialog = lock_dialog()
    assert dialog is not None and not window.isVisible()
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "lock_sign_out_button"), Qt.MouseButton.LeftButton
        )
    assert lock_dialog() is None and not window.isVisible() and not guard.is_locked()


def test_the_idle_time_setting_is_read_again_after_an_unlock(qtbot, system, clerk, gui_db):
    settings_service.change_setting(system, "security.idle_lock_minutes", 3)
    window = make_window(qtbot, clerk, gui_db)
    idle = IdleClock()
    guard = tracked(IdleLock(clerk, window, check_ms=5, clock=idle))
    qtbot.addWidget(guard.dialog)
    idle.advance(3)
    assert guard.check()
    assert "3 minutes" in lock_texts(lock_dialog())
    settings_service.change_setting(system, "security.idle_lock_minutes", 20)
    unlock_with(qtbot, lock_dialog(), PASSWORD)
    idle.advance(19)
    assert not guard.check()
    idle.advance(1)
    assert guard.check()
    assert "20 minutes" in lock_texts(lock_dialog())


def test_the_main_windows_lock_watches_activity_once_the_window_is_on_screen(qtbot, clerk, gui_db):
    """docs/rules.md#start-up: the watch over every event of the program starts after the
    main window's first paint (not while it is first shown); typing then postpones the lock
    as always, and the idle time counts from the window's start."""
    window = MainWindow(clerk, gui_db, offer_drafts=False)
    qtbot.addWidget(window)
    guard = tracked(window.session_guards)
    idle = IdleClock()
    guard.clock, guard.last_activity, guard.minutes = idle, idle(), 10
    assert not guard._watching  # nothing watched while the window is being built
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: guard._watching, timeout=2_000)
    idle.advance(9)
    qtbot.keyClicks(window.intake_page.customer_name, "ab")
    idle.advance(6)  # 15 minutes after the start, 6 after the typing
    assert not guard.check() and window.isVisible()
    idle.advance(4.1)
    assert guard.check()
    assert guard.is_locked() and not window.isVisible()
