"""The tracker's case list: scope, masking, every order paged through by keyset, filters,
text search, counts and views, on SQLite and (with DESKTOP_APP_TEST_POSTGRES) PostgreSQL."""

import dataclasses
import datetime as dt
import itertools
import random

import pytest

from desktop_app.db import search
from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import (
    Channel,
    Complaint,
    ComplaintType,
    Customer,
    Department,
    User,
    database_proxy,
)
from desktop_app.domain.vocab import STAGES
from desktop_app.services import access, tracker
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import PermissionDenied, ValidationError
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

PHONE = "13812345678"
MASKED = "138****5678"
_numbers = itertools.count(1)
NAMES = ("lin", "wang", "li", "zhang", "chen")  # one case and script: any collation agrees
SUBTYPES = (
    "functional_defect",
    "appearance_defect",
    "delivery",
    "slow_refund",
    "staff_attitude",
    "points",
)
CHANNELS = ("phone", "walk_in", "email")
DEPARTMENTS = ("customer_service", "tech", "logistics")
OPEN = CaseFilter()


def _case(
    *,
    receiver,
    owner,
    department="customer_service",
    subtype="delivery",
    level=1,
    urgent=False,
    stage="investigating",
    next_due=None,
    registered=None,
    name="张三",
    contact=PHONE,
    channel="phone",
    description="订单显示已签收但本人未收到",
    number=None,
):
    sub = ComplaintType.get(ComplaintType.code == subtype)
    customer = Customer.create(name=name, phone=PHONE, created_at=TEST_NOW, updated_at=TEST_NOW)
    at = registered or TEST_NOW - dt.timedelta(days=1)
    is_open = stage != "closed"
    case = Complaint.create(
        number=number or f"TS-{at:%Y%m%d}-{next(_numbers):04d}",
        customer=customer,
        customer_name=name,
        contact=contact,
        complaint_time=at,
        registration_time=at,
        channel=Channel.get(Channel.code == channel),
        type=sub.parent_id,
        subtype=sub,
        urgency="urgent" if urgent else "normal",
        description=description,
        department=Department.get(Department.code == department),
        receiver=receiver,
        owner=owner,
        stage=stage,
        is_open=is_open,
        level=level,
        urgent=urgent,
        priority=4 if urgent else level,
        outcome=None if is_open else "resolved",
        closed_at=None if is_open else at + dt.timedelta(days=2),
        first_response_due=at + dt.timedelta(hours=4),
        solution_due=at + dt.timedelta(days=3),
        resolution_due=at + dt.timedelta(days=7),
        next_due=next_due if is_open else None,
        created_at=at,
        updated_at=at,
    )
    search.index_rows(database_proxy.obj, [(case.id, description)])
    return case


@pytest.fixture
def people(system_session, manager_session, supervisor_session, clerk_session):
    """clerk1 (customer service, supervisor super1), clerk2 (tech, supervisor super2),
    super1 (customer service), super2 (tech), manager1."""
    super2 = make_user(system_session, "super2", "supervisor", departments=("tech",))
    clerk2 = make_user(
        system_session, "clerk2", "clerk", departments=("tech",), supervisor="super2"
    )
    return {
        "clerk1": clerk_session,
        "clerk2": clerk2,
        "super1": supervisor_session,
        "super2": super2,
        "manager": manager_session,
    }


@pytest.fixture
def mixed(db, people):
    """73 cases: every open stage and closed ones, ties on every sort key, two open cases
    without a next deadline, spread over owners, departments, types and channels."""
    rng = random.Random(7)
    staff = [people[k].user_id for k in ("clerk1", "clerk2", "super1", "super2")]
    dues = [TEST_NOW + dt.timedelta(hours=h) for h in (-30, -2, 1, 1, 3, 26, 50)]
    days = [TEST_NOW - dt.timedelta(days=d, hours=h) for d in (0, 1, 1, 3, 40) for h in (1, 5)]
    open_stages = [s for s in STAGES.codes() if s != "closed"]
    cases = []
    for i in range(73):
        closed = i % 5 == 4
        level = rng.choice((1, 2, 3))
        cases.append(
            _case(
                receiver=rng.choice(staff),
                owner=rng.choice(staff),
                department=rng.choice(DEPARTMENTS),
                subtype=rng.choice(SUBTYPES),
                level=level,
                urgent=rng.random() < 0.2,
                stage="closed" if closed else rng.choice(open_stages),
                next_due=None if i in (3, 17) else rng.choice(dues),
                registered=rng.choice(days),
                name=rng.choice(NAMES),
                channel=rng.choice(CHANNELS),
            )
        )
    return [Complaint.get_by_id(c.id) for c in cases]


