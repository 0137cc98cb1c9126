"""The case window: detail, timeline, progress entries, the workflow actions through their
dialogs, and concurrent editing. The clock is fixed at Wed 2026-11-25 10:00
(tests/helpers/fixtures.py) and moved by the tests; runs on SQLite and, when configured,
PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from desktop_app.db.models import Attachment, Complaint, ProgressEntry
from desktop_app.services import auth
from desktop_app.ui.case.dialogs import ConflictDialog
from desktop_app.ui.case.window import CaseWindow, find_case_window, open_case_window
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

WAIT = 15_000


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def staff(system_session, clerk_session):
    """super1 supervises customer service; clerk1 and clerk2 are clerks there."""
    make_user(system_session, "clerk2", "clerk", supervisor="super1")


@pytest.fixture
def case(staff):
    """A level II case (staff attitude) owned and received by clerk1."""
    return make_case(at=TEST_NOW, owner="clerk1", subtype="staff_attitude")


def session(username: str, clock):
    return auth.session_for_username(username, clock=clock)


def open_window(qtbot, username: str, case_id: int, clock) -> CaseWindow:
    window = CaseWindow(session(username, clock), case_id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    return window


def activate(qtbot, window: CaseWindow) -> None:
    """Make the window the active one (its shortcuts work only there)."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow)


def done(qtbot, window: CaseWindow, start) -> None:
    """Run ``start()`` (which starts an action) and wait until the window shows its
    result."""
    with qtbot.waitSignal(window.case_changed, timeout=WAIT) as blocker:
        assert start() is not None
    assert blocker.args == [window.case_id]


def failed(qtbot, window: CaseWindow, start):
    with qtbot.waitSignal(window.action_failed, timeout=WAIT) as blocker:
        assert start() is not None
    return blocker.args[1]


def reload(qtbot, window: CaseWindow) -> None:
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        window.reload()


def label(window: CaseWindow, name: str) -> str:
    widget = window.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def progress(qtbot, window: CaseWindow, stage: str, result: str = "", **fields) -> None:
    form = window.progress
    assert form.select_stage(stage), (stage, window.detail.next_stages)
    form.result.setPlainText(result)
    if fields.get("contacted"):
        form.customer_contacted.setChecked(True)
    if fields.get("feedback"):
        assert form.set_feedback(fields["feedback"])
    if fields.get("next_action"):
        form.next_action.setEditText(fields["next_action"])
    if fields.get("attachments"):
        window.add_attachment_paths(fields["attachments"])
    done(qtbot, window, window.save_progress)
    assert not form.has_typed_work()  # cleared after the save


def accept(qtbot, window: CaseWindow, dialog) -> None:
    """Accept an action dialog (its OK path) and wait for the action's result."""
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.case_changed, timeout=WAIT):
        dialog.accept()


def stored(case_id: int) -> Complaint:
    return Complaint.get_by_id(case_id)


# --- the acceptance path ---------------------------------------------------------------------


