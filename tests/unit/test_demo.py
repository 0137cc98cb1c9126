import datetime as dt
import re

import pytest
from peewee import fn

from desktop_app.bootstrap import prepare_database
from desktop_app.db.models import (
    Channel,
    Complaint,
    ComplaintType,
    Customer,
    DaySequence,
    ProgressEntry,
    Survey,
    User,
    UserDepartment,
)
from desktop_app.domain import deadlines as rules
from desktop_app.domain.vocab import CUSTOMER_REQUESTS, STAGES, SURVEY_ASPECTS
from desktop_app.services import check, demo, routing, sla
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.session import Session
from tests.helpers.fixtures import TEST_NOW

COUNT = 300
NUMBER = re.compile(r"^TS-(\d{8})-(\d{4,})$")


@pytest.fixture
def generated(db, system_session):
    stats = demo.generate(system_session, COUNT, seed=7, chunk_size=120)
    return stats


def test_counts_and_checks(db, system_session, generated):
    assert generated.cases == COUNT == Complaint.select().count()
    assert generated.progress_entries == ProgressEntry.select().count()
    assert generated.surveys == Survey.select().count() > 0
    report = check.run_checks(system_session)
    assert report.ok, report.text()


def test_coverage(db, generated):
    C = Complaint
    channels = {c.id for c in Channel.select()}
    assert {c.channel_id for c in C.select(C.channel)} == channels
    assert {c.urgency for c in C.select(C.urgency)} == {"urgent", "normal", "low"}
    assert {c.level for c in C.select(C.level)} == {1, 2, 3}
    assert {c.stage for c in C.select(C.stage)} == set(STAGES.codes())
    assert C.select().where(C.urgent).exists()
    types = {t.id for t in ComplaintType.select().where(ComplaintType.parent.is_null())}
    assert {c.type_id for c in C.select(C.type)} == types
    closed = C.select().where(C.stage == "closed")
    assert closed.count() > COUNT * 0.75  # most: the open ones are the recent workload
    assert {c.outcome for c in closed} == {"resolved", "partly_resolved", "unresolved"}
    assert all(c.outcome_reason and c.closed_at < TEST_NOW and c.survey_due for c in closed)
    # Customers: Chinese names, mainland mobiles or e-mail, some members, VIPs, ID numbers.
    for c in C.select():
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,3}", c.customer_name), c.customer_name
        for part in c.contact.split(";"):
            assert re.fullmatch(r"1[3-9]\d{9}", part) or re.fullmatch(r"[\w.]+@[\w.]+", part)
        if c.id_number:
            assert re.fullmatch(r"\d{17}[\dX]", c.id_number)
            assert demo.id_number_checksum(c.id_number[:17]) == c.id_number[-1]
        assert re.search(r"[\u4e00-\u9fff]", c.description)
        codes = c.customer_requests.split(",")
        assert codes and all(code in CUSTOMER_REQUESTS for code in codes)
        assert bool(c.customer_request_other) == ("other" in codes)
    assert C.select().where(C.contact.contains("@")).exists()
    assert C.select().where(C.member_number.is_null(False)).exists()
    assert C.select().where(C.member_tier == "vip").exists()
    assert C.select().where(C.id_number.is_null(False)).exists()
    assert Customer.select().count() < COUNT  # some customers come back


