"""The report workbook (数据汇总报表, docs/rules.md#kpis, docs/rules.md#masking, issue 7 item 3): written
from a small data set on SQLite and PostgreSQL, read back with openpyxl and as raw XML. The figures
must be those of ``kpi.to_json_dict``; contacts masked unless a manager asks (and then audited)."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.chart import BarChart, LineChart

from desktop_app.db.models import AuditLog, Complaint, User
from desktop_app.domain import periods
from desktop_app.services import cases, improvements, kpi, report_workbook, surveys
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.surveys import SurveyForm
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

D = dt.datetime
NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
SHEET_NAMES = [
    "汇总",
    "按类型",
    "按子类",
    "按渠道",
    "按部门",
    "按紧急程度",
    "按级别",
    "投诉量趋势",
    "超时未结",
    "超时按责任人",
    "人员",
    "原因分析",
    "产品商户",
    "满意度调查",
    "改进措施",
    "高频改进建议",
]
# Summary label -> key of to_json_dict (dotted: nested) and the expected number format.
KPI_CELLS = {
    "投诉量": ("volume", "#,##0"),
    "紧急投诉": ("urgent_cases", "#,##0"),
    "平均处理时长(小时)": ("average_handling_hours", "0.00"),
    "投诉解决率": ("resolution_rate", "0.0%"),
    "投诉处理及时率": ("on_time_rate", "0.0%"),
    "首次响应及时率": ("first_response_on_time_rate", "0.0%"),
    "满意度·处理及时性": ("satisfaction.timeliness", "0.00"),
    "满意度·解决方案有效性": ("satisfaction.effectiveness", "0.00"),
    "满意度·服务人员态度": ("satisfaction.attitude", "0.00"),
    "满意度·整体满意度": ("satisfaction.overall", "0.00"),
    "满意率": ("satisfaction_rate", "0.0%"),
    "调查数": ("surveys", "#,##0"),
    "调查覆盖率": ("survey_coverage", "0.0%"),
    "按时调查率": ("survey_within_window", "0.0%"),
    "超时未结": ("overdue_open", "#,##0"),
}
SUMMARY_HEADER = 9  # title and seven lines of notes above the KPI table


def _json_value(data: dict, key: str):
    for part in key.split("."):
        data = data[part]
    return data


@pytest.fixture
def data(system_session, manager_session, supervisor_session, clerk_session, clock):
    """Ten November cases (customer service, tech), six closed and surveyed a day later,
    one proactive survey, two October cases; awkward text in a few names."""
    clerks = {
        "clerk1": clerk_session,
        "clerk2": make_user(system_session, "clerk2", "clerk", departments=("tech",)),
    }
    made = []
    specs = [  # days before now, subtype, department, owner
        (20, "functional_defect", "customer_service", "clerk1"),
        (18, "appearance_defect", "customer_service", "clerk1"),
        (15, "staff_attitude", "customer_service", "clerk1"),
        (12, "delivery", "customer_service", "clerk1"),
        (9, "slow_refund", "customer_service", "clerk1"),
        (8, "account_security", "tech", "clerk2"),
        (6, "functional_defect", "tech", "clerk2"),
        (3, "points", "customer_service", "clerk1"),
        (1, "functional_defect", "tech", "clerk2"),
        (0, "delivery", "customer_service", "clerk1"),
        (40, "functional_defect", "customer_service", "clerk1"),  # October
        (30, "points", "tech", "clerk2"),  # October
    ]
    for days, subtype, department, owner in specs:
        made.append(
            make_case(
                at=TEST_NOW - dt.timedelta(days=days, hours=1),
                owner=owner,
                subtype=subtype,
                department=department,
            )
        )
    # Awkward text in open, overdue cases: a control character, a would-be formula, an
    # e-mail address as the contact.
    Complaint.update(customer_name="王\x01五").where(Complaint.id == made[3].id).execute()
    Complaint.update(customer_name='=HYPERLINK("x")', contact="zhang@example.com").where(
        Complaint.id == made[4].id
    ).execute()
    closed = [made[i] for i in (0, 1, 2, 5, 6, 7)]
    outcomes = ["resolved", "resolved", "partly_resolved", "resolved", "unresolved", "resolved"]
    for case, outcome in zip(closed, outcomes, strict=True):
        session = clerks[case.owner.username]
        cases.close_case(
            session,
            case.id,
            confirmed=False,
            outcome=outcome,
            reason="已处理",
            version=cases.get_case(session, case.id).version,
            root_cause="parts_packaging",
        )
    clock.advance(hours=25)
    scores = [
        (5, 5, 5, 5, []),
        (3, 4, 4, 4, ["response_speed"]),
        (2, 2, 3, 2, ["result", "communication"]),
        (4, 4, 5, 4, ["attitude"]),
        (1, 2, 1, 1, ["result", "other"]),
        (5, 4, 5, 5, []),
    ]
    for case, (t, e, a, o, needs) in zip(closed, scores, strict=True):
        session = clerks[case.owner.username]
        surveys.record_survey(
            session,
            SurveyForm(
                complaint_number=case.number,
                customer_name="张三",
                survey_time=clock.now(),
                timeliness=t,
                effectiveness=e,
                attitude=a,
                overall=o,
                needs_improvement=needs,
                needs_improvement_other="回电慢" if "other" in needs else "",
                suggestions="=SUM(A1)" if o == 1 else "",
            ),
        )
    surveys.record_survey(
        clerk_session,
        SurveyForm(  # proactive
            customer_name="李四",
            survey_time=clock.now(),
            timeliness=4,
            effectiveness=4,
            attitude=4,
            overall=4,
            needs_improvement=["response_speed"],
        ),
    )
    improvements.create_action(
        manager_session,
        "配送超时",
        "更换承运商",
        "logistics",
        "2026-12-15",
        "planned",
        type_codes=["delivery"],
        case_ids=[made[3].id],
    )
    clock.at = TEST_NOW  # the report is made "now"; the surveys lie a day ahead, in November
    return made


def _write(session, tmp_path, name="report.xlsx", *, department=None, **kw):
    report = kpi.kpi_report(session, NOV_1, NOV_30, department_code=department)
    path = report_workbook.write_report_workbook(session, report, tmp_path / name, **kw)
    assert path == tmp_path / name and path.exists()
    return report, path


def _table(ws, header_row: int = 1) -> list[dict]:
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def _all_text(wb) -> str:
    return "\n".join(
        str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None
    )


def test_sheets_and_summary_figures_are_the_json_report(data, manager_session, tmp_path):
    report, path = _write(manager_session, tmp_path)
    expected = kpi.to_json_dict(report)
    assert expected["volume"] == 10 and expected["surveys"] == 7  # the data is what it says
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEET_NAMES == list(report_workbook.SHEETS)
    summary = wb["汇总"]
    assert summary["A1"].value == "投诉数据汇总报表" and summary["A1"].font.b
    notes = {summary.cell(r, 1).value: summary.cell(r, 2) for r in range(2, SUMMARY_HEADER)}
    assert notes["统计期间"].value == "2026-11-01 至 2026-11-30"
    assert notes["部门范围"].value == "全部部门"
    assert (
        notes["生成时间"].value == TEST_NOW
        and notes["生成时间"].number_format == "yyyy-mm-dd hh:mm"
    )
    assert notes["生成人"].value == "manager1"
    assert notes["联系方式"].value == "已脱敏"
    assert [c.value for c in summary[SUMMARY_HEADER]] == ["指标", "数值", "说明"]
    cells = {
        summary.cell(r, 1).value: summary.cell(r, 2)
        for r in range(SUMMARY_HEADER + 1, summary.max_row + 1)
    }
    assert list(cells) == list(KPI_CELLS)
    for label, (key, number_format) in KPI_CELLS.items():
        assert cells[label].value == _json_value(expected, key), label
        assert cells[label].number_format == number_format, label
    # Every rate of this data set has a denominator: the percent cells hold fractions.
    for label in ("投诉解决率", "投诉处理及时率", "首次响应及时率", "满意率"):
        assert cells[label].value is not None and 0 <= cells[label].value <= 1
    assert summary.freeze_panes == f"A{SUMMARY_HEADER + 1}"
    assert summary.auto_filter.ref == f"A{SUMMARY_HEADER}:C{SUMMARY_HEADER + len(KPI_CELLS)}"


def test_breakdowns_trend_and_hot_spots(data, manager_session, tmp_path):
    report, path = _write(manager_session, tmp_path)
    expected = kpi.to_json_dict(report)
    wb = openpyxl.load_workbook(path)
    for sheet, key in (
        ("按类型", "by_type"),
        ("按子类", "by_subtype"),
        ("按渠道", "by_channel"),
        ("按部门", "by_department"),
        ("按紧急程度", "by_urgency"),
        ("按级别", "by_level"),
    ):
        rows = _table(wb[sheet])
        assert {r["代码"]: r["投诉量"] for r in rows} == expected[key], sheet
        for row in rows:
            assert row["占比"] == kpi.ratio(row["投诉量"], expected["volume"])
        assert wb[sheet]["C2"].number_format == "0.0%" or sheet == "按子类"
    subtypes = {r["代码"]: r for r in _table(wb["按子类"])}
    assert subtypes["functional_defect"]["投诉类型"] == "产品质量类"
    assert wb["按子类"]["D2"].number_format == "0.0%"
    departments = {r["代码"]: r for r in _table(wb["按部门"])}
    assert departments["customer_service"]["责任部门"] == "客服部"
    assert {c: r["超时未结"] for c, r in departments.items() if r["超时未结"]} == expected[
        "overdue_by_department"
    ]
    urgency = {r["代码"]: r["紧急程度"] for r in _table(wb["按紧急程度"])}
    assert urgency == {"urgent": "紧急", "normal": "一般", "low": "低"}

    # The weeks of November (Mon–Sun), clipped to the month; each one's count is the
    # report of that week.
    trend = _table(wb["投诉量趋势"])
    weeks = periods.split(report.period, "week")
    assert [r["周"] for r in trend] == [
        "2026-W44",
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
        "2026-W49",
    ]
    assert [(r["起始日期"].date(), r["结束日期"].date()) for r in trend] == [
        (w.start, w.end) for w in weeks
    ]
    assert [r["投诉量"] for r in trend] == [
        kpi.kpi_report(manager_session, w.start, w.end).volume for w in weeks
    ]
    assert sum(r["投诉量"] for r in trend) == expected["volume"]
    assert wb["投诉量趋势"]["B2"].number_format == "yyyy-mm-dd"

    hot = _table(wb["高频改进建议"])
    assert {r["代码"]: r["次数"] for r in hot if r["类别"] == "需改进环节"} == expected[
        "improvement_hot_spots"
    ]
    assert [
        {"code": r["代码"], "count": r["次数"]} for r in hot if r["类别"] == "高频子类"
    ] == expected["top_subtypes"]
    aspects = {r["代码"]: r for r in hot}
    assert aspects["response_speed"]["项目"] == "响应速度"
    assert aspects["response_speed"]["占比"] == kpi.ratio(2, 7)


def test_lists_overdue_surveys_and_actions(data, manager_session, tmp_path):
    report, path = _write(manager_session, tmp_path)
    wb = openpyxl.load_workbook(path)
    overdue = _table(wb["超时未结"])
    assert len(overdue) == report.overdue_open > 0
    open_overdue = (
        Complaint.select()
        .where(Complaint.is_open, Complaint.next_due < TEST_NOW)
        .order_by(Complaint.next_due, Complaint.id)
    )
    assert [r["投诉编号"] for r in overdue] == [c.number for c in open_overdue]
    for row, case in zip(overdue, open_overdue, strict=True):
        assert row["下一截止时间"] == case.next_due
        assert row["超时(小时)"] == round((TEST_NOW - case.next_due).total_seconds() / 3600, 2)
        assert row["联系方式"] == ("z***@example.com" if case.id == data[4].id else "138****5678")
        assert row["责任人"] == case.owner.display_name
        assert row["当前阶段"] and row["投诉类型"] and row["级别"] in ("一级", "二级", "三级")
    ws = wb["超时未结"]
    assert ws["K2"].number_format == "yyyy-mm-dd hh:mm" and ws["L2"].number_format == "0.00"
    assert {r["账号"]: r["超时未结"] for r in _table(wb["超时按责任人"])} == report.overdue_by_owner
    assert "13812345678" not in _all_text(wb)

    survey_rows = _table(wb["满意度调查"])
    assert len(survey_rows) == report.surveys == 7
    assert list(survey_rows[0]) == [
        "投诉编号",
        "客户姓名",
        "调查时间",
        "调查方式",
        "调查人",
        "处理及时性",
        "解决方案有效性",
        "服务人员态度",
        "整体满意度",
        "最满意的环节",
        "需改进的环节",
        "其他建议或需求",
    ]
    by_score = {r["整体满意度"]: r for r in survey_rows if r["投诉编号"]}
    assert by_score[1]["需改进的环节"] == "处理结果、其他（回电慢）"
    assert by_score[1]["其他建议或需求"] == "=SUM(A1)"  # text, not a formula
    assert by_score[1]["调查方式"] == "电话" and by_score[1]["调查人"] == "clerk2"
    assert [r["客户姓名"] for r in survey_rows if r["投诉编号"] is None] == ["李四"]
    assert wb["满意度调查"]["C2"].number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(wb["满意度调查"]["C2"].value, dt.datetime)

    (action,) = _table(wb["改进措施"])
    assert (
        action["问题"],
        action["改进计划"],
        action["责任部门"],
        action["状态"],
        action["是否逾期"],
        action["关联类型"],
    ) == ("配送超时", "更换承运商", "物流部", "计划中", "否", "配送问题")
    assert action["截止日期"] == D(2026, 12, 15) and action["关联投诉"] == data[3].number


def test_people_sheet_is_the_per_person_json(data, manager_session, tmp_path):
    """The 人员 sheet: a row per owner with the figures of ``by_owner``, then a row per staff
    member complained about with ``by_subtype`` in words."""
    Complaint.update(subject_staff=None, subject_staff_name="赵师傅").where(
        Complaint.id == data[2].id  # staff attitude, customer service
    ).execute()
    Complaint.update(subject_staff=User.get(username="clerk1")).where(
        Complaint.id.in_([data[5].id, data[6].id])  # account security, functional defect
    ).execute()
    report, path = _write(manager_session, tmp_path)
    expected = kpi.to_json_dict(report)
    wb = openpyxl.load_workbook(path)
    ws = wb["人员"]
    assert [c.value for c in ws[1]] == [
        "类别",
        "姓名",
        "账号",
        "投诉量",
        "期内办结",
        "投诉处理及时率",
        "投诉解决率",
        "平均处理时长(小时)",
        "满意率",
        "超时未结",
        "投诉子类分布",
    ]
    rows = _table(ws)
    owners = {r["账号"]: r for r in rows if r["类别"] == "责任人"}
    assert list(owners) == list(expected["by_owner"]) == ["clerk1", "clerk2"]
    for username, figures in expected["by_owner"].items():
        row = owners[username]
        assert row["姓名"] == username  # display names are the user names here
        assert {
            "cases": row["投诉量"],
            "closed": row["期内办结"],
            "on_time_rate": row["投诉处理及时率"],
            "resolution_rate": row["投诉解决率"],
            "average_handling_hours": row["平均处理时长(小时)"],
            "satisfaction_rate": row["满意率"],
            "overdue_open": row["超时未结"],
        } == figures
    # clerk1: seven November cases, four closed today (resolved, resolved, partly, resolved).
    assert (owners["clerk1"]["投诉量"], owners["clerk1"]["期内办结"]) == (7, 4)
    assert owners["clerk1"]["投诉解决率"] == kpi.ratio(3, 7)
    staff = [r for r in rows if r["类别"] == "被投诉员工"]
    assert [(r["姓名"], r["账号"], r["投诉量"], r["投诉子类分布"]) for r in staff] == [
        ("clerk1", "clerk1", 2, "账户安全 1、功能缺陷 1"),
        ("赵师傅", None, 1, "坐席人员态度 1"),
    ]
    assert expected["by_subject_staff"] == {
        "clerk1": {"complaints": 2, "by_subtype": {"account_security": 1, "functional_defect": 1}},
        "赵师傅": {"complaints": 1, "by_subtype": {"staff_attitude": 1}},
    }
    assert ws["F2"].number_format == "0.0%" and ws["H2"].number_format == "0.00"


def test_every_table_is_styled_frozen_and_filtered(data, manager_session, tmp_path):
    _report, path = _write(manager_session, tmp_path)
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        header = SUMMARY_HEADER if ws.title == "汇总" else 1
        assert ws.freeze_panes == f"A{header + 1}", ws.title
        first, last = ws.auto_filter.ref.split(":")
        assert first == f"A{header}", ws.title
        assert int("".join(ch for ch in last if ch.isdigit())) == ws.max_row, ws.title
        for cell in ws[header]:
            assert cell.font.b and cell.fill.fgColor.rgb.endswith("DDEBF7"), ws.title
        widths = [ws.column_dimensions[c].width for c in "ABC"]
        assert all(6 <= w <= 60 for w in widths), ws.title
        assert not ws.merged_cells.ranges
        assert len(ws.title) <= 31
    # Widths follow the content, CJK characters counting double.
    assert wb["按子类"].column_dimensions["B"].width >= 2 * len("坐席人员效率")
    # Control characters dropped, formula-like text kept as text.
    names = {r["客户姓名"] for r in _table(wb["超时未结"])}
    assert {"王五", '=HYPERLINK("x")'} <= names
    assert "\x01" not in _all_text(wb)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]


def test_summary_has_native_charts_within_the_data(data, manager_session, tmp_path):
    _report, path = _write(manager_session, tmp_path)
    wb = openpyxl.load_workbook(path)
    charts = wb["汇总"]._charts
    assert len(charts) == 4
    assert sum(isinstance(c, BarChart) for c in charts) == 3
    assert sum(isinstance(c, LineChart) for c in charts) == 1
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        chart_parts = sorted(n for n in names if n.startswith("xl/charts/chart"))
        assert len(chart_parts) == 4
        types = ElementTree.fromstring(z.read("[Content_Types].xml"))
        ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{ns}Override")}
        for part in chart_parts:
            assert (
                overrides["/" + part]
                == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
            )
        for name in names:
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(z.read(name))  # every part is well-formed XML
        # Each chart reference points inside a sheet's written data.
        sizes = {ws.title: (ws.max_row, ws.max_column) for ws in wb}
        refs = []
        for part in chart_parts:
            tree = ElementTree.fromstring(z.read(part))
            refs += [
                f.text
                for f in tree.iter("{http://schemas.openxmlformats.org/drawingml/2006/chart}f")
            ]
    assert len(refs) >= 10
    for ref in refs:
        sheet, _, cells = ref.rpartition("!")
        sheet = sheet.strip("'")
        max_row, max_col = sizes[sheet]
        for corner in cells.replace("$", "").split(":"):
            col = openpyxl.utils.column_index_from_string(corner.rstrip("0123456789"))
            row = int(corner[len(corner.rstrip("0123456789")) :])
            assert 1 <= row <= max_row and 1 <= col <= max_col, ref
    # The satisfaction chart reads the four means of the KPI table.
    assert "'汇总'!$B$16:$B$19" in refs


def test_read_only_reader_and_sheet_xml(data, manager_session, tmp_path):
    """What streaming readers see: the stated sizes match the rows."""
    _report, path = _write(manager_session, tmp_path)
    wb = openpyxl.load_workbook(path, read_only=True)
    full = openpyxl.load_workbook(path)
    for ws in wb:
        assert ws.calculate_dimension() == full[ws.title].dimensions, ws.title
        assert sum(1 for _ in ws.iter_rows()) == full[ws.title].max_row
    wb.close()


def test_unmasked_workbook_is_for_managers_and_audited(
    data, manager_session, supervisor_session, clerk_session, tmp_path
):
    report, path = _write(manager_session, tmp_path, unmasked=True)
    wb = openpyxl.load_workbook(path)
    contacts = {r["联系方式"] for r in _table(wb["超时未结"])}
    assert "13812345678" in contacts
    assert wb["汇总"]["B7"].value.startswith("未脱敏")
    entries = list(
        AuditLog.select()
        .where(AuditLog.action.in_(("export_report", "export_unmasked")))
        .order_by(AuditLog.id)
    )
    assert [e.action for e in entries] == ["export_report", "export_unmasked"]
    unmasked = entries[1]
    assert unmasked.username == "manager1" and unmasked.user_id == manager_session.user_id
    assert unmasked.at == TEST_NOW
    details = json.loads(unmasked.details)
    assert details["file"] == "report.xlsx" and details["unmasked"] is True
    assert (details["from"], details["to"], details["department"]) == (
        "2026-11-01",
        "2026-11-30",
        None,
    )
    assert details["rows"] == {"超时未结": report.overdue_open, "满意度调查": report.surveys}

    # A masked workbook is recorded too, never as unmasked.
    _write(manager_session, tmp_path, "masked.xlsx")
    assert AuditLog.select().where(AuditLog.action == "export_unmasked").count() == 1
    assert AuditLog.select().where(AuditLog.action == "export_report").count() == 2

    own = kpi.kpi_report(supervisor_session, NOV_1, NOV_30, department_code="customer_service")
    with pytest.raises(PermissionDenied):
        report_workbook.write_report_workbook(
            supervisor_session, own, tmp_path / "s.xlsx", unmasked=True
        )
    assert not (tmp_path / "s.xlsx").exists()
    with pytest.raises(PermissionDenied):  # the whole company's figures are not theirs
        report_workbook.write_report_workbook(supervisor_session, report, tmp_path / "s.xlsx")
    with pytest.raises(PermissionDenied):
        report_workbook.write_report_workbook(clerk_session, own, tmp_path / "c.xlsx")
    assert AuditLog.select().where(AuditLog.action == "export_unmasked").count() == 1


def test_supervisor_gets_their_department_masked(data, supervisor_session, tmp_path):
    report, path = _write(supervisor_session, tmp_path, department="customer_service")
    wb = openpyxl.load_workbook(path)
    assert wb["汇总"]["B3"].value == "客服部（customer_service）"
    values = {
        wb["汇总"].cell(r, 1).value: wb["汇总"].cell(r, 2).value
        for r in range(SUMMARY_HEADER + 1, wb["汇总"].max_row + 1)
    }
    assert values["投诉量"] == report.volume == 7
    overdue = _table(wb["超时未结"])
    assert len(overdue) == report.overdue_open
    assert {r["责任部门"] for r in overdue} == {"客服部"}
    assert {r["联系方式"] for r in overdue} == {"138****5678", "z***@example.com"}
    survey_rows = _table(wb["满意度调查"])
    assert len(survey_rows) == report.surveys == 4  # the proactive one has no department
    assert sum(r["投诉量"] for r in _table(wb["投诉量趋势"])) == 7


def test_cancel_leaves_no_file(data, manager_session, tmp_path):
    report = kpi.kpi_report(manager_session, NOV_1, NOV_30)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return False

    assert (
        report_workbook.write_report_workbook(
            manager_session, report, tmp_path / "x.xlsx", progress=progress
        )
        is None
    )
    assert calls and not list(tmp_path.glob("*x.xlsx*"))
    assert AuditLog.select().where(AuditLog.action == "export_report").count() == 0


def test_long_lists_page_through_chunks(data, manager_session, tmp_path, monkeypatch):
    """Pages of two rows: every row once, in order."""
    monkeypatch.setattr(report_workbook, "CHUNK", 2)
    report, path = _write(manager_session, tmp_path)
    wb = openpyxl.load_workbook(path)
    overdue = [r["投诉编号"] for r in _table(wb["超时未结"])]
    assert len(overdue) == len(set(overdue)) == report.overdue_open
    times = [(r["调查时间"], r["投诉编号"] or "") for r in _table(wb["满意度调查"])]
    assert len(times) == report.surveys and [t for t, _ in times] == sorted(t for t, _ in times)


def test_empty_period(db, manager_session, tmp_path):
    report = kpi.kpi_report(manager_session, dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    path = report_workbook.write_report_workbook(manager_session, report, tmp_path / "e.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEET_NAMES
    values = {
        wb["汇总"].cell(r, 1).value: wb["汇总"].cell(r, 2).value
        for r in range(SUMMARY_HEADER + 1, wb["汇总"].max_row + 1)
    }
    assert values["投诉量"] == 0 and values["投诉解决率"] is None
    assert wb["满意度调查"].max_row == 1 and wb["满意度调查"].auto_filter.ref == "A1:L1"
    assert len(wb["汇总"]._charts) == 4


def test_trend_buckets_by_length():
    assert periods.trend_kind(periods.custom(NOV_1, NOV_30)) == "week"
    assert periods.trend_kind(periods.custom(dt.date(2026, 1, 1), dt.date(2026, 12, 31))) == "month"
    assert (
        periods.trend_kind(periods.custom(dt.date(2020, 1, 1), dt.date(2026, 12, 31))) == "quarter"
    )


def test_display_width_counts_cjk_double():
    assert report_workbook.display_width("abc") == 3
    assert report_workbook.display_width("客服部") == 6
    assert report_workbook.display_width("A（b）") == 6
    assert report_workbook.display_width(D(2026, 1, 1)) == 16


def test_cli_report_xlsx(db_url, monkeypatch, capsys, tmp_path):
    from desktop_app.cli import main

    def run(argv):
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = main(["--database", db_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run(["demo", "--count", "60", "--seed", "2"])[0] == 0
    code, out, _ = run(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"])
    assert code == 0
    expected = json.loads(out)
    target = tmp_path / "F.xlsx"
    code, out, err = run(
        [
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--format",
            "xlsx",
            "--out",
            str(target),
        ]
    )
    assert code == 0, err
    assert out.strip() == f"wrote {target}"
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == SHEET_NAMES
    cells = {
        wb["汇总"].cell(r, 1).value: wb["汇总"].cell(r, 2).value
        for r in range(SUMMARY_HEADER + 1, wb["汇总"].max_row + 1)
    }
    for label in ("投诉量", "平均处理时长(小时)", "投诉解决率", "满意率", "调查数"):
        assert cells[label] == _json_value(expected, KPI_CELLS[label][0]), label
    assert cells["投诉量"] > 0
    # The suffix alone asks for a workbook; a workbook needs --out.
    code, out, _ = run(
        ["report", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(tmp_path / "G.xlsx")]
    )
    assert code == 0 and (tmp_path / "G.xlsx").exists()
    code, _, err = run(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "xlsx"])
    assert code == 2 and "--out" in err


def test_cause_and_product_sheets(db, clerk_session, manager_session, tmp_path):
    """原因分析 and 产品商户 (docs/rules.md#analysis-by-product-and-cause): November has 4
    cases (3 of the watch: 2 parts/packaging, 1 without a cause; 1 delivery case of cause
    logistics without a product); October (1–31) 2 (the watch, parts/packaging; 1 other)."""
    from desktop_app.db.models import CauseCategory

    def case(day, cause=None, **fields):
        root = CauseCategory.get(code=cause) if cause else None
        make_case(at=D(2026, *day, 10), owner="clerk1", root_cause=root, **fields)

    watch = {"product": "智能手表X1", "merchant": "数码专营店"}
    case((11, 3), "parts_packaging", **watch)
    case((11, 4), "parts_packaging", **watch)
    case((11, 5), **watch)
    case((11, 6), "logistics", subtype="delivery", merchant="顺风店")
    case((10, 3), "parts_packaging", **watch)
    case((10, 4))
    report, path = _write(manager_session, tmp_path)
    wb = openpyxl.load_workbook(path)
    rows = _table(wb["原因分析"])
    causes = {r["代码"]: r for r in rows if r["类别"] == "原因分类"}
    assert causes["parts_packaging"]["项目"] == "配件/包装"
    assert (causes["parts_packaging"]["投诉量"], causes["parts_packaging"]["占比"]) == (2, 0.5)
    assert (causes["logistics"]["投诉量"], causes["none"]["项目"], causes["none"]["投诉量"]) == (
        1,
        "未填写",
        1,
    )
    assert causes["staff_attitude"]["投诉量"] == 0
    spots = [r for r in rows if r["类别"] == "热点"]
    delivery = report.labels["subtype"]["delivery"][0]
    assert [
        (
            r["项目"],
            r["原因分类"],
            r["投诉量"],
            r["占比"],
            r["上期投诉量"],
            r["上期占比"],
            r["变化(百分点)"],
        )
        for r in spots
    ] == [
        # 2 of 4 now against 1 of 2 before: no change; the watch is 3 of 4.
        ("产品 智能手表X1 占 75.0%，主要原因 配件/包装", "配件/包装", 2, 0.5, 1, 0.5, 0),
        (f"子类 {delivery} 占 25.0%，主要原因 物流配送", "物流配送", 1, 0.25, 0, 0, 25),
    ]
    products = [(r["类别"], r["名称"], r["投诉量"], r["占比"]) for r in _table(wb["产品商户"])]
    assert products == [
        ("产品", "智能手表X1", 3, 0.75),
        ("商户", "数码专营店", 3, 0.75),
        ("商户", "顺风店", 1, 0.25),
    ]
    assert wb["原因分析"]["E2"].number_format == "0.0%"