def test_level_two_case_through_every_stage_transfer_escalation_close_and_reopen(
    qtbot, case, clock, tmp_path
):
    receipt = tmp_path / "refund-receipt.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    clerk = open_window(qtbot, "clerk1", case.id, clock)
    assert clerk.windowTitle() == f"{case.number} — 张三"
    assert label(clerk, "level") == "Level II"
    assert label(clerk, "contact") == "13812345678"  # the receiver sees it whole
    assert clerk.detail.needs_approval
    registered = stored(case.id)
    assert clerk.detail.first_response_due == registered.first_response_due

    # Template 2, stage by stage; the first entry is the first response to the customer.
    clock.advance(minutes=20)
    progress(qtbot, clerk, "registered", "Called the customer back", contacted=True)
    assert stored(case.id).first_response_at == clock.now()
    assert label(clerk, "first_response_at") == clock.now().strftime("%Y-%m-%d %H:%M")
    assert clerk.labels["first_response_due"].property("due_state") == "met"
    assert clerk.labels["first_response_due"].property("tone") == "muted"
    for stage in ("assigned", "investigating", "solution_proposed"):
        clock.advance(minutes=20)
        progress(qtbot, clerk, stage, f"Now {stage}")
        assert stored(case.id).stage == stage
    assert not clerk.progress.select_stage("execution")  # approval first (level II)

    clock.advance(minutes=20)
    assert clerk.request_approval_button.isEnabled()
    dialog = clerk.ask_request_approval()
    dialog.reason.setPlainText("Apologise and give a 50 yuan voucher")
    accept(qtbot, clerk, dialog)
    assert clerk.detail.stage == "approval"
    assert not clerk.approve_button.isVisible()  # a clerk does not decide

    # The department's supervisor approves in his own window.
    clock.advance(minutes=20)
    supervisor = open_window(qtbot, "super1", case.id, clock)
    assert supervisor.approve_button.isVisible() and supervisor.reject_button.isVisible()
    dialog = supervisor.ask_approve()
    dialog.comment.setPlainText("Agreed")
    accept(qtbot, supervisor, dialog)
    assert supervisor.detail.stage == "execution"
    assert stored(case.id).solution_agreed_at == clock.now()
    assert not supervisor.approve_button.isVisible()

    # The clerk's window is behind: F5 reads the case again.
    activate(qtbot, clerk)
    with qtbot.waitSignal(clerk.loaded, timeout=WAIT):
        QTest.keyClick(clerk.timeline_table, Qt.Key.Key_F5)
    assert clerk.detail.stage == "execution"

    clock.advance(minutes=20)
    progress(qtbot, clerk, "execution", "Voucher sent", attachments=[receipt])
    clock.advance(minutes=20)
    progress(
        qtbot,
        clerk,
        "awaiting_confirmation",
        "Asked the customer to confirm",
        next_action="Return visit to confirm",
    )

    # First contact hands the case on.
    clock.advance(minutes=20)
    dialog = clerk.ask_transfer()
    clerk2_id = next(uid for uid, name, _role in clerk.assignee_choices if name == "clerk2")
    assert dialog.select_user(clerk2_id)
    dialog.reason.setPlainText("clerk2 knows this customer")
    accept(qtbot, clerk, dialog)
    assert label(clerk, "owner") == "clerk2"
    assert not clerk.transfer_button.isEnabled()  # no longer his to handle

    # The supervisor escalates by hand, then closes with the customer's confirmation.
    reload(qtbot, supervisor)
    clock.advance(minutes=20)
    dialog = supervisor.ask_escalate()
    dialog.reason.setPlainText("Customer threatens to go to the consumer association")
    accept(qtbot, supervisor, dialog)
    assert supervisor.detail.escalation_step == 1
    assert label(supervisor, "escalation_step") == "Owner's supervisor"

    clock.advance(minutes=20)
    closing_time = clock.now()
    dialog = supervisor.ask_close_case()
    dialog.confirmed.setChecked(True)
    # docs/rules.md#root-causes: a level II case closes only with its root cause; the
    # refusal shows at the cause field and the dialog stays open.
    with qtbot.waitSignal(supervisor.action_failed, timeout=WAIT):
        dialog.accept()
    assert dialog.isVisible()
    assert "root cause" in dialog.error_text("root_cause")
    assert stored(case.id).is_open
    assert dialog.set_root_cause("staff_attitude")
    dialog.root_cause_notes.setPlainText("Who: the counter clerk\nWhy: no training")
    accept(qtbot, supervisor, dialog)
    closed = stored(case.id)
    assert closed.root_cause.code == "staff_attitude"
    assert closed.root_cause_notes == "Who: the counter clerk\nWhy: no training"
    assert label(supervisor, "root_cause") == "人员态度"  # the session's language, as the type
    assert (closed.stage, closed.is_open, closed.outcome) == ("closed", False, "resolved")
    assert closed.closed_at == closing_time
    assert closed.next_due is None
    assert label(supervisor, "closed_at") == closing_time.strftime("%Y-%m-%d %H:%M")
    assert label(supervisor, "outcome") == "Resolved"
    assert supervisor.reopen_button.isEnabled()
    assert not supervisor.close_case_button.isEnabled()
    assert not supervisor.save_button.isEnabled()

    # Two days later the customer is back: reopening makes it an escalated complaint.
    clock.at = dt.datetime(2026, 11, 27, 10, 0)  # Friday
    dialog = supervisor.ask_reopen()
    dialog.reason.setPlainText("The voucher never arrived")
    accept(qtbot, supervisor, dialog)
    reopened = stored(case.id)
    assert (reopened.level, reopened.urgent, reopened.reopen_count) == (3, True, 1)
    assert "reopened" in reopened.urgent_reasons
    assert reopened.reopened_at == clock.now() and reopened.stage == "assigned"
    assert reopened.closed_at is None and reopened.outcome is None
    # Urgent: first response within 2 hours; solution in 1 working day, resolution in 2,
    # counted from the reopening (Friday), not from the first registration.
    assert reopened.first_response_due == dt.datetime(2026, 11, 27, 12, 0)
    assert reopened.solution_due == dt.datetime(2026, 11, 30, 18, 0)
    assert reopened.resolution_due == dt.datetime(2026, 12, 1, 18, 0)
    assert reopened.next_due == reopened.first_response_due
    assert label(supervisor, "level") == "Level III, urgent"
    assert supervisor.urgent_badge.isVisible()
    assert label(supervisor, "reopen_count") == "1"
    assert label(supervisor, "urgent_reasons") == "Reopened"
    assert label(supervisor, "resolution_due").startswith("2026-12-01 18:00")
    assert label(supervisor, "owner") == "super1"  # a clerk's case goes to the supervisor

    assert supervisor.timeline_rows() == [
        ("registered", "Complaint registered"),
        ("progress", "Progress: Registered"),
        ("progress", "Progress: Assigned"),
        ("progress", "Progress: Investigating"),
        ("progress", "Progress: Solution proposed"),
        ("approval_requested", "Solution submitted for approval"),
        ("reminder", "Reminder: approval_requested"),
        ("approval_decided", "Solution approved"),
        ("progress", "Progress: In execution"),
        ("progress", "Progress: Awaiting customer confirmation"),
        ("transfer", "Transferred from clerk1 to clerk2"),
        ("escalation", "Escalated to Owner's supervisor"),
        ("reminder", "Reminder: escalated"),
        ("closed", "Case closed"),
        ("audit", "Case reopened"),
        ("transfer", "Transferred from clerk2 to super1"),
    ]
    table = supervisor.timeline_table
    assert table.rowCount() == 16
    texts = supervisor.timeline_texts()
    execution_row = texts[8]
    assert execution_row[1] == "clerk1"
    assert "Attachments: refund-receipt.png" in execution_row[3]
    assert "Result: Voucher sent" in execution_row[3]
    assert "Reason: clerk2 knows this customer" in texts[10][3]
    assert texts[-1][0] == "2026-11-27 10:00"
    # Newest last, scrolled to the end.
    assert table.verticalScrollBar().value() == table.verticalScrollBar().maximum()
    assert (
        Attachment.get(Attachment.filename == "refund-receipt.png").progress_entry_id
        == ProgressEntry.get(ProgressEntry.result == "Voucher sent").id
    )