def _pages(session, flt=OPEN, *, sort="processing", descending=False, limit=7):
    rows, cursor = [], None
    for _ in range(1000):  # a cursor that does not advance fails instead of looping
        page = tracker.list_cases(
            session, flt, sort=sort, descending=descending, limit=limit, after=cursor
        )
        assert len(page.rows) <= limit
        rows.extend(page.rows)
        if page.next_cursor is None:
            return rows
        assert len(page.rows) == limit
        cursor = page.next_cursor
    raise AssertionError("the pages never end")


def _ids(session, flt=OPEN, **kwargs):
    return [r.id for r in _pages(session, flt, **kwargs)]


def _labels(model, zh=True):
    return {o.id: (o.name_zh if zh else o.name_en) for o in model.select()}


def _expected(cases, sort, descending, *, nulls_first, zh=True):
    """The documented order, computed in Python. ``nulls_first``: where the backend keeps
    a NULL next deadline in the processing order (SQLite first, PostgreSQL last)."""
    if sort == "processing":

        def processing(c):
            if c.next_due is None:
                due = (0 if nulls_first else 2, dt.datetime.min)
            else:
                due = (1, c.next_due)
            return (not c.is_open, -c.priority, due, c.id)

        return [c.id for c in sorted(cases, key=processing)]
    if sort == "next_due":
        dated = sorted(
            (c for c in cases if c.next_due is not None),
            key=lambda c: (c.next_due, c.id),
            reverse=descending,
        )
        undated = sorted((c.id for c in cases if c.next_due is None), reverse=descending)
        return [c.id for c in dated] + undated
    types, departments = _labels(ComplaintType, zh), _labels(Department, zh)
    owners = {u.id: u.display_name for u in User.select()}
    keys = {
        "number": lambda c: (c.number,),
        "customer": lambda c: (c.customer_name,),
        "age": lambda c: (c.registration_time,),
        "level": lambda c: (c.level, c.urgent),
        "stage": lambda c: (STAGES.codes().index(c.stage),),
        "type": lambda c: (types[c.type_id], types[c.subtype_id]),
        "department": lambda c: (departments[c.department_id],),
        "owner": lambda c: (owners[c.owner_id], c.owner_id),
    }[sort]
    return [c.id for c in sorted(cases, key=lambda c: (*keys(c), c.id), reverse=descending)]


@pytest.mark.parametrize("include_closed", [False, True])
def test_every_order_pages_through_every_row_once(db, people, mixed, include_closed):
    manager = people["manager"]
    cases = [c for c in mixed if include_closed or c.is_open]
    flt = CaseFilter(include_closed=include_closed)
    assert tracker.count_cases(manager, flt) == len(cases)
    for sort in tracker.SORT_KEYS:
        for descending in (False, True):
            expected = _expected(cases, sort, descending, nulls_first=is_sqlite(db))
            got = _ids(manager, flt, sort=sort, descending=descending)
            assert got == expected, (sort, descending)


LABEL_SORTS = ("department", "owner", "type", "stage")


@pytest.mark.parametrize("who", ["super1", "clerk2"])
def test_label_orders_of_the_open_cases_page_across_groups(db, people, mixed, who):
    """The open cases in a label order, paged by one and by four rows for staff with a
    scope, both directions, with and without a filter: every page boundary falls once
    inside a group and once at its end, and the pages together are the order computed in
    Python (on PostgreSQL every group is a part of one statement, docs/rules.md#indexes)."""
    session = people[who]
    see = access.rules(session).see
    filters = {
        "open": (OPEN, lambda c: True),
        "level 2 or 3": (CaseFilter(levels=frozenset({2, 3})), lambda c: c.level in (2, 3)),
    }
    for flt, wanted in filters.values():
        cases = [c for c in mixed if c.is_open and see.admits(c) and wanted(c)]
        for sort in LABEL_SORTS:
            for descending in (False, True):
                expected = _expected(cases, sort, descending, nulls_first=is_sqlite(db))
                groups = {_group_of(c, sort) for c in cases}
                assert len(groups) > 1, "the data should cross groups"
                for limit in (1, 4):
                    got = _ids(session, flt, sort=sort, descending=descending, limit=limit)
                    assert got == expected, (sort, descending, limit)


def _group_of(case, sort):
    return {
        "department": case.department_id,
        "owner": case.owner_id,
        "type": case.subtype_id,
        "stage": case.stage,
    }[sort]


def test_page_sizes_and_the_last_page(db, people, mixed):
    manager = people["manager"]
    flt = CaseFilter(include_closed=True)
    expected = _ids(manager, flt, limit=1000)
    for limit in (1, 14, len(expected) - 1, len(expected)):
        assert _ids(manager, flt, limit=limit) == expected
    assert _ids(manager, flt, sort="next_due", limit=1) == _ids(
        manager, flt, sort="next_due", limit=500
    )
    last = tracker.list_cases(manager, flt, limit=len(expected))
    assert last.next_cursor is None and len(last.rows) == len(expected)


