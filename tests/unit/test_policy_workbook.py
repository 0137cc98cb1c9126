"""The policy workbook and ``config export/import/set`` (docs/rules.md#policy-workbook)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.db.models import (
    AuditLog,
    CauseCategory,
    Channel,
    ComplaintType,
    Department,
    Setting,
    User,
)
from desktop_app.services import policy_workbook, reference, users
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.session import Session
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user
from tests.helpers.workbooks import with_bogus_dimension
from tests.unit.test_exchange import cells, fresh_database


def _people(system: Session, *, branch: bool = False) -> None:
    """The same accounts in two databases; the branch's hierarchy differs."""
    make_user(system, "super1", "supervisor", departments=("operations",) if branch else ())
    make_user(system, "super2", "supervisor")
    make_user(system, "clerk1", "clerk", supervisor=None if branch else "super1")
    make_user(system, "clerk2", "clerk", departments=("tech",))


def _snapshot() -> dict:
    return {
        "types": [
            (
                t.code,
                t.name_zh,
                t.name_en,
                t.default_level,
                t.callback_rule,
                t.handling_rule,
                t.handler_department_id,
                t.active,
                t.sort_order,
                t.parent_id,
            )
            for t in ComplaintType.select().order_by(ComplaintType.id)
        ],
        "departments": [(d.code, d.name_zh, d.active) for d in Department.select()],
        "channels": [(c.code, c.name_zh, c.active) for c in Channel.select()],
        "causes": [(c.code, c.name_zh, c.active) for c in CauseCategory.select()],
        "settings": {s.key: s.value for s in Setting.select()},
        "users": [
            (u.username, u.display_name, u.role, u.supervisor_id, u.senior_agent, u.active)
            for u in User.select().order_by(User.id)
        ],
    }


def _edit(path: Path, sheet: str, edits: dict[tuple[int, int], object], out: Path) -> Path:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    for (row, column), value in edits.items():
        ws.cell(row, column).value = value
    book.save(out)
    return out


def _row_of(path: Path, sheet: str, column: int, value: str) -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    for row in ws.iter_rows(min_row=2):
        if row[column - 1].value == value:
            return row[0].row
    raise AssertionError(value)