# --- privacy ---------------------------------------------------------------------------------


def test_clerk_not_handling_the_case_sees_the_contact_masked_and_cannot_act(qtbot, case, clock):
    window = open_window(qtbot, "clerk2", case.id, clock)  # same department, not his case
    assert label(window, "contact") == "138****5678"
    assert "13812345678" not in label(window, "contact")
    assert window.labels["contact"].property("masked") is True
    assert window.detail.actions == frozenset()
    for name in ("transfer_button", "escalate_button", "close_case_button", "save_button"):
        assert not window.findChild(QPushButton, name).isEnabled(), name
    assert window.save_progress() is None


def test_the_owner_and_the_supervisor_see_the_contact(qtbot, case, clock):
    for username in ("clerk1", "super1"):
        window = open_window(qtbot, username, case.id, clock)
        assert label(window, "contact") == "13812345678"
        assert window.labels["contact"].property("masked") is False


# --- concurrent editing ----------------------------------------------------------------------


def test_second_session_sees_who_changed_the_case_and_applies_again(qtbot, case, clock):
    mine = open_window(qtbot, "clerk1", case.id, clock)
    theirs = open_window(qtbot, "super1", case.id, clock)
    clock.advance(minutes=5)
    progress(qtbot, theirs, "assigned", "Supervisor assigned it")

    mine.progress.select_stage("registered")
    mine.progress.result.setPlainText("客户来电催促")
    error = failed(qtbot, mine, mine.save_progress)
    assert type(error).__name__ == "CaseConflict"
    dialog = mine.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert dialog.objectName() == "conflict_dialog"
    rows = dialog.rows()
    assert len(rows) == 1
    assert rows[0][1] == "super1"
    assert rows[0][2] == "Progress entry, stage Assigned: Supervisor assigned it"
    assert mine.progress.result.toPlainText() == "客户来电催促"  # nothing typed is lost

    with qtbot.waitSignal(mine.case_changed, timeout=WAIT):
        dialog.apply_again_button.click()
    assert not dialog.isVisible()
    assert [
        p.result
        for p in ProgressEntry.select()
        .where(ProgressEntry.complaint == case.id)
        .order_by(ProgressEntry.id)
    ] == ["Supervisor assigned it", "客户来电催促"]
    assert mine.detail.version == stored(case.id).version
    assert not mine.progress.has_typed_work()


