"""Routing (docs/rules.md#routing): the rule alone over a small staff directory."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from desktop_app.db.models import AuditLog, Complaint, Reminder, User
from desktop_app.domain.routing import Route, RouteFacts, route
from desktop_app.services import intake
from tests.helpers.fixtures import make_user
from tests.unit.test_intake import good_form

CLERK, OTHER_CLERK, SUPER, OPS_CLERK, OPS_SUPER, RISK_SUPER, MANAGER, SENIOR_A, SENIOR_B = range(
    1, 10
)
CS, OPS, RISK = 100, 200, 300


@dataclass
class Directory:
    supervisors: dict[int, int] = field(
        default_factory=lambda: {
            CLERK: SUPER,
            OTHER_CLERK: SUPER,
            OPS_CLERK: OPS_SUPER,
            SENIOR_A: SUPER,
            SENIOR_B: OPS_SUPER,
            SUPER: MANAGER,
        }
    )
    roles: dict[int, str] = field(
        default_factory=lambda: {SUPER: "supervisor", OPS_SUPER: "supervisor", MANAGER: "manager"}
    )
    seniors: dict[int, int] = field(default_factory=lambda: {SENIOR_A: 5, SENIOR_B: 1})
    near: dict[int, set[int]] = field(default_factory=lambda: {CLERK: {SENIOR_A}})
    department_supervisors: dict[int, int] = field(
        default_factory=lambda: {CS: SUPER, OPS: OPS_SUPER, RISK: RISK_SUPER}
    )
    the_manager: int | None = MANAGER

    def supervisor_of(self, user_id: int) -> int | None:
        return self.supervisors.get(user_id)

    def role_of(self, user_id: int) -> str | None:
        return self.roles.get(user_id, "clerk")

    def senior_agent(self, receiver: int, exclude: frozenset[int]) -> int | None:
        pool = {u: n for u, n in self.seniors.items() if u not in exclude}
        close = {u: n for u, n in pool.items() if u in self.near.get(receiver, set())}
        for group in (close, pool):
            if group:
                return min(group, key=lambda u: (group[u], u))
        return None

    def department_supervisor(self, department_id: int | None) -> int | None:
        return self.department_supervisors.get(department_id) if department_id else None

    def manager(self) -> int | None:
        return self.the_manager


def facts(rule: str = "receiver", **kw) -> RouteFacts:
    base: dict = {
        "receiver": CLERK,
        "department_id": CS,
        "handling_rule": rule,
        "handler_department_id": RISK if rule == "risk_control" else None,
    }
    base.update(kw)
    return RouteFacts(**base)


def test_plain_case_stays_with_the_receiver():
    assert route(facts(), Directory()) == Route(CLERK, "receiver")
    assert route(facts("receiver_notify_merchant"), Directory()) == Route(CLERK, "receiver")


def test_urgent_goes_to_the_receivers_supervisor_or_from_a_supervisor_to_the_manager():
    assert route(facts(urgent=True), Directory()) == Route(SUPER, "urgent")
    assert route(facts(urgent=True, receiver=SUPER), Directory()) == Route(MANAGER, "urgent")
    assert route(facts(urgent=True, receiver=MANAGER), Directory()) == Route(MANAGER, "urgent")
    # Urgent wins over the subtype's rule.
    assert route(facts("senior_agent", urgent=True), Directory()) == Route(SUPER, "urgent")


def test_staff_attitude_goes_to_the_supervisor_of_the_staff_member_complained_about():
    found = route(facts("staff_supervisor", subject_staff=OPS_CLERK), Directory())
    assert found == Route(OPS_SUPER, "staff_supervisor")
    # Free text (no account): the receiver's supervisor, said to be a fallback.
    assert route(facts("staff_supervisor"), Directory()) == Route(
        SUPER, "staff_supervisor", fallback=True
    )


def test_staff_efficiency_goes_to_a_near_senior_agent_with_fewest_cases_never_the_subject():
    assert route(facts("senior_agent"), Directory()) == Route(SENIOR_A, "senior_agent")
    # The near one is the one complained about: the least busy of the others.
    assert route(facts("senior_agent", subject_staff=SENIOR_A), Directory()) == Route(
        SENIOR_B, "senior_agent"
    )
    assert route(facts("senior_agent", receiver=OTHER_CLERK), Directory()) == Route(
        SENIOR_B, "senior_agent"
    )
    nobody = Directory(seniors={})
    assert route(facts("senior_agent"), nobody) == Route(SUPER, "senior_agent", fallback=True)


def test_account_security_goes_to_risk_control():
    assert route(facts("risk_control"), Directory()) == Route(RISK_SUPER, "risk_control")


def test_vip_and_repeat_complaints_go_to_the_receivers_supervisor():
    assert route(facts(member_tier="vip"), Directory()) == Route(SUPER, "level_iii")
    assert route(facts(repeat=True), Directory()) == Route(SUPER, "level_iii")


def test_a_rule_that_cannot_be_met_falls_back_and_never_fails():
    lonely = Directory(supervisors={}, department_supervisors={}, the_manager=None)
    assert route(facts(urgent=True), lonely) == Route(CLERK, "urgent", fallback=True)
    no_boss = Directory(supervisors={})
    assert route(facts(urgent=True), no_boss) == Route(SUPER, "urgent", fallback=True)
    no_risk = Directory(department_supervisors={CS: SUPER})
    assert route(facts("risk_control", receiver=OPS_CLERK), no_risk) == Route(
        OPS_SUPER, "risk_control", fallback=True
    )


# --- registration routes and reports up (services/intake.py, services/routing.py) --------


@pytest.fixture
def office(system_session, clerk_session):
    """super1 supervises clerk1 (customer service); ops has its own supervisor and clerk;
    risk control a supervisor; a senior agent in customer service; manager1."""
    make_user(system_session, "manager1", "manager", departments=())
    make_user(system_session, "opsboss", "supervisor", departments=("operations",))
    make_user(
        system_session, "opsclerk", "clerk", departments=("operations",), supervisor="opsboss"
    )
    make_user(system_session, "riskboss", "supervisor", departments=("risk_control",))
    make_user(system_session, "senior1", "clerk", supervisor="super1")
    User.update(senior_agent=True).where(User.username == "senior1").execute()
    return clerk_session


def _register(session, **changes):
    form = good_form(**changes)
    done = intake.register_complaint(session, form)
    return done, Complaint.get_by_id(done.id)


def _owner(case) -> str:
    return User.get_by_id(case.owner_id).username


def _reminders(case) -> set[tuple[str, str]]:
    return {
        (r.kind, User.get_by_id(r.recipient_id).username)
        for r in Reminder.select().where(Reminder.complaint == case.id)
    }


def test_registration_routes_each_seed_004_scenario(office):
    done, case = _register(
        office, type="service_attitude", subtype="staff_attitude", subject_staff="opsclerk"
    )
    assert (_owner(case), done.route_rule, case.receiver_id) == (
        "opsboss",
        "staff_supervisor",
        office.user_id,
    )
    assert case.subject_staff_id == User.get(username="opsclerk").id
    _done, case = _register(
        office, type="service_attitude", subtype="staff_efficiency", subject_staff="小王"
    )
    assert _owner(case) == "senior1" and case.subject_staff_name == "小王"
    _done, case = _register(office, type="member_rights", subtype="account_security")
    assert _owner(case) == "riskboss" and case.level == 3
    _done, case = _register(office, type="service_attitude", subtype="merchant_attitude")
    assert _owner(case) == "clerk1"
    assert _reminders(case) == set()  # merchant maintenance has no supervisor here
    _done, case = _register(office)
    assert _owner(case) == "clerk1" and _reminders(case) == set()


def test_urgent_case_goes_to_the_supervisor_and_is_reported_up_at_once(office):
    done, case = _register(office, urgency="urgent")
    assert _owner(case) == "super1" and done.route_rule == "urgent" and case.urgent
    assert _reminders(case) == {("reported_up", "super1"), ("reported_up", "manager1")}
    assert done.reported_up == 2
    entry = AuditLog.get(AuditLog.action == "complaint_routed", AuditLog.entity_id == case.id)
    assert '"rule": "urgent"' in entry.details and "super1" in entry.details


def test_notify_department_gets_a_notice(office, system_session):
    make_user(system_session, "mmboss", "supervisor", departments=("merchant_maintenance",))
    _done, case = _register(office, type="member_rights", subtype="merchant_infringement")
    assert _owner(case) == "clerk1"
    assert _reminders(case) == {("department_notice", "mmboss")}


def test_staff_attitude_needs_the_staff_member(office):
    with pytest.raises(intake.FormInvalid) as caught:
        _register(office, type="service_attitude", subtype="staff_attitude")
    assert caught.value.field == "subject_staff"
    assert Complaint.select().count() == 0


def test_vip_member_goes_to_the_supervisor_at_level_iii(office):
    _done, case = _register(office, member_tier="vip")
    assert (_owner(case), case.level) == ("super1", 3)


def test_repeat_complaint_links_the_earlier_case_and_is_level_iii(office):
    first, _case = _register(office)
    done, case = _register(
        office, customer_id=first.customer_id, repeat_complaint=True, repeat_of=first.id
    )
    assert (case.repeat_of_id, case.level, _owner(case), done.route_rule) == (
        first.id,
        3,
        "super1",
        "level_iii",
    )
    with pytest.raises(intake.FormInvalid) as caught:
        _register(office, repeat_complaint=True, repeat_of=first.id)  # no customer picked
    assert caught.value.field == "repeat_complaint"


def test_a_repeat_complaint_cannot_link_a_case_the_clerk_may_not_see(office, system_session):
    other = make_user(system_session, "opsclerk2", "clerk", departments=("operations",))
    theirs, _case = _register(other, department="operations")
    with pytest.raises(intake.FormInvalid) as caught:
        _register(
            office, customer_id=theirs.customer_id, repeat_complaint=True, repeat_of=theirs.id
        )
    assert caught.value.field == "repeat_complaint"
    assert Complaint.select().count() == 1
