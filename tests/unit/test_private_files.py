"""The files the program writes are private to the signed-in user on POSIX: created
0600 in 0700 folders (database, backups, log, settings); Windows relies on the profile's
ACLs (docs/rules.md#private-files)."""

from __future__ import annotations

import logging
import os
import stat
import sys

import pytest

from desktop_app.bootstrap import prepare_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_database_and_its_folder_are_private(tmp_path, loose_umask):
    path = tmp_path / "data" / "complaints.db"
    db, _info, _result = prepare_database(f"sqlite:///{path}")
    try:
        db.execute_sql("SELECT 1")
        assert mode(path.parent) == 0o700
        for file in path.parent.iterdir():
            # the host lock holds only a computer name; other PCs must read it on a share
            if file.is_file() and not file.name.endswith(".host-lock"):
                assert mode(file) == 0o600, file.name
    finally:
        db.close()


def test_backups_are_private(tmp_path, loose_umask):
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services import backup, users
    from desktop_app.services.session import Session
    from tests.helpers.fixtures import TEST_NOW, make_user

    path = tmp_path / "data" / "complaints.db"
    db, _info, _result = prepare_database(f"sqlite:///{path}")
    try:
        admin = make_user(Session.system(FixedClock(TEST_NOW)), "admin", "admin", departments=())
        result = backup.create_backup(admin)
        assert mode(result.path) == 0o600
        assert mode(result.path.parent) == 0o700
        assert users  # imported for the account
    finally:
        db.close()


def test_the_log_file_is_private(tmp_path, monkeypatch, loose_umask):
    from desktop_app import bootstrap

    monkeypatch.setenv("DESKTOP_APP_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    handlers = list(root.handlers)
    configured = getattr(root, "_desktop_app_configured", False)
    if configured:
        del root._desktop_app_configured
    try:
        path = bootstrap.setup_logging()
        logging.getLogger("test").info("a line")
        assert path is not None and mode(path) == 0o600
        assert mode(path.parent) == 0o700
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root._desktop_app_configured = configured


def test_private_helpers(tmp_path, loose_umask):
    from desktop_app.db import private_files

    folder = private_files.private_folder(tmp_path / "a" / "b")
    assert mode(folder) == 0o700
    file = folder / "x.txt"
    file.write_text("x")
    private_files.private_file(file)
    assert mode(file) == 0o600
