"""The hidden ``desktop-app self-test`` command that the packaged program's smoke run uses."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from desktop_app import APP_NAME
from desktop_app.cli import main
from desktop_app.ui import resources


def test_self_test_passes_from_source_and_leaves_no_translator(qapp, capsys):
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert "FAILED" not in out
    assert "ok      zh_CN translation" in out and "ok      icons" in out
    assert out.rstrip().endswith("self-test passed")
    # The Chinese catalogue it installed is removed again.
    assert QCoreApplication.translate("Startup", APP_NAME) == APP_NAME


def test_self_test_fails_without_resources(qapp, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "RESOURCES_DIR", tmp_path / "resources")
    assert main(["self-test"]) == 1
    out = capsys.readouterr().out
    assert "FAILED  zh_CN translation" in out
    assert "FAILED  icons" in out and "FAILED  style sheet" in out
    assert "self-test FAILED: 3 of" in out


def test_self_test_is_not_in_the_help(capsys):
    try:
        main(["--help"])
    except SystemExit:
        pass
    assert "self-test" not in capsys.readouterr().out


def test_self_test_passes_without_the_postgres_extra(qapp, capsys, monkeypatch):
    """A plain ``pip install desktop-app`` (no ``[postgres]``) works on SQLite: the missing
    driver is noted, not a failure (a frozen build must have it)."""
    for name in ("psycopg2", "psycopg2.extras"):
        monkeypatch.setitem(sys.modules, name, None)  # import raises ModuleNotFoundError
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert "without the postgres extra: pip install 'desktop-app[postgres]'" in out
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert main(["self-test"]) == 1
    assert "FAILED  imports: cannot import psycopg2" in capsys.readouterr().out
