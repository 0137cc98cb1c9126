"""Timing the start-up from outside (``python -m bench startup``, ``scripts/build``).

With ``DESKTOP_APP_STARTUP_PROBE=login`` the program prints one line
``startup-probe {"window": "login", "shown_at": <time.time()>}`` as soon as the sign-in
window has been painted for the first time, then exits. With
``DESKTOP_APP_STARTUP_PROBE=main`` it reads a user name and a password (two lines) from its
standard input, signs in with them through the sign-in window as a user would, prints the
same line for the main window's first paint and exits. The caller subtracts its own
``time.time()`` taken just before starting the process. Unset (always, for users), nothing
here runs.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV_PROBE = "DESKTOP_APP_STARTUP_PROBE"


def wanted() -> str:
    """``login``, ``main`` or "" (no probe)."""
    return os.environ.get(ENV_PROBE, "")


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, name: str):
        super().__init__(widget)
        self.name = name
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            # After the paint event is handled: the window is on screen.
            QTimer.singleShot(0, self.report)
            watched.removeEventFilter(self)
        return False

    def report(self) -> None:
        line = json.dumps({"window": self.name, "shown_at": time.time()})
        print(f"startup-probe {line}", flush=True)
        sys.stderr.flush()
        os._exit(0)  # the measurement is taken; nothing of the session to keep


def watch_login(dialog) -> None:
    """Called with the sign-in window before it is shown."""
    probe = wanted()
    if probe == "login":
        _FirstPaint(dialog, "login")
    elif probe == "main":
        username = sys.stdin.readline().strip()
        password = sys.stdin.readline().rstrip("\n")
        dialog.username.setText(username)
        dialog.password.setText(password)
        QTimer.singleShot(0, dialog.try_sign_in)


def watch_main(window: QWidget) -> None:
    """Called with the main window before it is shown."""
    if wanted() == "main":
        _FirstPaint(window, "main")
