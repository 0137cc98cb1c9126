"""The survey page (template 3): the 24–48 h queue, keyboard-only surveys, call attempts,
"not to be surveyed", one survey per complaint and the follow-up of unhappy customers. The
clock is fixed at Wed 2026-11-25 10:00 (tests/helpers/fixtures.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QMessageBox, QWidget

from desktop_app.db.models import Complaint, FollowUp, Survey, SurveyAttempt
from desktop_app.services import cases, surveys
from desktop_app.services.surveys import SurveyForm
from desktop_app.ui.resources import tone_colour
from desktop_app.ui.survey import SurveyPage
from desktop_app.ui.survey_form import ScoreWidget
from desktop_app.ui.survey_queue import (
    DUE_AT,
    LAST_RESULT,
    NEXT_TRY,
    NUMBER,
    WAITING_COLOUR,
    WaitingRole,
)
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

D = dt.datetime


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def supervisor(system):
    return make_user(system, "super1", "supervisor")


@pytest.fixture
def surveyor(system, supervisor):
    """clerk1, whose supervisor is super1: follow-ups of clerk1's cases go to super1."""
    return make_user(system, "clerk1", "clerk", supervisor="super1")


def closed_case(session, clock) -> Complaint:
    """A case of clerk1 registered and closed now."""
    case = make_case(at=clock.now(), owner="clerk1")
    cases.close_case(
        session,
        case.id,
        confirmed=False,
        outcome="resolved",
        reason="客户来电撤诉",
        version=cases.get_case(session, case.id).version,
    )
    return Complaint.get_by_id(case.id)


def open_page(qtbot, session) -> SurveyPage:
    page = SurveyPage(session, tasks=TaskRunner())
    qtbot.addWidget(page)
    page.messages = []
    page.status_message.connect(page.messages.append)
    page.resize(1300, 850)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    idle(qtbot, page)
    return page


def idle(qtbot, page: SurveyPage) -> None:
    """Let the page's worker tasks finish (and their results arrive)."""
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=10_000)


def refresh(qtbot, page: SurveyPage) -> None:
    """F5, as the surveyor would press it."""
    with qtbot.waitSignal(page.queue_model.loaded, timeout=10_000):
        qtbot.keyClick(page.queue_table, Qt.Key.Key_F5)
    idle(qtbot, page)


def field(page: QWidget, name: str, kind=QWidget):
    widget = page.findChild(kind, name)
    assert widget is not None, name
    return widget