def test_processing_order_puts_urgent_then_level_then_earliest_due(db, people, mixed):
    rows = _pages(people["manager"], limit=50)
    assert [r.priority for r in rows] == sorted((r.priority for r in rows), reverse=True)
    assert rows[0].urgent and rows[-1].priority == 1
    for a, b in itertools.pairwise(rows):
        if a.priority == b.priority and a.next_due and b.next_due:
            assert a.next_due <= b.next_due
    # "descending" does not turn the processing order around.
    assert _ids(people["manager"], descending=True) == [r.id for r in rows]


def test_stage_sorts_in_workflow_order_not_alphabetically(db, people, mixed):
    rows = _pages(people["manager"], CaseFilter(include_closed=True), sort="stage")
    order = [STAGES.codes().index(r.stage) for r in rows]
    assert order == sorted(order)
    assert rows[0].stage == "registered" and rows[-1].stage == "closed"


def test_labels_follow_the_session_language(db, people, mixed):
    manager = people["manager"]
    english = dataclasses.replace(manager, language="en_US")
    rows = _pages(english, sort="department")
    assert [r.department for r in rows] == sorted(r.department for r in rows)
    assert rows[0].department == "Customer service" and rows[-1].department == "Technology"
    open_cases = [c for c in mixed if c.is_open]
    for sort in ("type", "department"):
        assert _ids(english, sort=sort) == _expected(
            open_cases, sort, False, nulls_first=True, zh=False
        )
    (row, *_rest) = _pages(manager, CaseFilter(text=mixed[0].number))
    case = mixed[0]
    types = _labels(ComplaintType)
    assert (row.type, row.subtype) == (types[case.type_id], types[case.subtype_id])
    assert row.channel == Channel.get_by_id(case.channel_id).name_zh
    assert row.department_code == Department.get_by_id(case.department_id).code


def test_row_fields(db, people):
    c1 = people["clerk1"].user_id
    case = _case(
        receiver=c1,
        owner=c1,
        level=3,
        urgent=True,
        stage="approval",
        next_due=TEST_NOW + dt.timedelta(hours=2),
    )
    closed = _case(receiver=c1, owner=c1, stage="closed")
    rows = {r.id: r for r in _pages(people["manager"], CaseFilter(include_closed=True))}
    row = rows[case.id]
    assert (row.number, row.customer_name, row.contact, row.contact_masked) == (
        case.number,
        "张三",
        PHONE,
        False,
    )
    assert (row.type, row.subtype, row.department, row.department_code, row.channel) == (
        "流程效率类",
        "配送问题",
        "客服部",
        "customer_service",
        "电话/客服热线",
    )
    assert (row.level, row.urgent, row.priority, row.stage, row.owner_id, row.owner) == (
        3,
        True,
        4,
        "approval",
        c1,
        "clerk1",
    )
    assert row.next_due == TEST_NOW + dt.timedelta(hours=2)
    assert row.registration_time == case.registration_time
    assert (row.closed_at, row.is_open, row.version) == (None, True, 1)
    done = rows[closed.id]
    assert (done.is_open, done.next_due, done.closed_at) == (
        False,
        None,
        closed.registration_time + dt.timedelta(days=2),
    )
    soon = dt.timedelta(hours=4)
    assert row.due_state(TEST_NOW, soon) == "due_soon"
    assert row.due_state(TEST_NOW, dt.timedelta(hours=1)) == "on_track"
    assert row.due_state(TEST_NOW + dt.timedelta(hours=3), soon) == "overdue"
    assert done.due_state(TEST_NOW, soon) == "none"


def test_scope_by_role(db, people):
    c1, c2 = people["clerk1"].user_id, people["clerk2"].user_id
    s2 = people["super2"].user_id
    due = TEST_NOW + dt.timedelta(hours=2)
    received = _case(receiver=c1, owner=c2, department="tech", next_due=due)
    owned = _case(receiver=c2, owner=c1, department="tech", next_due=due)
    cs_dept = _case(receiver=c2, owner=c2, department="customer_service", next_due=due)
    tech = _case(receiver=c2, owner=c2, department="tech", next_due=due)
    tech_closed = _case(receiver=c2, owner=c2, department="tech", stage="closed")
    super2_owns = _case(
        receiver=people["manager"].user_id, owner=s2, department="logistics", next_due=due
    )
    everything = {received.id, owned.id, cs_dept.id, tech.id, tech_closed.id, super2_owns.id}
    seen_by = {
        "clerk1": {received.id, owned.id, cs_dept.id},
        "clerk2": {received.id, owned.id, cs_dept.id, tech.id, tech_closed.id},
        # Supervisors also see what their staff own in other departments (super1
        # supervises clerk1, super2 clerk2): the one rule of services/access.py.
        "super1": {cs_dept.id, owned.id},
        "super2": {received.id, owned.id, cs_dept.id, tech.id, tech_closed.id, super2_owns.id},
        "manager": everything,
    }
    everyone_sees = CaseFilter(include_closed=True)
    for name, expected in seen_by.items():
        for sort in tracker.SORT_KEYS:
            assert set(_ids(people[name], everyone_sees, sort=sort, limit=2)) == expected, (
                name,
                sort,
            )
        assert tracker.count_cases(people[name], everyone_sees) == len(expected)
        # Asking for a department outside the scope gives nothing more.
        other = CaseFilter(include_closed=True, department_codes=frozenset({"tech"}))
        assert (
            set(_ids(people[name], other))
            == {c.id for c in (received, owned, tech, tech_closed)} & expected
        )
    # A clerk never sees another department's case she neither received nor owns.
    assert tech.id not in set(_ids(people["clerk1"], CaseFilter(text=tech.number)))


