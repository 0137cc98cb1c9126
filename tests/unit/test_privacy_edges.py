"""Privacy from a clerk's seat and at the edges (issue 17, docs/rules.md#masking,
docs/rules.md#roles-and-access): each finding of the issue as a user would reproduce it.

- intake look-ups and the picked customer stay within the case scope; a customer outside
  it comes only on an exact full number, masked;
- the tracker's text search does not recover masked digits;
- every list that shows full contacts (survey queue, tracker page, open queue) and the
  survey form write an audit entry, once per page with the case numbers;
- the audit-log triggers come back after a restore and a migration; ``check`` says
  whether the program connects as the owner of the audit log;
- only managers export unmasked; the background services check the role.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from desktop_app.bootstrap import prepare_database
from desktop_app.db import guards, migrations
from desktop_app.db.models import AuditLog, Complaint, Reminder, database_proxy
from desktop_app.domain.clock import FixedClock
from desktop_app.services import (
    backup,
    check,
    exchange_export,
    intake,
    queue,
    reminders,
    report_workbook,
    surveys,
    tracker,
)
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

PHONE = "13812345678"  # make_case's customer


@pytest.fixture
def people(system_session, clerk_session, supervisor_session):
    """clerk1 owns the case (customer service); clerk2 is a colleague of the same department
    (sees the contact masked); clerk3 works in logistics (does not see the case)."""
    return {
        "owner": clerk_session,
        "colleague": make_user(system_session, "clerk2", "clerk", supervisor="super1"),
        "outsider": make_user(system_session, "clerk3", "clerk", departments=("logistics",)),
        "supervisor": supervisor_session,
        "manager": make_user(system_session, "manager1", "manager", departments=()),
        "admin": make_user(system_session, "admin1", "admin", departments=()),
    }


def _unmasked_entries() -> list[AuditLog]:
    return list(
        AuditLog.select().where(AuditLog.action == "contact_unmasked").order_by(AuditLog.id)
    )


def _closed(case: Complaint, now: dt.datetime) -> Complaint:
    case.stage, case.is_open, case.outcome = "closed", False, "resolved"
    case.closed_at = now - dt.timedelta(days=1, hours=1)
    case.survey_due = case.closed_at + dt.timedelta(hours=48)
    case.next_due = None
    case.save()
    return case


# --- 1. need-to-know --------------------------------------------------------------------


def test_customer_for_intake_does_not_dump_customers_outside_the_scope(people, clock):
    case = make_case(at=clock.now() - dt.timedelta(hours=2), owner="clerk1")
    case.customer.id_number = "110101199003071234"
    case.customer.save()
    outsider = people["outsider"]
    # By id alone (looping over ids): refused.
    with pytest.raises(PermissionDenied):
        intake.customer_for_intake(outsider, case.customer_id)
    # Found by the exact full phone the clerk typed: masked, and none of the other cases.
    details = intake.customer_for_intake(outsider, case.customer_id, matched=PHONE)
    assert details.contact == "138****5678" and details.contact_masked
    assert details.id_number == "110***********1234"
    assert details.past_cases == ()
    # The owner sees them in full, and that showing is audited.
    mine = intake.customer_for_intake(people["owner"], case.customer_id)
    assert mine.contact == PHONE and not mine.contact_masked
    entry = _unmasked_entries()[-1]
    assert entry.entity == "customer" and entry.entity_id == case.customer_id


def test_lookup_outside_the_scope_only_on_the_exact_full_number(people, clock):
    case = make_case(at=clock.now() - dt.timedelta(hours=2), owner="clerk1")
    case.customer.member_number = "M20260001"
    case.customer.id_number = "110101199003071234"
    case.customer.save()
    outsider = people["outsider"]
    assert intake.lookup_customers(outsider, "1381234") == []
    assert intake.lookup_customers(outsider, "张三") == []
    assert intake.lookup_customers(outsider, "M2026") == []
    for exact in (PHONE, "M20260001", "110101199003071234"):
        found = intake.lookup_customers(outsider, exact)
        assert [m.id for m in found] == [case.customer_id], exact
        assert found[0].contact == "138****5678"
    # In the scope a prefix is enough, as before.
    assert [m.id for m in intake.lookup_customers(people["owner"], "1381234")] == [case.customer_id]


def test_similar_cases_show_nothing_of_other_departments(people, clock):
    case = make_case(at=clock.now() - dt.timedelta(hours=2), owner="clerk1")
    found = intake.similar_cases(
        people["outsider"], customer_id=case.customer_id, subtype="", text="屏幕有划痕"
    )
    assert found.customer_open == [] and found.text_matches == []


def test_tracker_search_does_not_recover_masked_digits(people, clock):
    case = make_case(at=clock.now() - dt.timedelta(hours=2), owner="clerk1")
    colleague = people["colleague"]
    page = tracker.list_cases(colleague, CaseFilter())
    assert [r.contact for r in page.rows] == ["138****5678"]  # sees the case, masked
    for suffix in ("5678", "45678", "2345678"):
        found = tracker.list_cases(colleague, CaseFilter(text=suffix)).rows
        assert found == (), suffix
    assert tracker.count_cases(colleague, CaseFilter(text="5678")) == 0
    # The whole number still finds it; the owner (who sees it) finds it by its ending.
    assert [r.id for r in tracker.list_cases(colleague, CaseFilter(text=PHONE)).rows] == [case.id]
    owner = people["owner"]
    assert [r.id for r in tracker.list_cases(owner, CaseFilter(text="5678")).rows] == [case.id]


def test_survey_queue_and_prefill_follow_the_contact_rule_and_are_audited(people, clock):
    now = clock.now()
    case = _closed(make_case(at=now - dt.timedelta(days=3), owner="clerk1"), now)
    row = surveys.survey_queue(people["colleague"]).rows[0]
    assert row.contact == "138****5678" and row.contact_masked
    assert surveys.prefill(people["colleague"], case.id).contact == "138****5678"
    assert _unmasked_entries() == []
    row = surveys.survey_queue(people["owner"]).rows[0]
    assert row.contact == PHONE and not row.contact_masked
    listed = _unmasked_entries()[-1]
    assert listed.entity == "survey_queue" and json.loads(listed.details)["cases"] == [case.id]
    assert surveys.prefill(people["owner"], case.id).contact == PHONE
    form = _unmasked_entries()[-1]
    assert (form.entity, form.entity_id) == ("complaint", case.id)


def test_tracker_page_and_open_queue_audit_full_contacts_once_per_page(people, clock):
    now = clock.now()
    cases = [make_case(at=now - dt.timedelta(hours=h), owner="clerk1") for h in (2, 3, 4)]
    supervisor = people["supervisor"]
    page = tracker.list_cases(supervisor, CaseFilter())
    assert {r.contact for r in page.rows} == {PHONE}
    entries = _unmasked_entries()
    assert len(entries) == 1 and entries[0].entity == "tracker"
    assert sorted(json.loads(entries[0].details)["cases"]) == sorted(c.id for c in cases)
    queue.open_queue(supervisor)
    entries = _unmasked_entries()
    assert len(entries) == 2 and entries[1].entity == "open_queue"
    assert sorted(json.loads(entries[1].details)["cases"]) == sorted(c.id for c in cases)
    # Masked pages write nothing.
    tracker.list_cases(people["colleague"], CaseFilter())
    queue.open_queue(people["colleague"])
    assert len(_unmasked_entries()) == 2


# --- 4. audit protection that survives ---------------------------------------------------


def _drop_triggers(db) -> None:
    for name in ("audit_log_no_update", "audit_log_no_delete"):
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    assert not guards.audit_log_protected(db)


@pytest.fixture
def sqlite_db(sqlite_url):
    database, _info, _result = prepare_database(sqlite_url)
    yield database
    database.close()


def test_restore_reapplies_the_audit_log_triggers(sqlite_db, tmp_path):
    system = Session.system(FixedClock(dt.datetime(2026, 11, 25, 14, 0)))
    _drop_triggers(sqlite_db)
    copy = backup.create_backup(system, tmp_path / "tampered.db").path
    conn = sqlite3.connect(str(copy))
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type='trigger'").fetchone() == (
        0,
    )
    conn.close()
    backup.restore_backup(system, copy)
    assert guards.audit_log_protected(database_proxy.obj)
    assert check.run_checks(system).ok


def test_every_migration_run_reapplies_the_audit_log_triggers(sqlite_db):
    _drop_triggers(sqlite_db)
    migrations.migrate(sqlite_db)  # up to date: nothing to migrate
    assert guards.audit_log_protected(sqlite_db)


def test_check_says_the_owner_question_is_not_for_sqlite(sqlite_db):
    system = Session.system(FixedClock(dt.datetime(2026, 11, 25, 14, 0)))
    report = check.run_checks(system)
    result = next(r for r in report.results if r.name == "application role")
    assert result.ok and not result.warning and "not applicable" in result.detail
    assert "application role: not applicable" in report.text()
    state = check.audit_protection(system)
    assert state.protected and state.owner is None
    _drop_triggers(sqlite_db)
    assert not check.audit_protection(system).protected


def test_check_warns_the_owner_and_points_to_the_application_role_sql(sqlite_db, monkeypatch):
    """PostgreSQL connected as the owner of audit_log (simulated: the owner question is
    PostgreSQL's): a warning, not a failure, naming where the SQL of the role is."""
    monkeypatch.setattr(check, "connected_as_owner", lambda db: True)
    system = Session.system(FixedClock(dt.datetime(2026, 11, 25, 14, 0)))
    report = check.run_checks(system)
    result = next(r for r in report.results if r.name == "application role")
    assert result.ok and result.warning and report.ok
    assert "WARN application role: connected as the owner of audit_log" in report.text()
    assert '("PostgreSQL roles")' in result.detail and "guide (5.5)" in result.detail


# --- 5. roles at the edges ---------------------------------------------------------------


def test_admins_export_masked_only(people, clock, tmp_path):
    make_case(at=clock.now() - dt.timedelta(hours=2), owner="clerk1")
    admin = people["admin"]
    with pytest.raises(PermissionDenied):
        exchange_export.export_cases(admin, tmp_path / "a.xlsx", unmasked=True)
    assert exchange_export.export_cases(admin, tmp_path / "b.xlsx").unmasked is False
    report = report_workbook_report(admin, clock)
    with pytest.raises(PermissionDenied):
        report_workbook.write_report_workbook(admin, report, tmp_path / "r.xlsx", unmasked=True)
    assert exchange_export.export_cases(people["manager"], tmp_path / "m.xlsx", unmasked=True)


def report_workbook_report(session, clock):
    from desktop_app.services import kpi

    day = clock.now().date()
    return kpi.kpi_report(session, day - dt.timedelta(days=7), day)


def test_a_clerks_scan_returns_only_their_scopes_reminders(people, clock, system_session):
    now = clock.now()
    make_case(at=now - dt.timedelta(days=5), owner="clerk1")  # long overdue
    fired = reminders.scan(people["outsider"])
    assert fired == []
    assert Reminder.select().count() > 0  # the scan did its work for everyone
    visible = {c.id for c in Complaint.select()}
    assert {r.complaint_id for r in reminders.my_reminders(people["owner"])} <= visible


def test_background_services_check_the_role(people, sqlite_url):
    for person in ("owner", "colleague", "outsider", "supervisor"):
        with pytest.raises(PermissionDenied):
            reminders.rewind(people[person])
        with pytest.raises(PermissionDenied):
            backup.backup_if_due(people[person])
    nobody = Session(None, "ghost", "ghost", "")
    with pytest.raises(PermissionDenied):
        reminders.scan(nobody)


# --- the command line's sensitive commands -----------------------------------------------


def _cli(argv, stdin, monkeypatch, capsys):
    import io
    import sys

    from desktop_app.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _last(action: str, url: str) -> AuditLog:
    database, _info, _result = prepare_database(url)
    try:
        return AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id.desc()).get()
    finally:
        database.close()


