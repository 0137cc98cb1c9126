"""Which index of a hot table each of the program's real queries reads (SQLite).

``workload`` runs the services that query cases — the tracker's pages, filters, counts
and views, the open queue, the reports, the reminder scan, the deadline recompute, the
intake look-ups and a save, the customer record, the consistency check — while ``capture``
records every statement; ``usage`` explains each with EXPLAIN QUERY PLAN and maps every
index to the statements that read it. tests/unit/test_index_usage.py fails on an index
no statement reads (docs/rules.md#indexes); ``python -m tests.helpers.index_usage`` prints
the map.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop_app.db.models import Complaint, Customer, User, database_proxy

HOT_TABLES = ("complaint", "reminder", "audit_log")


@contextmanager
def capture(db: Any, into: list[tuple[str, str, Any]], label: Callable[[], str]) -> Iterator[None]:
    """Record (label, sql, params) of every statement the services run meanwhile."""
    execute = db.execute_sql

    def spy(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        into.append((label(), sql, params))
        return execute(sql, params, *args, **kwargs)

    db.execute_sql = spy
    try:
        yield
    finally:
        del db.execute_sql


def workload(clock: Any) -> list[tuple[str, str, Any]]:
    """Run the program's case queries over the current (demo) database; their statements."""
    from desktop_app.services import (
        audit,
        auth,
        cases,
        check,
        customers,
        intake,
        kpi,
        queue,
        reminders,
        sla,
        tracker,
    )
    from desktop_app.services.session import Session

    db = database_proxy.obj
    statements: list[tuple[str, str, Any]] = []
    current = ["?"]

    def step(name: str, call: Callable[[], Any]) -> Any:
        current[0] = name
        return call()

    def session(username: str) -> Session:
        return auth.session_for(User.get(User.username == username), clock)

    manager = session("demo_manager")
    clerk = session("demo_clerk01")
    supervisor = session(
        User.select().where(User.role == "supervisor", User.active).order_by(User.id).get().username
    )
    system = Session.system(clock)
    now = clock.now()
    # The workload's own look-ups, before recording.
    customer = Customer.select().join(Complaint).order_by(Customer.id).first()
    case = Complaint.select().where(Complaint.is_open).order_by(Complaint.id).first()
    some_owner = User.get(User.username == "demo_clerk01").id
    subtype, category, department = case.subtype.code, case.type.code, case.department.code
    with capture(db, statements, lambda: current[0]):
        for who, s in (("manager", manager), ("clerk", clerk), ("supervisor", supervisor)):
            for include_closed in (False, True):
                for sort in tracker.SORT_KEYS:
                    for descending in (False, True):
                        flt = tracker.CaseFilter(include_closed=include_closed)
                        name = f"tracker {who} {sort}{' desc' if descending else ''}"
                        name += " all" if include_closed else " open"
                        first = step(
                            name,
                            lambda f=flt, k=sort, d=descending, x=s: tracker.list_cases(
                                x, f, sort=k, descending=d, limit=3
                            ),
                        )
                        step(
                            name + " page 2",
                            lambda f=flt, k=sort, d=descending, x=s, c=first: tracker.list_cases(
                                x, f, sort=k, descending=d, limit=3, after=c.next_cursor
                            ),
                        )
            views = step(f"views {who}", lambda x=s: tracker.standard_views(x))
            step(f"view counts {who}", lambda x=s, v=views: tracker.view_counts(x, v))
            step(f"owners {who}", lambda x=s: tracker.owners(x))
            first_q = step(f"open queue {who}", lambda x=s: queue.open_queue(x, limit=5))
            if first_q.next_cursor is not None:
                step(
                    f"open queue {who} page 2",
                    lambda x=s, c=first_q.next_cursor: queue.open_queue(x, limit=5, after=c),
                )
        filters = {
            "stages": tracker.CaseFilter(stages=frozenset({"investigating"})),
            "closed stage": tracker.CaseFilter(include_closed=True, stages=frozenset({"closed"})),
            "owner": tracker.CaseFilter(owner_ids=frozenset({some_owner})),
            "owner all": tracker.CaseFilter(include_closed=True, owner_ids=frozenset({some_owner})),
            "mine": tracker.CaseFilter(mine=True),
            "mine all": tracker.CaseFilter(include_closed=True, mine=True),
            "levels": tracker.CaseFilter(levels=frozenset({3})),
            "urgent all": tracker.CaseFilter(include_closed=True, urgent_only=True),
            "overdue": tracker.CaseFilter(overdue_only=True),
            "approval": tracker.CaseFilter(awaiting_approval=True),
            "follow-up": tracker.CaseFilter(follow_up_open=True),
            "registered from": tracker.CaseFilter(
                include_closed=True, registered_from=(now - dt.timedelta(days=7)).date()
            ),
            "text number": tracker.CaseFilter(include_closed=True, text="TS-2026"),
            "text words": tracker.CaseFilter(include_closed=True, text="退款"),
            "text words open": tracker.CaseFilter(text="退款"),
        }
        for name, flt in filters.items():
            for who, s in (("manager", manager), ("clerk", clerk)):
                step(f"filter {name} {who}", lambda f=flt, x=s: tracker.list_cases(x, f, limit=5))
                step(f"count {name} {who}", lambda f=flt, x=s: tracker.count_cases(x, f))
        # Reports: every statement of the KPI report, all departments and one.
        for department in (None, "customer_service"):
            step(
                f"kpi report {department or 'all'}",
                lambda d=department: kpi.kpi_report(
                    manager, (now - dt.timedelta(days=90)).date(), now.date(), department_code=d
                ),
            )
        # The reminder scan: its first tick catches up on the look-back, then a steady one.
        step("reminder scan first", lambda: reminders.scan(system))
        clock.advance(minutes=1)
        step("reminder scan steady", lambda: reminders.scan(system))
        step("recompute open deadlines", lambda: sla.recompute_open_deadlines(system))
        # Intake: look-ups while typing, a customer's cases, a save.
        step("intake lookup customers", lambda: intake.lookup_customers(clerk, customer.name[:1]))
        step(
            "intake customer",
            lambda: intake.customer_for_intake(
                clerk,
                customer.id,
                matched=customer.phone or customer.member_number or customer.id_number or "",
            ),
        )
        step("intake customer cases", lambda: intake.customer_cases(clerk, customer.id))
        step(
            "intake similar cases",
            lambda: intake.similar_cases(
                clerk, customer_id=customer.id, subtype=subtype, text="退款 商品"
            ),
        )
        form = intake.IntakeForm(
            customer_name=customer.name,
            contact=customer.phone or "13800000000",
            channel="phone",
            complaint_time=now - dt.timedelta(minutes=5),
            type=category,
            subtype=subtype,
            urgency="normal",
            description="收到的商品与描述不符，要求退款",
            department=department,
            customer_requests=["refund"],
            subject_staff="demo_clerk03" if subtype.startswith("staff_") else "",
        )
        step("intake save", lambda: intake.register_complaint(clerk, form))
        step("customer record", lambda: customers.get_customer(manager, customer.id))
        step("consistency check", lambda: check.run_checks(system))
        # The audit log: the viewer's filters, a case's timeline, what changed since.
        for name, flt in {
            "all": audit.AuditFilter(),
            "user": audit.AuditFilter(username="demo_clerk01"),
            "case": audit.AuditFilter(case_number=case.number),
            "action": audit.AuditFilter(action="complaint_create"),
            "dates": audit.AuditFilter(date_from=(now - dt.timedelta(days=7)).date()),
        }.items():
            step(f"audit {name}", lambda f=flt: audit.list_audit(manager, f))
            step(f"audit count {name}", lambda f=flt: audit.count_audit(manager, f))
        step("case timeline", lambda: cases.timeline(manager, case.id))
        step("my reminders", lambda: reminders.my_reminders(clerk))
        step("my reminders supervisor", lambda: reminders.my_reminders(supervisor))
        step("my reminders manager", lambda: reminders.my_reminders(manager))
    return statements


