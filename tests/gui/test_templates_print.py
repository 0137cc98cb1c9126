"""Printable templates 1–3 (docs/rules.md#registration, docs/rules.md#workflow,
docs/rules.md#surveys): blank and filled for a case, as HTML and as A4 PDF; the case window's print
menu and the main window's blank forms."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMenu, QPushButton

from desktop_app.db.models import Survey, User
from desktop_app.services import auth, cases, print_forms, users
from desktop_app.services.cases import ProgressForm
from desktop_app.ui.case.window import CaseWindow
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.templates_print import (
    BLANK_PROGRESS_ROWS,
    CHECKED,
    KINDS,
    TITLES,
    UNCHECKED,
    blank_choices,
    blank_document,
    save_blank_pdf,
    save_pdf,
    template_document,
    template_html,
)
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

WAIT = 15_000
LABELS = {
    "registration": (
        "Complaint number",
        "Customer name",
        "Contact",
        "Customer / member number",
        "ID number",
        "Member tier",
        "Complaint time",
        "Channel",
        "Type and subtype",
        "Urgency",
        "Level",
        "Description",
        "Customer requests",
        "Initial department",
        "Receiver",
        "Registration time",
    ),
    "progress": (
        "Complaint number",
        "Current stage",
        "Owner",
        "Planned completion",
        "Actual completion",
        "Result (measures, compensation)",
        "Customer feedback",
        "Next action",
        "Updated at / by",
    ),
    "survey": (
        "Customer name",
        "Complaint number (if any)",
        "Survey time",
        "Survey method",
        "Surveyor",
        "Timeliness of handling",
        "Effectiveness of the solution",
        "Staff attitude",
        "Overall satisfaction",
        "Most satisfied with",
        "Needs improvement",
        "Other suggestions",
    ),
}


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def case(system, clerk):
    """A case owned and received by clerk2, in clerk1's department: clerk1 sees it with
    the contact masked (docs/rules.md#masking)."""
    make_user(system, "clerk2", "clerk")
    return make_case(
        at=TEST_NOW - dt.timedelta(hours=2),
        owner="clerk2",
        product="Blender X2",
        customer_requests="refund,apology",
    )


def assert_pdf(path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000, path


def open_case(qtbot, username: str, case_id: int, clock) -> CaseWindow:
    window = CaseWindow(auth.session_for_username(username, clock=clock), case_id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        window.show()
    return window


def test_every_blank_template_renders_to_pdf(qtbot, gui_db, tmp_path):
    for kind in KINDS:
        html = template_html(kind, choices=blank_choices())
        assert TITLES[kind] in html
        for label in LABELS[kind]:
            assert label in html, (kind, label)
        assert UNCHECKED in html and CHECKED not in html
        path = save_pdf(
            template_document(kind, choices=blank_choices()), tmp_path / f"blank-{kind}.pdf", kind
        )
        assert_pdf(path)
        assert_pdf(save_blank_pdf(kind, path=tmp_path / f"menu-{kind}.pdf"))
        assert blank_document(kind).toPlainText().startswith(TITLES[kind])
    registration = template_html("registration", choices=blank_choices())
    for option in (
        "Phone hotline",
        "Walk-in",
        "Urgent",
        "Refund",
        "Risk control",
        "Product quality",
    ):
        assert f"{UNCHECKED}&nbsp;{option}" in registration
    progress = template_html("progress")
    assert progress.count("Basically satisfied") == BLANK_PROGRESS_ROWS
    survey = template_html("survey")
    assert survey.count(f"{UNCHECKED}&nbsp;5") == 4  # four questions on a 1-5 scale
    assert "1 = very dissatisfied, 5 = very satisfied" in survey
    assert survey.count(f"{UNCHECKED}&nbsp;Clarity of communication") == 2


def test_labels_follow_the_ui_language(qtbot, gui_db):
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    html = template_html("registration")
    assert "客户姓名" in html and "联系方式" in html and "Customer name" not in html
    assert "被投诉员工" in html and "原投诉编号（重复/升级投诉）" in html
    assert "计划完成时间" in template_html("progress")
    assert "原因分类" in template_html("progress")
    assert "整体满意度" in template_html("survey")


def test_filled_templates_for_a_clerk_who_may_not_see_the_contact(
    qtbot, case, clerk, clock, tmp_path
):
    owner = auth.session_for_username("clerk2", clock=clock)
    cases.add_progress(
        owner,
        case.id,
        ProgressForm(
            stage="assigned",
            result="已联系客户，安排退款",
            customer_feedback="basically_satisfied",
            feedback_comment="希望尽快到账",
            next_action="回访确认",
            planned_completion=TEST_NOW + dt.timedelta(days=1),
        ),
        version=case.version,
    )
    # docs/rules.md#root-causes: template 2 carries the cause and the 5W1H notes.
    cases.set_root_cause(
        owner,
        case.id,
        root_cause="parts_packaging",
        root_cause_notes="Why: 包装线漏装",
        version=cases.get_case(owner, case.id).version,
    )
    window = open_case(qtbot, "clerk1", case.id, clock)
    printer = window.printer
    assert window.detail.contact_masked

    registration = printer.html("registration")
    for label in LABELS["registration"]:
        assert label in registration
    for value in (
        case.number,
        "张三",
        "138****5678",
        "Blender X2",
        "屏幕有划痕",
        "退款、道歉",
        "clerk2",
        "2026-11-25 08:00",
    ):
        assert value in registration, value
    assert "13812345678" not in registration
    assert printer.save_pdf("registration", tmp_path / "t1.pdf") is None  # written at once
    assert_pdf(tmp_path / "t1.pdf")

    progress = printer.html("progress")
    for value in (
        case.number,
        "Assigned",
        "已联系客户，安排退款",
        "Basically satisfied",
        "希望尽快到账",
        "回访确认",
        "2026-11-26 10:00",
        "clerk2",
        "Root cause",
        "配件/包装",
        "Why: 包装线漏装",
    ):
        assert value in progress, value
    assert "13812345678" not in progress
    printer.save_pdf("progress", tmp_path / "t2.pdf")
    assert_pdf(tmp_path / "t2.pdf")

    # No survey yet: the questionnaire is blank but names the case and the customer.
    with qtbot.waitSignal(printer.done, timeout=WAIT) as blocker:
        assert printer.save_pdf("survey", tmp_path / "t3-blank.pdf") is not None
    assert blocker.args == ["survey", str(tmp_path / "t3-blank.pdf")]
    assert_pdf(tmp_path / "t3-blank.pdf")
    assert case.number in printer.html("survey") and CHECKED not in printer.html("survey")


def test_template_one_names_the_staff_member_and_the_earlier_case(
    qtbot, case, system, clerk, clock, tmp_path
):
    users.create_user(
        system,
        "ops1",
        "clerk",
        "Plum-Harbour-Lantern-42",
        display_name="刘运营",
        departments=("operations",),
    )
    repeat = make_case(
        at=TEST_NOW - dt.timedelta(hours=1),
        owner="clerk2",
        subtype="staff_attitude",
        subject_staff=User.get(User.username == "ops1"),
        repeat_of=case,
    )
    window = open_case(qtbot, "clerk1", repeat.id, clock)
    registration = window.printer.html("registration")
    assert "<th align='left' width='26%' style='background:#eeeeee'>Staff complained about" in (
        registration
    )
    assert "刘运营" in registration
    assert "Earlier case (repeat complaint)" in registration and case.number in registration
    window.printer.save_pdf("registration", tmp_path / "repeat.pdf")
    assert_pdf(tmp_path / "repeat.pdf")
    window.close()

    # A merchant's staff member without an account: the name as typed; no earlier case.
    typed = make_case(
        at=TEST_NOW - dt.timedelta(hours=1),
        owner="clerk2",
        subtype="staff_attitude",
        subject_staff_name="商户店员小张",
    )
    window = open_case(qtbot, "clerk1", typed.id, clock)
    registration = window.printer.html("registration")
    assert "Staff complained about" in registration and "商户店员小张" in registration
    assert "Earlier case" not in registration
    window.close()

    # The plain case prints neither row; the blank form has both, to fill by hand.
    window = open_case(qtbot, "clerk1", case.id, clock)
    plain = window.printer.html("registration")
    assert "Staff complained about" not in plain and "Earlier case" not in plain
    window.close()
    blank = template_html("registration", choices=blank_choices())
    assert "Staff complained about" in blank and "Earlier case (repeat complaint)" in blank


def test_a_recorded_survey_fills_template_three(qtbot, case, clerk, clock, tmp_path):
    Survey.create(
        complaint=case,
        customer_name="张三",
        survey_time=TEST_NOW,
        method="sms",
        surveyor=User.get(username="clerk2"),
        timeliness=4,
        effectiveness=5,
        attitude=3,
        overall=4,
        most_satisfied="attitude,result",
        needs_improvement="response_speed,other",
        needs_improvement_other="回电太慢",
        suggestions="希望提供上门服务",
    )
    record = print_forms.case_survey(clerk, case.id)
    assert record.method == "sms" and record.needs_improvement == ("response_speed", "other")
    html = template_html("survey", survey=record)
    for label in LABELS["survey"]:
        assert label in html
    for value in (
        case.number,
        "张三",
        "2026-11-25 10:00",
        f"{CHECKED}&nbsp;SMS",
        "clerk2",
        f"{CHECKED}&nbsp;Attitude",
        f"{CHECKED}&nbsp;Response speed",
        "回电太慢",
        "希望提供上门服务",
    ):
        assert value in html, value
    assert html.count(CHECKED) == 1 + 4 + 2 + 2  # method, four scores, two aspects twice
    assert f"{CHECKED}&nbsp;5" in html and f"{CHECKED}&nbsp;3" in html

    window = open_case(qtbot, "clerk1", case.id, clock)
    with qtbot.waitSignal(window.printer.done, timeout=WAIT):
        window.printer.save_pdf("survey", tmp_path / "t3.pdf")
    assert_pdf(tmp_path / "t3.pdf")


def test_the_owner_prints_the_full_contact(qtbot, case, clock):
    window = open_case(qtbot, "clerk2", case.id, clock)
    assert "13812345678" in window.printer.html("registration")


def test_the_case_windows_print_menu(qtbot, case, clerk, clock):
    window = open_case(qtbot, "clerk1", case.id, clock)
    button = window.findChild(QPushButton, "print_button")
    assert button is window.print_button and button.isEnabled()
    menu = button.menu()
    assert isinstance(menu, QMenu)
    entries = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
    assert [a.objectName() for a in entries] == [
        "print_registration_action",
        "print_progress_action",
        "print_survey_action",
    ]
    assert [a.text() for a in entries] == [
        "Registration form (template 1)",
        "Progress tracking (template 2)",
        "Satisfaction survey (template 3)",
    ]
    pdf = window.printer.pdf_menu
    assert pdf.menuAction() in menu.actions()
    assert [a.objectName() for a in pdf.actions()] == [
        "pdf_registration_action",
        "pdf_progress_action",
        "pdf_survey_action",
    ]


def test_main_window_blank_forms(qtbot, clerk, gui_db):
    """File > Blank forms is in the menu from the start; its entries (and the templates'
    code) come when it is first opened (docs/rules.md#start-up), once."""
    window = MainWindow(clerk, gui_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    file_menu = window.findChild(QMenu, "file_menu")
    action = next(a for a in file_menu.actions() if a.objectName() == "print_blank_action")
    menu = action.menu()
    assert menu.objectName() == "blank_forms_menu" and menu.title()
    assert not action.icon().isNull()
    expected = [f"print_blank_{k}_action" for k in KINDS] + [f"pdf_blank_{k}_action" for k in KINDS]
    for _ in range(2):  # opened again: the same entries
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitExposed(menu)
        names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
        assert names == expected
        assert all(a.text() and not a.icon().isNull() for a in menu.actions() if a.objectName())
        menu.close()