def test_round_trip_through_a_fresh_database_gives_identical_cells(
    db, db_url, system_session, clock, tmp_path
):
    _people(system_session)
    users.update_user(system_session, "clerk2", senior_agent=True, supervisor="super2")
    settings_service.change_setting(system_session, "sla.first_response_hours.normal", 1.5)
    settings_service.change_setting(system_session, "sla.level3_callback", "t+1")
    manager = make_user(system_session, "manager1", "manager", departments=())
    settings_service.change_setting(system_session, "escalation.manager_username", "manager1")
    # A new department, a new type with a subtype handled by it, a channel switched off.
    first = policy_workbook.export_policy(manager, tmp_path / "first.xlsx").path
    book = openpyxl.load_workbook(first)
    book["departments 部门"].append(["claims", "理赔部", "Claims", "是"])
    book["channels 渠道"]["D2"] = "否"
    # docs/rules.md#root-causes: a cause added, one renamed, one switched off.
    causes = book["causes 原因分类"]
    causes.append(["installation", "安装问题", "Installation", "是"])
    causes["B2"], causes["C2"] = "产品设计缺陷", "Design flaw"
    causes["D3"] = "否"
    book["types 投诉分类"].append(
        ["insurance", "保险类", "Insurance", None, None, None, None, None, None, None, None, "是"]
    )
    book["types 投诉分类"].append(
        [
            "insurance",
            "保险类",
            "Insurance",
            "claim_refused",
            "拒赔",
            "Claim refused",
            "II",
            "same_day",
            "receiver",
            "claims",
            "risk_control",
            "是",
        ]
    )
    book.save(tmp_path / "edited.xlsx")
    result = policy_workbook.import_policy(manager, tmp_path / "edited.xlsx")
    assert result.ok and result.written, result.lines()
    assert result.added == {"departments": 1, "causes": 1, "types": 2}
    assert [
        (c.code, c.name_zh, c.active)
        for c in CauseCategory.select().order_by(CauseCategory.sort_order)
    ][:2] == [("product_design", "产品设计缺陷", True), ("production_quality", "生产质量", False)]
    assert "installation" in [t.code for t in reference.causes()]
    assert "production_quality" not in [t.code for t in reference.causes()]
    source = policy_workbook.export_policy(manager, tmp_path / "source.xlsx").path
    before = cells(source)
    assert list(before) == [
        "types 投诉分类",
        "departments 部门",
        "channels 渠道",
        "causes 原因分类",
        "settings 规则设置",
        "staff 人员",
    ]
    assert before["types 投诉分类"][0][6] == "default_level 默认级别"
    assert [
        "insurance",
        "保险类",
        "Insurance",
        "claim_refused",
        "拒赔",
        "Claim refused",
        "II",
        "same_day",
        "receiver",
        "claims",
        "risk_control",
        "是",
    ] in before["types 投诉分类"]
    assert ["clerk1", "clerk1", "clerk", "customer_service", "super1", "否", "是"] in before[
        "staff 人员"
    ]
    db.close()

    fresh = fresh_database(db_url, tmp_path, "second.db")
    try:
        system = Session.system(clock)
        _people(system, branch=True)
        make_user(system, "manager1", "manager", departments=())
        manager = make_user(system, "manager2", "manager", departments=())
        # The branch's export differs (hierarchy, settings, reference data) ...
        assert cells(policy_workbook.export_policy(manager, tmp_path / "b.xlsx").path) != before
        result = policy_workbook.import_policy(manager, source)
        assert result.ok and result.written, result.lines()
        assert result.changed["staff"] == 3  # super1's and clerk1's departments, clerk2
        # ... and after the import it is the head office's, cell for cell (manager2 is
        # the branch's own account, absent from the file: it stays).
        after = cells(policy_workbook.export_policy(manager, tmp_path / "second.xlsx").path)
        staff_rows = [r for r in after["staff 人员"] if r[0] != "manager2"]
        assert {**after, "staff 人员": staff_rows} == before
        entries = list(AuditLog.select().where(AuditLog.action == "import_workbook"))
        assert len(entries) == 1 and entries[0].username == "manager2"
        details = json.loads(entries[0].details)
        assert {
            "sheet": "settings",
            "code": "sla.level3_callback",
            "field": "value",
            "old": "same_day",
            "new": "t+1",
        } in details["changes"]
        # Importing the same file again changes nothing.
        again = policy_workbook.import_policy(manager, source)
        assert again.ok and again.changes == [] and again.changed == {}
    finally:
        fresh.close()


def test_one_bad_cell_among_200_good_rows_rejects_the_whole_file(
    db, system_session, manager_session, tmp_path
):
    path = policy_workbook.export_policy(manager_session, tmp_path / "p.xlsx").path
    book = openpyxl.load_workbook(path)
    ws = book["types 投诉分类"]
    for n in range(200):
        ws.append(
            [
                "other",
                "其他",
                "Other",
                f"new_{n:03}",
                f"新子类{n}",
                f"New {n}",
                "II",
                "t+2",
                "supervisor",
                "operations",
                None,
                "是",
            ]
        )
    bad_row = ws.max_row - 173
    ws.cell(bad_row, 7).value = "IV"
    book["settings 规则设置"]["C2"] = 9  # sla.first_response_hours.urgent, otherwise valid
    book.save(tmp_path / "bad.xlsx")
    before = _snapshot()
    audits = AuditLog.select().count()
    result = policy_workbook.import_policy(manager_session, tmp_path / "bad.xlsx")
    assert not result.ok and not result.written
    assert result.lines() == [f'types!{bad_row} default_level: "IV" is not a level (I, II, III)']
    assert _snapshot() == before
    assert ComplaintType.select().count() == 36
    assert settings_service.get("sla.first_response_hours.urgent") == 2.0
    assert AuditLog.select().count() == audits
    # Fixed, the same file imports whole.
    ws.cell(bad_row, 7).value = "III"
    book.save(tmp_path / "good.xlsx")
    result = policy_workbook.import_policy(manager_session, tmp_path / "good.xlsx")
    assert result.ok and result.added == {"types": 200}
    assert result.changed == {"types": 200, "settings": 1}
    assert ComplaintType.get(code="new_000").default_level == 2
    assert settings_service.get("sla.first_response_hours.urgent") == 9.0


