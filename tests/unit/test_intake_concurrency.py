"""Several PCs saving at once: every save gets its own number, none fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.db.models import Complaint, DaySequence
from tests.helpers.fixtures import make_user

ROOT = Path(__file__).resolve().parents[2]
PROCESSES, SAVES = 4, 500


@pytest.mark.slow
def test_four_processes_save_500_each_with_distinct_numbers(db_url, system_session):
    make_user(system_session, "desk", "clerk", departments=("logistics",))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.intake_worker", db_url, "desk", str(SAVES)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    errors = [e for r in results for e in r["errors"]]
    numbers = [n for r in results for n in r["numbers"]]
    assert errors == []
    assert len(numbers) == len(set(numbers)) == PROCESSES * SAVES
    assert Complaint.select().count() == PROCESSES * SAVES
    # The day's sequence issued exactly 1..2000: nothing skipped, nothing twice.
    suffixes = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert suffixes == list(range(1, PROCESSES * SAVES + 1))
    assert DaySequence.select().count() == 1