def test_case_rules(db, generated):
    policy = settings_service.load_all()
    calendar = settings_service.load_calendar(policy)
    subtypes = {t.id: t for t in ComplaintType.select()}
    for c in Complaint.select():
        sub = subtypes[c.subtype_id]
        assert c.type_id == sub.parent_id
        vip = c.member_tier == "vip"
        assert c.level >= sub.default_level and (c.level == 3 or not vip)
        assert c.priority == rules.level_priority(c.level, c.urgent)
        assert c.is_open == (c.stage != "closed")
        assert c.complaint_time < c.registration_time <= TEST_NOW
        assert TEST_NOW - c.complaint_time <= dt.timedelta(days=730)
        expected = rules.compute_deadlines(
            c.complaint_time,
            urgency=c.urgency,
            urgent=c.urgent,
            callback_rule=sub.callback_rule,
            escalated_or_vip=vip,
            policy=policy,
            calendar=calendar,
        )
        assert (c.first_response_due, c.solution_due, c.resolution_due) == (
            expected.first_response_due,
            expected.solution_due,
            expected.resolution_due,
        )
        assert c.next_due == sla.next_due(
            is_open=c.is_open,
            first_response_at=c.first_response_at,
            solution_agreed_at=c.solution_agreed_at,
            first_response_due=c.first_response_due,
            solution_due=c.solution_due,
            resolution_due=c.resolution_due,
        )
        assert c.urgent == bool(c.urgent_reasons)
        if c.is_open:
            assert c.closed_at is None and c.outcome is None
            if c.first_response_at is None:
                assert c.next_due == c.first_response_due
            elif c.solution_agreed_at is None:
                assert c.next_due == c.solution_due
            else:
                assert c.next_due == c.resolution_due
        else:
            assert c.next_due is None
            assert c.survey_due == rules.survey_window(c.closed_at, policy)[1]
            assert c.first_response_at <= c.solution_agreed_at <= c.closed_at < TEST_NOW
        if c.first_response_at:
            assert c.registration_time <= c.first_response_at <= TEST_NOW


def test_sla_engine_agrees(db, generated):
    """Recomputing every case with the SLA engine changes nothing."""
    ctx = sla.SlaContext.load()
    rules_by_subtype = {t.id: t.callback_rule for t in ComplaintType.select()}
    for case in Complaint.select():
        assert not sla.refresh_case(case, ctx, rules_by_subtype[case.subtype_id]), case.number


def test_progress_entries(db, generated):
    order = STAGES.codes()
    cases = {c.id: c for c in Complaint.select()}
    entries: dict[int, list] = {}
    for e in ProgressEntry.select().order_by(ProgressEntry.id):
        entries.setdefault(e.complaint_id, []).append(e)
    assert set(entries) == set(cases)
    for cid, items in entries.items():
        case = cases[cid]
        assert 1 <= len(items) <= 4
        stages = [order.index(e.stage) for e in items]
        assert stages == sorted(set(stages))
        times = [e.updated_at for e in items]
        assert times == sorted(times) and times[0] >= case.registration_time
        assert items[-1].stage == case.stage
        assert all(re.search(r"[\u4e00-\u9fff]", e.result) for e in items)
        if case.stage == "closed":
            assert items[-1].customer_feedback in (
                "satisfied",
                "basically_satisfied",
                "not_satisfied",
            )
            assert items[-1].updated_at == case.closed_at
        assert all(e.customer_feedback is None for e in items[:-1])


def test_surveys(db, generated):
    closed = Complaint.select().where(Complaint.stage == "closed").count()
    surveys = list(Survey.select().join(Complaint))
    assert 0.5 < len(surveys) / closed < 0.9
    aspects = set(SURVEY_ASPECTS.codes())
    for s in surveys:
        case = s.complaint
        assert case.stage == "closed"
        hours = (s.survey_time - case.closed_at).total_seconds() / 3600
        assert 24 <= hours <= 48 and s.survey_time <= TEST_NOW
        for score in (s.timeliness, s.effectiveness, s.attitude, s.overall):
            assert 1 <= score <= 5
        assert s.most_satisfied and set(s.most_satisfied.split(",")) <= aspects
        assert set(filter(None, s.needs_improvement.split(","))) <= aspects
        assert s.customer_name == case.customer_name
    mean = sum(s.overall for s in surveys) / len(surveys)
    assert mean > 3.5  # skewed positive


def test_numbers_and_day_sequence(db, generated):
    per_day: dict[str, list[int]] = {}
    for c in Complaint.select().order_by(Complaint.id):
        m = NUMBER.match(c.number)
        assert m, c.number
        assert m.group(1) == c.registration_time.strftime("%Y%m%d") or m.group(
            1
        ) == c.complaint_time.strftime("%Y%m%d")
        per_day.setdefault(m.group(1), []).append(int(m.group(2)))
    sequences = {d.day: d.last for d in DaySequence.select()}
    for day, numbers in per_day.items():
        assert numbers == list(range(1, len(numbers) + 1))
        assert sequences[day] == len(numbers)