def test_a_change_made_on_another_pc_shows_who_changed_what_and_keeps_the_typed_entry(
    qtbot, case, clock
):
    """docs/rules.md#changes-reach-every-pc: the other PC's change arrives through the
    change hub as a remote event; the window reads the case again and says who did what."""
    from desktop_app.services.cases import ProgressForm, add_progress
    from desktop_app.ui.changes import ChangeHub, DataChanged

    hub = ChangeHub()
    mine = open_window(qtbot, "clerk1", case.id, clock)
    mine.follow_changes(hub)
    banner = mine.findChild(QWidget, "remote_change_banner")
    assert banner is not None and not banner.isVisible()
    mine.progress.result.setPlainText("客户来电催促")  # typing, not saved

    # Another case changing, or this one changing here, shows nothing.
    hub.publish(DataChanged("cases", {case.id + 1000}), origin="remote")
    hub.announce("cases", {case.id})
    assert not banner.isVisible()

    clock.advance(minutes=5)
    add_progress(
        session("super1", clock),
        case.id,
        ProgressForm(stage="assigned", result="Supervisor assigned it"),
        version=mine.detail.version,
    )
    with qtbot.waitSignal(mine.loaded, timeout=WAIT):
        hub.publish(DataChanged("cases", {case.id}), origin="remote")
    assert banner.isVisible()
    text = mine.remote_change_text()
    assert "another PC" in text and "super1" in text
    assert "Progress: Assigned" in text and "Supervisor assigned it" in text
    assert "unsaved progress entry is kept" in text
    assert mine.detail.stage == "assigned"  # reloaded
    assert mine.detail.version == stored(case.id).version
    assert mine.progress.result.toPlainText() == "客户来电催促"  # the typing stays

    # "Maybe all" without a change of this case: read again, no new banner.
    mine.findChild(QPushButton, "remote_change_dismiss").click()
    with qtbot.waitSignal(mine.loaded, timeout=WAIT):
        hub.publish(DataChanged("cases"), origin="remote")
    assert not banner.isVisible()


def test_reload_after_a_conflict_keeps_the_typed_entry_and_saves_nothing(qtbot, case, clock):
    mine = open_window(qtbot, "clerk1", case.id, clock)
    theirs = open_window(qtbot, "super1", case.id, clock)
    clock.advance(minutes=5)
    progress(qtbot, theirs, "assigned", "Supervisor assigned it")

    mine.progress.result.setPlainText("Typed before the reload")
    mine.progress.planned_completion.set_value(dt.datetime(2026, 11, 26, 9, 0))
    entries_before = ProgressEntry.select().count()
    mine.conflict_resolver = lambda conflict: "reload"
    with qtbot.waitSignal(mine.loaded, timeout=WAIT):
        mine.save_progress()
    assert ProgressEntry.select().count() == entries_before
    assert mine.detail.stage == "assigned"  # the case as it is now
    assert mine.progress.result.toPlainText() == "Typed before the reload"
    assert mine.progress.planned_completion.value() == dt.datetime(2026, 11, 26, 9, 0)
    assert "reloaded" in mine.action_message.text()
    assert mine.action_message.property("tone") == ""  # news, not an error


def test_apply_again_of_a_dialog_action_through_the_resolver(qtbot, case, clock):
    mine = open_window(qtbot, "clerk1", case.id, clock)
    theirs = open_window(qtbot, "super1", case.id, clock)
    clock.advance(minutes=5)
    progress(qtbot, theirs, "registered", "Noted", contacted=True)
    seen = []

    def resolver(conflict):
        seen.append([(c.user, c.action) for c in conflict.changes])
        return "apply"

    mine.conflict_resolver = resolver
    done(qtbot, mine, lambda: mine.escalate("Customer is very angry"))
    assert seen == [[("super1", "progress")]]
    assert stored(case.id).escalation_step == 1


# --- validation and dialogs -----------------------------------------------------------------


