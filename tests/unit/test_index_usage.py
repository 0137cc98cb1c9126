"""Every index of the cases is read by some real query (docs/rules.md#indexes): each save
writes every index, so one that no query reads only slows saving. SQLite plans."""

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
    case_indexes = {name for name, table in indexes(db, ("complaint",)).items()}
    unused = sorted(case_indexes - set(used))
    assert not unused, f"indexes of complaint no query reads: {unused}"
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
