import datetime as dt
import itertools

import pytest

from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import Channel, Complaint, ComplaintType, Customer, Department
from desktop_app.services import queue
from desktop_app.services.errors import PermissionDenied, ValidationError
from desktop_app.services.session import Session
from tests.helpers.fixtures import TEST_NOW, make_user

PHONE = "13812345678"
MASKED = "138****5678"
_numbers = itertools.count(1)


def _case(
    *,
    receiver,
    owner,
    department="customer_service",
    priority=1,
    next_due=None,
    is_open=True,
    contact=PHONE,
):
    subtype = ComplaintType.get(ComplaintType.code == "delivery")
    dept = Department.get(Department.code == department)
    customer = Customer.create(name="张三", phone=PHONE, created_at=TEST_NOW, updated_at=TEST_NOW)
    at = TEST_NOW - dt.timedelta(days=1)
    urgent = priority == 4
    return Complaint.create(
        number=f"TS-20261124-{next(_numbers):04d}",
        customer=customer,
        customer_name="张三",
        contact=contact,
        complaint_time=at,
        registration_time=at + dt.timedelta(minutes=3),
        channel=Channel.get(Channel.code == "phone"),
        type=subtype.parent_id,
        subtype=subtype,
        urgency="urgent" if urgent else "normal",
        description="订单显示已签收但本人未收到",
        department=dept,
        receiver=receiver,
        owner=owner,
        stage="investigating" if is_open else "closed",
        is_open=is_open,
        level=3 if urgent else priority,
        urgent=urgent,
        priority=priority,
        outcome=None if is_open else "resolved",
        closed_at=None if is_open else TEST_NOW,
        first_response_due=at + dt.timedelta(hours=4),
        solution_due=at + dt.timedelta(days=3),
        resolution_due=at + dt.timedelta(days=7),
        next_due=next_due if is_open else None,
        created_at=at,
        updated_at=at,
    )


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


def _all_pages(session, limit):
    rows, cursor, pages = [], None, 0
    while True:
        page = queue.open_queue(session, limit=limit, after=cursor)
        rows.extend(page.rows)
        pages += 1
        assert len(page.rows) <= limit
        if page.next_cursor is None:
            return rows, pages
        assert page.next_cursor == page.rows[-1].cursor
        cursor = page.next_cursor


def _expected_order(cases, *, nulls_first):
    def key(c):
        if c.next_due is None:
            due = (0 if nulls_first else 2, dt.datetime.min)
        else:
            due = (1, c.next_due)
        return (-c.priority, due, c.id)

    return [c.id for c in sorted(cases, key=key)]


def test_processing_order_and_pagination_without_gaps(db, people):
    c1, c2 = people["clerk1"].user_id, people["clerk2"].user_id
    base = TEST_NOW + dt.timedelta(hours=1)
    dues = [base + dt.timedelta(hours=h) for h in (5, 1, 3, 1, 8)]  # ties on purpose
    cases = []
    for i in range(57):
        cases.append(
            _case(
                receiver=c1 if i % 2 else c2,
                owner=c1 if i % 3 else c2,
                department="customer_service" if i % 4 else "tech",
                priority=(1, 2, 3, 4, 1, 2)[i % 6],
                next_due=dues[i % 5],
            )
        )
    cases.append(_case(receiver=c1, owner=c1, priority=2, next_due=None))  # data fault
    for _ in range(5):
        _case(receiver=c1, owner=c1, is_open=False)
    expected = _expected_order(cases, nulls_first=is_sqlite(db))
    for limit in (1, 7, 100):
        rows, pages = _all_pages(people["manager"], limit)
        assert [r.id for r in rows] == expected
        assert pages == -(-len(expected) // limit) or (
            len(expected) % limit == 0 and pages == len(expected) // limit + 1
        )
    first = queue.open_queue(people["manager"], limit=5)
    assert [r.priority for r in first.rows] == [4] * 5
    assert all(a.next_due <= b.next_due for a, b in itertools.pairwise(first.rows))


def test_last_page_has_no_cursor(db, people):
    c1 = people["clerk1"].user_id
    for h in range(3):
        _case(receiver=c1, owner=c1, next_due=TEST_NOW + dt.timedelta(hours=h))
    page = queue.open_queue(people["manager"], limit=3)
    assert len(page.rows) == 3 and page.next_cursor is None
    page = queue.open_queue(people["manager"], limit=2)
    assert len(page.rows) == 2 and page.next_cursor is not None
    rest = queue.open_queue(people["manager"], limit=2, after=page.next_cursor)
    assert len(rest.rows) == 1 and rest.next_cursor is None


