"""Hostile input fuzzing (issue #8): intake, progress and the other case actions, surveys
and the workbook import get unicode, huge strings, control characters, formulas and wrong
types. Whatever comes in: no crash (only a ``ServiceError``), a rejection names the
offending field and writes nothing, an accepted save keeps the text as typed (stripped).

Each test reuses one database for all its examples (hypothesis warns about function-scoped
fixtures for that reason; here it is the point: every example checks that a rejection left
the row counts as they were, and accepted examples simply add rows)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop_app.db.models import (
    Approval,
    AuditLog,
    Complaint,
    Customer,
    DaySequence,
    Escalation,
    FollowUp,
    ProgressEntry,
    Reminder,
    Survey,
    SurveyAttempt,
    Transfer,
    User,
)
from desktop_app.domain.exchange_columns import COMPLAINTS, PROGRESS, SURVEYS
from desktop_app.services import cases, exchange, intake, surveys
from desktop_app.services.cases import ProgressForm
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.intake import IntakeForm
from desktop_app.services.surveys import SurveyForm
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, fuzz_examples, make_user
from tests.helpers.hostile import cell_text, hostile, hostile_text, wrong_types

REUSED_DATABASE = settings(
    max_examples=fuzz_examples(80),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

MODELS = (
    Complaint,
    Customer,
    ProgressEntry,
    Survey,
    SurveyAttempt,
    AuditLog,
    DaySequence,
    Transfer,
    Escalation,
    Approval,
    Reminder,
    FollowUp,
    User,
)


def counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in MODELS}


# Form fields without a widget of their own: a problem names the widget they belong to.
WIDGET = {"customer_id": "customer_name"}


def fields_of(error: ServiceError) -> set[str]:
    """The fields a rejection names (every problem of a form)."""
    problems = getattr(error, "problems", None) or [error]
    return {p.field for p in problems}


def named(changes: dict) -> set[str]:
    """The fields a rejection of ``changes`` may name."""
    return set(changes) | {WIDGET[k] for k in changes if k in WIDGET}


def typed(value) -> str:
    """What an accepted text field holds: the text stripped ("" for None)."""
    return (value or "").strip()


def attempt(call):
    """Run a service call: its result, or the ServiceError it raised (anything else fails
    the test, as the crash it would be)."""
    try:
        result = call()
    except ServiceError as error:
        event(f"rejected: {error.field}")
        return None, error
    event("accepted" if getattr(result, "ok", True) else "rejected by the report")
    return result, None


# ---------------------------------------------------------------------------------------
# Intake.


def good_form() -> IntakeForm:
    return IntakeForm(
        customer_name="王小明",
        contact="13812345678",
        member_number="",
        id_number="",
        member_tier="regular",
        complaint_time=TEST_NOW - dt.timedelta(minutes=20),
        channel="walk_in",
        type="product_quality",
        subtype="functional_defect",
        urgency="normal",
        description="收到的手机屏幕无法点亮，要求换货",
        customer_requests=["exchange", "other"],
        customer_request_other="希望尽快处理",
        department="customer_service",
        product="X1 手机",
        merchant="",
    )


INTAKE_FIELDS = [f.name for f in dataclasses.fields(IntakeForm)]
# Free text kept on the case as typed (stripped), "" stored as NULL where optional.
INTAKE_TEXT = {
    "customer_name": "customer_name",
    "description": "description",
    "customer_request_other": "customer_request_other",
    "product": "product",
    "merchant": "merchant",
    "member_number": "member_number",
    "contact": "contact",
}


@settings(REUSED_DATABASE, max_examples=fuzz_examples(150))
@given(changes=st.dictionaries(st.sampled_from(INTAKE_FIELDS), hostile, min_size=1, max_size=2))
def test_intake_takes_hostile_input_without_crash_or_partial_write(clerk_session, changes):
    form = dataclasses.replace(good_form(), **changes)
    before = counts()
    saved, error = attempt(lambda: intake.register_complaint(clerk_session, form))
    if error is not None:
        assert isinstance(error, ValidationError), error
        assert fields_of(error) <= named(changes), (error.message, fields_of(error))
        assert counts() == before
        return
    case = Complaint.get_by_id(saved.id)
    for name, column in INTAKE_TEXT.items():
        if name == "customer_request_other" and "other" not in form.customer_requests:
            continue  # not kept without "other"
        if name in changes:
            assert (getattr(case, column) or "") == typed(changes[name])
    assert counts()["Complaint"] == before["Complaint"] + 1


@pytest.mark.parametrize("name", sorted(INTAKE_TEXT))
@pytest.mark.parametrize(
    "value",
    ["a\x00b" * 3, "写\ud800字" * 3, "换\uffff货" * 3, "控\x1b制字符" * 3, 12345, b"bytes-bytes"],
)
def test_intake_refuses_unstorable_text_by_its_field(clerk_session, name, value):
    """Characters no database or spreadsheet keeps, and values that are no text."""
    before = counts()
    with pytest.raises(ValidationError) as info:
        intake.register_complaint(clerk_session, dataclasses.replace(good_form(), **{name: value}))
    assert info.value.field == name
    assert counts() == before


@REUSED_DATABASE
@given(text=hostile, subtype=hostile, product=hostile)
def test_intake_side_panel_lookups_take_hostile_text(clerk_session, text, subtype, product):
    """What the intake form asks while the clerk types (customer look-up, similar cases,
    the default level) answers hostile text with nothing found, never a driver error."""
    if not Complaint.select().exists():  # something to find
        intake.register_complaint(clerk_session, good_form())
    _found, error = attempt(lambda: intake.lookup_customers(clerk_session, text))
    assert error is None, error.message
    _found, error = attempt(
        lambda: intake.similar_cases(
            clerk_session, customer_id=None, subtype=subtype, text=text, product=product
        )
    )
    assert error is None, error.message
    _found, error = attempt(lambda: intake.default_level_for(subtype, "regular"))
    assert error is None, error.message


# ---------------------------------------------------------------------------------------
# Progress entries and the other case actions with free text.

PROGRESS_TEXT = ("result", "feedback_comment", "next_action")


def fresh_case(**fields) -> Complaint:
    return make_case(at=TEST_NOW - dt.timedelta(hours=1), owner="clerk1", **fields)


@REUSED_DATABASE
@given(
    changes=st.dictionaries(
        st.sampled_from(
            [
                "result",
                "feedback_comment",
                "next_action",
                "stage",
                "customer_feedback",
                "planned_completion",
                "actual_completion",
                "customer_contacted",
                "attachments",
            ]
        ),
        hostile,
        min_size=1,
        max_size=3,
    )
)
def test_progress_takes_hostile_input_without_crash_or_partial_write(clerk_session, changes):
    case = fresh_case()
    form = dataclasses.replace(ProgressForm(result="已联系客户"), **changes)
    before = counts()
    detail, error = attempt(
        lambda: cases.add_progress(clerk_session, case.id, form, version=case.version)
    )
    if error is not None:
        assert isinstance(error, ValidationError), error
        assert error.field in changes, (error.message, error.field)
        assert counts() == before
        assert Complaint.get_by_id(case.id).version == case.version
        return
    entry = ProgressEntry.select().where(ProgressEntry.complaint == case.id).get()
    for name in PROGRESS_TEXT:
        if name in changes:
            assert (getattr(entry, name) or "") == typed(changes[name])
    assert detail.version == case.version + 1


def _transfer(session, case, reason):
    to = User.get(User.username == "super1").id
    return cases.transfer(session, case.id, to, reason, version=case.version)


def _escalate(session, case, reason):
    return cases.escalate(session, case.id, reason, version=case.version)


def _close(session, case, reason):
    return cases.close_case(
        session, case.id, confirmed=False, outcome="resolved", reason=reason, version=case.version
    )


def _reopen(session, case, reason):
    return cases.reopen_case(session, case.id, reason, version=case.version)


def _request_approval(session, case, reason):
    return cases.request_approval(session, case.id, reason, version=case.version)


def _not_surveyed(session, case, reason):
    return surveys.mark_not_surveyed(session, case.id, reason)


# action: (call, the field a rejection names, what the case needs first, where the text is)
CASE_ACTIONS = {
    "transfer": (
        _transfer,
        "reason",
        None,
        lambda c: Transfer.get(Transfer.complaint == c.id).reason,
    ),
    "escalate": (
        _escalate,
        "reason",
        None,
        lambda c: Escalation.get(Escalation.complaint == c.id).reason,
    ),
    "close": (_close, "outcome_reason", None, lambda c: Complaint.get_by_id(c.id).outcome_reason),
    "reopen": (
        _reopen,
        "reason",
        "closed",
        lambda c: Transfer.get(Transfer.complaint == c.id).reason.split(": ", 1)[1],
    ),
    "request_approval": (
        _request_approval,
        "solution",
        "solution_proposed",
        lambda c: Approval.get(Approval.complaint == c.id).solution,
    ),
    "not_surveyed": (
        _not_surveyed,
        "no_survey_reason",
        "closed",
        lambda c: Complaint.get_by_id(c.id).no_survey_reason,
    ),
}


@REUSED_DATABASE
@given(action=st.sampled_from(sorted(CASE_ACTIONS)), reason=hostile)
def test_case_action_reasons_take_hostile_input(clerk_session, action, reason):
    run, field, needs, stored = CASE_ACTIONS[action]
    case = fresh_case()
    if needs == "closed":
        case.version = cases.close_case(
            clerk_session,
            case.id,
            confirmed=False,
            outcome="resolved",
            reason="客户撤诉",
            version=case.version,
        ).version
    elif needs == "solution_proposed":
        Complaint.update(stage="solution_proposed", level=2).where(
            Complaint.id == case.id
        ).execute()
    before = counts()
    _detail, error = attempt(lambda: run(clerk_session, case, reason))
    if error is not None:
        assert isinstance(error, ValidationError), error
        assert error.field == field, (error.message, error.field)
        assert counts() == before
        assert Complaint.get_by_id(case.id).version == case.version
        return
    assert (stored(case) or "") == typed(reason)


# ---------------------------------------------------------------------------------------
# Surveys.

SURVEY_FIELDS = [f.name for f in dataclasses.fields(SurveyForm)]
SURVEY_TEXT = ("customer_name", "most_satisfied_other", "needs_improvement_other", "suggestions")
scores = st.one_of(
    st.integers(min_value=-10, max_value=10),
    st.sampled_from(["3", "五", 3.0, 4.5, math.nan, math.inf, -1, 0, 6, True, None]),
)


def good_survey() -> SurveyForm:
    return SurveyForm(
        complaint_number="",
        customer_name="张三",
        survey_time=TEST_NOW - dt.timedelta(minutes=5),
        method="phone",
        timeliness=5,
        effectiveness=4,
        attitude=5,
        overall=4,
        most_satisfied=["attitude", "other"],
        most_satisfied_other="态度好",
        needs_improvement=["other"],
        needs_improvement_other="回电慢",
        suggestions="希望短信通知",
    )


@REUSED_DATABASE
@given(
    changes=st.dictionaries(
        st.sampled_from(SURVEY_FIELDS), st.one_of(hostile, scores), min_size=1, max_size=3
    )
)
def test_survey_takes_hostile_input_without_crash_or_partial_write(clerk_session, changes):
    form = dataclasses.replace(good_survey(), **changes)
    before = counts()
    recorded, error = attempt(lambda: surveys.record_survey(clerk_session, form))
    if error is not None:
        assert isinstance(error, ValidationError), error
        assert error.field in changes and fields_of(error) <= set(changes), (
            error.message,
            fields_of(error),
        )
        assert counts() == before
        return
    survey = Survey.get_by_id(recorded.id)
    for name in SURVEY_TEXT:
        if name in changes:
            assert (getattr(survey, name) or "") == typed(changes[name])
    for name in ("timeliness", "effectiveness", "attitude", "overall"):
        assert getattr(survey, name) in (1, 2, 3, 4, 5)


# ---------------------------------------------------------------------------------------
# The workbook import.

DAY = TEST_NOW - dt.timedelta(days=3)


def base_rows() -> dict[str, dict[str, object]]:
    return {
        "complaints": {
            "complaint_number": f"TS-{DAY:%Y%m%d}-0001",
            "customer_name": "客户甲",
            "contact": "13800000001",
            "member_number": None,
            "id_number": None,
            "member_tier": "普通会员",
            "complaint_time": DAY,
            "registration_time": DAY + dt.timedelta(seconds=30),
            "channel": "电话",
            "type": "产品质量类",
            "subtype": "功能缺陷",
            "urgency": "一般",
            "level": "I",
            "description": "屏幕有划痕，要求换货",
            "customer_requests": "换货、其他（延保）",
            "department": "客服部",
            "receiver": "王五",
            "stage": "已分派",
            "owner": "王五",
            "first_response_at": None,
            "solution_agreed_at": None,
            "closed_at": None,
            "outcome": None,
        },
        "progress": {
            "complaint_number": f"TS-{DAY:%Y%m%d}-0001",
            "stage": "已分派",
            "owner": "王五",
            "planned_completion": None,
            "actual_completion": None,
            "result": "已联系",
            "customer_feedback": "满意",
            "feedback_comment": "好",
            "next_action": "回访",
            "updated_at": DAY + dt.timedelta(hours=1),
            "updated_by": None,
        },
        "surveys": {
            "complaint_number": None,
            "customer_name": "客户乙",
            "survey_time": DAY + dt.timedelta(hours=2),
            "method": "电话",
            "surveyor": "王五",
            "timeliness": 5,
            "effectiveness": 4,
            "attitude": 4,
            "overall": 5,
            "most_satisfied": "服务态度",
            "needs_improvement": "其他（回电慢）",
            "suggestions": "无",
        },
    }


SHEETS = {"complaints": COMPLAINTS, "progress": PROGRESS, "surveys": SURVEYS}
# Columns the fuzzing replaces (numbers and times that link rows stay fixed: a bad one
# would also be reported on the rows that refer to it).
FUZZED = {
    "complaints": (
        "customer_name",
        "contact",
        "member_number",
        "id_number",
        "member_tier",
        "channel",
        "type",
        "subtype",
        "urgency",
        "level",
        "description",
        "customer_requests",
        "department",
        "receiver",
        "stage",
        "owner",
        "outcome",
        "product",
        "merchant",
        "urgent_reasons",
        "head_office",
        "subject_staff",
    ),
    "progress": (
        "stage",
        "owner",
        "planned_completion",
        "actual_completion",
        "result",
        "customer_feedback",
        "feedback_comment",
        "next_action",
        "updated_by",
    ),
    "surveys": (
        "customer_name",
        "method",
        "surveyor",
        "timeliness",
        "effectiveness",
        "attitude",
        "overall",
        "most_satisfied",
        "needs_improvement",
        "suggestions",
        "survey_time",
    ),
}
# A bad cell may also be reported on the cells whose meaning depends on it.
DEPENDENT = {
    ("complaints", "type"): {"subtype"},
    ("complaints", "stage"): {"closed_at", "outcome"},
    ("complaints", "receiver"): {"owner"},
    ("progress", "owner"): {"updated_by"},
}
TEXT_COLUMNS = {
    ("complaints", "customer_name"): (Complaint, "customer_name"),
    ("complaints", "description"): (Complaint, "description"),
    ("complaints", "member_number"): (Complaint, "member_number"),
    ("complaints", "product"): (Complaint, "product"),
    ("complaints", "merchant"): (Complaint, "merchant"),
    ("progress", "result"): (ProgressEntry, "result"),
    ("progress", "feedback_comment"): (ProgressEntry, "feedback_comment"),
    ("progress", "next_action"): (ProgressEntry, "next_action"),
    ("surveys", "customer_name"): (Survey, "customer_name"),
    ("surveys", "suggestions"): (Survey, "suggestions"),
}

FORMULA = object()  # marker: write the cell as a real formula
cell_values = st.one_of(
    cell_text,
    cell_text,
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**60), max_value=2**60),
        st.floats(allow_nan=False, allow_infinity=False),
        st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2100, 1, 1)),
        st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2100, 1, 1)),
    ),
    st.tuples(
        st.just(FORMULA),
        st.sampled_from(["=cmd|' /C calc'!A0", "=1/0", "=A1", '=HYPERLINK("http://x","y")']),
    ),
)
replacements = st.lists(
    st.tuples(
        st.sampled_from(sorted(FUZZED)).flatmap(
            lambda sheet: st.tuples(st.just(sheet), st.sampled_from(FUZZED[sheet]))
        ),
        cell_values,
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda r: r[0],
)


def write_workbook(path, rows: dict[str, dict[str, object]], formulas: set) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for key, sheet in SHEETS.items():
        ws = book.create_sheet(sheet.zh)
        keys = [c.key for c in sheet.import_columns]
        ws.append([sheet.column(k).zh for k in keys])
        ws.append([rows[key].get(k) for k in keys])
        for index, k in enumerate(keys, 1):
            cell = ws.cell(row=2, column=index)
            if isinstance(cell.value, str):
                # Text stays text: only the cells written as formulas are formulas.
                cell.data_type = "f" if (key, k) in formulas else "s"
    book.save(path)


@pytest.fixture
def manager(db, system_session):
    return make_user(system_session, "manager1", "manager", departments=())


@REUSED_DATABASE
@given(changes=replacements)
def test_import_takes_hostile_cells_all_or_nothing(manager, tmp_path_factory, changes):
    rows = base_rows()
    # One new complaint number per example: accepted examples stay in the database.
    number = f"TS-{DAY:%Y%m%d}-{Complaint.select().count() + 1:04d}"
    rows["complaints"]["complaint_number"] = rows["progress"]["complaint_number"] = number
    formulas = set()
    for (sheet, key), value in changes:
        if isinstance(value, tuple) and value and value[0] is FORMULA:
            value = value[1]
            formulas.add((sheet, key))
        rows[sheet][key] = value
    path = tmp_path_factory.mktemp("import") / "hostile.xlsx"
    write_workbook(path, rows, formulas)
    before = counts()
    report, error = attempt(lambda: exchange.import_workbook(manager, path))
    assert error is None, error.message
    if not report.ok:
        assert not report.written and counts() == before
        allowed = {}
        for (sheet, key), _value in changes:
            title = SHEETS[sheet].zh
            allowed.setdefault(title, set()).add(SHEETS[sheet].column(key).zh)
            for dep in DEPENDENT.get((sheet, key), ()):
                allowed[title].add(SHEETS[sheet].column(dep).zh)
        for problem in report.errors:
            assert problem.row == 2 and problem.column in allowed.get(problem.sheet, ()), (
                problem.line(),
                changes,
            )
        return
    assert report.written and report.complaints == 1
    case = Complaint.get(Complaint.number == number)
    for (sheet, key), value in changes:
        if (sheet, key) in TEXT_COLUMNS and isinstance(value, str):
            model, column = TEXT_COLUMNS[(sheet, key)]
            row = {
                Complaint: case,
                ProgressEntry: ProgressEntry.get_or_none(ProgressEntry.complaint == case.id),
                Survey: Survey.select().order_by(Survey.id.desc()).first(),
            }[model]
            assert (getattr(row, column) or "") == typed(value)


def test_strategies_reach_every_kind_of_hostile_value():
    """The strategies do produce what the tests above claim to try."""
    seen = set()

    @settings(max_examples=400, deadline=None)
    @given(value=st.one_of(hostile_text, wrong_types))
    def sample(value):
        if isinstance(value, str):
            if "\x00" in value:
                seen.add("nul")
            if any("\ud800" <= ch <= "\udfff" for ch in value):
                seen.add("surrogate")
            if len(value) > 32767:
                seen.add("huge")
            if value[:1] in "=+-@":
                seen.add("formula")
        else:
            seen.add("wrong type")

    sample()
    assert seen >= {"nul", "surrogate", "huge", "formula", "wrong type"}
