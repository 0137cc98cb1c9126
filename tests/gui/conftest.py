"""GUI test fixtures: per-user Qt settings kept in a temporary folder, a prepared SQLite
database, signed-in sessions per role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings, QStandardPaths

from desktop_app.bootstrap import prepare_database
from desktop_app.services.session import Session
from tests.helpers.fixtures import make_user


@pytest.fixture(autouse=True)
def _qt_user_settings(tmp_path):
    """QSettings and QStandardPaths never touch the real user's configuration; each test
    starts with empty per-user settings."""
    QStandardPaths.setTestModeEnabled(True)
    folder = str(tmp_path / "qt-settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)
    yield folder


@pytest.fixture(autouse=True)
def _restore_default_locale():
    """Tests may switch the UI language with QLocale.setDefault; put it back after."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def gui_db(sqlite_url):
    """A prepared SQLite database; yields its DatabaseInfo."""
    database, info, _result = prepare_database(sqlite_url)
    yield info
    database.close()


@pytest.fixture
def system(gui_db, clock) -> Session:
    return Session.system(clock)


@pytest.fixture
def manager(system) -> Session:
    return make_user(system, "manager1", "manager", departments=())


@pytest.fixture
def clerk(system) -> Session:
    return make_user(system, "clerk1", "clerk")
