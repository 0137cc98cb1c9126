"""The command line as an administrator uses it: exit codes and messages."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from desktop_app import __version__
from desktop_app.cli import main


def run(argv, stdin: str = "", monkeypatch=None, capsys=None):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_version_of_the_installed_command():
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"desktop-app {__version__}"


def test_init_user_demo_check(db_url, monkeypatch, capsys):
    base = ["--database", db_url]
    code, out, _ = run(
        base + ["init", "--admin", "admin", "--password-stdin"],
        "admin-pass-1\n",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "created administrator admin" in out
    code, out, _ = run(
        base
        + ["user", "add", "li.na", "--role", "clerk", "--department", "客服部", "--password-stdin"],
        "clerk-pass-1\n",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "created clerk li.na in customer_service" in out
    code, out, _ = run(base + ["demo", "--count", "60", "--seed", "3"], "", monkeypatch, capsys)
    assert code == 0 and "wrote 60 cases" in out
    code, out, _ = run(base + ["check"], "", monkeypatch, capsys)
    assert code == 0 and "all checks passed" in out
    code, out, _ = run(base + ["init"], "", monkeypatch, capsys)
    assert code == 0 and "up to date" in out


def test_bad_input_gives_clear_errors_and_nonzero_exit(sqlite_url, monkeypatch, capsys):
    base = ["--database", sqlite_url]
    code, _, err = run(
        base + ["user", "add", "x", "--role", "clerk", "--password-stdin"],
        "short\n",
        monkeypatch,
        capsys,
    )
    assert code == 2 and "at least 8 characters" in err and "field: password" in err
    code, _, err = run(
        base + ["user", "add", "x", "--role", "clerk", "--password-stdin"], "", monkeypatch, capsys
    )
    assert code == 2 and "no password on standard input" in err
    code, _, err = run(["--database", "mysql://nope/x", "check"], "", monkeypatch, capsys)
    assert code == 1 and "unsupported database URL" in err
    with pytest.raises(SystemExit) as info:
        main(base + ["user", "add", "x", "--role", "boss"])
    assert info.value.code == 2


def test_check_reports_a_broken_invariant(sqlite_url, monkeypatch, capsys):
    run(["--database", sqlite_url, "demo", "--count", "20"], "", monkeypatch, capsys)
    from desktop_app.db.models import Complaint

    # Damage one case the way a bad import might: closed but still flagged open.
    Complaint.update(is_open=True).where(
        Complaint.id == Complaint.select(Complaint.id).where(Complaint.stage == "closed").limit(1)
    ).execute()
    code, out, _ = run(["--database", sqlite_url, "check"], "", monkeypatch, capsys)
    assert code == 1
    assert "FAIL closed state consistent: 1 cases" in out
