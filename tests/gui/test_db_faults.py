"""Database faults while saving (issue #8): a full, read-only or locked SQLite database gives
a clear message in the form, keeps everything typed, writes nothing (no half case), and the
same Save works once the fault is gone. Also: starting on a read-only or damaged file.

The faults are SQLite's own, on the program's connections (the database's pragmas, which
the workers' connections get when renewed: ``renew_connections``), while the test's
connection stays usable:

- full: ``PRAGMA max_page_count`` at the current page count (SQLITE_FULL, "database or
  disk is full") with a save that needs new pages (a long pasted text), and, where the
  test may mount file systems, a really full tiny tmpfs;
- read-only: ``PRAGMA query_only`` ("attempt to write a readonly database"), and a
  read-only remount of the tiny file system where mounting works;
- locked: a second connection holds a write transaction; the program's busy timeout is
  cut to 200 ms so its save gives up ("database is locked").

Tests run as root in CI, so file modes cannot make a file read-only for them."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_app.bootstrap import prepare_database
from desktop_app.db import models
from desktop_app.db.connection import renew_connections
from desktop_app.db.models import Attachment, Complaint, Customer, ProgressEntry, Survey
from desktop_app.domain.validation import ID_CHECK, ID_WEIGHTS
from desktop_app.services import auth, cases
from desktop_app.services.session import Session
from desktop_app.ui import app as app_module
from desktop_app.ui.case.window import CaseWindow
from desktop_app.ui.intake import IntakePage
from desktop_app.ui.survey import SurveyPage
from desktop_app.ui.survey_form import ScoreWidget
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

WAIT = 15_000
FULL_TEXT = "The disk holding the database is full; nothing was saved."
READ_ONLY_TEXT = "The database file is read-only; nothing can be saved."
BUSY_TEXT = "The database is busy (another computer is writing). Please try again."
# On SQLITE_FULL SQLite rolls the transaction back by itself; peewee's ROLLBACK on leaving
# atomic() then fails with "cannot rollback - no transaction is active". services.errors
# looks past that to the disk-full error, which these tests need the user to see.
# A customer's long letter, pasted: more than a database page, so saving it needs new pages.
LETTER = "客户来信：三月份购买的会员卡积分未到账，多次致电客服均被告知等待处理，至今无人回复。" * 40


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def crashes(monkeypatch) -> list:
    """What would have reached the crash dialog (a bug, not a fault the user can act on)."""
    seen: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: seen.append(exc_info))
    return seen


# --- faults ------------------------------------------------------------------------------


def db():
    return models.database_proxy.obj


def page_count() -> int:
    return db().execute_sql("PRAGMA page_count").fetchone()[0]


def make_full() -> None:
    """No page more for the program's connections."""
    assert db().execute_sql("PRAGMA freelist_count").fetchone()[0] == 0
    db().pragma("max_page_count", page_count(), permanent=True)
    renew_connections()


def free_space() -> None:
    db().pragma("max_page_count", 2**30, permanent=True)
    renew_connections()


def make_read_only(on: bool = True) -> None:
    db().pragma("query_only", 1 if on else 0, permanent=True)
    renew_connections()


@contextlib.contextmanager
def other_writer(path: Path):
    """Another program holds a write transaction on the file until the block ends (then it
    commits); the program waits at most 200 ms for the lock."""
    db().pragma("busy_timeout", 200, permanent=True)
    renew_connections()
    other = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE setting SET key = key")
        yield other
        other.execute("COMMIT")
    finally:
        other.close()


def row_counts() -> dict[str, int]:
    """Rows per table: equal before and after a failed save means nothing was written."""
    return {
        table: db().execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        for table in db().get_tables()
    }


# --- typing ------------------------------------------------------------------------------


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (Chinese too), one key event per character (ENV.md)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def choose(combo, code) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def valid_id(first17: str = "11010519491231002") -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return first17 + ID_CHECK[total % 11]


