import sys
import threading

import pytest
from PySide6.QtCore import QThread

from desktop_app.db import models
from desktop_app.db.connection import renew_connections
from desktop_app.services.errors import NotFound
from desktop_app.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot, gui_db):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


def test_result_arrives_on_the_main_thread_from_a_worker_with_its_own_connection(qtbot, runner):
    main_connection = models.database_proxy.obj.connection()
    seen = {}

    def work(a, b):
        seen["thread"] = threading.current_thread()
        seen["connection"] = models.database_proxy.obj.connection()
        seen["rows"] = models.database_proxy.obj.execute_sql("SELECT 1").fetchone()
        return a + b

    results = []
    task = runner.submit(work, 2, b=3)
    task.succeeded.connect(lambda value: results.append((value, QThread.currentThread())))
    with qtbot.waitSignal(task.finished):
        pass
    assert results == [(5, qtbot_main_thread())]
    assert seen["thread"] is not threading.main_thread()
    assert seen["connection"] is not main_connection
    assert seen["rows"] == (1,)
    assert not runner.busy()


def qtbot_main_thread():
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance().thread()


def test_the_worker_keeps_its_connection_from_task_to_task_until_shutdown(qtbot, runner):
    """One connection per worker, not per task: a new one per task cost a PostgreSQL login
    and cold caches on every tracker page (PySide gives a pool thread a new Python thread
    state, with new thread-locals, for each task)."""

    def work():
        db = models.database_proxy.obj
        return db.connection(), db.execute_sql("SELECT 1").fetchone()

    seen = []
    for _ in range(3):
        task = runner.submit(work)
        task.succeeded.connect(seen.append)
        with qtbot.waitSignal(task.finished):
            pass
    assert [rows for _conn, rows in seen] == [(1,)] * 3
    first = seen[0][0]
    assert all(conn is first for conn, _rows in seen)
    # A restore replaced the file (renew_connections): the next task opens a new one.
    renew_connections()
    task = runner.submit(work)
    task.succeeded.connect(seen.append)
    with qtbot.waitSignal(task.finished):
        pass
    assert seen[-1][0] is not first and seen[-1][1] == (1,)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the driver's own error class
        first.cursor().execute("SELECT 1")
    assert runner.shutdown()
    first = seen[-1][0]
    # shutdown closed it: SQLite's and psycopg2's closed connections refuse a statement
    with pytest.raises(Exception):  # noqa: B017, PT011 - the driver's own error class
        first.cursor().execute("SELECT 1")


def test_service_error_is_delivered_as_failed_not_as_a_crash(qtbot, runner, monkeypatch):
    crashes = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: crashes.append(exc))

    def work():
        raise NotFound("No active account named {name}.", name="ghost")

    failures = []
    task = runner.submit(work)
    task.failed.connect(failures.append)
    with qtbot.waitSignal(task.finished):
        pass
    assert [f.message for f in failures] == ["No active account named ghost."]
    assert crashes == []


def test_a_bug_goes_to_the_crash_handler_on_the_main_thread(qtbot, runner, monkeypatch):
    crashes = []
    monkeypatch.setattr(
        sys,
        "excepthook",
        lambda kind, exc, tb: crashes.append((kind, str(exc), QThread.currentThread())),
    )
    task = runner.submit(lambda: 1 / 0)
    succeeded = []
    task.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(task.finished):
        pass
    assert crashes == [(ZeroDivisionError, "division by zero", qtbot_main_thread())]
    assert succeeded == []


def test_cancel_makes_the_progress_callback_say_stop(qtbot, runner):
    release = threading.Event()
    answers = []

    def work(progress):
        answers.append(progress(1, 3))
        release.wait(5)
        answers.append(progress(2, 3))
        return "stopped" if answers[-1] is False else "ran on"

    task = runner.submit(work, with_progress=True)
    steps = []
    task.progressed.connect(lambda done, total: steps.append((done, total)))
    qtbot.waitUntil(lambda: len(answers) == 1)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.finished):
        pass
    assert answers == [True, False]
    assert task.result == "stopped"
    assert steps == [(1, 3), (2, 3)]


def test_nothing_starts_after_shutdown(qtbot, runner):
    ran = []
    with qtbot.waitSignal(runner.submit(ran.append, 1).finished):
        pass
    assert runner.shutdown()
    late = runner.submit(ran.append, 2)
    assert late.cancelled and not runner.busy()
    assert runner.shutdown()
    assert ran == [1]


# --- policies ----------------------------------------------------------------------------


def _gate():
    """A call that waits for its gate before returning its value (and records its run)."""
    started, release, ran = threading.Event(), threading.Event(), []

    def work(value):
        ran.append(value)
        started.set()
        release.wait(5)
        return value

    return work, started, release, ran


def _outcomes(task, into: list) -> None:
    task.succeeded.connect(lambda value: into.append(("ok", value)))
    task.failed.connect(lambda exc: into.append(("failed", exc.message)))


def test_latest_drops_the_result_of_an_older_submission(qtbot, runner):
    work, started, release, ran = _gate()
    seen = []
    older = runner.submit(work, "older", key="k")
    _outcomes(older, seen)
    assert started.wait(5)  # the older one is running when the newer one comes
    newer = runner.submit(work, "newer", key="k")
    _outcomes(newer, seen)
    assert older.stale and older.cancelled and not newer.stale
    with qtbot.waitSignal(newer.finished):
        release.set()
    assert ran == ["older", "newer"]  # both ran; only the newest outcome arrived
    assert seen == [("ok", "newer")]
    assert older.done and not runner.busy()


