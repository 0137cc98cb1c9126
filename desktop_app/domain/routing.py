"""Who handles a new complaint: the routing rule of docs/rules.md#routing (seed 004 §五).

Pure: ``route(facts, staff)`` decides from the case's facts and a ``Staff`` directory that
answers "who supervises whom" questions. The registering service reads the directory from
the database (``services.routing``); the demo generator answers from its own staff lists, so
both route by this one rule.

Order of the rules (the first that applies decides):

1. urgent (by staff or an automatic rule): the receiver's direct supervisor; the
   customer-service manager when the receiver is a supervisor; a manager keeps it;
2. the subtype's handling rule: ``staff_supervisor`` → the direct supervisor of the staff
   member complained about; ``senior_agent`` → a senior agent (not the one complained
   about), the one with fewest open cases in the receiver's department, else any;
   ``risk_control`` → the supervisor of the subtype's handler department (risk control);
   ``supervisor`` → the receiver's direct supervisor;
3. level III because of a repeat complaint (升级投诉) or a VIP member → the receiver's
   direct supervisor;
4. otherwise the receiver (首问负责制), also for ``receiver_notify_merchant``.

A rule that cannot be met (no such person) falls back to the receiver's direct supervisor
(``fallback`` says so), then to a supervisor of the case's department, a manager, and last
the receiver: never an error at the counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# What decided the owner (stored in the audit entry, shown on the timeline): the codes
# of ``domain.vocab.ROUTE_RULES``.


class Staff(Protocol):
    """The staff directory routing asks."""

    def supervisor_of(self, user_id: int) -> int | None:
        """The active direct supervisor of ``user_id``, if any."""
        ...

    def role_of(self, user_id: int) -> str | None: ...

    def senior_agent(self, receiver: int, exclude: frozenset[int]) -> int | None:
        """An active senior agent not in ``exclude``: of those in a department of
        ``receiver`` the one with fewest open cases, else of all."""
        ...

    def department_supervisor(self, department_id: int | None) -> int | None:
        """An active supervisor of the department."""
        ...

    def manager(self) -> int | None:
        """The customer-service manager (setting ``escalation.manager_username``), else the
        first active manager."""
        ...


@dataclass(frozen=True)
class RouteFacts:
    receiver: int
    department_id: int | None  # the case's initial department
    handling_rule: str | None  # the subtype's
    handler_department_id: int | None  # the subtype's (risk control)
    urgent: bool = False
    member_tier: str = "regular"
    repeat: bool = False  # a repeat complaint after an unsatisfying handling
    subject_staff: int | None = None  # the staff member complained about (an account)


@dataclass(frozen=True)
class Route:
    owner: int
    rule: str  # a code of domain.vocab.ROUTE_RULES: the rule that applied
    fallback: bool = False  # the rule could not be met: the owner is a fallback


def route(facts: RouteFacts, staff: Staff) -> Route:
    """The owner of a new (or re-assessed) case; see the module documentation."""
    receiver = facts.receiver
    if facts.urgent:
        role = staff.role_of(receiver)
        if role in ("manager", "admin"):
            return Route(receiver, "urgent")
        if role == "supervisor":
            return _or_fallback(staff.manager(), "urgent", facts, staff)
        return _or_fallback(staff.supervisor_of(receiver), "urgent", facts, staff)
    rule = facts.handling_rule or "receiver"
    if rule == "staff_supervisor":
        boss = staff.supervisor_of(facts.subject_staff) if facts.subject_staff else None
        return _or_fallback(boss, rule, facts, staff)
    if rule == "senior_agent":
        exclude = frozenset({facts.subject_staff} if facts.subject_staff else ())
        return _or_fallback(staff.senior_agent(receiver, exclude), rule, facts, staff)
    if rule == "risk_control":
        boss = staff.department_supervisor(facts.handler_department_id)
        return _or_fallback(boss, rule, facts, staff)
    if rule == "supervisor":
        return _or_fallback(staff.supervisor_of(receiver), rule, facts, staff)
    if facts.repeat or facts.member_tier == "vip":
        return _or_fallback(staff.supervisor_of(receiver), "level_iii", facts, staff)
    return Route(receiver, "receiver")


def _or_fallback(owner: int | None, rule: str, facts: RouteFacts, staff: Staff) -> Route:
    if owner is not None:
        return Route(owner, rule)
    for candidate in (
        staff.supervisor_of(facts.receiver),
        staff.department_supervisor(facts.department_id),
        staff.manager(),
    ):
        if candidate is not None and candidate != facts.receiver:
            return Route(candidate, rule, fallback=True)
    return Route(facts.receiver, rule, fallback=True)