def message(window: QWidget, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def assert_clear(text: str, expected: str) -> None:
    assert expected in text, text
    assert "Traceback" not in text and "Error" not in text, text


# --- the intake form ---------------------------------------------------------------------


def open_intake(qtbot, clock) -> IntakePage:
    page = IntakePage(auth.session_for_username("clerk1", clock=clock), offer_draft=False)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def fill_intake(page: IntakePage, evidence: Path | None) -> dict:
    """Every field of template 1; returns the form's values."""
    type_text(page.customer_name, "王小明")
    type_text(page.contact, "13912345678; wxm@example.com")
    type_text(page.member_number, "M20261125")
    type_text(page.id_number, valid_id())
    choose(page.member_tier, "gold")
    choose(page.channel, "walk_in")
    choose(page.type, "service_attitude")
    choose(page.subtype, "staff_attitude")
    type_text(page.subject_staff, "张店员")  # required for staff attitude
    type_text(page.product, "会员卡")
    type_text(page.merchant, "东方商城")
    choose(page.urgency, "low")
    page.head_office.setChecked(True)
    page.level.setCurrentIndex(page.level.count() - 1)  # raised to III
    type_text(page.description, "客服人员态度恶劣，多次挂断电话。")
    page.description.insertPlainText(LETTER)  # pasted
    if evidence is not None:
        assert page.attachments.add_paths([str(evidence)]) == 1
    type_text(page.recording_ids, "REC-001、REC-002")
    for code in ("refund", "apology", "other"):
        page.requests.boxes[code].setChecked(True)
    type_text(page.requests.other_text, "书面说明")
    choose(page.department, "customer_service")
    values = page.values()
    assert values["description"].endswith(LETTER) and values["attachments"] == (
        [str(evidence)] if evidence else []
    )
    return values


def press_save(qtbot, page: IntakePage) -> None:
    with qtbot.waitSignal(page.save_button.clicked, timeout=WAIT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._save_task is None, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)


def save_fails_and_keeps_the_form(
    qtbot, page: IntakePage, typed: dict, expected: str, crashes: list
) -> None:
    before = row_counts()
    press_save(qtbot, page)
    assert not crashes
    assert_clear(message(page, "form_message"), expected)
    assert "Everything typed is kept" in message(page, "form_message")
    assert page.values() == typed
    assert page.customer_name.text() == "王小明"
    assert page.description.toPlainText().startswith("客服人员态度恶劣")
    assert page.save_button.isEnabled()
    assert page.saved_dialog is None
    assert row_counts() == before
    assert Complaint.select().count() == 0 and Attachment.select().count() == 0


def save_works(qtbot, page: IntakePage, customers_before: int) -> None:
    with qtbot.waitSignal(page.saved, timeout=WAIT) as saved:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)
    assert saved.args[0].number == "TS-20261125-0001"
    assert Complaint.select().count() == 1
    assert Customer.select().count() == customers_before + 1
    case = Complaint.get()
    assert case.customer_name == "王小明" and case.description.endswith(LETTER)
    assert not page.form_message.isVisible()
    assert page.customer_name.text() == ""  # ready for the next one


@pytest.fixture
def evidence(tmp_path) -> Path:
    photo = tmp_path / "receipt.png"
    photo.write_bytes(b"\x89PNG fake image")
    return photo


def test_intake_on_a_full_database_keeps_the_form_then_saves_once(
    qtbot, clerk, clock, evidence, crashes
):
    page = open_intake(qtbot, clock)
    typed = fill_intake(page, evidence)
    customers = Customer.select().count()
    make_full()
    save_fails_and_keeps_the_form(qtbot, page, typed, FULL_TEXT, crashes)
    assert Customer.select().count() == customers  # no orphan customer
    free_space()
    save_works(qtbot, page, customers)
    assert sorted(
        (a.kind, a.filename if a.kind == "file" else a.recording_ref) for a in Attachment.select()
    ) == [("file", "receipt.png"), ("recording", "REC-001"), ("recording", "REC-002")]


def test_intake_on_a_read_only_database_keeps_the_form_then_saves_once(
    qtbot, clerk, clock, evidence, crashes
):
    page = open_intake(qtbot, clock)
    typed = fill_intake(page, evidence)
    customers = Customer.select().count()
    make_read_only()
    save_fails_and_keeps_the_form(qtbot, page, typed, READ_ONLY_TEXT, crashes)
    make_read_only(False)
    save_works(qtbot, page, customers)


def test_intake_while_another_computer_writes_says_busy_then_saves(
    qtbot, clerk, gui_db, clock, evidence, crashes
):
    page = open_intake(qtbot, clock)
    typed = fill_intake(page, evidence)
    customers = Customer.select().count()
    with other_writer(gui_db.path):
        save_fails_and_keeps_the_form(qtbot, page, typed, BUSY_TEXT, crashes)
    save_works(qtbot, page, customers)


# --- a really full (and read-only) tiny file system ------------------------------------------