def test_a_refused_progress_entry_shows_at_its_field_and_keeps_everything_typed(qtbot, case, clock):
    window = open_window(qtbot, "clerk1", case.id, clock)
    activate(qtbot, window)
    form = window.progress
    form.result.setFocus()
    QTest.keyClicks(form.result, "Called, no answer")
    form.feedback_comment.setText("稍后再联系")
    form.next_action.setEditText("回访确认")
    form.actual_completion.set_value(clock.now() + dt.timedelta(days=1))  # in the future
    error = failed(qtbot, window, window.save_progress)
    assert error.field == "actual_completion"
    assert form.error_text("actual_completion") == "This time is in the future."
    assert form.result.toPlainText() == "Called, no answer"
    assert form.feedback_comment.text() == "稍后再联系"
    assert form.next_action.currentText() == "回访确认"
    assert ProgressEntry.select().count() == 0

    form.actual_completion.set_value(None)  # editing clears the message
    assert form.error_text("actual_completion") == ""
    with qtbot.waitSignal(window.case_changed, timeout=WAIT):
        QTest.keyClick(form.result, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    entry = ProgressEntry.get()
    assert (entry.result, entry.feedback_comment, entry.next_action, entry.actual_completion) == (
        "Called, no answer",
        "稍后再联系",
        "回访确认",
        None,
    )


def test_an_empty_entry_is_refused_at_the_result(qtbot, case, clock):
    window = open_window(qtbot, "clerk1", case.id, clock)
    error = failed(qtbot, window, window.save_progress)
    assert error.field == "result"
    assert window.progress.error_text("result")


def test_dialogs_check_required_fields_before_anything_runs(qtbot, case, clock):
    window = open_window(qtbot, "clerk1", case.id, clock)
    dialog = window.ask_transfer()
    dialog.accept()  # nothing chosen
    assert dialog.isVisible()
    assert dialog.error_text("assignee") and dialog.error_text("reason")
    assert window.pending is None

    dialog.reject()
    dialog = window.ask_close_case()
    assert dialog.objectName() == "close_case_dialog"
    dialog.accept()  # not confirmed, no reason
    assert dialog.isVisible() and dialog.error_text("outcome_reason")
    dialog.set_outcome("unresolved")
    dialog.outcome_reason.setPlainText("Customer unreachable for two weeks")
    assert dialog.set_root_cause("customer_misunderstanding")
    accept(qtbot, window, dialog)
    closed = stored(case.id)
    assert (closed.outcome, closed.outcome_reason) == (
        "unresolved",
        "Customer unreachable for two weeks",
    )


def test_a_service_refusal_reopens_the_dialog_with_the_message(qtbot, case, clock):
    window = open_window(qtbot, "clerk1", case.id, clock)
    dialog = window.ask_close_case()
    dialog.confirmed.setChecked(True)  # but the case is only registered
    with qtbot.waitSignal(window.action_failed, timeout=WAIT):
        dialog.accept()
    assert dialog.isVisible()
    assert "only once it is being carried out" in dialog.error_text("confirmed")
    assert stored(case.id).is_open


def test_the_root_cause_recorded_during_investigation_is_kept_at_closing(qtbot, case, clock):
    """docs/rules.md#root-causes: the Cause analysis button records the cause and the 5W1H
    notes; the close dialog shows them and a level II case then closes without asking."""
    window = open_window(qtbot, "clerk1", case.id, clock)
    assert label(window, "root_cause") == "Not recorded (required to close)"
    assert window.root_cause_button.isEnabled()
    dialog = window.ask_root_cause()
    assert dialog.objectName() == "root_cause_dialog"
    assert dialog.set_root_cause("staff_skill")
    dialog.root_cause_notes.setPlainText("What: wrong refund rule quoted")
    accept(qtbot, window, dialog)
    assert label(window, "root_cause") == "人员能力"
    assert label(window, "root_cause_notes") == "What: wrong refund rule quoted"
    dialog = window.ask_close_case()
    assert dialog.root_cause.currentData() == "staff_skill"
    assert dialog.root_cause_notes.toPlainText() == "What: wrong refund rule quoted"
    dialog.outcome_reason.setPlainText("Apologised; rule explained")
    accept(qtbot, window, dialog)
    closed = stored(case.id)
    assert not closed.is_open and closed.root_cause.code == "staff_skill"


def test_rejecting_a_solution_needs_a_comment_and_sends_it_back(qtbot, case, clock):
    clerk = open_window(qtbot, "clerk1", case.id, clock)
    for stage in ("assigned", "investigating", "solution_proposed"):
        progress(qtbot, clerk, stage, stage)
    done(qtbot, clerk, lambda: clerk.request_approval("Refund 20 yuan"))
    clock.advance(minutes=30)
    supervisor = open_window(qtbot, "super1", case.id, clock)
    dialog = supervisor.ask_reject()
    dialog.accept()
    assert dialog.isVisible() and dialog.error_text("comment")
    dialog.comment.setPlainText("Offer an apology too")
    accept(qtbot, supervisor, dialog)
    assert supervisor.detail.stage == "solution_proposed"
    assert supervisor.timeline_rows()[-1] == ("approval_decided", "Solution rejected")
    assert "Comment: Offer an apology too" in supervisor.timeline_texts()[-1][3]


def test_renegotiating_a_complex_case_moves_the_resolution_date(qtbot, case, clock):
    window = open_window(qtbot, "super1", case.id, clock)
    dialog = window.ask_renegotiate()
    new_due = dt.datetime(2026, 12, 9, 18, 0)
    dialog.set_due(new_due)
    dialog.reason.setPlainText("Waiting for the merchant's records")
    accept(qtbot, window, dialog)
    assert stored(case.id).renegotiated_due == new_due
    assert label(window, "complex_case") == "Yes"
    assert label(window, "renegotiated_due").startswith("2026-12-09 18:00")


# --- window behaviour -------------------------------------------------------------------------


def test_esc_asks_before_discarding_a_typed_entry(qtbot, case, clock, monkeypatch):
    window = open_window(qtbot, "clerk1", case.id, clock)
    asked = []
    answer = QMessageBox.StandardButton.Cancel

    def question(*_args, **_kwargs):
        asked.append(True)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    window.progress.result.setPlainText("Half-written")
    activate(qtbot, window)
    window.progress.result.setFocus()
    QTest.keyClick(window.progress.result, Qt.Key.Key_Escape)
    assert asked == [True] and window.isVisible()
    answer = QMessageBox.StandardButton.Discard
    QTest.keyClick(window.progress.result, Qt.Key.Key_Escape)
    assert asked == [True, True] and not window.isVisible()


def test_esc_closes_an_untouched_window_without_asking(qtbot, case, clock, monkeypatch):
    window = open_window(qtbot, "clerk1", case.id, clock)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: pytest.fail("asked with nothing typed")
    )
    assert window.request_close()
    assert not window.isVisible()


