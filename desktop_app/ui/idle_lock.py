"""Idle auto-lock: after a while without keyboard or mouse activity in any window of the
program, the windows are concealed and the signed-in user types their password again.

Nothing is closed or rebuilt while locked: ordinary windows (the main window, case
windows, floating panels) are hidden and shown again as they were; dialogs are covered
instead of hidden, because hiding a dialog ends its ``exec()`` (a question would return as
if it had been cancelled). Unsaved typing therefore survives the lock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.services import auth
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.forms import message_label, password_edit, plain_key, tab_order
from desktop_app.ui.i18n import message_text, service_message
from desktop_app.ui.pages import after_first_paint
from desktop_app.ui.resources import icon

log = logging.getLogger(__name__)

IDLE_SETTING = "security.idle_lock_minutes"
DEFAULT_CHECK_MS = 5_000

# What counts as someone using the program.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
# Top-level widgets that carry no case data of their own and come and go by themselves.
_TRANSIENT_TYPES = frozenset(
    {Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen}
)


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


class _Cover(QWidget):
    """An opaque sheet over a dialog's contents while the program is locked."""

    def __init__(self, dialog: QWidget):
        super().__init__(dialog)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation, True)
        self.setGeometry(dialog.rect())
        dialog.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False


class LockDialog(QDialog):
    """The lock: who is signed in, why the program is locked, the password.

    ``unlocked`` after the right password (``auth.unlock``); ``sign_out_requested`` from
    "Sign out" or when the dialog is closed. Esc only clears the password, so a stray Esc
    does not sign anybody out.
    """

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("{app} — locked").format(app=message_text(APP_NAME)))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(380)

        self.user_label = QLabel(
            self.tr("Signed in: {name} ({user})").format(
                name=session.display_name, user=session.username
            )
        )
        self.user_label.setObjectName("lock_user")
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setWordWrap(True)
        self.password = password_edit("unlock_password")
        self.error = message_label("unlock_error")

        form = QFormLayout()
        label = QLabel(self.tr("&Password:"))
        label.setBuddy(self.password)
        form.addRow(label, self.password)

        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.sign_out_button = buttons.addButton(
            self.tr("&Sign out"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.sign_out_button.setObjectName("lock_sign_out_button")
        self.sign_out_button.setIcon(icon("sign_out"))
        self.sign_out_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.user_label)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        tab_order(self.password, self.unlock_button, self.sign_out_button)

    def set_reason(self, minutes: float | None) -> None:
        """``minutes`` of inactivity, or None when the user locked the program."""
        if minutes is None:
            text = self.tr(
                "The program was locked at your request. Type your password to "
                "continue where you left off."
            )
        else:
            n = max(1, round(minutes))
            if n == 1:
                text = self.tr(
                    "The program was locked after 1 minute without activity. "
                    "Type your password to continue where you left off."
                )
            else:
                text = self.tr(
                    "The program was locked after {n} minutes without activity. "
                    "Type your password to continue where you left off."
                ).format(n=n)
        self.message.setText(text)

    def reset(self) -> None:
        self.password.clear()
        self.error.clear()
        self.error.hide()
        self.password.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        self.password.setFocus()

    def try_unlock(self) -> bool:
        """Check the typed password; emits ``unlocked`` when it is right."""
        try:
            auth.unlock(self.session, self.password.text())
        except ServiceError as exc:
            log.info("unlock refused for %s: %s", self.session.username, exc.message)
            self.show_error(service_message(exc))
            return False
        self.password.clear()
        self.error.hide()
        self.unlocked.emit()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if plain_key(event, Qt.Key.Key_Escape):
            self.password.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Sign out (the button, or the window's close button)."""
        self.sign_out_requested.emit()

    def accept(self) -> None:
        self.try_unlock()


class IdleLock(QObject):
    """Locks the program after ``minutes`` without activity (None: the setting
    ``security.idle_lock_minutes``, read at start and again after each unlock).

    ``clock`` returns seconds (monotonic) and ``check_ms`` is how often idleness is
    checked: tests inject both. Emits ``locked``, ``unlocked`` and ``sign_out_requested``
    (from the lock's "Sign out"). The owner calls ``stop()`` when the session ends; when
    ``sign_out_requested`` returns and ``stop()`` was not called (the sign-out was
    cancelled), the program stays locked.
    """

    locked = Signal()
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        session: Session,
        parent_window: QWidget,
        *,
        minutes: float | None = None,
        check_ms: int = DEFAULT_CHECK_MS,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(parent_window)
        self.session = session
        self.parent_window = parent_window
        self.clock = clock
        self._fixed_minutes = minutes
        self.minutes = self._read_minutes(10.0)
        self.last_activity = clock()
        self._locked = False
        self._stopped = False
        self._hidden: list[QWidget] = []
        self._covers: list[_Cover] = []
        self._active_window: QWidget | None = None
        self._focus_widget: QWidget | None = None
        # Set by install_session_guards.
        self.change_password_action: QAction | None = None
        self.lock_action: QAction | None = None
        self.change_password_dialog: QDialog | None = None

        # A window of its own, not owned by the (hidden) main window: on Windows an owned
        # window has no taskbar button, and the locked program could not be found again.
        self.dialog = LockDialog(session)
        self.dialog.unlocked.connect(self._unlocked)
        self.dialog.sign_out_requested.connect(self._sign_out)
        self.destroyed.connect(self.dialog.deleteLater)
        # Without its dialog there is nothing left to lock with.
        self.dialog.destroyed.connect(self.stop)

        self.timer = QTimer(self)
        self.timer.setObjectName("idle_lock_timer")
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        # Activity is watched through every event of the program: a filter in Python costs
        # about 30 ms of a main window's first showing, so it starts once the window is on
        # screen (docs/rules.md#start-up); the idle time counts from now all the same.
        self._watching = False
        if parent_window.isVisible():
            self._watch_activity()
        else:
            after_first_paint(parent_window, self._watch_activity)
        self.timer.start()

    def _watch_activity(self) -> None:
        """Start watching the program's events (once; not after ``stop``)."""
        if self._watching or self._stopped:
            return
        self._watching = True
        QApplication.instance().installEventFilter(self)

    # --- state --------------------------------------------------------------------------

    def is_locked(self) -> bool:
        return self._locked

    def hidden_windows(self) -> list[QWidget]:
        """The windows hidden by the current lock."""
        return [w for w in self._hidden if _alive(w)]

    def _read_minutes(self, fallback: float) -> float:
        if self._fixed_minutes is not None:
            return float(self._fixed_minutes)
        try:
            return float(settings_service.get(IDLE_SETTING))
        except Exception as exc:  # noqa: BLE001 - the database may be gone for a moment
            log.warning(
                "idle lock: cannot read %s (%s); keeping %s minutes", IDLE_SETTING, exc, fallback
            )
            return fallback

    # --- activity -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in _ACTIVITY:
            if not self._locked:
                self.last_activity = self.clock()
        elif (
            kind == QEvent.Type.Show
            and self._locked
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and self._concealable(watched)
        ):
            # A window that appears while locked (a late dialog, a new case window):
            # conceal it as soon as its show has finished.
            QTimer.singleShot(0, lambda w=watched: self._conceal_late(w))
        return False

    def check(self) -> bool:
        """Lock when the idle time has passed; True when it locked now."""
        if self._locked or self._stopped:
            return False
        if self.clock() - self.last_activity >= self.minutes * 60:
            self._lock(self.minutes)
            return True
        return False

    # --- locking ------------------------------------------------------------------------

    def lock_now(self) -> None:
        """Lock at once (the "Lock" action)."""
        if self._stopped:
            return
        if self._locked:
            self._present()
            return
        self._lock(None)

    def _concealable(self, widget: QWidget) -> bool:
        if widget is self.dialog or self.dialog.isAncestorOf(widget):
            return False
        return widget.windowType() not in _TRANSIENT_TYPES

    def _lock(self, minutes: float | None) -> None:
        log.info(
            "locking the program for %s (%s)",
            self.session.username,
            "idle" if minutes is not None else "on request",
        )
        self._watch_activity()  # locked before the window's first paint: late windows
        self._locked = True
        app = QApplication.instance()
        self._active_window = app.activeWindow()
        self._focus_widget = app.focusWidget()
        for _ in range(20):  # open menus and completer lists
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        # Listed before anything is hidden: hiding a window may hide its child windows.
        visible = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and self._concealable(w)
        ]
        for widget in visible:
            self._conceal(widget)
        self.dialog.set_reason(minutes)
        self._present()
        self.locked.emit()

    def _conceal(self, widget: QWidget) -> None:
        if isinstance(widget, QDialog) or widget.isModal():
            # Hiding would end a running exec(): cover the contents instead.
            if not any(_alive(c) and c.parentWidget() is widget for c in self._covers):
                self._covers.append(_Cover(widget))
        else:
            self._hidden.append(widget)
            widget.hide()

    def _conceal_late(self, widget: QWidget) -> None:
        if (
            self._locked
            and not self._stopped
            and _alive(widget)
            and widget.isVisible()
            and widget.isWindow()
        ):
            self._conceal(widget)
            self._present(reset=False)  # the user may be typing the password

    def _present(self, *, reset: bool = True) -> None:
        if reset:
            self.dialog.reset()
        if not self.dialog.isVisible() and _alive(self.parent_window):
            # Where the main window was.
            self.dialog.adjustSize()
            area = self.parent_window.frameGeometry()
            frame = self.dialog.frameGeometry()
            frame.moveCenter(area.center())
            self.dialog.move(frame.topLeft())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.password.setFocus()

    def _unlocked(self) -> None:
        log.info("%s unlocked the program", self.session.username)
        for widget in self._hidden:
            if _alive(widget):
                widget.setVisible(True)
        for cover in self._covers:
            if _alive(cover):
                cover.hide()
                cover.deleteLater()
        self._hidden.clear()
        self._covers.clear()
        self.dialog.hide()
        self._locked = False
        active, focus = self._active_window, self._focus_widget
        self._active_window = self._focus_widget = None
        if _alive(active) and active.isVisible():
            active.raise_()
            active.activateWindow()
        if _alive(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        # A manager may have changed the idle time meanwhile.
        self.minutes = self._read_minutes(self.minutes)
        self.last_activity = self.clock()
        self.unlocked.emit()

    def _sign_out(self) -> None:
        log.info("%s signs out from the lock", self.session.username)
        self.dialog.hide()
        self.sign_out_requested.emit()
        if not self._stopped and self._locked:
            # Nobody ended the session (e.g. the sign-out was cancelled): stay locked.
            self._present()

    def stop(self) -> None:
        """No more locking (the session ended). A lock in place is taken down without
        showing the concealed windows again: they belong to the ended session."""
        if self._stopped:
            return
        self._stopped = True
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if _alive(self.dialog):
            self.dialog.hide()
        self._locked = False
        self._hidden.clear()
        self._covers.clear()


def install_session_guards(main_window: QMainWindow) -> IdleLock:
    """Wire the idle lock and the own-password change into the main window: an "Account"
    menu (before "Help") with "Change password…" and "Lock" (Ctrl+L); the lock's "Sign out"
    runs ``main_window.sign_out()``; the lock stops when the window signs out or closes.

    Uses the window's ``session``, ``sign_out()``, ``menuBar()`` and, when present, its
    ``signed_out`` / ``closed`` signals and ``show_status_message(text)``.
    """
    from desktop_app.ui.password_dialog import ChangePasswordDialog

    session: Session = main_window.session
    guard = IdleLock(session, main_window)
    guard.setObjectName("idle_lock")
    guard.sign_out_requested.connect(main_window.sign_out)
    for name in ("signed_out", "closed"):
        signal = getattr(main_window, name, None)
        if signal is not None:
            signal.connect(guard.stop)

    change_action = QAction(
        QCoreApplication.translate("AccountMenu", "&Change password…"), main_window
    )
    change_action.setObjectName("change_password_action")
    change_action.setIcon(icon("password"))
    lock_action = QAction(QCoreApplication.translate("AccountMenu", "&Lock"), main_window)
    lock_action.setObjectName("lock_action")
    lock_action.setIcon(icon("lock"))
    lock_action.setShortcut(QKeySequence("Ctrl+L"))
    lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    lock_action.triggered.connect(guard.lock_now)

    def change_password() -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(session, main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def changed() -> None:
            text = QCoreApplication.translate("AccountMenu", "Password changed.")
            show = getattr(main_window, "show_status_message", None)
            if show is not None:
                show(text)
            else:
                main_window.statusBar().showMessage(text, 30_000)

        dialog.accepted.connect(changed)
        dialog.open()
        guard.change_password_dialog = dialog
        return dialog

    change_action.triggered.connect(lambda _checked=False: change_password())
    menu_bar = main_window.menuBar()
    menu = QMenu(QCoreApplication.translate("AccountMenu", "&Account"), menu_bar)
    menu.setObjectName("account_menu")
    menu.addAction(change_action)
    menu.addAction(lock_action)
    help_menu = menu_bar.findChild(QMenu, "help_menu")
    if help_menu is not None:
        menu_bar.insertMenu(help_menu.menuAction(), menu)
    else:
        menu_bar.addMenu(menu)
    main_window.addAction(lock_action)
    guard.change_password_action = change_action
    guard.lock_action = lock_action
    return guard


__all__ = ["IdleLock", "LockDialog", "install_session_guards"]