def run_mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@pytest.fixture
def tiny_fs(tmp_path):
    """A 6 MB tmpfs holding the database (needs CAP_SYS_ADMIN: skipped without it)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    try:
        mounted = run_mount("-t", "tmpfs", "-o", "size=6m", "tmpfs", str(folder))
    except OSError as exc:
        pytest.skip(f"no mount command ({exc}); the page-limit variant covers a full disk")
    if mounted.returncode != 0:
        pytest.skip(
            "cannot mount a tmpfs here (needs CAP_SYS_ADMIN: "
            f"{mounted.stderr.strip()}); the page-limit variant covers a full disk"
        )
    try:
        yield folder
    finally:
        with contextlib.suppress(Exception):
            models.database_proxy.obj.close()
        if (
            subprocess.run(["umount", str(folder)], capture_output=True, check=False).returncode
            != 0
        ):
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.fixture
def tiny_db(tiny_fs, clock) -> Path:
    path = tiny_fs / "complaints.db"
    prepare_database(f"sqlite:///{path}")
    make_user(Session.system(clock), "clerk1", "clerk")
    return path


def fill_disk(folder: Path) -> Path:
    """Fill the file system to the last byte; returns the filler (delete it to free)."""
    db().execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the next write grows the WAL
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:
        for size in (1 << 20, 4096, 1):
            with contextlib.suppress(OSError):
                while out.write(b"\0" * size):
                    pass
    return filler


def test_intake_on_a_really_full_disk_keeps_the_form_then_saves_once(
    qtbot, tiny_db, clock, crashes
):
    page = open_intake(qtbot, clock)
    typed = fill_intake(page, None)  # evidence would be copied first, onto the full disk
    customers = Customer.select().count()
    filler = fill_disk(tiny_db.parent)
    save_fails_and_keeps_the_form(qtbot, page, typed, FULL_TEXT, crashes)
    assert Customer.select().count() == customers
    filler.unlink()
    save_works(qtbot, page, customers)


# --- a progress entry in the case window -----------------------------------------------------


def open_case(qtbot, clock) -> CaseWindow:
    case = make_case(at=clock.now(), owner="clerk1", subtype="staff_attitude")
    window = CaseWindow(auth.session_for_username("clerk1", clock=clock), case.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    return window


def fill_progress(window: CaseWindow, evidence: Path, clock) -> dict:
    form = window.progress
    assert form.select_stage("assigned")
    form.planned_completion.set_value(clock.now().replace(hour=17))
    form.actual_completion.set_value(clock.now())
    type_text(form.result, "已调取通话录音，确认坐席态度问题，")
    form.result.insertPlainText(LETTER)
    assert form.set_feedback("basically_satisfied")
    type_text(form.feedback_comment, "希望尽快处理")
    type_text(form.next_action.lineEdit(), "回访确认")
    form.customer_contacted.setChecked(True)
    assert window.add_attachment_paths([evidence]) == 1
    return form.values()


def progress_fails_and_keeps_the_entry(
    qtbot, window: CaseWindow, typed: dict, expected: str, crashes: list
) -> None:
    before = row_counts()
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._action_task is None and not window.tasks.busy(), timeout=WAIT)
    assert not crashes
    assert_clear(message(window, "action_message"), expected)
    assert window.progress.values() == typed
    assert window.progress.feedback_comment.text() == "希望尽快处理"
    assert window.save_button.isEnabled()
    assert row_counts() == before


def progress_saves(qtbot, window: CaseWindow) -> None:
    entries = ProgressEntry.select().count()
    with qtbot.waitSignal(window.case_changed, timeout=WAIT):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert ProgressEntry.select().count() == entries + 1
    entry = ProgressEntry.select().order_by(ProgressEntry.id.desc()).get()
    assert entry.result.endswith(LETTER) and entry.next_action == "回访确认"
    assert Complaint.get_by_id(window.case_id).stage == "assigned"
    assert not window.progress.has_typed_work()
    assert not message(window, "action_message")


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_progress_entry_on_a_full_or_read_only_database_is_kept(
    qtbot, clerk, clock, evidence, crashes, fault
):
    window = open_case(qtbot, clock)
    typed = fill_progress(window, evidence, clock)
    if fault == "full":
        make_full()
    else:
        make_read_only()
    progress_fails_and_keeps_the_entry(
        qtbot, window, typed, FULL_TEXT if fault == "full" else READ_ONLY_TEXT, crashes
    )
    if fault == "full":
        free_space()
    else:
        make_read_only(False)
    progress_saves(qtbot, window)


def test_progress_entry_while_another_computer_writes_says_busy(
    qtbot, clerk, gui_db, clock, evidence, crashes
):
    window = open_case(qtbot, clock)
    typed = fill_progress(window, evidence, clock)
    with other_writer(gui_db.path):
        progress_fails_and_keeps_the_entry(qtbot, window, typed, BUSY_TEXT, crashes)
    progress_saves(qtbot, window)


# --- the survey form -------------------------------------------------------------------------


def open_survey(qtbot, clock) -> SurveyPage:
    clerk = auth.session_for_username("clerk1", clock=clock)
    case = make_case(at=clock.now(), owner="clerk1")
    cases.close_case(
        clerk,
        case.id,
        confirmed=False,
        outcome="resolved",
        reason="客户来电撤诉",
        version=cases.get_case(clerk, case.id).version,
    )
    clock.advance(hours=25)
    page = SurveyPage(auth.session_for_username("clerk1", clock=clock), tasks=TaskRunner())
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 1, timeout=WAIT)
    assert page.select_case(case.id)
    page.survey_selected()
    qtbot.waitUntil(lambda: page.form_panel.complaint_number.text() == case.number, timeout=WAIT)
    return page


def fill_survey(page: SurveyPage) -> tuple:
    form = page.form_panel
    for name, score in (("timeliness", 4), ("effectiveness", 3), ("attitude", 5), ("overall", 4)):
        form.findChild(ScoreWidget, name).setValue(score)
    form.most_satisfied.set_codes(["attitude", "other"])
    type_text(form.most_satisfied.other_text, "主动回访")
    form.needs_improvement.set_codes(["response_speed"])
    type_text(form.suggestions, "希望短信通知进度。")
    form.suggestions.insertPlainText(LETTER)
    return survey_values(page)


def survey_values(page: SurveyPage) -> tuple:
    form = page.form_panel.form()
    return (
        form.complaint_number,
        form.customer_name,
        form.method,
        form.timeliness,
        form.effectiveness,
        form.attitude,
        form.overall,
        form.most_satisfied,
        form.most_satisfied_other,
        form.needs_improvement,
        form.suggestions,
    )


def press_survey_save(qtbot, page: SurveyPage) -> None:
    with qtbot.waitSignal(page.save_button.clicked, timeout=WAIT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._save_task is None, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_survey_on_a_full_or_read_only_database_is_kept(qtbot, clerk, clock, crashes, fault):
    page = open_survey(qtbot, clock)
    typed = fill_survey(page)
    before = row_counts()
    if fault == "full":
        make_full()
    else:
        make_read_only()
    press_survey_save(qtbot, page)
    assert not crashes
    assert_clear(
        message(page, "survey_form_message"), FULL_TEXT if fault == "full" else READ_ONLY_TEXT
    )
    assert survey_values(page) == typed
    assert page.form_panel.most_satisfied.other_text.text() == "主动回访"
    assert row_counts() == before and Survey.select().count() == 0

    if fault == "full":
        free_space()
    else:
        make_read_only(False)
    with qtbot.waitSignal(page.saved, timeout=WAIT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)
    survey = Survey.get()
    assert (survey.overall, survey.most_satisfied_other) == (4, "主动回访")
    assert survey.suggestions.endswith(LETTER)
    assert not page.form_panel.has_typed_work()


# --- starting on a file that cannot be used ----------------------------------------------------


@pytest.fixture
def startup_errors(qapp, monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_startup_error", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(app_module, "apply_look", lambda app: "light")
    monkeypatch.setattr(app_module, "install_translators", lambda app: [])
    # Past the database there would be the login window: not reached in these tests.
    monkeypatch.setattr(
        app_module.GuiController,
        "start",
        lambda self: pytest.fail("the program started on a bad database"),
    )
    return shown


def test_start_on_a_damaged_file_says_so(startup_errors, tmp_path):
    damaged = tmp_path / "complaints.db"
    damaged.write_bytes(b"this is a spreadsheet, not a database" * 200)
    assert app_module.run_gui(f"sqlite:///{damaged}") == 1
    assert len(startup_errors) == 1
    text = startup_errors[0]
    assert "The database cannot be used." in text
    assert "is not a Complaint Desk database or is damaged" in text
    assert str(damaged) in text


def test_start_on_a_truncated_database_says_so(startup_errors, tmp_path, clock):
    path = tmp_path / "complaints.db"
    database, _info, _result = prepare_database(f"sqlite:///{path}")
    make_user(Session.system(clock), "clerk1", "clerk")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    assert app_module.run_gui(f"sqlite:///{path}") == 1
    assert len(startup_errors) == 1
    assert "The database cannot be used." in startup_errors[0]
    assert "damaged" in startup_errors[0]


def test_start_on_a_read_only_file_system_says_so(startup_errors, tiny_fs):
    """A database on a read-only disk (a share mounted read-only)."""
    path = tiny_fs / "complaints.db"
    database, _info, _result = prepare_database(f"sqlite:///{path}")
    database.close()  # the last connection removes the WAL files
    assert run_mount("-o", "remount,ro", str(tiny_fs)).returncode == 0
    try:
        assert app_module.run_gui(f"sqlite:///{path}") == 1
    finally:
        assert run_mount("-o", "remount,rw", str(tiny_fs)).returncode == 0
    assert len(startup_errors) == 1
    text = startup_errors[0]
    assert "The database cannot be used." in text
    assert "The database file cannot be opened" in text
    assert str(path) in text
