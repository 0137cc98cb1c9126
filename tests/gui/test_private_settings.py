"""Intake drafts live in the database (never a plain file), the old JSON drafts are moved
there and erased; the settings file is private; a remembered server password goes to the
OS keyring, never into the settings file (docs/rules.md#private-files)."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.connection import data_dir
from desktop_app.ui import first_run as first_run_module
from desktop_app.ui.first_run import DATABASE_KEY, remember_database, remembered_database
from tests.gui.test_intake import idle, open_page, type_text

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
URL = "postgresql://desk:S3cret-pw@db.example:5432/complaints"


def files_containing(folder: Path, text: str) -> list[Path]:
    found = []
    for path in folder.rglob("*") if folder.exists() else ():
        if path.is_file() and text.encode() in path.read_bytes():
            found.append(path)
    return found


def test_the_intake_draft_is_kept_in_the_database_not_a_file(qtbot, clerk, clock):
    from desktop_app.ui.intake.draft import DraftStore

    page = open_page(qtbot, clock)
    page.customer_name.setFocus()
    type_text("吴九")
    page.keep_draft()
    idle(qtbot, page)
    assert files_containing(data_dir(), "吴九") == []
    assert DraftStore(page.session).load()["customer_name"] == "吴九"


def test_an_old_json_draft_is_moved_into_the_database_and_erased(qtbot, clerk, clock, monkeypatch):
    from desktop_app.ui.intake.draft import draft_path

    old = draft_path("clerk1")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(
        json.dumps({"version": 1, "values": {"customer_name": "郑十"}}, ensure_ascii=False),
        encoding="utf-8",
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    page = open_page(qtbot, clock)
    qtbot.waitUntil(lambda: page.customer_name.text() == "郑十", timeout=5_000)
    assert not old.exists()
    assert files_containing(data_dir(), "郑十") == []
    idle(qtbot, page)


def settings_file_text() -> str:
    settings = QSettings()
    from desktop_app import APP_ID, ORG_NAME

    settings = QSettings(ORG_NAME, APP_ID)
    settings.sync()
    return Path(settings.fileName()).read_text(encoding="utf-8", errors="replace")


def test_a_remembered_server_password_goes_to_the_keyring(memory_keyring):
    remember_database(URL)
    assert "S3cret-pw" not in settings_file_text()
    assert list(memory_keyring.items.values()) == ["S3cret-pw"]
    assert remembered_database() == URL


def test_a_plain_password_in_the_settings_is_moved_to_the_keyring(memory_keyring):
    from desktop_app import APP_ID, ORG_NAME

    settings = QSettings(ORG_NAME, APP_ID)
    settings.setValue(DATABASE_KEY, URL)  # written by an older version
    settings.sync()
    assert remembered_database() == URL
    assert "S3cret-pw" not in settings_file_text()
    assert list(memory_keyring.items.values()) == ["S3cret-pw"]


def test_without_a_keyring_the_password_is_not_remembered(monkeypatch):
    import keyring
    from keyring.errors import NoKeyringError

    def refuse(*args):
        raise NoKeyringError("no backend")

    monkeypatch.setattr(keyring, "set_password", refuse)
    monkeypatch.setattr(keyring, "get_password", refuse)
    kept = remember_database(URL)
    assert "S3cret-pw" not in settings_file_text()
    assert kept is False
    remembered = remembered_database()
    assert remembered is not None and first_run_module.needs_password(remembered)


@posix
def test_the_settings_file_is_private(memory_keyring):
    remember_database("sqlite:////tmp/x.db")
    from desktop_app import APP_ID, ORG_NAME

    path = Path(QSettings(ORG_NAME, APP_ID).fileName())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
