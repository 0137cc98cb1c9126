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
        "Plum-Harbour-Lantern-42\n",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "created administrator admin" in out
    code, out, _ = run(
        base
        + ["user", "add", "li.na", "--role", "clerk", "--department", "客服部", "--password-stdin"],
        "Quiet-River-Stone-77\n",
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


def _user(name: str):
    from desktop_app.db.models import Department, User, UserDepartment

    user = User.get(User.username == name)
    codes = sorted(
        d.code for d in Department.select().join(UserDepartment).where(UserDepartment.user == user)
    )
    boss = User.get_by_id(user.supervisor_id).username if user.supervisor_id else None
    return user, codes, boss


def _audit(action: str, account: str) -> list[dict]:
    """The details of the audit entries ``action`` about ``account``, oldest first."""
    import json

    from desktop_app.db.models import AuditLog

    entries = AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id)
    details = [json.loads(entry.details) for entry in entries]
    return [d for d in details if account in (d.get("account"), d.get("username_created"))]


def test_user_add_senior_agent_and_user_set(sqlite_url, monkeypatch, capsys):
    base = ["--database", sqlite_url]

    def cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        return run(base + list(argv), stdin, monkeypatch, capsys)

    for name, role, extra in (
        ("manager1", "manager", []),
        ("super1", "supervisor", ["--supervisor", "manager1"]),
        ("super2", "supervisor", ["--supervisor", "manager1"]),
    ):
        code, _, err = cli(
            "user",
            "add",
            name,
            "--role",
            role,
            *extra,
            "--password-stdin",
            stdin="Plum-Harbour-Lantern-42\n",
        )
        assert code == 0, err
    code, out, _ = cli(
        "user",
        "add",
        "senior1",
        "--role",
        "clerk",
        "--department",
        "客服部",
        "--supervisor",
        "super1",
        "--senior-agent",
        "--password-stdin",
        stdin="Plum-Harbour-Lantern-42\n",
    )
    assert code == 0 and "created clerk senior1 in customer_service (senior agent)" in out
    user, codes, boss = _user("senior1")
    assert user.senior_agent and codes == ["customer_service"] and boss == "super1"
    assert _audit("user_create", "senior1")[0]["senior_agent"] is True
    code, out, _ = cli(
        "user",
        "add",
        "clerk1",
        "--role",
        "clerk",
        "--password-stdin",
        stdin="Plum-Harbour-Lantern-42\n",
    )
    assert code == 0 and "senior agent" not in out and not _user("clerk1")[0].senior_agent

    # Each option of user set, one at a time; the account line shows the result.
    code, out, _ = cli("user", "set", "clerk1", "--supervisor", "super2")
    assert code == 0 and "updated clerk clerk1:" in out and "supervisor super2" in out
    assert _user("clerk1")[2] == "super2"
    code, out, _ = cli("user", "set", "clerk1", "--senior-agent")
    assert code == 0 and "senior agent yes" in out and _user("clerk1")[0].senior_agent
    code, out, _ = cli("user", "set", "clerk1", "--no-senior-agent")
    assert code == 0 and "senior agent no" in out and not _user("clerk1")[0].senior_agent
    code, out, _ = cli("user", "set", "clerk1", "--department", "tech", "--department", "物流部")
    assert code == 0 and "departments tech,logistics" in out
    assert _user("clerk1")[1] == ["logistics", "tech"]
    code, out, _ = cli("user", "set", "clerk1", "--inactive")
    assert code == 0 and out.rstrip().endswith("inactive") and not _user("clerk1")[0].active
    code, out, _ = cli("user", "set", "clerk1", "--active")
    assert code == 0 and _user("clerk1")[0].active
    code, out, _ = cli("user", "set", "clerk1", "--no-supervisor")
    assert code == 0 and "supervisor -" in out and _user("clerk1")[2] is None
    cli("user", "set", "clerk1", "--supervisor", "super1")
    code, out, _ = cli("user", "set", "clerk1", "--supervisor", "", "--no-department")
    assert code == 0 and _user("clerk1")[1:] == ([], None)
    code, out, _ = cli("user", "list")
    assert "senior1\tclerk\tcustomer_service\tactive\tsuper1\tsenior agent" in out

    # Every change is in the audit log, with what changed.
    updates = _audit("user_update", "clerk1")
    assert [u.get("supervisor") for u in updates if "supervisor" in u] == [
        "super2",
        "",
        "super1",
        "",
    ]
    assert [u["senior_agent"] for u in updates if "senior_agent" in u] == [True, False]
    assert [u["departments"] for u in updates if "departments" in u] == [
        ["tech", "logistics"],
        [],
    ]
    assert len(_audit("user_disable", "clerk1")) == len(_audit("user_enable", "clerk1")) == 1

    # Clear errors naming the field; a refused change changes nothing.
    code, _, err = cli("user", "set", "clerk1", "--supervisor", "nobody")
    assert code == 2 and "Unknown supervisor 'nobody'" in err and "field: supervisor" in err
    code, _, err = cli("user", "set", "clerk1", "--supervisor", "senior1")
    assert code == 2 and "senior1 cannot be a supervisor" in err and "field: supervisor" in err
    code, _, err = cli("user", "set", "manager1", "--supervisor", "super1")
    assert code == 2 and "manager1 is above super1" in err and "field: supervisor" in err
    code, _, err = cli("user", "set", "super1", "--supervisor", "super1")
    assert code == 2 and "its own supervisor" in err
    code, _, err = cli("user", "set", "clerk1", "--department", "nowhere", "--senior-agent")
    assert code == 2 and "Unknown department 'nowhere'" in err and "field: department" in err
    assert not _user("clerk1")[0].senior_agent  # the whole command was refused
    cli("user", "set", "super2", "--inactive")
    code, _, err = cli("user", "set", "clerk1", "--supervisor", "super2")
    assert code == 2 and "super2 cannot be a supervisor" in err
    code, _, err = cli("user", "set", "clerk1")
    assert code == 2 and "nothing to change" in err
    code, _, err = cli("user", "set", "ghost", "--active")
    assert code == 1 and "No user named ghost" in err
    with pytest.raises(SystemExit) as info:
        main(base + ["user", "set", "clerk1", "--active", "--inactive"])
    assert info.value.code == 2


def test_user_set_is_for_administrators(system_session, clock):
    """The command line acts as the machine's administrator; the service it calls (the
    account dialog's too) refuses supervisors and clerks, and names and roles to managers
    (who keep their departments' hierarchy: docs/rules.md#roles-and-access)."""
    from desktop_app.services import users
    from desktop_app.services.errors import PermissionDenied
    from tests.helpers.fixtures import make_user

    manager = make_user(system_session, "manager1", "manager", departments=())
    make_user(system_session, "clerk1", "clerk")
    with pytest.raises(PermissionDenied):
        users.update_user(manager, "clerk1", role="supervisor")
    with pytest.raises(PermissionDenied):
        users.update_user(manager, "clerk1", display_name="改名")
    supervisor = make_user(system_session, "super1", "supervisor")
    with pytest.raises(PermissionDenied):
        users.update_user(supervisor, "clerk1", senior_agent=True)
    with pytest.raises(PermissionDenied):
        users.update_user(supervisor, "clerk1", active=False)
    assert not _user("clerk1")[0].senior_agent and _user("clerk1")[0].active