@pytest.fixture
def cli_db(sqlite_url, monkeypatch, capsys):
    for name in ("USER", "LOGNAME", "USERNAME"):
        monkeypatch.setenv(name, "alice")
    base = ["--database", sqlite_url]
    code, _, _ = _cli(
        base + ["init", "--admin", "root", "--password-stdin"],
        "Tangerine-Harbor-7319\n",
        monkeypatch,
        capsys,
    )
    assert code == 0
    code, _, err = _cli(
        base + ["user", "add", "boss", "--role", "manager", "--password-stdin"],
        "Quiet-Lantern-Orbit-58\n",
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    return base


def test_cli_unmasked_export_runs_only_as_a_managers_account(cli_db, monkeypatch, capsys, tmp_path):
    out = str(tmp_path / "x.xlsx")
    code, _, err = _cli(
        cli_db + ["export-cases", "--out", out, "--unmasked"], "", monkeypatch, capsys
    )
    assert code == 2 and "--user" in err
    code, _, err = _cli(
        cli_db + ["export-cases", "--out", out, "--unmasked", "--user", "root", "--password-stdin"],
        "Tangerine-Harbor-7319\n",
        monkeypatch,
        capsys,
    )
    assert code == 1 and "managers" in err
    code, _, err = _cli(
        cli_db + ["export-cases", "--out", out, "--unmasked", "--user", "boss", "--password-stdin"],
        "wrong-password\n",
        monkeypatch,
        capsys,
    )
    assert code == 1
    code, text, err = _cli(
        cli_db + ["export-cases", "--out", out, "--unmasked", "--user", "boss", "--password-stdin"],
        "Quiet-Lantern-Orbit-58\n",
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    assert "(unmasked)" in text
    assert _last("export_unmasked", cli_db[1]).username == "boss"


def test_cli_sensitive_commands_record_the_os_user_or_run_as_the_account(
    cli_db, monkeypatch, capsys
):
    import getpass

    assert getpass.getuser() == "alice"  # cli_db's environment
    # Without --user: the machine's operator "cli", with the OS user name in the entry.
    entry = _last("user_create", cli_db[1])
    assert entry.username == "cli" and json.loads(entry.details)["os_user"] == "alice"
    code, _, err = _cli(
        cli_db + ["user", "set", "boss", "--display-name", "老板"], "", monkeypatch, capsys
    )
    assert code == 0, err
    assert json.loads(_last("user_update", cli_db[1]).details)["os_user"] == "alice"
    # With --user: that account's session (first line its password, then the new one).
    code, _, err = _cli(
        cli_db + ["user", "add", "li.na", "--role", "clerk", "--user", "root", "--password-stdin"],
        "Tangerine-Harbor-7319\nclerk-pass-1\n",
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    entry = _last("user_create", cli_db[1])
    assert entry.username == "root" and "os_user" not in json.loads(entry.details)
    # A manager may not add accounts: the account's own rights apply.
    code, _, err = _cli(
        cli_db + ["user", "add", "x2", "--role", "manager", "--user", "boss", "--password-stdin"],
        "Quiet-Lantern-Orbit-58\nother-pass-1\n",
        monkeypatch,
        capsys,
    )
    assert code == 1
