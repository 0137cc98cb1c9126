"""The audit log's Details column in words (docs/rules.md#audit-log): for every action the
program writes, an entry with the details its service records, read back through
``audit.list_audit`` (which resolves ids and codes to names) and worded by
``ui/detail_words.DetailWords`` in English and Chinese — labels instead of keys, vocabulary
labels instead of codes, old → new, names instead of ids, contacts masked.

Chinese: the catalogue gets the new labels when the lead merges, so the Chinese checks are
on the vocabulary labels and names (which carry their Chinese themselves) and on the shape
of the line, not on translated labels.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale

from desktop_app.db.models import User
from desktop_app.domain import vocab
from desktop_app.services import audit, users
from desktop_app.ui.admin_audit import AuditTableModel
from desktop_app.ui.admin_page import AdminPage
from desktop_app.ui.detail_words import DetailWords
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW

WAIT = 15_000


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def people(system_session, manager_session, clerk_session):
    """Li Na (a clerk whose display name differs from her user name) and a case."""
    users.create_user(
        system_session,
        "lina",
        "clerk",
        "Plum-Harbour-Lantern-42",
        display_name="李娜 Li Na",
        departments=("customer_service",),
    )
    case = make_case(at=TEST_NOW, owner="clerk1")
    return {
        "lina": User.get(username="lina").id,
        "super1": User.get(username="super1").id,
        "case": case,
    }


def samples(p) -> dict[str, tuple[str, int | None, dict]]:
    """action → (entity, entity id, details) as the services record them."""
    case = p["case"].id
    lina = p["lina"]
    return {
        "login": ("user", lina, {}),
        "login_failed": ("user", lina, {"reason": "disabled", "host": "PC-07"}),
        "login_blocked": ("user", None, {"host": "PC-07"}),
        "logout": ("user", lina, {}),
        "unlock": ("user", lina, {}),
        "unlock_failed": ("user", lina, {}),
        "password_change": ("user", lina, {"ok": False}),
        "password_reset": ("user", lina, {"account": "lina"}),
        "account_unlock": ("user", lina, {"account": "lina", "computers": 2}),
        "user_create": (
            "user",
            lina,
            {
                "username_created": "lina",
                "role": "clerk",
                "departments": ["customer_service", "logistics"],
                "supervisor": "super1",
                "senior_agent": True,
            },
        ),
        "user_update": (
            "user",
            lina,
            {
                "account": "lina",
                "display_name": "李娜",
                "role": "supervisor",
                "senior_agent": False,
                "departments": ["logistics"],
            },
        ),
        "customer_update": (
            "customer",
            p["case"].customer_id,
            {
                "tier": ["regular", "vip"],
                "sensitive_kind": [None, "group_leader"],
                "phone": ["138****5678", "139****0000"],
                "reason": "集团领导来电",
                "reassessed": 1,
            },
        ),
        "user_disable": ("user", lina, {"account": "lina"}),
        "user_enable": ("user", lina, {"account": "lina"}),
        "complaint_create": (
            "complaint",
            case,
            {"number": p["case"].number, "level": 3, "urgent": True, "attachments": 2},
        ),
        "complaint_routed": (
            "complaint",
            case,
            {"rule": "staff_supervisor", "owner": "super1", "fallback": True},
        ),
        "progress": (
            "complaint",
            case,
            {"version": 2, "stage": "investigating", "from_stage": "assigned", "result": "核实中"},
        ),
        "transfer": (
            "complaint",
            case,
            {
                "version": 3,
                "from_user": p["super1"],
                "to_user": lina,
                "to_name": "李娜 Li Na",
                "reason": "对口",
            },
        ),
        "escalate": (
            "complaint",
            case,
            {"version": 4, "to_step": 2, "to_user": lina, "reason": "客户再次来电"},
        ),
        "escalate_auto": (
            "complaint",
            case,
            {"target": "first_response", "to_step": 1, "to_user": p["super1"]},
        ),
        "approval_request": ("complaint", case, {"version": 5, "solution": "退款"}),
        "approval_decision": (
            "complaint",
            case,
            {"version": 6, "decision": "rejected", "comment": "再道歉"},
        ),
        "close": (
            "complaint",
            case,
            {
                "version": 7,
                "confirmed": True,
                "outcome": "partly_resolved",
                "reason": "",
                "from_stage": "awaiting_confirmation",
                "root_cause": "staff_attitude",
            },
        ),
        "reopen": (
            "complaint",
            case,
            {"version": 8, "reason": "客户不满意", "previous_outcome": "partly_resolved"},
        ),
        "renegotiate": (
            "complaint",
            case,
            {
                "version": 9,
                "old_due": "2026-11-30 18:00:00",
                "new_due": "2026-12-04 18:00:00",
                "reason": "等待厂家",
            },
        ),
        "reassess": (
            "complaint",
            case,
            {
                "version": 10,
                "reason": "媒体",
                "urgent_reason": "sensitive",
                "urgent": [False, True],
                "level": [1, 3],
                "type": ["product_quality", "external_factors"],
                "subtype": ["functional_defect", "logistics_delay"],
                "department": ["customer_service", "logistics"],
                "owner": ["clerk1", "super1"],
                "first_response_due": ["2026-11-25 14:00:00", "2026-11-25 12:00:00"],
            },
        ),
        "account_frozen": (
            "complaint",
            case,
            {
                "version": 11,
                "frozen": True,
                "frozen_at": "2026-11-25 10:00:00",
                "previously_frozen_at": None,
            },
        ),
        "root_cause": (
            "complaint",
            case,
            {
                "version": 12,
                "root_cause": "parts_packaging",
                "previous_root_cause": "logistics",
                "notes": "What: 配件缺失; Why: 包装线漏装",
            },
        ),
        "urgent_batch": ("complaint", case, {"batch": 4}),
        "deadlines_recomputed": ("complaint", None, {"cases": 12, "changed": 3}),
        "contact_unmasked": ("complaint", case, {"fields": ["contact", "id_number"]}),
        "follow_up_create": (
            "complaint",
            case,
            {"follow_up": 7, "assigned_to": lina, "reason": "Overall 1/5"},
        ),
        "follow_up_done": ("complaint", case, {"follow_up": 7, "note": "已致歉", "reopen": False}),
        "reminder_ack": ("reminder", 3, {}),
        "reminder_snooze": ("reminder", 3, {"until": "2026-11-25 11:30:00"}),
        "survey_create": (
            "complaint",
            case,
            {"survey": 5, "overall": 2, "follow_up": True},
        ),
        "survey_attempt": (
            "complaint",
            case,
            {
                "result": "no_answer",
                "attempt": 3,
                "next_try_at": None,
                "no_survey_reason": "三次无人接听",
                "version": 12,
            },
        ),
        "survey_skipped": ("complaint", case, {"reason": "客户拒绝", "version": 13}),
        "improvement_create": (
            "improvement_action",
            1,
            {
                "department": "logistics",
                "deadline": "2026-12-31",
                "status": "planned",
                "types": ["logistics_delay"],
                "cases": [case],
            },
        ),
        "improvement_update": (
            "improvement_action",
            1,
            {
                "status": {"old": "planned", "new": "in_progress"},
                "department": {"old": "logistics", "new": "customer_service"},
                "deadline": {"old": "2026-12-31", "new": "2027-01-15"},
                "types": ["functional_defect", "logistics_delay"],
                "cases": [],
            },
        ),
        "review_meeting_create": (
            "review_meeting",
            1,
            {
                "held_on": "2026-12-02",
                "period": "2026-11-01 – 2026-11-30",
                "departments": ["customer_service", "logistics"],
                "decisions": 2,
            },
        ),
        "review_meeting_update": (
            "review_meeting",
            1,
            {
                "held_on": "2026-12-02",
                "period": "2026-11-01 – 2026-11-30",
                "departments": ["logistics"],
                "decisions": 1,
            },
        ),
        "review_decision_action": (
            "review_meeting",
            1,
            {"decision": "包装线增加配件核对", "improvement_action": 4},
        ),
        "typical_case_mark": (
            "complaint",
            case,
            {"created": True, "summary": "表带缺失，补寄并致歉"},
        ),
        "typical_case_remove": ("complaint", case, {}),
        "export_cases": (
            "complaint",
            None,
            {
                "file": "cases.xlsx",
                "rows": 120,
                "unmasked": False,
                "from": "2026-11-01",
                "to": "2026-11-30",
                "selection": "period",
            },
        ),
        "export_unmasked": (
            "complaint",
            None,
            {"file": "cases.xlsx", "rows": 3, "unmasked": True, "selection": "cases"},
        ),
        "export_report": (
            "report",
            None,
            {
                "file": "report.xlsx",
                "from": "2026-11-01",
                "to": "2026-11-30",
                "department": "logistics",
                "rows": {"超时未结": 3, "满意度调查": 5},
                "unmasked": False,
                "seconds": 1.25,
            },
        ),
        "export_audit": (
            "audit_log",
            None,
            {
                "file": "audit.xlsx",
                "rows": 40,
                "filter": {
                    "username": "lina",
                    "action": "login_failed",
                    "date_from": "2026-10-26",
                    "date_to": "2026-11-25",
                },
            },
        ),
        "import_workbook": (
            "complaint",
            None,
            {
                "file": "import.xlsx",
                "rows": 200,
                "customers_created": 150,
                "numbers_assigned": 10,
                "staff_created": ["wang.wu"],
                "staff_created_count": 1,
            },
        ),
        "policy_change": (
            "policy",
            None,
            {
                "changed": {"types": 1, "settings": 1},
                "changes": [
                    {
                        "sheet": "types",
                        "code": "delivery",
                        "field": "default_level",
                        "old": "I",
                        "new": "II",
                    },
                    {
                        "sheet": "types",
                        "code": "delivery",
                        "field": "callback",
                        "old": "t+1",
                        "new": "same_day",
                    },
                    {
                        "sheet": "channels",
                        "code": "letter",
                        "field": "active",
                        "old": True,
                        "new": False,
                    },
                    {
                        "sheet": "causes",
                        "code": "logistics",
                        "field": "name_en",
                        "old": "Logistics and delivery",
                        "new": "Delivery",
                    },
                    {
                        "sheet": "settings",
                        "code": "sla.first_response_hours.normal",
                        "field": "value",
                        "old": 4.0,
                        "new": 1.0,
                    },
                ],
            },
        ),
        "setting_change": (
            "setting",
            None,
            {"key": "sla.level3_callback", "old": "same_day", "new": "t+1"},
        ),
        "calendar_override": (
            "calendar",
            None,
            {"day": "2026-12-26", "kind": "workday", "note": "调休", "previous": "holiday"},
        ),
        "calendar_override_removed": ("calendar", None, {"day": "2026-12-26"}),
        "calendar_notice_imported": (
            "calendar",
            None,
            {"year": 2027, "days_off": 33, "makeup_workdays": 6, "replaced": False},
        ),
        "backup": (
            "database",
            None,
            {
                "file": "/backups/complaints-20261125.db",
                "size": 3 * 1024 * 1024,
                "automatic": True,
                "removed": ["complaints-20261118.db"],
            },
        ),
        "restore": (
            "database",
            None,
            {
                "username": "admin",
                "file": "/backups/complaints-20261124.db",
                "kept": "/data/complaints-before-restore.db",
                "schema_version": 10,
                "os_user": "alice",  # the command line run without --user
            },
        ),
        "demo_generate": (
            "complaint",
            None,
            {"cases": 400, "seed": 7, "progress_entries": 1800, "surveys": 300},
        ),
    }


# Codes the details may hold: every vocabulary code with a letter, and the codes of the
# seeded departments and types named in the samples.
CODES = {t.code for v in vocab.ALL.values() for t in v if re.search("[a-z]", t.code)} | {
    "customer_service",
    "logistics",
    "product_quality",
    "functional_defect",
    "logistics_delay",
    "external_factors",
    "holiday",
    "workday",
    "parts_packaging",
    "staff_attitude",
}


def parts_of(text: str) -> list[tuple[str, str]]:
    parts = []
    for part in text.split("; ") if text else []:
        label, sep, value = part.partition(": ")
        assert sep, f"not 'label: value': {part!r}"
        parts.append((label, value))
    return parts


def check_words(action: str, details: dict, text: str) -> list[tuple[str, str]]:
    parts = parts_of(text)
    for label, value in parts:
        assert "_" not in label, (action, label)
        assert label not in details, (action, label)  # a key shown raw
        assert "_" not in value, (action, value)
        # A code is never a value, an item of a list or a side of old → new (snake-case
        # codes are caught above, t+1 codes here).
        items = {item.strip() for item in re.split(r"、| → |, ", value)}
        assert not items & CODES, (action, value, items & CODES)
        assert not re.search(r"\bt\+\d", value), (action, value)
        assert not any(str(key) in value for key in details if "_" in str(key)), (action, value)
    return parts


def worded(rows, language: str) -> dict[str, str]:
    words = DetailWords(language)
    return {row.action: words.entry_text(row.action, row.details, row.names) for row in rows}


def test_every_action_has_a_sample(qapp, people):
    assert set(samples(people)) == set(audit.ACTIONS), (
        "a new audit action needs a representative entry here (and its keys in ui/detail_words.py)"
    )


def test_details_of_every_action_in_words(qapp, manager_session, people):
    cases = samples(people)
    before = audit.list_audit(manager_session, limit=1)[0].id
    for action in audit.ACTIONS:
        entity, entity_id, details = cases[action]
        audit.record(manager_session, action, entity, entity_id, **details)
    rows = [r for r in audit.list_audit(manager_session, limit=500) if r.id > before]
    assert len(rows) == len(audit.ACTIONS)
    en, zh = worded(rows, "en"), worded(rows, "zh_CN")
    for action in audit.ACTIONS:
        details = cases[action][2]
        en_parts = check_words(action, details, en[action])
        zh_parts = check_words(action, details, zh[action])
        shown = {k for k, v in details.items() if v not in (None, "", []) and k != "version"}
        shown -= {"number", "to_name"}  # said by the number column and by to_user
        if shown:
            assert en_parts, action
        assert len(zh_parts) == len(en_parts), action
        # No id of a person or a case is shown: names and numbers instead.
        for label, value in en_parts:
            assert not re.fullmatch(r"#?\d+", value) or label in (
                "Attachments",
                "Rows",
                "Attempt",
                "Computers",
                "Overall",
                "Open cases checked",
                "Cases changed",
                "Open cases re-assessed",
                "Cases generated",
                "Customers added",
                "Numbers assigned",
                "Staff added (count)",
                "Schema version",
                "Year",
                "Days off",
                "Makeup working days",
                "Random seed",
                "Progress entries",
                "Surveys",
                "Batch",
                "Follow-up",
                "Survey",
                "Decisions",
                "Improvement action",
            ), (action, label, value)

    number = people["case"].number
    assert en["user_create"] == (
        "Account: lina; Role: Clerk; Departments: Customer service、Logistics; "
        "Direct supervisor: super1; Senior agent: Yes"
    )
    assert "Role: 前台/客服专员" in zh["user_create"]
    assert "客服部、物流部" in zh["user_create"]
    assert en["complaint_create"] == "Level: III; Urgent: Yes; Attachments: 2"
    assert "Rule: Direct supervisor of the staff member complained about" in en["complaint_routed"]
    assert en["progress"] == "Stage: Investigating; From stage: Assigned; Result: 核实中"
    assert "调查核实" in zh["progress"] and "已分派" in zh["progress"]
    assert en["transfer"] == "From: super1; To: 李娜 Li Na; Reason: 对口"
    assert "Up to: Customer-service manager; To: 李娜 Li Na" in en["escalate"]
    assert "客服经理" in zh["escalate"]
    assert en["approval_decision"] == "Decision: Rejected; Comment: 再道歉"
    assert "Outcome: Partly resolved" in en["close"]
    assert "部分解决" in zh["close"] and "待回访确认" in zh["close"]
    assert "Root cause: Staff attitude" in en["close"] and "人员态度" in zh["close"]
    assert (
        "Root cause: Parts and packaging; Previous root cause: Logistics and delivery"
        in (en["root_cause"])
    )
    assert "配件/包装" in zh["root_cause"]
    assert (
        "Previous resolution date: 2026-11-30 18:00; New resolution date: 2026-12-04 18:00"
        in en["renegotiate"]
    )
    reassess = en["reassess"]
    assert "Urgent because: Sensitive customer" in reassess
    assert "Urgent: No → Yes" in reassess
    assert "Level: I → III" in reassess
    assert "Subtype: Functional defect → Logistics delay" in reassess
    assert "Department: Customer service → Logistics" in reassess
    assert "Owner: clerk1 → super1" in reassess
    assert "First response due: 2026-11-25 14:00 → 2026-11-25 12:00" in reassess
    assert "客服部 → 物流部" in zh["reassess"] and "敏感客户" in zh["reassess"]
    assert en["contact_unmasked"] == "Shown in full: Contact、ID number"
    assert en["follow_up_create"] == "Follow-up: #7; Assigned to: 李娜 Li Na; Reason: Overall 1/5"
    assert en["survey_attempt"] == (
        "Result: No answer; Attempt: 3; Not surveyed because: 三次无人接听"
    )
    assert "无人接听" in zh["survey_attempt"]
    assert en["improvement_create"] == (
        f"Department: Logistics; Deadline: 2026-12-31; Status: Planned; "
        f"Complaint types: Logistics delay; Cases: {number}"
    )
    assert en["improvement_update"] == (
        "Status: Planned → In progress; Department: Logistics → Customer service; "
        "Deadline: 2026-12-31 → 2027-01-15; Complaint types: Functional defect、Logistics delay"
    )
    assert "计划中 → 进行中" in zh["improvement_update"]
    assert en["review_meeting_create"] == (
        "Held on: 2026-12-02; Period: 2026-11-01 – 2026-11-30; "
        "Departments: Customer service、Logistics; Decisions: 2"
    )
    assert "客服部、物流部" in zh["review_meeting_create"]
    assert en["review_decision_action"] == ("Decision: 包装线增加配件核对; Improvement action: #4")
    assert en["typical_case_mark"] == "New entry: Yes; Summary: 表带缺失，补寄并致歉"
    assert en["export_cases"] == (
        "File: cases.xlsx; Rows: 120; Contacts in full: No; Period from: 2026-11-01; "
        "Period to: 2026-11-30; Selection: A period"
    )
    assert "Department: Logistics" in en["export_report"]
    assert "User: lina, Action: Failed sign-in, From: 2026-10-26" in en["export_audit"]
    # The setting's label without its "(same_day, t+1, t+2)" hint, the values in words.
    assert en["setting_change"] == (
        "Setting: First callback of escalated and VIP complaints; "
        "Change: Same working day → T+1 working day"
    )
    assert "当个工作日 → T+1个工作日" in zh["setting_change"]
    assert "sla." not in en["setting_change"]
    assert (
        en["calendar_override"]
        == "Day: 2026-12-26; Day becomes: Working day; Note: 调休; Before: Day off"
    )
    assert en["calendar_notice_imported"] == (
        "Year: 2027; Days off: 33; Makeup working days: 6; Replaced an earlier import: No"
    )
    assert en["backup"].startswith(
        "File: /backups/complaints-20261125.db; Size: 3.0 MB; Automatic: Yes"
    )
    assert en["policy_change"] == (
        "Rows changed: Complaint types 1, Settings 1; Changes: Complaint types Delivery "
        "default level: I → II；Complaint types Delivery first callback: "
        "T+1 working day → Same working day；Channels Letter in use: Yes → No；"
        "Root causes Logistics and delivery English name: Logistics and delivery → Delivery；"
        "First response, normal (hours): 4 → 1"
    )
    assert "T+1个工作日 → 当个工作日" in zh["policy_change"]
    assert "配送问题" in zh["policy_change"] and "书信" in zh["policy_change"]
    assert "物流配送" in zh["policy_change"]
    assert en["deadlines_recomputed"] == "Open cases checked: 12; Cases changed: 3"
    assert en["restore"].endswith("Schema version: 10; OS user: alice")
    assert en["login_failed"] == "Reason: The account is disabled; Computer: PC-07"
    assert en["login"] == en["logout"] == en["reminder_ack"] == ""


def test_unknown_keys_read_as_words_and_contacts_stay_masked(qapp, manager_session, people):
    audit.record(
        manager_session,
        "customer_update",
        "customer",
        1,
        sensitive_kind=["", "consumer_association"],
        member_tier={"old": "regular", "new": "vip"},
        contact="13812345678",
        handler_department="logistics",
        some_new_flag=True,
    )
    row = audit.list_audit(manager_session, limit=1)[0]
    text = DetailWords("en").entry_text(row.action, row.details, row.names)
    assert "13812345678" not in text
    assert "Contact: 138****5678" in text or "Contact: 138" in text
    assert "Sensitive kind: - → Consumer association" in text
    assert "Member tier: Regular → VIP" in text
    assert "Handler department: Logistics" in text
    assert "Some new flag: Yes" in text
    assert "_" not in text


def test_the_audit_tab_shows_names_and_labels(qtbot, manager_session, people):
    audit.record(
        manager_session,
        "transfer",
        "complaint",
        people["case"].id,
        from_user=people["super1"],
        to_user=people["lina"],
        to_name="李娜 Li Na",
        reason="对口",
    )
    page = AdminPage(manager_session, TaskRunner())
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.show()
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)
    model = page.audit_tab.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=WAIT)
    details = model.index(0, AuditTableModel.DETAILS).data()
    assert details == "From: super1; To: 李娜 Li Na; Reason: 对口"
    assert str(people["lina"]) not in details.split("; ")[1]