def test_numbers_continue_after_existing_sequence(db, system_session):
    demo.generate(system_session, 40, seed=3)
    before = {d.day: d.last for d in DaySequence.select()}
    demo.generate(system_session, 40, seed=3)
    after = {d.day: d.last for d in DaySequence.select()}
    assert Complaint.select(fn.COUNT(fn.DISTINCT(Complaint.number))).scalar() == 80
    assert sum(after.values()) == 80
    assert all(after[d] >= before[d] for d in before)
    assert check.run_checks(system_session).ok


def test_staff_accounts(db, generated):
    staff = {u.username: u for u in User.select().where(User.username.startswith("demo_"))}
    assert {u.role for u in staff.values()} == {"clerk", "supervisor", "manager"}
    assert all(u.password_hash is None for u in staff.values())
    assert all(re.search(r"[\u4e00-\u9fff]", u.display_name) for u in staff.values())
    clerks = [u for u in staff.values() if u.role == "clerk"]
    assert all(u.supervisor_id is not None for u in clerks)
    linked = {link.user_id for link in UserDepartment.select()}
    assert all(u.id in linked for u in staff.values() if u.role != "manager")
    ids = {u.id for u in staff.values()}
    for c in Complaint.select(Complaint.receiver, Complaint.owner):
        assert c.receiver_id in ids and c.owner_id in ids


def _case_rows(url, clock_session):
    database, _, _ = prepare_database(url)
    try:
        demo.generate(clock_session, 120, seed=11)
        return [tuple(r) for r in Complaint.select().order_by(Complaint.id).tuples()], [
            tuple(r)[1:] for r in ProgressEntry.select().order_by(ProgressEntry.id).tuples()
        ]
    finally:
        database.close()


def test_same_seed_same_cases(tmp_path, clock):
    session = Session.system(clock)
    first = _case_rows(f"sqlite:///{tmp_path / 'one.db'}", session)
    second = _case_rows(f"sqlite:///{tmp_path / 'two.db'}", session)
    assert first == second
    assert len(first[0]) == 120


def test_progress_callback_can_stop(db, system_session):
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return False

    stats = demo.generate(system_session, 100, seed=1, progress=progress, chunk_size=30)
    assert calls == [(stats.cases, 100)]
    assert 0 < stats.cases < 100 == calls[0][1]
    assert Complaint.select().count() == stats.cases
    assert check.run_checks(system_session).ok


def test_admins_only(db, clock, manager_session):
    with pytest.raises(PermissionDenied):
        demo.generate(manager_session, 10)


def test_rows_cover_every_column():
    for model, columns in demo.TABLE_COLUMNS:
        assert set(columns) <= demo.model_columns(model)
        assert demo.model_columns(model) - set(columns) <= {"id"}


@pytest.mark.parametrize("name", ["demo", "open-queue"])
def test_bench_smoke(tmp_path, capsys, name):
    """``python -m bench NAME`` at a tiny size: a table, then one JSON line."""
    import json

    from bench.cli import main

    assert main([name, "--cases", "150", "--cache-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert result["benchmark"] == name
    assert result["ours_s"] > 0 and result["baseline_s"] > 0
    assert set(result) == {"benchmark", "ours_s", "baseline_s", "ratio", "goal", "met"}
    assert any("ours" in line and "baseline" in line for line in lines[:-1])


def test_owners_come_from_the_routing_rule(db, generated):
    """docs/rules.md#routing: each demo case's owner is the one the intake form's routing
    gives for its facts (a senior agent's pick depends on the open cases of the moment)."""
    subtypes = {t.id: t for t in ComplaintType.select()}
    seniors = {u.id for u in User.select().where(User.senior_agent)}
    rules_seen = set()
    for case in Complaint.select():
        found = routing.route_for(case, subtypes[case.subtype_id])
        rules_seen.add(found.rule)
        if found.rule == "senior_agent":
            assert case.owner_id in seniors and case.owner_id != case.subject_staff_id
        else:
            assert case.owner_id == found.owner, (case.number, found)
        if subtypes[case.subtype_id].handling_rule in ("staff_supervisor", "senior_agent"):
            assert case.subject_staff_id is not None
    assert {"receiver", "urgent", "staff_supervisor", "senior_agent", "level_iii"} <= rules_seen
