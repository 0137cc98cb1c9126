"""First start: the first-run wizard, and the administrator account of an empty database.

``FirstRunWizard`` is shown when there is no database yet (no ``--database``, no
``DESKTOP_APP_DATABASE``, no remembered choice and no default file): language, where the
database lives (this computer, or a shared PostgreSQL server with a connection test), the
administrator's account and optional demo data. Finish sets it all up off the UI thread and
remembers the choice (``database/url`` in the program's QSettings; a PostgreSQL password
only when the user ticks "Remember password", else it is asked at each start). Cancel
creates nothing.

``FirstAdminDialog`` asks for the administrator of an existing database without one.

Modules: ``remembered`` (the database chosen on this computer, and the dialog asking for
its server's password), ``account`` (the administrator's account: the dialog and the
wizard's page), ``server`` (the wizard's page choosing where the database lives) and
``wizard`` (the wizard with its language and finish pages).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.ui.first_run.account import AdminPage, FirstAdminDialog
    from desktop_app.ui.first_run.remembered import (
        DATABASE_KEY,
        DatabasePasswordDialog,
        default_database_exists,
        forget_database,
        needs_password,
        remember_database,
        remembered_database,
        secure_settings_file,
        should_run_wizard,
    )
    from desktop_app.ui.first_run.server import DatabasePage
    from desktop_app.ui.first_run.wizard import DEMO_CASES, FinishPage, FirstRunWizard, LanguagePage

# Each name is imported from its module when first asked for: an ordinary start (a database
# already chosen) needs only ``remembered``, not the wizard's pages.
_MODULES = {
    "AdminPage": "account",
    "FirstAdminDialog": "account",
    "DATABASE_KEY": "remembered",
    "DatabasePasswordDialog": "remembered",
    "default_database_exists": "remembered",
    "forget_database": "remembered",
    "needs_password": "remembered",
    "remember_database": "remembered",
    "remembered_database": "remembered",
    "secure_settings_file": "remembered",
    "should_run_wizard": "remembered",
    "DatabasePage": "server",
    "DEMO_CASES": "wizard",
    "FinishPage": "wizard",
    "FirstRunWizard": "wizard",
    "LanguagePage": "wizard",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "DATABASE_KEY",
    "DEMO_CASES",
    "AdminPage",
    "DatabasePage",
    "DatabasePasswordDialog",
    "FinishPage",
    "FirstAdminDialog",
    "FirstRunWizard",
    "LanguagePage",
    "default_database_exists",
    "forget_database",
    "needs_password",
    "remember_database",
    "remembered_database",
    "secure_settings_file",
    "should_run_wizard",
]