@pytest.fixture
def runner(qtbot):
    """A runner shared like the main window's; it outlives the test's windows."""
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


def test_open_case_window_reuses_the_open_window(qtbot, case, clock, runner):
    tasks = runner
    clerk = session("clerk1", clock)
    first = open_case_window(clerk, case.id, tasks)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded, timeout=WAIT):
        pass
    assert first.objectName() == "case_window" and first.isVisible()
    with qtbot.waitSignal(first.loaded, timeout=WAIT):
        again = open_case_window(clerk, case.id, tasks)
    assert again is first
    assert find_case_window(session("super1", clock), case.id) is None  # another user
    first.close()
    qtbot.waitUntil(lambda: find_case_window(clerk, case.id) is None)
    second = open_case_window(clerk, case.id, tasks)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.loaded, timeout=WAIT):
        pass
    assert second is not first and second.isVisible()


def test_the_detail_shows_every_template_one_field(qtbot, staff, clock):
    case = make_case(
        at=TEST_NOW,
        owner="clerk1",
        subtype="merchant_attitude",
        product="Blender X2",
        merchant="Shop 88",
        urgency="urgent",
        customer_requests="refund,apology",
    )
    window = open_window(qtbot, "clerk1", case.id, clock)
    expected = {
        "number": case.number,
        "customer_name": "张三",
        "contact": "13812345678",
        "product": "Blender X2",
        "merchant": "Shop 88",
        "urgency": "Urgent",
        "description": "屏幕有划痕",
        "receiver": "clerk1",
        "stage": "Registered",
        "owner": "clerk1",
        "complaint_time": "2026-11-25 10:00",
        "registration_time": "2026-11-25 10:00",
        "escalation_step": "Owner",
        "reopen_count": "0",
        "complex_case": "No",
        "level": "Level II, urgent",
        "urgent_reasons": "Marked by staff",
    }
    for name, text in expected.items():
        assert label(window, name) == text, name
    for name in (
        "channel",
        "type",
        "subtype",
        "member_tier",
        "department",
        "customer_requests",
        "first_response_due",
        "solution_due",
        "resolution_due",
        "next_due",
    ):
        assert label(window, name), name
    assert window.urgent_badge.isVisible()
    # Urgent: first response due at 12:00, two hours from now — due soon, in colour.
    assert label(window, "first_response_due") == "2026-11-25 12:00 (due soon)"
    assert window.labels["first_response_due"].property("due_state") == "due_soon"
    assert window.labels["first_response_due"].property("tone") == "warning"
    clock.advance(hours=3)
    reload(qtbot, window)
    assert window.labels["first_response_due"].property("due_state") == "overdue"
    assert window.labels["first_response_due"].property("tone") == "error"
    assert window.labels["first_response_due"].property("strong") is True
    assert label(window, "first_response_due").endswith("(overdue)")