def test_every_bad_cell_is_named(db, manager_session, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "投诉分类"  # Chinese labels only
    ws.append(
        [
            "投诉类型",
            "子类",
            "子类名称",
            "子类英文名",
            "默认级别",
            "首次回电",
            "处理人规则",
            "处理部门",
            "启用",
        ]
    )
    ws.append(["other", "x1", "一", "One", "I", "t+5", "nobody", "nowhere", "也许"])
    ws.append(["functional_defect", "x2", "二", "Two", "I", "t+1", "receiver", None, None])
    ws.append(["other", "product_quality", "三", "Three", "I", "t+1", "receiver", None, None])
    ws.append(["brand_new", "x3", "四", "Four", "I", "t+1", "receiver", None, None])
    book.create_sheet("渠道").append(["代码", "中文名称"])
    book["渠道"].append(["phone", None])
    book["渠道"].append(["phone", "电话"])
    book.create_sheet("规则设置").append(["key", "value"])
    book["规则设置"].append(["rules.batch_threshold", 0])
    book["规则设置"].append(["sla.level3_callback", "t+9"])
    book["规则设置"].append(["no.such.key", 1])
    book["规则设置"].append(["rules.batch_threshold", 5])
    book.create_sheet("Notes")
    book.save(tmp_path / "bad.xlsx")
    result = policy_workbook.import_policy(manager_session, tmp_path / "bad.xlsx")
    assert result.lines() == [
        'types!2 callback: "t+5" is not a first-callback rule (same_day, t+1, t+2)',
        'types!2 handling: "nobody" is not a handling rule (receiver, '
        "receiver_notify_merchant, staff_supervisor, senior_agent, risk_control, supervisor)",
        'types!2 handler_department: "nowhere" is not a department (by code, in the database '
        "or on the departments sheet).",
        'types!2 active: "也许" is not 是 or 否 (yes or no)',
        "types!3 type: functional_defect is a subtype, not a type.",
        "types!4 subtype: product_quality is a type, not a subtype.",
        "types!5 type_zh: Both names are required (Chinese and English).",
        "types!5 type_en: Both names are required (Chinese and English).",
        "channels!2 name_zh: Both names are required (Chinese and English).",
        "channels!3 code: phone appears twice (row 2).",
        "settings!2 value: rules.batch_threshold: must be at least 1",
        "settings!3 value: sla.level3_callback: expected one of same_day, t+1, t+2, got 't+9'",
        'settings!4 key: "no.such.key" is not a setting key.',
        "settings!5 key: rules.batch_threshold appears twice (row 2).",
    ]
    assert [w.line() for w in result.warnings] == [
        "Notes: Not a sheet of the policy workbook: ignored."
    ]
    errors = policy_workbook.write_error_report(result, tmp_path / "errors.xlsx")
    assert len(cells(errors)["导入错误"]) == 15


def test_dry_run_reports_the_changes_and_writes_nothing(db, manager_session, tmp_path):
    path = policy_workbook.export_policy(manager_session, tmp_path / "p.xlsx").path
    row = _row_of(path, "departments 部门", 1, "tech")
    _edit(path, "departments 部门", {(row, 2): "信息技术部"}, tmp_path / "e.xlsx")
    book = openpyxl.load_workbook(tmp_path / "e.xlsx")
    book["departments 部门"].append(["legal", "法务部", "Legal", None])
    book.save(tmp_path / "e.xlsx")
    before = _snapshot()
    result = policy_workbook.import_policy(manager_session, tmp_path / "e.xlsx", dry_run=True)
    assert result.ok and not result.written
    assert result.changed == {"departments": 2} and result.added == {"departments": 1}
    assert "departments tech name_zh: 技术部 → 信息技术部" in result.change_lines()
    assert "departments legal added: - → legal" in result.change_lines()
    assert _snapshot() == before
    assert not AuditLog.select().where(AuditLog.action == "import_workbook").exists()


def test_absent_rows_stay_and_active_no_deactivates_a_type_in_use(
    db, system_session, clerk_session, manager_session, tmp_path
):
    case = make_case(at=TEST_NOW, owner="clerk1", subtype="logistics_delay")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "types"
    ws.append(["type", "subtype", "active"])  # English keys only, two rows of 36
    ws.append(["external_factors", "logistics_delay", "否"])
    ws.append(["other", None, "no"])
    book.create_sheet("departments").append(["code", "active"])
    book["departments"].append(["logistics", "否"])
    book.save(tmp_path / "p.xlsx")
    before = _snapshot()
    result = policy_workbook.import_policy(manager_session, tmp_path / "p.xlsx")
    assert result.ok, result.lines()
    assert result.changed == {"types": 2, "departments": 1}
    assert not ComplaintType.get(code="logistics_delay").active
    assert not ComplaintType.get(code="other").active
    assert not Department.get(code="logistics").active
    # Every other row, and the case of the deactivated subtype, as they were.
    after = _snapshot()
    changed = {"logistics_delay", "other"}
    assert [t for t in after["types"] if t[0] not in changed] == [
        t for t in before["types"] if t[0] not in changed
    ]
    assert ComplaintType.select().count() == 36 and Department.select().count() == 7
    assert case.subtype_id == ComplaintType.get(code="logistics_delay").id
    entry = AuditLog.get(AuditLog.action == "import_workbook")
    assert len(json.loads(entry.details)["changes"]) == 3
    # A subtype in use cannot move to another type.
    ws = book["types"]
    ws.delete_rows(2, 2)
    ws.append(["other", "logistics_delay", "是"])
    book.save(tmp_path / "move.xlsx")
    result = policy_workbook.import_policy(manager_session, tmp_path / "move.xlsx")
    assert result.lines() == [
        "types!2 type: logistics_delay has cases under its type; it cannot move to other."
    ]


def test_staff_rows_never_create_accounts_and_follow_the_supervisor_rule(
    db, system_session, clerk_session, manager_session, tmp_path
):
    make_user(system_session, "clerk2", "clerk")
    users.update_user(system_session, "super1", supervisor="manager1")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "staff 人员"
    ws.append(
        [
            "username 用户名",
            "supervisor 直属主管",
            "senior_agent 资深坐席",
            "departments 所属部门",
            "role 角色",
        ]
    )
    ws.append(["ghost", "super1", "否", None, None])
    ws.append(["manager1", "super1", None, None, None])  # super1 is below manager1
    ws.append(["clerk2", "clerk1", None, None, None])  # a clerk supervises nobody
    ws.append(["clerk1", None, None, "nowhere", "admin"])
    book.save(tmp_path / "bad.xlsx")
    users_before = User.select().count()
    result = policy_workbook.import_policy(manager_session, tmp_path / "bad.xlsx")
    assert result.lines() == [
        "staff!2 username: No account named ghost: the policy workbook never creates "
        "accounts (add it under Administration or with user add).",
        "staff!3 supervisor: super1 cannot supervise manager1: manager1 is above super1.",
        "staff!4 supervisor: clerk1 cannot be a supervisor: choose an active supervisor, "
        "manager or administrator account.",
        "staff!5 role: Only an administrator changes roles (clerk1 is clerk).",
        'staff!5 departments: "nowhere" is not a department (by code, in the database or on '
        "the departments sheet).",
    ]
    assert User.select().count() == users_before
    assert User.get(username="clerk2").supervisor_id is None
    # A good file: clerk2 under super1, a senior agent in two departments.
    ws.delete_rows(2, 4)
    ws.append(["clerk2", "super1", "是", "customer_service、tech", "clerk"])
    book.save(tmp_path / "good.xlsx")
    result = policy_workbook.import_policy(manager_session, tmp_path / "good.xlsx")
    assert result.ok, result.lines()
    info = users.get_user(manager_session, "clerk2")
    assert (info.supervisor, info.senior_agent, info.departments) == (
        "super1",
        True,
        ("tech", "customer_service"),
    )
    assert result.changed == {"staff": 1}
    assert User.get(username="clerk2").password_hash is not None  # untouched


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_policy_services_refuse_clerks_and_supervisors(db, system_session, role, tmp_path):
    path = policy_workbook.export_policy(system_session, tmp_path / "p.xlsx").path
    person = make_user(system_session, f"{role}9", role)
    with pytest.raises(PermissionDenied):
        policy_workbook.export_policy(person, tmp_path / "x.xlsx")
    with pytest.raises(PermissionDenied):
        policy_workbook.import_policy(person, path, dry_run=True)
    with pytest.raises(PermissionDenied):
        policy_workbook.set_setting(person, "rules.batch_threshold", "5")
    assert not (tmp_path / "x.xlsx").exists()
    assert settings_service.get("rules.batch_threshold") == 10


def run(argv, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_config_export_import_and_set(
    db_url, db, system_session, monkeypatch, capsys, tmp_path
):
    db.close()
    base = ["--database", db_url]
    out_file = tmp_path / "policy.xlsx"
    code, out, _ = run(base + ["config", "export", "--out", str(out_file)], monkeypatch, capsys)
    assert code == 0 and "36 types" in out and out_file.exists()
    code, out, err = run(
        base + ["config", "set", "sla.first_response_hours.normal", "1"], monkeypatch, capsys
    )
    assert code == 0 and "1.0" in out
    for bad in (
        ["sla.first_response_hours.normal", "0"],
        ["sla.level3_callback", "T+3"],
        ["rules.batch_threshold", "2.5"],
        ["no.such.key", "1"],
    ):
        code, _, err = run(base + ["config", "set", *bad], monkeypatch, capsys)
        assert code == 2 and bad[0] in err
    # The file still says 4 hours: a dry run lists the change, an import makes it.
    code, out, _ = run(base + ["config", "import", str(out_file), "--dry-run"], monkeypatch, capsys)
    assert code == 0
    assert "settings sla.first_response_hours.normal value: 1.0 → 4" in out
    assert "dry run: 1 settings would change" in out
    code, out, _ = run(base + ["config", "import", str(out_file)], monkeypatch, capsys)
    assert code == 0 and "changed 1 settings" in out
    bad = _edit(out_file, "settings 规则设置", {(2, 3): "soon"}, tmp_path / "bad.xlsx")
    errors = tmp_path / "errors.xlsx"
    code, out, err = run(
        base + ["config", "import", str(bad), "--errors-out", str(errors)], monkeypatch, capsys
    )
    assert (
        code == 1
        and "settings!2 value: sla.first_response_hours.urgent: expected a number, got 'soon'"
        in out
    )
    assert "nothing was changed" in err and errors.exists()
    code, _, err = run(
        base + ["config", "import", str(tmp_path / "missing.xlsx")], monkeypatch, capsys
    )
    assert code == 2 and "missing.xlsx" in err


def test_a_stated_sheet_size_of_one_cell_drops_no_row(
    db, system_session, manager_session, tmp_path
):
    """WPS and some exporters write ``<dimension ref="A1"/>``: the whole sheet is still read."""
    _people(system_session)
    users.update_user(system_session, "clerk1", senior_agent=True)
    settings_service.change_setting(system_session, "sla.first_response_hours.normal", 1.5)
    path = policy_workbook.export_policy(manager_session, tmp_path / "p.xlsx").path
    users.update_user(system_session, "clerk1", senior_agent=False)
    settings_service.change_setting(system_session, "sla.first_response_hours.normal", 4)
    bogus = with_bogus_dimension(path, tmp_path / "bogus.xlsx")
    result = policy_workbook.import_policy(manager_session, bogus, dry_run=True)
    assert result.ok, result.lines()
    assert sorted(result.change_lines()) == [
        "settings sla.first_response_hours.normal value: 4.0 → 1.5",
        "staff clerk1 senior_agent: 否 → 是",
    ]


@pytest.mark.slow
def test_a_workbook_resaved_by_libreoffice_imports(db, manager_session, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot re-save the workbook")
    path = policy_workbook.export_policy(manager_session, tmp_path / "p.xlsx").path
    out = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    before = _snapshot()
    result = policy_workbook.import_policy(manager_session, out / "p.xlsx")
    assert result.ok, result.lines()
    assert result.changes == [] and _snapshot() == before


def test_the_dingtalk_secret_leaves_in_the_workbook_only_as_set(
    db, manager_session, system_session, tmp_path
):
    """docs/rules.md#policy-workbook: the exported file says "******" for a signing secret
    that is set; importing it back leaves the secret alone, a new value in the cell
    replaces it."""
    key = "notify.dingtalk_secret"
    settings_service.change_setting(system_session, key, "SECabc123")
    path = policy_workbook.export_policy(manager_session, tmp_path / "p.xlsx").path
    sheet = "settings 规则设置"
    row = _row_of(path, sheet, 1, key)
    book = openpyxl.load_workbook(path)
    assert not any(
        "SECabc123" in str(value)
        for ws in book.worksheets
        for line in ws.iter_rows(values_only=True)
        for value in line
    )
    assert openpyxl.load_workbook(path)[sheet].cell(row, 3).value == "******"
    result = policy_workbook.import_policy(manager_session, path)
    assert result.ok and result.changed == {}
    assert settings_service.get(key) == "SECabc123"
    _edit(path, sheet, {(row, 3): "SECnew456"}, tmp_path / "e.xlsx")
    result = policy_workbook.import_policy(manager_session, tmp_path / "e.xlsx")
    assert result.ok and result.changed == {"settings": 1}
    assert settings_service.get(key) == "SECnew456"
