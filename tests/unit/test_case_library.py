"""The typical-case library [典型案例库] (docs/rules.md#typical-case-library): marking a closed
case, the masking of personal data in the library, search by type, product and cause, the
entries of a subtype for the intake side panel, who may mark."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db.models import AuditLog, CauseCategory, Complaint, TypicalCase
from desktop_app.services import case_library, cases, intake
from desktop_app.services.errors import PermissionDenied, ValidationError
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

AT = dt.datetime(2026, 11, 20, 10)
DESCRIPTION = (
    "张三来电称手表屏幕碎裂，回拨13812345678或 139-0000-1111，"
    "身份证110101199003071234，邮箱zhangsan@example.com"
)


def _closed(*, subtype="functional_defect", product=None, cause=None, description=DESCRIPTION):
    case = make_case(
        at=AT,
        owner="clerk1",
        subtype=subtype,
        product=product,
        root_cause=CauseCategory.get(code=cause) if cause else None,
    )
    case.description = description
    case.stage, case.is_open, case.outcome = "closed", False, "resolved"
    case.closed_at = AT + dt.timedelta(days=1)
    case.next_due = None
    case.save()
    return case


def _mark(session, case, summary="屏幕碎裂换新"):
    return case_library.mark_typical(
        session, case.id, summary, "先致歉再核实", "“非常抱歉给您带来不便，我们为您换新……”"
    )


def test_marking_a_closed_case_masks_the_personal_data(supervisor_session, clerk_session):
    case = _closed(product="智能手表X1", cause="parts_packaging")
    entry = _mark(supervisor_session, case)
    assert (entry.number, entry.subtype_code, entry.product, entry.cause) == (
        case.number,
        "functional_defect",
        "智能手表X1",
        "parts_packaging",
    )
    assert (entry.summary, entry.lesson) == ("屏幕碎裂换新", "先致歉再核实")
    # No phone, ID number, e-mail address or customer name survives in the library.
    stored = TypicalCase.get(TypicalCase.complaint == case.id).description
    for shown in (entry.description, stored):
        for secret in ("13812345678", "0000-1111", "110101199003071234", "zhangsan@", "张三"):
            assert secret not in shown
        assert "138****5678" in shown and "110***********1234" in shown
        assert "手表屏幕碎裂" in shown
    assert not any(
        secret in json.dumps(entry.to_json(), ensure_ascii=False)
        for secret in ("13812345678", "张三")
    )
    # Marking again changes the entry (one per case); both audited.
    again = _mark(supervisor_session, case, summary="屏幕碎裂：换新并补偿")
    assert again.id == entry.id and again.summary == "屏幕碎裂：换新并补偿"
    audits = AuditLog.select().where(AuditLog.action == "typical_case_mark").order_by(AuditLog.id)
    assert [json.loads(a.details)["created"] for a in audits] == [True, False]
    # The case window offers the action to the supervisor, not to the clerk.
    assert "mark_typical" in cases.get_case(supervisor_session, case.id).actions
    assert "mark_typical" not in cases.get_case(clerk_session, case.id).actions


def test_only_closed_cases_and_only_their_supervisors_or_managers(
    system_session, supervisor_session, clerk_session, manager_session, admin_session
):
    open_case = make_case(at=AT, owner="clerk1")
    with pytest.raises(ValidationError):
        _mark(manager_session, open_case)
    case = _closed()
    for session in (clerk_session, admin_session):
        with pytest.raises(PermissionDenied):
            _mark(session, case)
    other = make_user(system_session, "super2", "supervisor", departments=("logistics",))
    with pytest.raises((PermissionDenied, Exception)):
        _mark(other, case)
    assert TypicalCase.select().count() == 0
    _mark(manager_session, case)
    case_library.remove_typical(manager_session, case.id)
    assert TypicalCase.select().count() == 0
    assert AuditLog.select().where(AuditLog.action == "typical_case_remove").count() == 1


def test_search_by_text_type_product_and_cause(supervisor_session, clerk_session, admin_session):
    watch = _closed(product="智能手表X1", cause="parts_packaging")
    late = _closed(subtype="logistics_delay", cause="logistics", description="快递晚到五天")
    earbuds = _closed(product="蓝牙耳机", cause="production_quality", description="左耳无声")
    for case in (watch, late, earbuds):
        _mark(supervisor_session, case, summary=f"案例 {case.number}")
    everyone = {watch.number, late.number, earbuds.number}

    def numbers(session=clerk_session, **kwargs):
        return {e.number for e in case_library.search_library(session, **kwargs)}

    assert numbers() == everyone
    assert numbers(admin_session) == everyone  # every staff role reads the library
    assert numbers(type_code="logistics_delay") == {late.number}
    category = Complaint.get_by_id(late.id).type.code  # a category: its subtypes' cases
    assert late.number in numbers(type_code=category)
    assert numbers(product="手表") == {watch.number}
    assert numbers(cause="production_quality") == {earbuds.number}
    assert numbers(text="晚到") == {late.number}
    assert numbers(text="晚到", cause="parts_packaging") == set()
    with pytest.raises(ValidationError):
        case_library.search_library(clerk_session, type_code="no_such_type")


def test_entries_of_a_subtype_for_the_intake_side_panel(supervisor_session, clerk_session):
    watch = _closed(product="智能手表X1", cause="parts_packaging")
    late = _closed(subtype="logistics_delay", cause="logistics")
    _mark(supervisor_session, watch)
    _mark(supervisor_session, late)
    found = case_library.typical_for_subtype(clerk_session, "functional_defect")
    assert [e.number for e in found] == [watch.number]
    assert case_library.typical_for_subtype(clerk_session, "unknown") == []
    similar = intake.similar_cases(
        clerk_session, customer_id=None, subtype="logistics_delay", text=""
    )
    assert [e.number for e in similar.typical] == [late.number]
    assert "13812345678" not in similar.typical[0].description