_INDEX = re.compile(r"(?:COVERING )?INDEX (\w+)")


def indexes(db: Any, tables: tuple[str, ...] = HOT_TABLES) -> dict[str, str]:
    """Every named index of ``tables`` (not SQLite's automatic ones): name -> table."""
    marks = ", ".join("?" for _ in tables)
    rows = db.execute_sql(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
        f"AND tbl_name IN ({marks}) AND sql IS NOT NULL",
        tables,
    ).fetchall()
    return {name: table for name, table in rows}


def usage(db: Any, statements: list[tuple[str, str, Any]]) -> dict[str, set[str]]:
    """index name -> the labels of the statements whose plan reads it."""
    used: dict[str, set[str]] = defaultdict(set)
    for label, sql, params in statements:
        head = sql.lstrip().split(None, 1)[0].upper()
        if head not in ("SELECT", "WITH", "UPDATE", "DELETE", "INSERT"):
            continue
        try:
            rows = db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        except Exception:  # a statement of a table gone since (none expected)
            continue
        for row in rows:
            for name in _INDEX.findall(str(row[-1])):
                used[name].add(label)
    return used


def main() -> None:  # pragma: no cover - a developer's report
    import tempfile
    from pathlib import Path

    from desktop_app.bootstrap import prepare_database
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services import demo
    from desktop_app.services.session import Session

    with tempfile.TemporaryDirectory() as folder:
        db, _info, _result = prepare_database(f"sqlite:///{Path(folder) / 'usage.db'}")
        clock = FixedClock(dt.datetime(2026, 11, 25, 10, 0, 0))
        demo.generate(Session.system(clock), 600, seed=1)
        statements = workload(clock)
        used = usage(db, statements)
        for name, table in sorted(indexes(db).items(), key=lambda kv: (kv[1], kv[0])):
            labels = sorted(used.get(name, ()))
            print(f"{table}.{name}: {len(labels)}  {'; '.join(labels[:4]) or 'UNUSED'}")
        db.close()


if __name__ == "__main__":  # pragma: no cover
    main()
