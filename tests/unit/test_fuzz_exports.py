"""Exported cells never start a formula from user text (issue #8): cases whose free text
was saved looking like a formula (``=cmd|' /C calc'!A0``, ``=HYPERLINK(…)``, ``+``, ``-``,
``@``, a tab and ``=``) go through the exchange workbook, the tracker's "export current
view" and the report workbook; opened again with openpyxl no cell is a formula and each
text reads back as typed (stripped, as saved).

One database per test function (hypothesis warns about function-scoped fixtures): every
example adds its cases and exports them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db.models import Complaint, Department, ImprovementAction, User
from desktop_app.services import (
    cases,
    exchange,
    intake,
    kpi,
    report_workbook,
    surveys,
    tracker_export,
)
from desktop_app.services.cases import ProgressForm
from desktop_app.services.intake import IntakeForm
from desktop_app.services.surveys import SurveyForm
from desktop_app.services.tracker import CaseFilter
from tests.helpers.fixtures import TEST_NOW, fuzz_examples, make_user
from tests.helpers.hostile import formula_text

FIELDS = (
    "customer_name",
    "description",
    "customer_request_other",
    "product",
    "merchant",
    "result",
    "feedback_comment",
    "next_action",
    "outcome_reason",
    "survey_name",
    "suggestions",
    "most_satisfied_other",
    "needs_improvement_other",
    "overdue_name",
)


def workbook_cells(path) -> dict[str, list[openpyxl.cell.cell.Cell]]:
    """Every non-empty cell of every sheet, the file opened afresh (not read-only, so
    each cell's data type is what the file says)."""
    book = openpyxl.load_workbook(path)
    try:
        return {
            ws.title: [c for row in ws.iter_rows() for c in row if c.value is not None]
            for ws in book.worksheets
        }
    finally:
        book.close()


def assert_no_formula(path) -> set:
    """No cell of the workbook is a formula; the values of all its cells."""
    values = set()
    for title, found in workbook_cells(path).items():
        for cell in found:
            assert cell.data_type != "f", (title, cell.coordinate, cell.value)
            values.add(cell.value)
    return values


def register(session, texts: dict[str, str], **changes) -> int:
    form = IntakeForm(
        customer_name=texts["customer_name"],
        contact="13812345678",
        complaint_time=TEST_NOW - dt.timedelta(minutes=30),
        channel="walk_in",
        type="product_quality",
        subtype="functional_defect",
        urgency="normal",
        description=texts["description"] + "：屏幕无法点亮",
        customer_requests=["refund", "other"],
        customer_request_other=texts["customer_request_other"],
        department="customer_service",
        product=texts["product"],
        merchant=texts["merchant"],
    )
    return intake.register_complaint(session, dataclasses.replace(form, **changes)).id


def handle(session, case_id: int, texts: dict[str, str]) -> None:
    """A progress entry, closing with a reason, and the survey, all with the texts."""
    version = cases.get_case(session, case_id).version
    version = cases.add_progress(
        session,
        case_id,
        ProgressForm(
            result=texts["result"],
            customer_feedback="basically_satisfied",
            feedback_comment=texts["feedback_comment"],
            next_action=texts["next_action"],
        ),
        version=version,
    ).version
    cases.close_case(
        session,
        case_id,
        confirmed=False,
        outcome="partly_resolved",
        reason=texts["outcome_reason"],
        version=version,
    )
    surveys.record_survey(
        session,
        SurveyForm(
            complaint_number=Complaint.get_by_id(case_id).number,
            customer_name=texts["survey_name"],
            survey_time=TEST_NOW,
            method="phone",
            timeliness=4,
            effectiveness=3,
            attitude=5,
            overall=4,
            most_satisfied=["attitude", "other"],
            most_satisfied_other=texts["most_satisfied_other"],
            needs_improvement=["other"],
            needs_improvement_other=texts["needs_improvement_other"],
            suggestions=texts["suggestions"],
        ),
    )


@settings(
    max_examples=fuzz_examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.fixed_dictionaries({name: formula_text for name in FIELDS}))
def test_exports_write_formula_like_text_as_text(
    clerk_session, manager_session, tmp_path_factory, texts
):
    handled = register(clerk_session, texts)
    # The manager handles it: after ten examples the batch rule makes such cases urgent,
    # and routing gives an urgent case to the clerk's supervisor (docs/rules.md#routing).
    handle(manager_session, handled, texts)
    # Still open, a month old: on the report's overdue list, with its customer's name.
    overdue = register(
        clerk_session,
        {**texts, "customer_name": texts["overdue_name"]},
        complaint_time=TEST_NOW - dt.timedelta(days=30),
    )
    folder = tmp_path_factory.mktemp("exports")

    # The exchange workbook: every free text of template 1-3 in its own cell.
    path = exchange.export_cases(
        manager_session, folder / "cases.xlsx", case_ids=[handled, overdue], unmasked=True
    ).path
    values = assert_no_formula(path)
    expected = {
        texts[name]
        for name in (
            "customer_name",
            "overdue_name",
            "result",
            "feedback_comment",
            "next_action",
            "survey_name",
            "suggestions",
        )
    }
    expected |= {
        texts["description"] + "：屏幕无法点亮",
        f"退款、其他（{texts['customer_request_other']}）",
        f"部分解决（{texts['outcome_reason']}）",
        f"服务态度、其他（{texts['most_satisfied_other']}）",
        f"其他（{texts['needs_improvement_other']}）",
    }
    assert expected <= values, expected - values

    # The tracker's "export current view": the cases a filter lists, written the same way.
    number = Complaint.get_by_id(handled).number
    ids = tracker_export.tracker_ids(manager_session, CaseFilter(include_closed=True, text=number))
    assert ids == [handled]
    path = exchange.export_cases(manager_session, folder / "view.xlsx", case_ids=ids).path
    values = assert_no_formula(path)
    assert {texts["customer_name"], texts["result"], texts["suggestions"]} <= values

    # The report workbook: the overdue list and the period's surveys.
    report = kpi.kpi_report(manager_session, TEST_NOW.date().replace(day=1), TEST_NOW.date())
    path = report_workbook.write_report_workbook(
        manager_session, report, folder / "report.xlsx", unmasked=True
    )
    values = assert_no_formula(path)
    expected = {texts[name] for name in ("overdue_name", "survey_name", "suggestions")}
    expected |= {
        f"服务态度、其他（{texts['most_satisfied_other']}）",
        f"其他（{texts['needs_improvement_other']}）",
    }
    assert expected <= values, expected - values


def test_text_a_cell_cannot_hold_is_dropped_not_fatal(
    clerk_session, manager_session, system_session, tmp_path
):
    """Older data (saved before the forms refused them) with characters an .xlsx file
    cannot hold, in case texts and in a staff name: every export still writes, without
    them; formulas stay text."""
    texts = {name: "=1+1" for name in FIELDS}
    case_id = register(clerk_session, texts)
    handle(clerk_session, case_id, texts)
    # Straight into the database, past the forms' checks.
    Complaint.update(customer_name="=A1\x1b客户\uffff", description="描述\x07内容\ufffe").where(
        Complaint.id == case_id
    ).execute()
    User.update(display_name="=坐席\x01一").where(User.username == "clerk1").execute()
    ImprovementAction.create(
        problem="=cmd|' /C calc'!A0\x0b",
        plan="+计划\x1f",
        department=Department.get(Department.code == "customer_service"),
        deadline=TEST_NOW.date(),
        created_by=User.get(User.username == "manager1").id,
        created_at=TEST_NOW,
        updated_at=TEST_NOW,
    )
    overdue = register(clerk_session, texts, complaint_time=TEST_NOW - dt.timedelta(days=30))
    Complaint.update(customer_name="=逾期\x1b客户").where(Complaint.id == overdue).execute()

    path = exchange.export_cases(
        manager_session, tmp_path / "cases.xlsx", case_ids=[case_id, overdue], unmasked=True
    ).path
    values = assert_no_formula(path)
    assert {"=A1客户", "描述内容", "=坐席一"} <= values
    report = kpi.kpi_report(manager_session, TEST_NOW.date().replace(day=1), TEST_NOW.date())
    path = report_workbook.write_report_workbook(
        manager_session, report, tmp_path / "report.xlsx", unmasked=True
    )
    values = assert_no_formula(path)
    assert {"=cmd|' /C calc'!A0", "+计划", "=逾期客户"} <= values


def test_export_guard_covers_staff_names_that_look_like_formulas(
    system_session, clerk_session, manager_session, tmp_path
):
    """A staff account named like a formula (e.g. made by an import) is text too."""
    make_user(system_session, "clerk2", "clerk")
    name = '=HYPERLINK("http://x","y")'
    User.update(display_name=name).where(User.username == "clerk2").execute()
    texts = {name: "普通文字" for name in FIELDS}
    case_id = register(clerk_session, texts)
    cases.transfer(
        clerk_session,
        case_id,
        User.get(User.username == "clerk2").id,
        "转交",
        version=cases.get_case(clerk_session, case_id).version,
    )
    path = exchange.export_cases(manager_session, tmp_path / "cases.xlsx", case_ids=[case_id]).path
    assert name in assert_no_formula(path)
