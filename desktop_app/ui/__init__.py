"""The Qt user interface. Only this package imports Qt widgets.

``open_window(kind, *, database, user)`` (docs/rules.md#window-automation) opens a window already
signed in, for tests and automation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

WINDOW_KINDS = ("main", "intake", "tracker", "survey", "reports", "settings")


def open_window(kind: str, *, database: str, user: str) -> MainWindow:
    """Open the window for ``kind`` over the database URL ``database``, signed in as the
    existing active account ``user`` (no password: this is for tests and automation on
    this machine). Needs a QApplication; one is created when none exists. Returns the
    shown window; raises ValueError for an unknown kind and ``NotFound`` for an unknown
    user."""
    from desktop_app.bootstrap import prepare_database
    from desktop_app.services import auth
    from desktop_app.ui.app import application
    from desktop_app.ui.main_window import MainWindow

    if kind not in WINDOW_KINDS:
        raise ValueError(f"unknown window kind {kind!r}; use one of {', '.join(WINDOW_KINDS)}")
    application()
    _db, info, _result = prepare_database(database)
    session = auth.session_for_username(user)
    # No "restore the unsaved draft?" question: nobody may be there to answer it.
    window = MainWindow(session, info, offer_drafts=False)
    window.show_section(kind)
    window.show()
    return window


__all__ = ["open_window", "WINDOW_KINDS"]