def test_latest_does_not_run_an_overtaken_task_that_had_not_started(qtbot, runner):
    work, started, release, ran = _gate()
    blocker = runner.submit(work, "blocker")  # keeps the only worker busy
    assert started.wait(5)
    seen, finished = [], []
    first = runner.submit(ran.append, "first", key="k")
    first.finished.connect(lambda: finished.append("first"))
    _outcomes(first, seen)
    second = runner.submit(lambda: ran.append("second") or "second", key="k")
    _outcomes(second, seen)
    with qtbot.waitSignal(second.finished):
        release.set()
    assert ran == ["blocker", "second"]
    assert seen == [("ok", "second")]
    assert finished == ["first"]  # a stale task still says it is finished
    assert blocker.done


def test_latest_drops_an_older_failure_and_keeps_keys_apart(qtbot, runner):
    work, started, release, _ran = _gate()
    seen = []

    def refuse():
        started.wait(5)
        release.wait(5)
        raise NotFound("No active account named {name}.", name="ghost")

    older = runner.submit(refuse, key=("page", "count"))
    _outcomes(older, seen)
    other = runner.submit(lambda: "other key", key=("page", "views"))
    _outcomes(other, seen)
    newer = runner.submit(lambda: "newer", key=("page", "count"))
    _outcomes(newer, seen)
    started.set()
    with qtbot.waitSignal(newer.finished):
        release.set()
    assert older.stale and not other.stale
    assert sorted(seen) == [("ok", "newer"), ("ok", "other key")]


def test_latest_stops_the_progress_of_an_overtaken_task(qtbot, runner):
    release = threading.Event()
    answers, steps = [], []

    def work(progress):
        answers.append(progress(1, 2))
        release.wait(5)
        answers.append(progress(2, 2))
        return "done"

    older = runner.submit(work, with_progress=True, key="trend")
    older.progressed.connect(lambda done, total: steps.append(("older", done)))
    qtbot.waitUntil(lambda: len(answers) == 1)
    newer = runner.submit(lambda: "newer", key="trend")
    with qtbot.waitSignal(newer.finished):
        release.set()
    assert answers == [True, False]  # told to stop once overtaken
    assert ("older", 2) not in steps  # and its later progress is not shown


@pytest.fixture
def two_threads(qtbot, gui_db):
    """A runner with room for two calls at once: only a policy keeps them apart."""
    runner = TaskRunner(threads=2)
    yield runner
    runner.wait_for_done()


def test_coalesce_runs_one_at_a_time_and_once_more_with_the_latest_arguments(qtbot, two_threads):
    runner = two_threads
    work, started, release, ran = _gate()
    seen, finished = [], []
    tasks = [runner.submit(work, value, key="count", policy="coalesce") for value in "abc"]
    for task, value in zip(tasks, "abc", strict=True):
        _outcomes(task, seen)
        task.finished.connect(lambda value=value: finished.append(value))
    assert started.wait(5)
    qtbot.waitUntil(lambda: finished == ["b"])  # overtaken while waiting: never runs
    assert ran == ["a"]  # the others wait although a second thread is free
    assert tasks[1].stale and not tasks[2].stale
    with qtbot.waitSignal(tasks[2].finished):
        release.set()
    assert ran == ["a", "c"]
    assert seen == [("ok", "a"), ("ok", "c")]
    assert finished == ["b", "a", "c"]
    assert not runner.busy()
    # Nothing running: the next submission starts at once.
    with qtbot.waitSignal(runner.submit(work, "d", key="count", policy="coalesce").finished):
        pass
    assert ran == ["a", "c", "d"]


def test_coalesce_keys_are_independent_and_shutdown_drops_the_waiting_call(qtbot, runner):
    work, started, release, ran = _gate()
    running = runner.submit(work, "a", key="one", policy="coalesce")
    assert started.wait(5)
    waiting = runner.submit(work, "b", key="one", policy="coalesce")
    other = runner.submit(work, "x", key="two", policy="coalesce")  # not held back by "one"
    release.set()
    with qtbot.waitSignal(other.finished):
        pass
    assert ran[:1] == ["a"] and "x" in ran
    qtbot.waitUntil(lambda: waiting.done)
    assert ran.count("b") == 1 and running.done
    # Shut down while a call waits: it never runs.
    release.clear()
    started.clear()
    runner.submit(work, "c", key="one", policy="coalesce")
    assert started.wait(5)
    late = runner.submit(work, "d", key="one", policy="coalesce")
    release.set()
    assert runner.shutdown()
    qtbot.waitUntil(lambda: late.done)
    assert late.stale and "d" not in ran


def test_an_unknown_policy_is_refused(runner):
    with pytest.raises(ValueError, match="policy"):
        runner.submit(print, key="k", policy="fastest")


def test_forget_makes_the_tasks_of_a_key_stale(qtbot, runner):
    work, started, release, ran = _gate()
    seen = []
    running = runner.submit(work, "counted", key="count")
    _outcomes(running, seen)
    assert started.wait(5)
    runner.forget("count")
    with qtbot.waitSignal(running.finished):
        release.set()
    assert running.stale and seen == [] and ran == ["counted"]
