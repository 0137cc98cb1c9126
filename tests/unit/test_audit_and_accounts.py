"""The audit log (append-only, read and exported by managers and admins), accounts
(password change, reset, disable), unlocking, and the domain checks of ``check``."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest
from openpyxl import load_workbook

from desktop_app.db import search
from desktop_app.db.models import AuditLog, Complaint, ProgressEntry, database_proxy
from desktop_app.services import audit, auth, cases, check, demo, users
from desktop_app.services.audit import AuditFilter
from desktop_app.services.errors import (
    AuthenticationError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user


def test_the_database_refuses_to_change_or_delete_audit_entries(system_session):
    entry = audit.record(system_session, "setting_change", "setting", None, key="x")
    with pytest.raises(peewee.DatabaseError, match="append-only"), database_proxy.obj.atomic():
        AuditLog.update(action="nothing").where(AuditLog.id == entry.id).execute()
    with pytest.raises(peewee.DatabaseError, match="append-only"), database_proxy.obj.atomic():
        AuditLog.delete().where(AuditLog.id == entry.id).execute()
    assert AuditLog.get_by_id(entry.id).action == "setting_change"
    assert check.run_checks(system_session).ok


def test_audit_viewer_filters_by_user_case_action_and_date(
    system_session, manager_session, clerk_session, clock
):
    with pytest.raises(AuthenticationError):
        auth.sign_in("clerk1", "wrong password", clock=clock)
    clock.advance(days=1)
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.get_case(clerk_session, case.id)  # the owner sees the contact: audited
    assert not detail.contact_masked
    clock.advance(days=1)
    other = make_case(at=clock.now(), owner="clerk1")
    cases.get_case(manager_session, other.id)

    failed = audit.list_audit(manager_session, AuditFilter(action="login_failed"))
    assert [(r.username, r.action) for r in failed] == [("clerk1", "login_failed")]
    viewed = audit.list_audit(manager_session, AuditFilter(case_number=case.number))
    assert [(r.username, r.action, r.case_number) for r in viewed] == [
        ("clerk1", "contact_unmasked", case.number)
    ]
    assert viewed[0].details == {"fields": ["contact"]}
    by_manager = audit.list_audit(manager_session, AuditFilter(username="manager1"))
    assert {r.action for r in by_manager} == {"login", "contact_unmasked"}
    today = audit.list_audit(
        manager_session, AuditFilter(date_from=clock.now().date(), date_to=clock.now().date())
    )
    assert [(r.username, r.case_number) for r in today] == [("manager1", other.number)]
    # Newest first, page by page.
    every = audit.list_audit(manager_session)
    assert [r.id for r in every] == sorted((r.id for r in every), reverse=True)
    page = audit.list_audit(manager_session, limit=2)
    rest = audit.list_audit(manager_session, before_id=page[-1].id)
    assert [r.id for r in page + rest] == [r.id for r in every]
    assert audit.count_audit(manager_session) == len(every)
    with pytest.raises(NotFound):
        audit.list_audit(manager_session, AuditFilter(case_number="TS-19990101-0001"))
    with pytest.raises(ValidationError) as wrong_dates:
        audit.list_audit(
            manager_session,
            AuditFilter(date_from=dt.date(2026, 12, 2), date_to=dt.date(2026, 12, 1)),
        )
    assert wrong_dates.value.field == "date_from"
    with pytest.raises(PermissionDenied):
        audit.list_audit(clerk_session)


def test_audit_export_is_text_only_and_audited(system_session, manager_session, clock, tmp_path):
    # Text from outside (here a user name column) must not become a formula in the export.
    # (A made-up name typed at sign-in is no longer recorded: docs/rules.md#accounts.)
    audit.record(None, "login_failed", "user", None, username="=cmd|' /C calc'!A0")
    path = tmp_path / "audit.xlsx"
    rows = audit.export_audit(manager_session, AuditFilter(), path)
    sheet = load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == rows + 1 and values[0][0] == "Time"
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert "=cmd|' /C calc'!A0" in [row[1] for row in values[1:]]
    last = audit.list_audit(manager_session, limit=1)[0]
    assert (last.action, last.details["rows"]) == ("export_audit", rows)


def test_password_change_reset_and_disable(system_session, admin_session, clerk_session, clock):
    with pytest.raises(ValidationError) as wrong:
        users.change_own_password(clerk_session, "not it", "a-new-password")
    assert wrong.value.field == "current_password"
    with pytest.raises(ValidationError) as short:
        users.change_own_password(clerk_session, "Plum-Harbour-Lantern-42", "short")
    assert short.value.field == "new_password"
    users.change_own_password(clerk_session, "Plum-Harbour-Lantern-42", "a-new-password")
    with pytest.raises(AuthenticationError):
        auth.sign_in("clerk1", "Plum-Harbour-Lantern-42", clock=clock)
    assert auth.sign_in("clerk1", "a-new-password", clock=clock).username == "clerk1"

    users.reset_password(admin_session, "clerk1", "reset-by-admin")
    assert auth.sign_in("clerk1", "reset-by-admin", clock=clock).username == "clerk1"

    users.set_active(admin_session, "clerk1", False)
    with pytest.raises(AuthenticationError, match="disabled"):
        auth.sign_in("clerk1", "reset-by-admin", clock=clock)
    with pytest.raises(AuthenticationError, match="disabled"):
        auth.unlock(clerk_session, "reset-by-admin")
    users.set_active(admin_session, "clerk1", True)
    assert auth.unlock(clerk_session, "reset-by-admin").user_id == clerk_session.user_id

    with pytest.raises(ValidationError, match="your own account"):
        users.set_active(admin_session, "admin", False)
    with pytest.raises(ValidationError, match="last administrator"):
        users.update_user(admin_session, "admin", role="manager")
    actions = [r.action for r in audit.list_audit(admin_session, AuditFilter(username="admin"))]
    assert actions.count("user_disable") == actions.count("user_enable") == 1
    assert "password_reset" in actions


def test_unlock_counts_towards_the_sign_in_lockout(clerk_session, clock):
    for _ in range(4):
        with pytest.raises(AuthenticationError, match="Wrong"):
            auth.unlock(clerk_session, "guess")
    with pytest.raises(AuthenticationError, match="blocked"):
        auth.unlock(clerk_session, "guess")
    with pytest.raises(AuthenticationError, match="blocked"):
        auth.unlock(
            clerk_session, "Plum-Harbour-Lantern-42"
        )  # even the right one, until it expires
    clock.advance(minutes=16)
    assert auth.unlock(clerk_session, "Plum-Harbour-Lantern-42").username == "clerk1"
    actions = [
        a
        for (a,) in AuditLog.select(AuditLog.action)
        .where(AuditLog.action.in_(("unlock_failed", "login_blocked", "unlock")))
        .order_by(AuditLog.id)
        .tuples()
    ]
    assert actions == ["unlock_failed"] * 5 + ["login_blocked", "unlock"]


def test_contacts_shown_masked_to_others_and_unaudited(system_session, clerk_session, clock):
    colleague = make_user(system_session, "clerk2", "clerk", supervisor="super1")
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.get_case(colleague, case.id)
    assert detail.contact == "138****5678" and detail.contact_masked
    assert not AuditLog.select().where(AuditLog.action == "contact_unmasked").exists()


@pytest.fixture
def demo_cases(system_session):
    demo.generate(system_session, 60, seed=5)
    assert check.run_checks(system_session).ok


def _failures(session) -> dict[str, str]:
    return {r.name: r.detail for r in check.run_checks(session).results if not r.ok}


def test_check_finds_history_out_of_order(system_session, demo_cases):
    case_id = (
        ProgressEntry.select(ProgressEntry.complaint)
        .group_by(ProgressEntry.complaint)
        .having(peewee.fn.COUNT(ProgressEntry.id) > 1)
        .limit(1)
        .scalar()
    )
    first = (
        ProgressEntry.select()
        .where(ProgressEntry.complaint == case_id)
        .order_by(ProgressEntry.id)
        .first()
    )
    first.updated_at = first.updated_at + dt.timedelta(days=400)
    first.save()
    assert _failures(system_session) == {
        "stage history in order": "1 cases whose progress entries were written out of time order"
    }


def test_check_finds_a_case_missing_from_the_search_index(system_session, demo_cases):
    case = Complaint.select().first()
    db = database_proxy.obj
    if search.is_sqlite(db):
        db.execute_sql(
            f"INSERT INTO {search.TABLE}({search.TABLE}, rowid, terms) VALUES('delete', ?, ?)",
            (case.id, " ".join(search.terms(case.description))),
        )
    else:
        db.execute_sql(f"DELETE FROM {search.TABLE} WHERE complaint_id = %s", (case.id,))
    assert _failures(system_session) == {
        "every case in the search index": "1 cases missing from (or extra in) the "
        "description search index"
    }


def test_check_finds_a_closed_case_with_a_deadline(system_session, demo_cases):
    """The open cases' order by deadline leaves the open flag to the deadline (PostgreSQL,
    docs/rules.md#processing-order): a closed case with one would be listed among them."""
    case = Complaint.select().where(~Complaint.is_open).first()
    Complaint.update(next_due=case.closed_at).where(Complaint.id == case.id).execute()
    assert _failures(system_session) == {
        "closed cases without a next deadline": "1 closed cases with a next deadline (they "
        "would be listed among the open cases by deadline)"
    }


