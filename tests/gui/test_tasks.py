import sys
import threading

import pytest
from PySide6.QtCore import QThread

from desktop_app.db import models
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