def test_chinese_ui_offers_chinese_words(qtbot, case, clock):
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    window = open_window(qtbot, "clerk1", case.id, clock)
    combo = window.progress.next_action
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "回访确认", "提交改进方案"]
    stages = window.progress.stage
    assert stages.itemData(1) == "assigned" and stages.itemText(1) == "已分派"
    feedback = window.progress.customer_feedback
    assert [feedback.itemText(i) for i in range(1, feedback.count())] == [
        "满意",
        "基本满意",
        "不满意",
    ]
    assert label(window, "stage") == "已登记"
    progress(qtbot, window, "assigned", "已联系客户")
    assert window.timeline_texts()[-1][2].endswith("：已分派")


def test_evidence_files_open_from_the_timeline(
    qtbot, case, clock, tmp_path, monkeypatch, system_session
):
    from pathlib import Path

    from PySide6.QtGui import QDesktopServices

    from desktop_app.services import cases
    from desktop_app.services.errors import PermissionDenied

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    receipt = tmp_path / "维修单.pdf"
    receipt.write_bytes(b"%PDF-1.4 repair record")
    window = open_window(qtbot, "clerk1", case.id, clock)
    progress(qtbot, window, "assigned", "Repair record received", attachments=[receipt])
    row = [kind for kind, _title in window.timeline_rows()].index("progress")
    files = window.attachments_of_row(row)
    assert [name for _aid, name in files] == ["维修单.pdf"]
    window.open_attachments_of_row(row)
    assert len(opened) == 1
    assert Path(opened[0].toLocalFile()).read_bytes() == b"%PDF-1.4 repair record"
    # Someone without the case in their queues cannot fetch the file through the service.
    outsider = make_user(system_session, "clerk9", "clerk", departments=("logistics",))
    with pytest.raises(PermissionDenied):
        cases.attachment_file(outsider, files[0][0])
    window.close()


def test_an_attachment_of_an_unknown_type_opens_its_folder_not_the_file(
    qtbot, case, clock, tmp_path, monkeypatch
):
    """An evidence file stored before the allow-list (a ``.bat`` whose name hides it with
    a bidi override) is never handed to the system: the folder is opened instead."""
    from pathlib import Path

    from PySide6.QtGui import QDesktopServices

    from desktop_app.db.models import Attachment, User
    from desktop_app.services import attachments

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    trick = tmp_path / "invoice\u202efdp.bat"
    trick.write_bytes(b"@echo off\r\n")
    stored_file = attachments.store_file(str(trick))
    row = Attachment.create(
        complaint=case.id,
        kind="file",
        filename=stored_file.filename,
        sha256=stored_file.sha256,
        size=stored_file.size,
        added_by=User.get(User.username == "clerk1").id,
        added_at=clock.now(),
    )
    window = open_window(qtbot, "clerk1", case.id, clock)
    window.open_attachment(row.id)
    assert len(opened) == 1
    target = Path(opened[0].toLocalFile())
    assert target.is_dir()
    assert target == attachments.stored_path(stored_file.sha256, stored_file.filename).parent
    window.close()


# --- re-assessment and the account frozen note (docs/rules.md#re-assessment) ----------------


def test_supervisor_marks_a_case_urgent_through_the_reassess_button(qtbot, staff, clock):
    from desktop_app.ui.case.reassess_dialog import ReassessDialog

    case = make_case(at=TEST_NOW, owner="clerk1", subtype="appearance_defect")
    clerk = open_window(qtbot, "clerk1", case.id, clock)
    assert not clerk.reclassify_button.isEnabled()  # the owner is no supervisor
    clock.advance(hours=2)
    window = open_window(qtbot, "super1", case.id, clock)
    assert label(window, "first_response_due").startswith("2026-11-25 14:00")
    assert window.reclassify_button.isEnabled()
    assert window.reclassify_button.text() == "Re-&assess…"

    qtbot.mouseClick(window.reclassify_button, Qt.MouseButton.LeftButton)
    dialog = window.current_dialog
    assert isinstance(dialog, ReassessDialog) and dialog.isVisible()
    # A supervisor may only raise: level I is the lowest choice.
    assert [dialog.level.itemData(i) for i in range(dialog.level.count())] == [1, 2, 3]
    assert not dialog.urgent_reason.isEnabled()
    dialog.urgent.setChecked(True)
    assert dialog.urgent_reason.isEnabled()
    dialog.accept()  # no reason given
    assert dialog.isVisible() and dialog.error_text("urgent_reason")
    qtbot.keyClicks(dialog.urgent_reason, "Customer is calling the press")
    accept(qtbot, window, dialog)

    assert window.urgent_badge.isVisible()
    assert label(window, "level") == "Level I, urgent"
    assert label(window, "owner") == "super1"
    assert label(window, "receiver") == "clerk1"
    # Urgent from the complaint time: the first response was due at 12:00, i.e. now.
    assert label(window, "first_response_due").startswith("2026-11-25 12:00")
    assert stored(case.id).owner_id == window.session.user_id
    titles = [title for _time, _who, title, _details in window.timeline_texts()]
    assert "Re-assessed by super1: marked urgent; owner clerk1 → super1" in titles
    assert "Assigned by rule: Urgent: a supervisor or above → super1" in titles
    row = titles.index("Re-assessed by super1: marked urgent; owner clerk1 → super1")
    details = window.timeline_texts()[row][3]
    assert "Reason: Customer is calling the press" in details
    assert "First response due: 2026-11-25 14:00 → 2026-11-25 12:00" in details