def test_check_finds_a_case_awaiting_approval_without_a_request(system_session, demo_cases):
    """Nobody can decide such a case (the demo leaves its approval-stage cases with the
    owner's pending request)."""
    waiting = Complaint.select().where(Complaint.stage == "approval").count()
    case = Complaint.select().where(Complaint.is_open, Complaint.stage != "approval").first()
    Complaint.update(stage="approval").where(Complaint.id == case.id).execute()
    assert _failures(system_session) == {
        "cases awaiting approval have a request": "1 cases at the approval stage without a "
        "pending request (no supervisor can decide)"
    }
    assert waiting > 0


def test_check_finds_a_stale_open_flag_in_the_search_index(system_session, demo_cases):
    db = database_proxy.obj
    if search.is_sqlite(db):
        pytest.skip("PostgreSQL's search entries carry their case's open flag")
    case = Complaint.select().where(Complaint.is_open).first()
    db.execute_sql(
        f"UPDATE {search.TABLE} SET open_case = FALSE WHERE complaint_id = %s", (case.id,)
    )
    assert _failures(system_session) == {
        "search index knows the open cases": "1 search entries whose open flag disagrees "
        "with their case (the text search over the open cases misses or adds them)"
    }


def test_check_notices_an_unprotected_audit_log(system_session, demo_cases):
    db = database_proxy.obj
    if search.is_sqlite(db):
        db.execute_sql('DROP TRIGGER "audit_log_no_delete"')
    else:
        db.execute_sql('DROP TRIGGER "audit_log_no_change" ON "audit_log"')
    failures = _failures(system_session)
    assert list(failures) == ["audit log append-only"]