def test_contact_masked_unless_handling_the_case(db, people, admin_session):
    c1, c2 = people["clerk1"].user_id, people["clerk2"].user_id
    due = TEST_NOW + dt.timedelta(hours=2)
    mine = _case(receiver=c1, owner=c2, department="tech", next_due=due)
    dept_only = _case(
        receiver=c2,
        owner=c2,
        department="customer_service",
        contact=f"{PHONE};zhang@example.com",
        next_due=due,
    )
    closed = _case(receiver=c2, owner=c2, department="customer_service", stage="closed")

    def contacts(session, sort="processing"):
        return {
            r.id: (r.contact, r.contact_masked)
            for r in _pages(session, CaseFilter(include_closed=True), sort=sort)
        }

    for sort in tracker.SORT_KEYS:
        clerk1 = contacts(people["clerk1"], sort)
        assert clerk1[mine.id] == (PHONE, False)
        assert clerk1[dept_only.id] == (f"{MASKED};z***@example.com", True)
        assert clerk1[closed.id] == (MASKED, True)
    # clerk2 owns all; super1 supervises customer service; super2 is clerk2's supervisor.
    assert all(not masked for _, masked in contacts(people["clerk2"]).values())
    assert contacts(people["super1"])[dept_only.id] == (f"{PHONE};zhang@example.com", False)
    assert contacts(people["super2"])[mine.id] == (PHONE, False)
    assert all(not masked for _, masked in contacts(people["manager"]).values())
    # Administrators run the system; they do not handle cases (docs/rules.md#masking).
    assert all(masked for _, masked in contacts(admin_session).values())
    # Searching by the full number does not unmask it.
    (row,) = _pages(people["clerk1"], CaseFilter(text=PHONE + ";zhang@example.com"))
    assert row.id == dept_only.id and row.contact_masked