def focused() -> QWidget:
    return QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), k, modifier)


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Type any text (Chinese too) into the focused widget, one key event per character
    (qtbot.keyClicks takes ASCII only)."""
    target = widget or focused()
    for ch in text:
        QApplication.sendEvent(
            target,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )
        QApplication.sendEvent(
            target,
            QKeyEvent(
                QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch
            ),
        )


def tab_to(qtbot, name: str, limit: int = 40) -> QWidget:
    for _ in range(limit):
        if focused() is not None and focused().objectName() == name:
            return focused()
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; at {focused().objectName()!r}")


def error_text(page, name: str) -> str:
    label = field(page, f"{name}_error", QLabel)
    return label.text() if label.isVisible() else ""


def cell(page: SurveyPage, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = page.queue_model
    return model.data(model.index(row, column), role)


def colour(page: SurveyPage, row: int, column: int) -> str | None:
    brush = cell(page, row, column, Qt.ItemDataRole.ForegroundRole)
    return brush.color().name() if brush is not None else None


def start_survey_by_keyboard(qtbot, page: SurveyPage) -> None:
    """From the queue (first row selected): Enter fills the form, focus on timeliness."""
    if focused() is not page.queue_table:
        page.setFocus()  # the page's focus goes to its queue
    assert focused() is page.queue_table
    assert page.selected_case_id() is not None
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is field(page, "timeliness"), timeout=10_000)


# --- the acceptance test: a full survey by keyboard ---------------------------------------


def test_full_survey_by_keyboard_only(qtbot, surveyor, clock):
    case = closed_case(surveyor, clock)
    clock.advance(hours=25)
    page = open_page(qtbot, surveyor)
    assert page.queue_model.numbers() == [case.number]

    start_survey_by_keyboard(qtbot, page)
    assert field(page, "complaint_number", QLineEdit).text() == case.number
    assert field(page, "customer_name", QLineEdit).text() == "张三"
    assert field(page, "surveyor", QLineEdit).text() == "clerk1"
    assert field(page, "surveyor", QLineEdit).isReadOnly()
    assert field(page, "survey_time").dateTime().toPython() == clock.now()
    assert field(page, "method").currentData() == "phone"

    for digit, name, following in (
        (Qt.Key.Key_5, "timeliness", "effectiveness"),
        (Qt.Key.Key_4, "effectiveness", "attitude"),
        (Qt.Key.Key_5, "attitude", "overall"),
        (Qt.Key.Key_4, "overall", "most_satisfied_response_speed"),
    ):
        assert focused().objectName() == name
        key(qtbot, digit)
        assert focused().objectName() == following
    assert field(page, "overall", ScoreWidget).caption.text() == "Satisfied"

    key(qtbot, Qt.Key.Key_Space)  # response speed
    tab_to(qtbot, "most_satisfied_attitude")
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "most_satisfied_other_box")
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)  # into the "other" text
    assert focused() is field(page, "most_satisfied_other", QLineEdit)
    type_text("主动回访")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "needs_improvement_response_speed"
    tab_to(qtbot, "needs_improvement_communication")
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab, times=2)  # past "other"; its text is off
    assert focused().objectName() == "suggestions"
    type_text("希望短信通知进度")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)

    stored = Survey.get(Survey.complaint == case.id)
    assert (stored.customer_name, stored.survey_time, stored.method, stored.surveyor_id) == (
        "张三",
        TEST_NOW + dt.timedelta(hours=25),
        "phone",
        surveyor.user_id,
    )
    assert (stored.timeliness, stored.effectiveness, stored.attitude, stored.overall) == (
        5,
        4,
        5,
        4,
    )
    assert stored.most_satisfied == "response_speed,attitude,other"
    assert stored.most_satisfied_other == "主动回访"
    assert stored.needs_improvement == "communication"
    assert stored.needs_improvement_other is None
    assert stored.suggestions == "希望短信通知进度"
    assert FollowUp.select().count() == 0

    assert page.messages[-1] == "Survey saved."
    assert field(page, "complaint_number", QLineEdit).text() == ""
    assert field(page, "timeliness", ScoreWidget).value() is None
    assert not field(page, "most_satisfied_attitude", QCheckBox).isChecked()
    assert field(page, "suggestions").toPlainText() == ""
    assert page.queue_model.rowCount() == 0  # surveyed: it left the queue
    assert focused() is page.queue_table


def test_tab_runs_through_the_form_in_reading_order(qtbot, surveyor, clock):
    page = open_page(qtbot, surveyor)
    field(page, "complaint_number").setFocus()
    seen = []
    for _ in range(40):
        name = focused().objectName()
        if not seen or seen[-1] != name:
            seen.append(name)
        if name == "new_survey_button":
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert seen == [
        "complaint_number",
        "customer_name",
        "survey_time",
        "method",
        "timeliness",
        "effectiveness",
        "attitude",
        "overall",
        "most_satisfied_response_speed",
        "most_satisfied_result",
        "most_satisfied_attitude",
        "most_satisfied_communication",
        "most_satisfied_other_box",
        "needs_improvement_response_speed",
        "needs_improvement_result",
        "needs_improvement_attitude",
        "needs_improvement_communication",
        "needs_improvement_other_box",
        "suggestions",
        "save_button",
        "new_survey_button",
    ]


def test_score_keys(qtbot, surveyor, clock):
    page = open_page(qtbot, surveyor)
    score = field(page, "attitude", ScoreWidget)
    score.setFocus()
    key(qtbot, Qt.Key.Key_3)
    assert score.value() == 3 and focused() is field(page, "overall")
    score.setFocus()
    key(qtbot, Qt.Key.Key_Right)
    assert score.value() == 4 and focused() is score
    key(qtbot, Qt.Key.Key_Left, times=5)
    assert score.value() == 1 and score.caption.text() == "Very dissatisfied"
    key(qtbot, Qt.Key.Key_Backspace)
    assert score.value() is None
    key(qtbot, Qt.Key.Key_9)  # not a score: nothing
    assert score.value() is None and focused() is score
    qtbot.mouseClick(field(page, "attitude_2"), Qt.MouseButton.LeftButton)
    assert score.value() == 2
    assert "5 = Very satisfied" in field(page, "attitude_5").toolTip()


# --- the queue: 24 h to open, 48 h to overdue --------------------------------------------


def test_queue_opens_24_hours_after_closure_and_marks_overdue_after_48(qtbot, surveyor, clock):
    case = closed_case(surveyor, clock)  # closed Wed 10:00
    clock.advance(hours=23, minutes=59)
    page = open_page(qtbot, surveyor)
    assert page.queue_model.rowCount() == 0
    assert field(page, "queue_count", QLabel).text() == "No case is due for a survey."

    clock.advance(minutes=1)  # Thu 10:00: 24 h
    refresh(qtbot, page)
    assert page.queue_model.numbers() == [case.number]
    assert cell(page, 0, DUE_AT) == "2026-11-27 10:00"
    assert colour(page, 0, DUE_AT) is None
    assert page.selected_case_id() == case.id  # ready for Enter
    assert case.number in field(page, "selected_case", QLabel).text()

    clock.advance(hours=24, minutes=1)  # Fri 10:01: past 48 h
    refresh(qtbot, page)
    assert cell(page, 0, DUE_AT) == "2026-11-27 10:00 (overdue)"
    assert colour(page, 0, DUE_AT) == tone_colour("error").name()
    assert "1 overdue" in field(page, "queue_count", QLabel).text()
    assert page.selected_case_id() == case.id  # the refresh kept it


def test_refresh_keeps_the_selected_case(qtbot, surveyor, clock):
    first = closed_case(surveyor, clock)
    clock.advance(minutes=30)
    second = closed_case(surveyor, clock)
    clock.advance(hours=25)
    page = open_page(qtbot, surveyor)
    assert page.queue_model.numbers() == [first.number, second.number]
    page.queue_table.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert page.selected_case_id() == second.id
    clock.advance(minutes=5)
    page.refresh_timer.timeout.emit()  # the fallback auto-refresh
    qtbot.waitSignal(page.queue_model.loaded, timeout=10_000)
    idle(qtbot, page)
    assert page.selected_case_id() == second.id
    assert page.refresh_timer.isActive() and page.refresh_timer.interval() == 300_000


def test_queue_pages_as_the_view_scrolls(qtbot, surveyor, clock):
    numbers = []
    for _ in range(5):
        numbers.append(closed_case(surveyor, clock).number)
        clock.advance(minutes=1)
    clock.advance(hours=25)
    page = SurveyPage(surveyor, tasks=TaskRunner(), page_size=2)
    qtbot.addWidget(page)
    page.resize(900, 300)
    page.show()
    qtbot.waitExposed(page)
    idle(qtbot, page)
    model = page.queue_model
    while model.canFetchMore():
        model.fetchMore()
        idle(qtbot, page)
    assert model.numbers() == numbers and model.total == 5


# --- call attempts -----------------------------------------------------------------------


def test_no_answer_schedules_the_next_try_and_greys_the_row(qtbot, surveyor, clock):
    case = closed_case(surveyor, clock)
    clock.advance(hours=24, minutes=30)  # Thu 10:30
    page = open_page(qtbot, surveyor)
    combo = field(page, "call_result")
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "no_answer",
        "refused",
        "wrong_number",
        "call_back_later",
    ]
    combo.setCurrentIndex(combo.findData("no_answer"))
    assert not field(page, "next_try_at").isEnabled()
    field(page, "attempt_note", QLineEdit).setText("响铃无人接")
    qtbot.mouseClick(field(page, "record_attempt_button"), Qt.MouseButton.LeftButton)
    idle(qtbot, page)

    assert page.messages[-1] == f"Next try at 12:30 ({case.number}, call 1)."
    assert cell(page, 0, LAST_RESULT) == "No answer"
    assert cell(page, 0, NEXT_TRY) == "2026-11-26 12:30"
    assert cell(page, 0, NUMBER, WaitingRole) is True
    assert colour(page, 0, NUMBER) == QColor(WAITING_COLOUR).name()
    assert field(page, "attempt_note", QLineEdit).text() == ""
    assert SurveyAttempt.get(SurveyAttempt.complaint == case.id).note == "响铃无人接"

    clock.advance(hours=2)  # 12:30: no longer waiting
    refresh(qtbot, page)
    assert cell(page, 0, NUMBER, WaitingRole) is False
    assert colour(page, 0, NUMBER) is None

    combo.setCurrentIndex(combo.findData("call_back_later"))
    when = field(page, "next_try_at")
    assert when.isEnabled() and when.dateTime().toPython() > clock.now()
    when.setDateTime(QDateTime(D(2026, 11, 26, 16, 0)))
    qtbot.mouseClick(field(page, "record_attempt_button"), Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert f"Next try at 16:00 ({case.number}, call 2)." in page.messages

    combo.setCurrentIndex(combo.findData("no_answer"))
    qtbot.mouseClick(field(page, "record_attempt_button"), Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert f"Customer unreachable after 3 calls: {case.number} left the queue." in page.messages
    assert page.queue_model.rowCount() == 0
    assert not field(page, "record_attempt_button").isEnabled()


def test_call_back_later_needs_a_later_time(qtbot, surveyor, clock):
    closed_case(surveyor, clock)
    clock.advance(hours=25)
    page = open_page(qtbot, surveyor)
    field(page, "call_result").setCurrentIndex(
        field(page, "call_result").findData("call_back_later")
    )
    field(page, "next_try_at").setDateTime(QDateTime(clock.now() - dt.timedelta(hours=1)))
    qtbot.mouseClick(field(page, "record_attempt_button"), Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert error_text(page, "next_try_at") == "The next try must be later than now."
    assert SurveyAttempt.select().count() == 0


def test_refused_and_not_to_be_surveyed_leave_the_queue(qtbot, surveyor, clock):
    refused = closed_case(surveyor, clock)
    skipped = closed_case(surveyor, clock)
    clock.advance(hours=25)
    page = open_page(qtbot, surveyor)
    page.select_case(refused.id)
    combo = field(page, "call_result")
    combo.setCurrentIndex(combo.findData("refused"))
    qtbot.mouseClick(field(page, "record_attempt_button"), Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert f"The customer refused the survey: {refused.number} left the queue." in page.messages
    assert page.queue_model.numbers() == [skipped.number]
    assert page.selected_case_id() == skipped.id

    qtbot.mouseClick(field(page, "not_surveyed_button"), Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert error_text(page, "no_survey_reason") == (
        "Give the reason the customer is not to be surveyed."
    )
    field(page, "no_survey_reason").setFocus()
    type_text("客户要求不再联系")
    assert error_text(page, "no_survey_reason") == ""
    qtbot.mouseClick(field(page, "not_surveyed_button"), Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert f"{skipped.number} will not be surveyed: it left the queue." in page.messages
    assert page.queue_model.rowCount() == 0
    assert Complaint.get_by_id(skipped.id).no_survey_reason == "客户要求不再联系"


# --- the form's problems -----------------------------------------------------------------


def test_bad_fields_are_marked_and_everything_typed_is_kept(qtbot, surveyor, clock):
    page = open_page(qtbot, surveyor)  # a proactive survey
    field(page, "customer_name").setFocus()
    type_text("李四")
    field(page, "timeliness", ScoreWidget).setValue(3)
    field(page, "needs_improvement_other_box", QCheckBox).setChecked(True)
    field(page, "suggestions").setFocus()
    type_text("无")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)
    score_message = "Give a score from 1 (very dissatisfied) to 5 (very satisfied)."
    for name in ("effectiveness", "attitude", "overall"):
        assert error_text(page, name) == score_message
    assert error_text(page, "timeliness") == ""
    assert error_text(page, "needs_improvement_other") == 'Say what "other" means.'
    assert focused() is field(page, "effectiveness")
    assert page.messages[-1] == "Not saved: 4 fields need attention."
    assert field(page, "customer_name", QLineEdit).text() == "李四"
    assert field(page, "timeliness", ScoreWidget).value() == 3
    assert field(page, "suggestions").toPlainText() == "无"
    assert Survey.select().count() == 0

    key(qtbot, Qt.Key.Key_2)  # fixing clears the message
    assert error_text(page, "effectiveness") == ""


def test_a_second_survey_of_the_same_complaint_is_refused_at_the_number(
    qtbot, surveyor, system, clock
):
    case = closed_case(surveyor, clock)
    clock.advance(hours=25)
    surveys.record_survey(
        surveyor,
        SurveyForm(
            complaint_number=case.number,
            customer_name="张三",
            survey_time=clock.now(),
            timeliness=5,
            effectiveness=5,
            attitude=5,
            overall=5,
        ),
    )
    other = make_user(system, "clerk2", "clerk")
    page = open_page(qtbot, other)
    field(page, "complaint_number").setFocus()
    qtbot.keyClicks(focused(), case.number)
    key(qtbot, Qt.Key.Key_Tab)
    type_text("张三")
    tab_to(qtbot, "timeliness")
    for digit in (Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_1):
        key(qtbot, digit)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)
    message = error_text(page, "complaint_number")
    assert message == (
        f"Case {case.number} already has its survey, recorded 2026-11-26 "
        "11:00 by clerk1; a complaint is surveyed once."
    )
    assert page.messages[-1] == f"Not saved: {message}"
    assert focused() is field(page, "complaint_number")
    assert field(page, "complaint_number", QLineEdit).text() == case.number
    assert field(page, "customer_name", QLineEdit).text() == "张三"
    assert [
        field(page, n, ScoreWidget).value()
        for n in ("timeliness", "effectiveness", "attitude", "overall")
    ] == [2, 2, 1, 1]
    assert Survey.select().count() == 1 and FollowUp.select().count() == 0


# --- follow-up of unhappy customers --------------------------------------------------------


def test_a_low_score_creates_a_follow_up_that_reopens_the_case(qtbot, surveyor, supervisor, clock):
    case = closed_case(surveyor, clock)
    clock.advance(hours=25)
    page = open_page(qtbot, surveyor)
    assert not page.follow_ups_group.isVisible()  # a clerk without any
    start_survey_by_keyboard(qtbot, page)
    for digit in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_2):
        key(qtbot, digit)
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)
    assert saved.args[0].follow_up_id is not None
    assert page.messages[-1] == "Survey saved. Follow-up created for the supervisor."
    follow_up = FollowUp.get(FollowUp.complaint == case.id)
    assert follow_up.assigned_to_id == supervisor.user_id
    assert page.follow_ups_group.isVisible()  # the clerk owns the case

    boss = open_page(qtbot, supervisor)
    table = field(boss, "follow_ups_table")
    assert boss.follow_ups_model.ids() == [follow_up.id]
    model = table.model()
    assert [model.data(model.index(0, c)) for c in range(5)] == [
        case.number,
        "张三",
        "Overall satisfaction 2/5 in the survey",
        "super1",
        "2026-11-26 11:00",
    ]
    button = field(boss, "complete_follow_up_button")
    assert not button.isEnabled()
    boss.select_follow_up(follow_up.id)
    assert button.isEnabled()
    clock.advance(hours=1)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = boss.follow_up_dialog
    assert dialog is not None and dialog.isVisible()
    ok = field(dialog, "done_ok_button")
    assert not ok.isEnabled()  # a note first
    qtbot.waitUntil(lambda: focused() is field(dialog, "done_note"))
    type_text("致电客户，重新处理")
    field(dialog, "reopen_case", QCheckBox).setChecked(True)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    idle(qtbot, boss)

    reopened = Complaint.get_by_id(case.id)
    assert reopened.is_open and reopened.level == 3
    done = FollowUp.get_by_id(follow_up.id)
    assert (done.done_at, done.done_note) == (clock.now(), "致电客户，重新处理")
    assert boss.follow_ups_model.rowCount() == 0
    assert boss.messages[-1] == (
        f"Follow-up done: {case.number} is reopened as an escalated complaint."
    )


def test_follow_up_without_reopening(qtbot, surveyor, supervisor, clock):
    case = closed_case(surveyor, clock)
    clock.advance(hours=25)
    recorded = surveys.record_survey(
        surveyor,
        SurveyForm(
            complaint_number=case.number,
            customer_name="张三",
            survey_time=clock.now(),
            timeliness=1,
            effectiveness=1,
            attitude=1,
            overall=1,
        ),
    )
    boss = open_page(qtbot, supervisor)
    boss.select_follow_up(recorded.follow_up_id)
    dialog = boss.ask_complete_follow_up()
    dialog.done_note.setPlainText("客户接受道歉")
    dialog.accept()
    idle(qtbot, boss)
    assert not Complaint.get_by_id(case.id).is_open
    assert FollowUp.get_by_id(recorded.follow_up_id).done_note == "客户接受道歉"
    assert boss.messages[-1] == f"Follow-up done ({case.number})."


def test_choosing_another_case_asks_before_replacing_typed_work(
    qtbot, surveyor, clock, monkeypatch
):
    first = closed_case(surveyor, clock)
    second = closed_case(surveyor, clock)
    clock.advance(hours=25)
    page = open_page(qtbot, surveyor)
    start_survey_by_keyboard(qtbot, page)
    assert field(page, "complaint_number", QLineEdit).text() == first.number
    key(qtbot, Qt.Key.Key_3)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: (asked.append(a), QMessageBox.StandardButton.Cancel)[1],
    )
    page.queue_table.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert len(asked) == 1
    assert field(page, "complaint_number", QLineEdit).text() == first.number
    assert field(page, "timeliness", ScoreWidget).value() == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.queue_table.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field(page, "complaint_number", QLineEdit).text() == second.number)
    assert field(page, "timeliness", ScoreWidget).value() is None


def test_tab_runs_through_the_page_in_reading_order(qtbot, surveyor, supervisor, clock):
    closed_case(surveyor, clock)
    clock.advance(hours=25)
    page = open_page(qtbot, supervisor)  # with the follow-ups panel
    page.queue_table.setFocus()
    seen = []
    for _ in range(12):
        if focused().isEnabled() and (not seen or seen[-1] != focused().objectName()):
            seen.append(focused().objectName())
        if seen[-1] == "complaint_number":
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert seen == [
        "survey_queue_table",
        "refresh_button",
        "call_result",
        "attempt_note",
        "record_attempt_button",
        "no_survey_reason",
        "not_surveyed_button",
        "follow_ups_table",
        "complaint_number",
    ]


def test_an_administrator_sees_the_queue_but_records_nothing(qtbot, surveyor, system, clock):
    case = closed_case(surveyor, clock)
    clock.advance(hours=25)
    admin = make_user(system, "admin1", "admin", departments=())
    page = open_page(qtbot, admin)
    assert page.queue_model.numbers() == [case.number]
    assert cell(page, 0, 2) == "138****5678"  # not handling it: masked
    assert not field(page, "survey_form").isEnabled()
    assert not field(page, "record_attempt_button").isEnabled()
    assert page.survey_selected() is None and page.save() is None


def test_the_main_window_shows_the_survey_page(qtbot, surveyor, gui_db, clock):
    from desktop_app.ui.main_window import MainWindow

    closed_case(surveyor, clock)
    clock.advance(hours=25)
    window = MainWindow(surveyor, gui_db, offer_drafts=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_section("survey")
    assert isinstance(page, SurveyPage) and page.objectName() == "survey_page"
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 1, timeout=10_000)
    page.queue_table.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Surveying "), timeout=10_000
    )
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=10_000)
