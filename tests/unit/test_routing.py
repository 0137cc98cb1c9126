"""Routing (docs/rules.md#routing): the rule alone over a small staff directory."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.routing import Route, RouteFacts, route

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
