"""The one access rule (services/access.py, docs/rules.md#roles-and-access): who sees a
case, sees its contact in full, acts on it and decides its approvals — over roles ×
relationships, in its three forms (the Python check, the SQL condition, the peewee
expression) on a real database, and as the services apply it (get_case, the tracker, the
open queue, the survey side, the intake side panel).

The expected table is written out here: changing the rule in one form only makes the
forms disagree, changing it in all of them makes the table disagree."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.db import search
from desktop_app.db.connection import placeholders
from desktop_app.db.models import Complaint, database_proxy
from desktop_app.services import access, cases, intake, queue, tracker
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.tracker import CaseFilter
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

# The case: received by a clerk of customer service, owned by a clerk of logistics whose
# direct supervisor heads operations (another department), in the logistics department.
CASE_DEPARTMENT = "logistics"

# person: (username, role, departments, supervisor of that user)
PEOPLE = {
    "receiver": ("rec", "clerk", ("customer_service",), None),
    "owner's supervisor": ("osup", "supervisor", ("operations",), None),
    "owner": ("own", "clerk", (CASE_DEPARTMENT,), "osup"),
    "same-department clerk": ("samec", "clerk", (CASE_DEPARTMENT,), None),
    "same-department supervisor": ("sames", "supervisor", (CASE_DEPARTMENT,), None),
    "other-department clerk": ("othc", "clerk", ("tech",), None),
    "other-department supervisor": ("oths", "supervisor", ("tech",), None),
    "manager": ("mgr", "manager", (), None),
    "admin": ("adm", "admin", (), None),
}

#                              see    contact act    supervise
EXPECTED = {
    "receiver": (True, True, False, False),
    "owner's supervisor": (True, True, True, True),
    "owner": (True, True, True, False),
    "same-department clerk": (True, False, False, False),
    "same-department supervisor": (True, True, True, True),
    "other-department clerk": (False, False, False, False),
    "other-department supervisor": (False, False, False, False),
    "manager": (True, True, True, True),
    "admin": (True, False, False, False),
}
RULES = ("see", "contact", "act", "supervise")


@pytest.fixture
def world(system_session):
    sessions = {}
    for person, (username, role, departments, supervisor) in PEOPLE.items():
        sessions[person] = make_user(
            system_session, username, role, departments=departments, supervisor=supervisor
        )
    at = TEST_NOW - dt.timedelta(hours=2)
    case = make_case(at=at, owner="own", department=CASE_DEPARTMENT)
    case.receiver = sessions["receiver"].user_id
    case.save()
    # Cases nobody above relates to except by department, so the forms are compared on
    # more than one row: one of customer service (the receiver's department), one of tech.
    others = [
        make_case(at=at, owner="rec", department="customer_service"),
        make_case(at=at, owner="othc", department="tech"),
    ]
    search.index_rows(database_proxy.obj, [(c.id, c.description) for c in [case, *others]])
    return sessions, Complaint.get_by_id(case.id)


def _sql_ids(scope: access.Scope) -> set[int]:
    db = database_proxy.obj
    condition, params = scope.sql("c")
    sql = placeholders("SELECT c.id FROM complaint AS c WHERE 1 = 1" + condition, db.param)
    return {row[0] for row in db.execute_sql(sql, params).fetchall()}


def _sql_ids_unindexed(scope: access.Scope) -> set[int]:
    db = database_proxy.obj
    condition, params = scope.sql("c", unindexed=True)
    if db.param == "%s":  # "+column" is SQLite's; PostgreSQL reads it as a unary plus
        condition = condition.replace("+c.", "c.")
    sql = placeholders("SELECT c.id FROM complaint AS c WHERE 1 = 1" + condition, db.param)
    return {row[0] for row in db.execute_sql(sql, params).fetchall()}


def test_the_table_of_roles_and_relationships(world):
    sessions, case = world
    for person, expected in EXPECTED.items():
        got = access.rules(sessions[person])
        assert tuple(getattr(got, r).admits(case) for r in RULES) == expected, person
    # The module's own shortcuts are the same rules.
    for person, (see, contact, act, supervise) in EXPECTED.items():
        s = sessions[person]
        assert access.may_see(s, case) is see, person
        assert access.may_see_contact(s, case) is contact, person
        assert access.may_act(s, case) is act, person
        assert access.supervises(s, case) is supervise, person


def test_the_three_forms_of_each_rule_agree(world):
    sessions, _case = world
    every = list(Complaint.select())
    for person, session in sessions.items():
        for name in RULES:
            scope = getattr(access.rules(session), name)
            in_python = {c.id for c in every if scope.admits(c)}
            by_rows = {
                c.id
                for c in every
                if scope.admits_row(
                    receiver_id=c.receiver_id, owner_id=c.owner_id, department_id=c.department_id
                )
            }
            by_expression = {c.id for c in Complaint.select(Complaint.id).where(scope.expression())}
            assert in_python == by_rows == by_expression == _sql_ids(scope), (person, name)
            assert _sql_ids_unindexed(scope) == in_python, (person, name)


def test_a_scope_of_nothing_admits_nothing_in_every_form(world):
    assert access.NOTHING.nothing and not access.EVERYTHING.nothing
    assert _sql_ids(access.NOTHING) == set()
    assert not Complaint.select().where(access.NOTHING.expression()).exists()
    assert _sql_ids(access.EVERYTHING) == {c.id for c in Complaint.select()}


def test_services_apply_the_rule_alike(world):
    """get_case, the tracker (list and count) and the open queue agree with the table,
    the owner's supervisor in another department included; so do the masking of each and
    the actions offered."""
    sessions, case = world
    for person, (see, contact, act, _supervise) in EXPECTED.items():
        s = sessions[person]
        listed = {r.id: r for r in tracker.list_cases(s, CaseFilter()).rows}
        queued = {r.id: r for r in queue.open_queue(s).rows}
        assert (case.id in listed) is see, person
        assert (case.id in queued) is see, person
        if person not in ("manager", "admin"):
            # Counted alike: every visible case of the three.
            assert tracker.count_cases(s, CaseFilter()) == len(listed), person
        if not see:
            with pytest.raises(PermissionDenied):
                cases.get_case(s, case.id)
            continue
        detail = cases.get_case(s, case.id)
        assert detail.contact_masked is (not contact), person
        assert listed[case.id].contact_masked is (not contact), person
        assert queued[case.id].contact_masked is (not contact), person
        assert bool(cases.allowed_actions(s, Complaint.get_by_id(case.id))) is act, person


def test_the_intake_side_panel_lists_only_cases_the_clerk_may_see(world):
    sessions, case = world
    text = "屏幕有划痕"  # every case's description
    for person in ("receiver", "other-department clerk", "same-department clerk", "manager"):
        session = sessions[person]
        found = intake.similar_cases(session, customer_id=case.customer_id, subtype="", text=text)
        see = EXPECTED[person][0]
        assert (case.id in {b.id for b in found.customer_open}) is see, person
        visible = {c.id for c in Complaint.select() if access.rules(session).see.admits(c)}
        assert {b.id for b in found.text_matches} == visible, person