FILTERS = {
    "stages": (
        CaseFilter(stages=frozenset({"approval", "execution"})),
        lambda c: c.is_open and c.stage in ("approval", "execution"),
    ),
    "closed stage": (
        CaseFilter(include_closed=True, stages=frozenset({"closed"})),
        lambda c: c.stage == "closed",
    ),
    "department": (
        CaseFilter(department_codes=frozenset({"tech", "logistics"})),
        lambda c: c.is_open and c.department.code in ("tech", "logistics"),
    ),
    "unknown department": (CaseFilter(department_codes=frozenset({"nowhere"})), lambda c: False),
    "category": (
        CaseFilter(include_closed=True, type_codes=frozenset({"product_quality"})),
        lambda c: c.type.code == "product_quality",
    ),
    "subtype": (
        CaseFilter(type_codes=frozenset({"delivery"})),
        lambda c: c.is_open and c.subtype.code == "delivery",
    ),
    "category and subtype": (
        CaseFilter(type_codes=frozenset({"member_rights", "delivery"})),
        lambda c: c.is_open and (c.type.code == "member_rights" or c.subtype.code == "delivery"),
    ),
    "levels": (CaseFilter(levels=frozenset({2, 3})), lambda c: c.is_open and c.level >= 2),
    "urgent": (CaseFilter(include_closed=True, urgent_only=True), lambda c: c.urgent),
    "channel": (
        CaseFilter(channel_codes=frozenset({"email", "walk_in"})),
        lambda c: c.is_open and c.channel.code in ("email", "walk_in"),
    ),
    "registered from": (
        CaseFilter(include_closed=True, registered_from=(TEST_NOW - dt.timedelta(days=1)).date()),
        lambda c: c.registration_time.date() >= (TEST_NOW - dt.timedelta(days=1)).date(),
    ),
    "registered to": (
        CaseFilter(include_closed=True, registered_to=(TEST_NOW - dt.timedelta(days=1)).date()),
        lambda c: c.registration_time.date() <= (TEST_NOW - dt.timedelta(days=1)).date(),
    ),
    "one day": (
        CaseFilter(
            registered_from=(TEST_NOW - dt.timedelta(days=3)).date(),
            registered_to=(TEST_NOW - dt.timedelta(days=3)).date(),
        ),
        lambda c: (
            c.is_open and c.registration_time.date() == (TEST_NOW - dt.timedelta(days=3)).date()
        ),
    ),
    "overdue": (
        CaseFilter(include_closed=True, overdue_only=True),
        lambda c: c.is_open and c.next_due is not None and c.next_due < TEST_NOW,
    ),
    "approval": (CaseFilter(awaiting_approval=True), lambda c: c.is_open and c.stage == "approval"),
    "combined": (
        CaseFilter(
            department_codes=frozenset({"customer_service"}),
            levels=frozenset({1, 2}),
            stages=frozenset({"investigating", "registered", "assigned"}),
        ),
        lambda c: (
            c.is_open
            and c.department.code == "customer_service"
            and c.level < 3
            and c.stage in ("investigating", "registered", "assigned")
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_filters(db, people, mixed, name):
    flt, wanted = FILTERS[name]
    manager = people["manager"]
    expected = {c.id for c in mixed if wanted(c)}
    if name not in ("unknown department",):
        assert expected, "the data set should exercise the filter"
    for sort in ("processing", "next_due", "owner"):
        ids = _ids(manager, flt, sort=sort, limit=5)
        assert len(ids) == len(set(ids)) and set(ids) == expected, (name, sort)
    assert tracker.count_cases(manager, flt) == len(expected)


def test_owner_and_mine_filters(db, people, mixed):
    c1 = people["clerk1"].user_id
    manager = people["manager"]
    owned = {c.id for c in mixed if c.is_open and c.owner_id == c1}
    received = {c.id for c in mixed if c.is_open and c.receiver_id == c1}
    assert owned and received - owned  # some of clerk1's cases are handled by others
    # "My cases": owned, and received (first-contact responsibility, docs/rules.md#routing).
    assert set(_ids(people["clerk1"], CaseFilter(mine=True))) == owned | received
    assert set(_ids(manager, CaseFilter(owner_ids=frozenset({c1})))) == owned
    both = {people["clerk2"].user_id, c1}
    assert set(_ids(manager, CaseFilter(include_closed=True, owner_ids=frozenset(both)))) == {
        c.id for c in mixed if c.owner_id in both
    }
    # The manager owns nothing; the command-line operator is nobody.
    assert _ids(manager, CaseFilter(mine=True)) == []
    assert _ids(Session.system(), CaseFilter(mine=True)) == []


def test_overdue_uses_the_session_clock(db, people, clock):
    """Real deadlines from the SLA rules (make_case): a case registered two days ago is past
    its first response; one registered now is not."""
    old = make_case(at=TEST_NOW - dt.timedelta(days=2), owner="clerk1")
    new = make_case(at=TEST_NOW - dt.timedelta(minutes=5), owner="clerk1")
    manager = people["manager"]
    assert old.next_due < TEST_NOW < new.next_due
    assert _ids(manager, CaseFilter(overdue_only=True)) == [old.id]
    later = dataclasses.replace(manager, clock=type(clock)(new.next_due + dt.timedelta(seconds=1)))
    assert set(_ids(later, CaseFilter(overdue_only=True))) == {old.id, new.id}


def test_text_search_over_open_cases_follows_closing_and_reopening(db, people, clock):
    """The open cases' text search reads its own index on PostgreSQL (each entry carries
    its case's open flag, kept by a trigger: docs/rules.md#search-index); a closed case
    leaves it and a reopened one comes back, on both backends."""
    from desktop_app.services import cases

    clerk1, manager = people["clerk1"], people["manager"]
    c1 = clerk1.user_id
    case = _case(receiver=c1, owner=c1, description="蓝牙耳机退款申请未到账")
    other = _case(receiver=c1, owner=c1, description="蓝牙耳机左耳没有声音")

    def found(include_closed=False):
        return set(_ids(manager, CaseFilter(text="耳机退款", include_closed=include_closed)))

    assert found() == {case.id}
    assert set(_ids(manager, CaseFilter(text="蓝牙耳机"))) == {case.id, other.id}
    detail = cases.close_case(
        clerk1,
        case.id,
        confirmed=False,
        outcome="resolved",
        reason="客户撤诉",
        version=cases.get_case(clerk1, case.id).version,
    )
    assert found() == set()
    assert found(include_closed=True) == {case.id}
    cases.reopen_case(clerk1, case.id, "款项仍未到账", version=detail.version)
    assert found() == {case.id}
    if not is_sqlite(db):
        flags = db.execute_sql(
            f"SELECT complaint_id, open_case FROM {search.TABLE} WHERE complaint_id IN (%s, %s)",
            (case.id, other.id),
        ).fetchall()
        assert dict(flags) == {case.id: True, other.id: True}


def test_text_search(db, people, monkeypatch):
    c1 = people["clerk1"].user_id
    day = TEST_NOW - dt.timedelta(days=2)
    a = _case(
        receiver=c1,
        owner=c1,
        name="王小明",
        number="TS-20261123-0001",
        registered=day,
        description="手机屏幕有划痕，要求换货",
        contact="13900001111",
    )
    b = _case(
        receiver=c1,
        owner=c1,
        name="王大力",
        number="TS-20261123-0002",
        registered=day,
        description="快递三天未送达",
        contact="wang@example.com",
    )
    c = _case(
        receiver=c1,
        owner=c1,
        name="李四",
        number="TS-20261124-0001",
        description="App login fails: error 502",
        contact="13722225678",
    )
    closed = _case(
        receiver=c1,
        owner=c1,
        name="赵六",
        number="TS-20261120-0001",
        stage="closed",
        description="屏幕碎了",
        contact="13800005678",
    )
    d = _case(
        receiver=c1,
        owner=c1,
        name="钱七",
        number="TS-20261124-0002",
        description="屏幕闪烁",
        contact="13600000000",
    )
    manager = people["manager"]

    def found(text, include_closed=False):
        flt = CaseFilter(include_closed=include_closed, text=text)
        ids = set(_ids(manager, flt, limit=2))
        assert tracker.count_cases(manager, flt) == len(ids)
        return ids

    # Numbers: the whole number, a prefix, lower case, digits without the prefix.
    assert found("TS-20261123-0002") == {b.id}
    assert found("ts-20261123") == {a.id, b.id}
    assert found("20261124") == {c.id, d.id}
    assert found("20261120", include_closed=True) == {closed.id}
    assert found("TS-2026112") == {a.id, b.id, c.id, d.id}
    # Customer name by prefix.
    assert found("王") == {a.id, b.id}
    assert found("王小") == {a.id}
    assert found("小明") == set()
    # Contacts: typed in full, or a phone by its last digits.
    assert found("13900001111") == {a.id}
    assert found("wang@example.com") == {b.id}
    assert found("5678") == {c.id}
    assert found("5678", include_closed=True) == {c.id, closed.id}
    assert found("567") == set()
    # Descriptions through the full-text index: every bigram of the words must be there.
    # (open cases only: the index is read from the oldest open case on)
    assert found("屏幕") == {a.id, d.id}
    assert found("屏幕", include_closed=True) == {a.id, closed.id, d.id}
    assert found("屏幕有划痕") == {a.id}
    assert found("屏幕划痕") == set()
    assert found("换货 划痕") == {a.id}
    assert found("未送达") == {b.id}
    assert found("LOGIN error") == {c.id}
    assert found("  ") == {a.id, b.id, c.id, d.id}
    # The numbering prefix is a setting.
    monkeypatch.setattr(
        settings_service,
        "get",
        lambda key: "CX" if key == "numbering.prefix" else settings_service.BY_KEY[key].default,
    )
    assert found("TS-20261123") == set()
    assert found("cx") == set()


def test_views_and_their_counts(db, people, mixed):
    clerk1, manager = people["clerk1"], people["manager"]
    keys = [v.key for v in tracker.standard_views(clerk1)]
    assert keys == [
        "mine",
        "approval",
        "overdue",
        "follow_up",
        "open",
        "all",
        "dept:customer_service",
    ]
    views = {v.key: v for v in tracker.standard_views(manager)}
    active = [
        d.code
        for d in Department.select()
        .where(Department.active)
        .order_by(Department.sort_order, Department.id)
    ]
    assert list(views)[6:] == [f"dept:{code}" for code in active]
    assert (
        views["mine"].zh,
        views["approval"].zh,
        views["overdue"].zh,
        views["open"].zh,
        views["all"].zh,
    ) == ("我的案件", "待审批", "已超时", "全部未结", "全部案件")
    assert views["dept:tech"].label("zh_CN") == "技术部"
    assert views["dept:tech"].label("en_US") == "Technology"
    assert views["all"].label("en") == "All cases"
    for session in (clerk1, people["super2"], manager):
        views = tracker.standard_views(session)
        counts = tracker.view_counts(session, views)
        assert set(counts) == {v.key for v in views}
        for view in views:
            assert counts[view.key] == len(_ids(session, view.filter, limit=50)), view.key
    counts = tracker.view_counts(manager, tracker.standard_views(manager))
    assert counts["all"] == len(mixed)
    assert counts["open"] == sum(c.is_open for c in mixed)
    assert counts["approval"] == sum(c.is_open and c.stage == "approval" for c in mixed)
    assert counts["overdue"] == sum(
        c.is_open and c.next_due is not None and c.next_due < TEST_NOW for c in mixed
    )
    assert counts["dept:tech"] == sum(c.is_open and c.department.code == "tech" for c in mixed)
    assert tracker.view_counts(clerk1, []) == {}


def test_follow_up_view_lists_cases_whose_unhappy_customer_waits(db, people, clock):
    from desktop_app.services import cases, surveys

    clerk1, super1 = people["clerk1"], people["super1"]
    unhappy, content = (make_case(at=TEST_NOW, owner="clerk1") for _ in range(2))
    for case in (unhappy, content):
        cases.close_case(
            clerk1,
            case.id,
            confirmed=False,
            outcome="resolved",
            reason="撤诉",
            version=cases.get_case(clerk1, case.id).version,
        )
    clock.advance(hours=25)
    for case, score in ((unhappy, 1), (content, 5)):
        surveys.record_survey(
            clerk1,
            surveys.SurveyForm(
                complaint_number=case.number,
                customer_name="张三",
                survey_time=clock.now(),
                timeliness=score,
                effectiveness=score,
                attitude=score,
                overall=score,
            ),
        )
    view = {v.key: v for v in tracker.standard_views(super1)}["follow_up"]
    assert (view.zh, view.en) == ("待跟进", "Follow-ups")
    for session in (super1, clerk1, people["manager"]):
        assert _ids(session, view.filter) == [unhappy.id]
        assert tracker.view_counts(session, [view]) == {"follow_up": 1}
    assert _ids(people["clerk2"], view.filter) == []  # another department
    (follow_up,) = surveys.follow_ups(super1)
    surveys.complete_follow_up(super1, follow_up.id, "已致电道歉")
    assert _ids(super1, view.filter) == []


def test_a_deactivated_department_has_no_view(db, people):
    Department.update(active=False).where(Department.code == "tech").execute()
    keys = [v.key for v in tracker.standard_views(people["manager"])]
    assert "dept:tech" not in keys and "dept:customer_service" in keys


def test_owners_in_scope(db, people, system_session):
    make_user(system_session, "clerk3", "clerk", departments=("customer_service", "tech"))
    make_user(system_session, "gone", "clerk", departments=("customer_service",))
    User.update(active=False).where(User.username == "gone").execute()

    def names(session):
        return [name for _id, name in tracker.owners(session)]

    assert names(people["clerk1"]) == ["clerk1", "clerk3", "super1"]
    assert names(people["super2"]) == ["clerk2", "clerk3", "super2"]
    assert names(people["manager"]) == sorted(
        u.display_name for u in User.select().where(User.active)
    )
    assert "gone" not in names(people["manager"])
    ids = dict(tracker.owners(people["clerk1"]))
    assert ids[people["clerk1"].user_id] == "clerk1"


def test_due_soon_window_is_a_setting(db, people, manager_session):
    assert tracker.due_soon_window(people["clerk1"]) == dt.timedelta(hours=4)
    settings_service.change_setting(manager_session, "tracker.due_soon_hours", 1.5)
    assert tracker.due_soon_window(people["clerk1"]) == dt.timedelta(hours=1.5)
    with pytest.raises(ValidationError):
        settings_service.change_setting(manager_session, "tracker.due_soon_hours", 0.1)
    with pytest.raises(ValidationError):
        settings_service.change_setting(manager_session, "tracker.due_soon_hours", 200)


def test_bad_arguments_and_permission(db, people, mixed):
    manager = people["manager"]
    page = tracker.list_cases(manager, limit=3)
    with pytest.raises(ValidationError):
        tracker.list_cases(manager, sort="number", after=page.next_cursor)
    with pytest.raises(ValidationError):
        tracker.list_cases(manager, descending=True, sort="age", after=("age", False, 0, 1))
    with pytest.raises(ValidationError):
        tracker.list_cases(manager, sort="colour")
    with pytest.raises(ValidationError):
        tracker.list_cases(manager, limit=0)
    guest = Session(None, "x", "x", "guest")
    for call in (
        lambda: tracker.list_cases(guest),
        lambda: tracker.count_cases(guest),
        lambda: tracker.standard_views(guest),
        lambda: tracker.owners(guest),
        lambda: tracker.due_soon_window(guest),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_statement_is_the_same_list_in_one_query(db, people, mixed):
    """The benchmark's baseline reads this statement; it must list what the pages list."""
    manager = people["clerk2"]
    for flt in (
        CaseFilter(),
        CaseFilter(include_closed=True),
        CaseFilter(include_closed=True, text="订单"),
    ):
        for sort in tracker.SORT_KEYS:
            for descending in (False, True):
                sql, params = tracker.statement(manager, flt, sort=sort, descending=descending)
                rows = db.execute_sql(sql, params).fetchall()
                assert [r[0] for r in rows] == _ids(
                    manager, flt, sort=sort, descending=descending
                ), (flt, sort)


def _plans(db, session, flt, sort, descending=False):
    """The query plans of the id queries of a list's second page (SQLite)."""
    first = tracker.list_cases(session, flt, sort=sort, descending=descending, limit=3)
    statements = []
    db_execute = db.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        statements.append((sql, params))
        return db_execute(sql, params, *args, **kwargs)

    db.execute_sql = spy
    try:
        tracker.list_cases(
            session, flt, sort=sort, descending=descending, limit=3, after=first.next_cursor
        )
    finally:
        del db.execute_sql
    pages = [s for s in statements if s[0].startswith("SELECT c.id FROM complaint AS c")]
    assert pages
    return [
        " | ".join(str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
        for sql, params in pages
    ]


_OPEN_COVERING = ("COVERING INDEX complaint_open_cases ", "COVERING INDEX complaint_queue_open ")


@pytest.mark.parametrize(
    ("include_closed", "sort", "index", "sorts", "who"),
    [
        (False, "processing", "COVERING INDEX complaint_queue_open ", False, "manager"),
        # Open cases first (from their queue), then the closed ones (from the whole queue).
        (
            True,
            "processing",
            ("COVERING INDEX complaint_queue_open ", "COVERING INDEX complaint_queue_closed "),
            False,
            "manager",
        ),
        (False, "department", _OPEN_COVERING, True, "manager"),
        (False, "customer", _OPEN_COVERING, True, "manager"),
        (False, "type", _OPEN_COVERING, True, "manager"),
        (True, "number", "complaint_number", False, "manager"),
        (True, "customer", "complaint_customer_name", False, "manager"),
        (True, "age", "complaint_registration_time", False, "manager"),
        (True, "next_due", "complaint_next_due", False, "manager"),
        (True, "department", "complaint_department_id", False, "manager"),
        (True, "owner", "complaint_owner_id", False, "manager"),
        (True, "type", "complaint_subtype_id", False, "manager"),
        # Staff with a scope: over all cases the scope is tested row by row along the order.
        (True, "number", "complaint_number", False, "super1"),
        (True, "age", "complaint_registration_time", False, "clerk1"),
        (
            True,
            "processing",
            ("COVERING INDEX complaint_queue_open ", "INDEX complaint_queue_closed "),
            False,
            "clerk1",
        ),
        # The open cases in processing order: the scope is tested in the index, no row read.
        (False, "processing", "COVERING INDEX complaint_queue_open ", False, "clerk1"),
        (False, "department", _OPEN_COVERING, True, "clerk1"),
    ],
)
def test_pages_are_read_from_indexes(db, people, mixed, include_closed, sort, index, sorts, who):
    """On SQLite: the processing order walks complaint_queue_open (the open cases, covering)
    and then complaint_queue_closed (the closed ones); other orders of the open cases sort them from a covering
    index; with closed cases, every page walks an index in the page's order (per group
    for label orders) instead of sorting."""
    if not is_sqlite(db):
        pytest.skip("plans checked on SQLite; PostgreSQL plans by its statistics")
    allowed = (index,) if isinstance(index, str) else index
    for descending in (False, True):
        for plan in _plans(
            db, people[who], CaseFilter(include_closed=include_closed), sort, descending
        ):
            assert any(name in plan for name in allowed), plan
            assert ("TEMP B-TREE" in plan) == sorts, plan


def test_model_keeps_index_values_and_the_texts_of_each_load(qtbot, db, people, mixed):
    """TrackerModel keeps the model indexes of its first rows and the texts of a load: an
    index is the value createIndex makes, none is given past the loaded rows, and every
    cell shows ``display``'s text of the row loaded now, also after reloads."""
    from PySide6.QtCore import QModelIndex

    from desktop_app.ui.tasks import TaskRunner
    from desktop_app.ui.tracker_model import COLUMN_COUNT, NEXT_DUE, TIME_FORMAT, TrackerModel

    tasks = TaskRunner()
    model = TrackerModel(people["manager"], tasks, page_size=7)

    def load(flt: CaseFilter, **order) -> None:
        """Ask for a query and wait for its rows (read off the UI thread)."""
        with qtbot.waitSignal(model.loaded, timeout=10_000):
            model.set_query(flt, **order)

    def check():
        for row in range(model.rowCount()):
            case = model.case_row(row)
            for column in range(COLUMN_COUNT):
                index = model.index(row, column)
                assert index == model.createIndex(row, column)
                assert index.data() == model.display(case, column)
            due = model.index(row, NEXT_DUE).data()
            assert due == (case.next_due.strftime(TIME_FORMAT) if case.next_due else "")

    load(CaseFilter(include_closed=True))
    assert model.rowCount() == 7
    check()
    last = model.index(6, 0)
    load(CaseFilter(text="no case says this"))
    assert model.rowCount() == 0
    assert not model.index(0, 0).isValid()
    assert model.data(last) is None and model.data(QModelIndex()) is None
    load(CaseFilter(include_closed=True), sort="number", descending=True)
    assert model.rowCount() == 7
    check()
    top = tracker.list_cases(
        people["manager"], CaseFilter(include_closed=True), sort="number", descending=True, limit=1
    ).rows[0]
    assert model.index(0, 0).data() == top.number
    tasks.wait_for_done()
