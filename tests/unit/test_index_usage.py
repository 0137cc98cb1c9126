"""Every index of the cases, reminders and audit log is read by some real query
(docs/rules.md#indexes): each save writes every index, so one that no query reads only
slows saving. SQLite plans."""

import re

import pytest

from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import database_proxy
from desktop_app.services import demo
from tests.helpers.index_usage import indexes, usage, workload

# Hot paths that must never read the whole case table.
NO_FULL_SCAN = ("reminder scan", "intake", "open queue", "customer record")
_FULL_SCAN = re.compile(r"\bSCAN (?:c|t1|complaint)\b(?! USING)")


@pytest.fixture
def statements(db, system_session, clock):
    if not is_sqlite(database_proxy.obj):
        pytest.skip("SQLite plans; PostgreSQL plans by its statistics")
    demo.generate(system_session, 400, seed=3)
    return workload(clock)


def test_every_case_index_is_read_by_a_query(statements):
    db = database_proxy.obj
    used = usage(db, statements)
    # The cases, and the reminders and audit entries a save or a scan writes.
    unused = sorted(f"{table}.{name}" for name, table in indexes(db).items() if name not in used)
    assert not unused, f"indexes no query reads: {unused}"
    case_indexes = set(indexes(db, ("complaint",)))
    # The ones schema v11 dropped stay dropped (a prefix of another, or read by none).
    assert not case_indexes & {
        "complaint_customer_id",
        "complaint_receiver_id",
        "complaint_owner_id_is_open",
        "complaint_department_id_is_open",
        "complaint_queue",
        "complaint_channel_id",
        "complaint_type_id",
    }
    assert not set(indexes(db)) & {
        "reminder_complaint_id",
        "reminder_recipient_id",
        "audit_log_user_id",
        "audit_log_user_id_at",
    }
    # Who reads what, for the hot paths.
    assert {"reminder scan steady"} <= used["complaint_open_first_response_due"]
    assert {"reminder scan steady"} <= used["complaint_open_resolution_due"]
    assert "intake save" in used["complaint_subtype_id_registration_time"]  # the batch rule
    assert any(label.startswith("open queue") for label in used["complaint_queue_open"])
    assert any(label.startswith("kpi report") for label in used["complaint_closed_at"])


def test_hot_paths_never_scan_the_cases(statements):
    db = database_proxy.obj
    for label, sql, params in statements:
        if not label.startswith(NO_FULL_SCAN) or "complaint" not in sql:
            continue
        if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
            continue
        plan = " | ".join(
            str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        )
        if "FROM complaint" in sql or '"complaint"' in sql:
            assert not _FULL_SCAN.search(plan), (label, sql, plan)