def test_a_refused_reassessment_shows_at_its_field_and_keeps_what_was_typed(qtbot, staff, clock):
    from desktop_app.db.models import Department

    case = make_case(at=TEST_NOW, owner="clerk1")
    window = open_window(qtbot, "super1", case.id, clock)
    dialog = window.ask_reassess()
    dialog.accept()  # nothing changed
    assert dialog.isVisible() and "Nothing to change" in dialog.form_message.text()
    assert dialog.set_department("logistics")
    assert dialog.set_level(2)
    dialog.reason.setPlainText("Handled by logistics")
    Department.update(active=False).where(Department.code == "logistics").execute()
    with qtbot.waitSignal(window.action_failed, timeout=WAIT):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_text("department")
    assert dialog.reason.toPlainText() == "Handled by logistics"
    assert dialog.level.currentData() == 2
    assert stored(case.id).level == 1


def test_manager_may_lower_and_the_dialog_offers_it(qtbot, staff, clock, manager_session):
    case = make_case(at=TEST_NOW, owner="clerk1", subtype="staff_attitude", urgency="urgent")
    supervisor = open_window(qtbot, "super1", case.id, clock)
    dialog = supervisor.ask_reassess()
    assert not dialog.urgent.isEnabled()  # a supervisor cannot take the mark off
    assert dialog.level.itemData(0) == 2
    dialog.reject()
    window = open_window(qtbot, "manager1", case.id, clock)
    dialog = window.ask_reassess()
    assert dialog.urgent.isEnabled() and dialog.level.itemData(0) == 1
    dialog.urgent.setChecked(False)
    dialog.accept()
    assert dialog.isVisible() and dialog.error_text("reason")
    dialog.reason.setPlainText("Not urgent after all")
    accept(qtbot, window, dialog)
    assert label(window, "level") == "Level II"
    assert not window.urgent_badge.isVisible()


def test_account_frozen_note_and_the_staff_complained_about(qtbot, staff, clock):
    earlier = make_case(at=TEST_NOW, owner="clerk1")
    case = make_case(
        at=TEST_NOW,
        owner="clerk1",
        subtype="account_security",
        subject_staff_name="Shop clerk Li",
        repeat_of=earlier.id,
    )
    window = open_window(qtbot, "clerk1", case.id, clock)
    assert label(window, "subject_staff") == "Shop clerk Li"
    assert label(window, "repeat_of") == earlier.number
    assert window.account_frozen_button.isVisibleTo(window)
    assert label(window, "account_frozen") == "No"
    clock.advance(minutes=5)
    with qtbot.waitSignal(window.case_changed, timeout=WAIT):
        qtbot.mouseClick(window.account_frozen_button, Qt.MouseButton.LeftButton)
    assert label(window, "account_frozen") == "Yes, 2026-11-25 10:05"
    assert stored(case.id).account_frozen_at == clock.now()
    assert window.timeline_rows()[-1] == ("audit", "Account frozen: yes")

    plain = open_window(qtbot, "clerk1", earlier.id, clock)
    assert not plain.account_frozen_button.isVisibleTo(plain)
    assert not plain.labels["subject_staff"].isVisibleTo(plain)


def test_chinese_timeline_words_routing_and_reassessment(qtbot, staff, clock, manager_session):
    from desktop_app.services import cases

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    case = make_case(at=TEST_NOW, owner="clerk1")
    boss = session("super1", clock)
    cases.reassess(boss, case.id, version=1, urgent=True, urgent_reason="媒体")
    window = open_window(qtbot, "super1", case.id, clock)
    titles = [title for _time, _who, title, _details in window.timeline_texts()]
    # The rule's label comes from the vocabulary in Chinese (the sentence is translated by
    # the catalogue).
    assert any("紧急投诉由主管及以上处理" in t and t.endswith("super1") for t in titles)