def test_scope_by_role(db, people):
    c1, c2 = people["clerk1"].user_id, people["clerk2"].user_id
    s2 = people["super2"].user_id
    due = TEST_NOW + dt.timedelta(hours=2)
    received = _case(receiver=c1, owner=c2, department="tech", next_due=due)
    owned = _case(receiver=c2, owner=c1, department="tech", next_due=due)
    cs_dept = _case(receiver=c2, owner=c2, department="customer_service", next_due=due)
    tech = _case(receiver=c2, owner=c2, department="tech", next_due=due)
    super2_owns = _case(
        receiver=people["manager"].user_id, owner=s2, department="logistics", next_due=due
    )
    everything = {received.id, owned.id, cs_dept.id, tech.id, super2_owns.id}

    def seen(name):
        return {r.id for r in _all_pages(people[name], 2)[0]}

    assert seen("clerk1") == {received.id, owned.id, cs_dept.id}
    assert seen("clerk2") == {received.id, owned.id, cs_dept.id, tech.id}
    # super1 supervises clerk1 and super2 clerk2: the cases their staff own in another
    # department are in their queues too, as get_case and the tracker show them (one
    # rule: services/access.py).
    assert seen("super1") == {cs_dept.id, owned.id}
    assert seen("super2") == {received.id, owned.id, cs_dept.id, tech.id, super2_owns.id}
    assert seen("manager") == everything


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

    def contacts(session):
        return {r.id: (r.contact, r.contact_masked) for r in _all_pages(session, 10)[0]}

    clerk1 = contacts(people["clerk1"])
    assert clerk1[mine.id] == (PHONE, False)
    assert clerk1[dept_only.id] == (f"{MASKED};z***@example.com", True)
    # clerk2 owns both; super1 supervises customer service; super2 is clerk2's supervisor.
    assert all(not masked for _, masked in contacts(people["clerk2"]).values())
    assert contacts(people["super1"])[dept_only.id][1] is False
    assert contacts(people["super2"])[mine.id] == (PHONE, False)
    assert all(not masked for _, masked in contacts(people["manager"]).values())
    # Administrators run the system; they do not handle cases (docs/rules.md#masking).
    assert all(masked for _, masked in contacts(admin_session).values())


def test_row_labels(db, people):
    c1 = people["clerk1"].user_id
    case = _case(receiver=c1, owner=c1, priority=4, next_due=TEST_NOW)
    (row,) = queue.open_queue(people["manager"]).rows
    assert (row.id, row.number, row.customer_name) == (case.id, case.number, "张三")
    assert (row.type, row.subtype, row.department) == ("流程效率类", "配送问题", "客服部")
    assert (row.level, row.urgent, row.stage, row.owner) == (3, True, "investigating", "clerk1")
    assert row.next_due == TEST_NOW and row.registration_time == case.registration_time
    english = Session(
        people["manager"].user_id, "manager1", "manager1", "manager", language="en_US"
    )
    (row,) = queue.open_queue(english).rows
    assert (row.type, row.subtype, row.department) == (
        "Process efficiency",
        "Delivery",
        "Customer service",
    )


def test_limits_and_permission(db, people):
    with pytest.raises(ValidationError):
        queue.open_queue(people["manager"], limit=0)
    with pytest.raises(PermissionDenied):
        queue.open_queue(Session(None, "x", "x", "guest"))


def test_query_uses_the_queue_index(db, people):
    """The first page and a later page are read from complaint_queue_open, without a sort."""
    session = people["manager"]
    cursor = queue.QueueCursor(2, TEST_NOW, 10)
    for after in (None, cursor):
        sql, params = queue.build_query(session, limit=101, after=after, sqlite=is_sqlite(db))
        if is_sqlite(db):
            plan = " | ".join(
                str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
            )
            assert "complaint_queue_open" in plan, plan
            assert "TEMP B-TREE" not in plan, plan
        else:
            # A near-empty table makes any plan cheap: forbid the alternatives to show the
            # index can serve both the filter and the order (bench/ checks the real plan).
            switches = ("enable_seqscan", "enable_bitmapscan", "enable_sort")
            for name in switches:
                db.execute_sql(f"SET {name} = off")
            try:
                plan = " | ".join(r[0] for r in db.execute_sql("EXPLAIN " + sql, params))
            finally:
                for name in switches:
                    db.execute_sql(f"SET {name} = on")
            assert "complaint_queue_open" in plan, plan
            assert "Sort" not in plan, plan
