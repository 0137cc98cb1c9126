"""Several PCs at once registering complaints and updating the same cases in the tracker:
every complaint its own number, no update lost, a clash reported as a conflict in words,
never a raw driver error such as "database is locked"."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from desktop_app.db.models import AuditLog, Complaint, ProgressEntry, Transfer
from desktop_app.services import intake
from tests.helpers.fixtures import TEST_NOW, make_user

ROOT = Path(__file__).resolve().parents[2]
PROCESSES, OPERATIONS, POOL = 4, 500, 6


def pool_case(session, i: int) -> int:
    form = intake.IntakeForm(
        customer_name=f"共享客户{i}",
        contact=f"1380000{i:04d}",
        channel="walk_in",
        complaint_time=TEST_NOW - dt.timedelta(hours=1),
        type="product_quality",
        subtype="functional_defect",
        urgency="normal",
        description=f"第{i}台屏幕有划痕，要求换货",
        department="customer_service",
    )
    return intake.register_complaint(session, form).id


@pytest.mark.slow
def test_four_processes_mixing_intakes_and_updates_lose_nothing(db_url, system_session):
    names = [f"boss{k}" for k in range(PROCESSES)]
    sessions = [make_user(system_session, n, "manager", departments=()) for n in names]
    assignees = [make_user(system_session, f"clerk{k}", "clerk").user_id for k in range(3)]
    pool = [pool_case(sessions[0], i) for i in range(POOL)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = []
    for k, name in enumerate(names):
        config = {
            "username": name,
            "count": OPERATIONS,
            "seed": k,
            "now": TEST_NOW.isoformat(),
            "cases": pool,
            "assignees": assignees,
        }
        workers.append(
            subprocess.Popen(
                [sys.executable, "-m", "tests.helpers.mixed_worker", db_url, json.dumps(config)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))

    def every(key: str) -> list:
        return [item for r in results for item in r[key]]

    # Nothing but conflicts reached a user, and those in words.
    assert every("raw") == []
    assert every("errors") == []
    numbers = {c.id: c.number for c in Complaint.select()}
    conflicts = every("conflicts")
    assert conflicts, "the workers never clashed: the test proves nothing"
    for case_id, kind, message in conflicts:
        assert kind == "CaseConflict"
        assert message == f"Someone else changed case {numbers[case_id]} since you opened it."
    assert not any(
        "locked" in str(item).lower() for r in results for items in r.values() for item in items
    )

    # Intakes: unique numbers, the day's sequence without a gap (the pool took 1..POOL).
    new_numbers = every("numbers")
    assert len(new_numbers) == len(set(new_numbers)) > 0
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers.values()) == list(
        range(1, POOL + len(new_numbers) + 1)
    )
    assert set(new_numbers) | {numbers[c] for c in pool} == set(numbers.values())

    # Updates: every one reported done is in the database, and each version of a case was
    # made by exactly one update (two writers both building on version n = a lost update).
    progress, transfers = every("progress"), every("transfers")
    assert progress and transfers
    stored_progress = {(p.complaint_id, p.result) for p in ProgressEntry.select()}
    assert stored_progress == {(c, text) for c, text, _v in progress}
    stored_transfers = {(t.complaint_id, t.reason, t.to_user_id) for t in Transfer.select()}
    assert stored_transfers == {(c, reason, to) for c, reason, to, _v in transfers}
    made: dict[int, list[int]] = defaultdict(list)
    for case_id, *_rest, version in progress + transfers:
        made[case_id].append(version)
    last_owner = {}
    for case_id, _reason, to_user, _version in sorted(transfers, key=lambda t: t[3]):
        last_owner[case_id] = to_user
    for case_id in pool:
        case = Complaint.get_by_id(case_id)
        assert sorted(made[case_id]) == list(range(2, case.version + 1)), case.number
        assert case.owner_id == last_owner.get(case_id, sessions[0].user_id)
    audited = Counter(
        a.action
        for a in AuditLog.select().where(
            AuditLog.entity == "complaint", AuditLog.entity_id.in_(pool)
        )
    )
    assert (audited["progress"], audited["transfer"]) == (len(progress), len(transfers))