def test_every_action_the_program_records_is_offered_by_the_viewer():
    """A new audited action must reach the viewer's action filter (and its label)."""
    import re
    from pathlib import Path

    import desktop_app.services as services_package

    written = set()
    for path in Path(services_package.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'(?:audit\.record|_record)\([^,()]+,\s*"([a-z_]+)"', text))
    written |= {"login", "login_failed", "unlock", "unlock_failed"}  # auth's f"{purpose}…"
    assert len(written) > 40
    assert written - set(audit.ACTIONS) == set()


def test_managers_keep_the_hierarchy_of_their_departments(system_session):
    """docs/rules.md#roles-and-access: a manager sets a clerk's supervisor, senior-agent
    flag, departments (among the manager's own) and active state; names, roles and the
    accounts of other departments or of managers stay the administrators'."""
    from desktop_app.services.errors import PermissionDenied, ValidationError
    from tests.helpers.fixtures import make_user

    boss = make_user(system_session, "mgr_cs", "manager", departments=("customer_service",))
    make_user(system_session, "sup_cs", "supervisor", departments=("customer_service",))
    make_user(system_session, "clerk_cs", "clerk", departments=("customer_service",))
    make_user(system_session, "clerk_lg", "clerk", departments=("logistics",))
    make_user(system_session, "mgr_2", "manager", departments=("customer_service",))

    info = users.update_user(boss, "clerk_cs", supervisor="sup_cs", senior_agent=True)
    assert (info.supervisor, info.senior_agent) == ("sup_cs", True)
    assert not users.set_active(boss, "clerk_cs", False).active
    with pytest.raises(PermissionDenied):
        users.update_user(boss, "clerk_lg", senior_agent=True)
    with pytest.raises(PermissionDenied):
        users.set_active(boss, "mgr_2", False)
    with pytest.raises(PermissionDenied):
        users.update_user(boss, "clerk_cs", role="supervisor")
    with pytest.raises(ValidationError) as outside:
        users.update_user(boss, "clerk_cs", departments=("customer_service", "logistics"))
    assert outside.value.field == "department"
    assert users.get_user(boss, "clerk_cs").departments == ("customer_service",)
    assert users.get_user(boss, "clerk_lg").senior_agent is False
