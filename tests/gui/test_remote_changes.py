"""Changes reach every PC within seconds (docs/rules.md#changes-reach-every-pc): a
supervisor's tracker is open in this process; a clerk saves a case in another process; the
case appears in the open tracker without a key pressed. On PostgreSQL through LISTEN/NOTIFY,
on SQLite (two programs on one PC) through the data-version check. And a reminder made by
another program appears in the reminders panel."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.bootstrap import prepare_database
from desktop_app.db import change_feed
from desktop_app.db.connection import is_postgres
from desktop_app.db.models import Reminder, database_proxy
from desktop_app.domain.clock import FixedClock
from desktop_app.services import auth
from desktop_app.ui import tracker_model as cols
from tests.helpers.fixtures import POSTGRES_ENV, TEST_NOW, backends, make_user, reset_postgres

ROOT = Path(__file__).resolve().parents[2]
WITHIN_MS = 3000


@pytest.fixture(params=backends())
def shared_db(request, tmp_path):
    """A prepared database two programs share: (URL, DatabaseInfo)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'shared.db'}"
    else:
        url = os.environ[POSTGRES_ENV]
        reset_postgres(url)
    database, info, _result = prepare_database(url)
    yield url, info
    database.close()


def other_program(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tests.helpers.crash_worker", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def open_window(qtbot, session, info):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(session, info, offer_drafts=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.tasks.shutdown())
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_case_saved_on_another_pc_appears_in_the_open_tracker(qtbot, shared_db):
    url, info = shared_db
    from desktop_app.services.session import Session

    system = Session.system(FixedClock(TEST_NOW))
    make_user(system, "desk", "clerk", departments=("logistics",))
    boss = make_user(system, "sup", "supervisor", departments=("logistics",))
    window = open_window(qtbot, auth.session_for_username("sup", clock=FixedClock(TEST_NOW)), info)
    assert boss.role == "supervisor"
    if is_postgres(database_proxy.obj):
        qtbot.waitUntil(window.remote_changes.listening.is_set, timeout=5000)
    window.show_section("tracker")
    page = window.page("tracker")
    qtbot.waitUntil(lambda: not window.tasks.busy() and not page.stale, timeout=10_000)
    assert page.model.rowCount() == 0
    time.sleep(1.2)  # the SQLite check has taken its first reading

    done = other_program("save", url, "desk", "1", TEST_NOW.isoformat())
    assert done.returncode == 0, done.stderr[-2000:]
    saved_at = time.perf_counter()
    number = done.stdout.split()[0]

    def listed() -> bool:
        model = page.model
        return number in [model.index(r, cols.NUMBER).data() for r in range(model.rowCount())]

    qtbot.waitUntil(listed, timeout=WITHIN_MS)
    seconds = time.perf_counter() - saved_at
    print(f"REMOTE-CHANGE tracker {info.backend}: {seconds:.2f} s")


def test_a_reminder_made_by_another_program_appears_in_the_panel(qtbot, shared_db):
    url, info = shared_db
    from desktop_app.services.session import Session
    from tests.helpers.cases import make_case

    system = Session.system(FixedClock(TEST_NOW))
    make_user(system, "sup", "supervisor", departments=("logistics",))
    window = open_window(qtbot, auth.session_for_username("sup", clock=FixedClock(TEST_NOW)), info)
    if is_postgres(database_proxy.obj):
        qtbot.waitUntil(window.remote_changes.listening.is_set, timeout=5000)
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=10_000)
    case = make_case(
        at=TEST_NOW - dt.timedelta(hours=1), owner="sup", subtype="delivery", department="logistics"
    )
    time.sleep(1.2)
    panel = window.reminders_panel
    before = panel.model.rowCount()
    code = (
        "import sys, datetime as dt\n"
        "from desktop_app.bootstrap import prepare_database\n"
        "from desktop_app.db.models import Reminder, User\n"
        "prepare_database(sys.argv[1])\n"
        "sup = User.get(User.username == 'sup')\n"
        "Reminder.create(complaint=int(sys.argv[2]), recipient=sup.id, kind='due_soon',"
        " target='first_response', fire_key='probe-' + sys.argv[2],"
        " message='probe', created_at=dt.datetime.fromisoformat(sys.argv[3]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, url, str(case.id), TEST_NOW.isoformat()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    made_at = time.perf_counter()
    assert Reminder.select().count() == 1
    qtbot.waitUntil(lambda: panel.model.rowCount() == before + 1, timeout=WITHIN_MS)
    print(f"REMOTE-CHANGE reminders {info.backend}: {time.perf_counter() - made_at:.2f} s")


def test_notifications_name_kind_and_ids_and_skip_the_program_own(shared_db):
    url, _info = shared_db
    assert change_feed.parse('{"kind": "cases", "ids": [3, 4], "app": "x"}', "y") == (
        "cases",
        frozenset({3, 4}),
    )
    assert change_feed.parse('{"kind": "cases", "ids": [3], "app": "y"}', "y") is None
    assert change_feed.parse("not json", "y") is None
    if is_postgres(database_proxy.obj):
        assert change_feed.triggers_installed(database_proxy.obj)
