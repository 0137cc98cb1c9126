"""Routing a case to its handler and reporting urgent cases up (docs/rules.md#routing).

``route_for(case, ...)`` applies ``domain.routing.route`` with the staff directory read from
the database; ``assign(session, case, ...)`` sets the owner and records why (the audit entry
the timeline shows: "assigned by rule: …"); ``report_up(session, case)`` raises, in the
caller's transaction, the reminders an urgent case and a notify department need. The
registering service and the re-assessment call these; the demo generator routes with the same
``domain.routing.route`` over its own staff lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from peewee import JOIN, SQL, fn

from desktop_app.db.connection import insert_row
from desktop_app.db.models import (
    Complaint,
    ComplaintType,
    Reminder,
    User,
    UserDepartment,
    database_proxy,
)
from desktop_app.domain import routing
from desktop_app.domain.routing import Route, RouteFacts
from desktop_app.services import audit
from desktop_app.services import notify as notify_service
from desktop_app.services import settings as settings_service
from desktop_app.services.session import Session

# Reminder kinds raised at registration (docs/rules.md#routing).
REPORTED_UP = "reported_up"
DEPARTMENT_NOTICE = "department_notice"


class DbStaff:
    """``domain.routing.Staff`` answered from the database (active accounts only). The
    escalation chain (``reminders``) asks it too, with the settings it already loaded as
    ``policy`` (else each named account's setting is read when asked)."""

    def __init__(self, policy: Mapping[str, Any] | None = None) -> None:
        self._users: dict[int, User | None] = {}
        self._policy = policy

    @property
    def policy(self) -> Mapping[str, Any] | None:
        """The settings given at creation (None: each is read when asked)."""
        return self._policy

    def _user(self, user_id: int) -> User | None:
        if user_id not in self._users:
            self._users[user_id] = User.get_or_none(User.id == user_id)
        return self._users[user_id]

    def supervisor_of(self, user_id: int) -> int | None:
        user = self._user(user_id)
        if user is None or user.supervisor_id is None:
            return None
        boss = self._user(user.supervisor_id)
        return boss.id if boss is not None and boss.active else None

    def role_of(self, user_id: int) -> str | None:
        user = self._user(user_id)
        return user.role if user is not None else None

    def senior_agent(self, receiver: int, exclude: frozenset[int]) -> int | None:
        open_cases = fn.COUNT(Complaint.id)
        base = (
            User.select(User.id, open_cases.alias("open_cases"))
            .join(
                Complaint,
                JOIN.LEFT_OUTER,
                # ``TRUE`` literally: the partial index of the open cases' owners.
                on=((Complaint.owner == User.id) & (Complaint.is_open == SQL("TRUE"))),
            )
            .where(User.senior_agent, User.active)
            .group_by(User.id)
            .order_by(open_cases, User.id)
        )
        if exclude:
            base = base.where(User.id.not_in(list(exclude)))
        departments = UserDepartment.select(UserDepartment.department).where(
            UserDepartment.user == receiver
        )
        near = UserDepartment.select(UserDepartment.user).where(
            UserDepartment.department.in_(departments)
        )
        for query in (base.where(User.id.in_(near)), base):
            first = query.first()
            if first is not None:
                return int(first.id)
        return None

    def department_supervisor(self, department_id: int | None) -> int | None:
        if department_id is None:
            return None
        boss = (
            User.select(User.id)
            .join(UserDepartment)
            .where(
                UserDepartment.department == department_id,
                User.role == "supervisor",
                User.active,
            )
            .order_by(User.id)
            .first()
        )
        return boss.id if boss else None

    def named(self, key: str) -> int | None:
        """The active account a setting names by user name (``escalation.…_username``)."""
        value = self._policy.get(key) if self._policy is not None else settings_service.get(key)
        name = str(value or "").strip()
        user = User.get_or_none(User.username == name, User.active) if name else None
        return user.id if user else None

    def manager(self) -> int | None:
        named = self.named("escalation.manager_username")
        if named is not None:
            return named
        first = (
            User.select(User.id)
            .where(User.role == "manager", User.active)
            .order_by(User.id)
            .first()
        )
        return first.id if first else None


def facts_for(case: Complaint, subtype: ComplaintType, *, repeat: bool = False) -> RouteFacts:
    return RouteFacts(
        receiver=case.receiver_id,
        department_id=case.department_id,
        handling_rule=subtype.handling_rule,
        handler_department_id=subtype.handler_department_id,
        urgent=bool(case.urgent),
        member_tier=case.member_tier,
        repeat=repeat or case.repeat_of_id is not None,
        subject_staff=case.subject_staff_id,
    )


def route_for(
    case: Complaint, subtype: ComplaintType, *, repeat: bool = False, staff: DbStaff | None = None
) -> Route:
    """Who handles ``case`` by the routing rule (nothing written)."""
    return routing.route(facts_for(case, subtype, repeat=repeat), staff or DbStaff())


def record(session: Session, case: Complaint, found: Route) -> None:
    """The audit entry of a routing decision (the timeline shows it)."""
    owner = User.get_or_none(User.id == found.owner)
    audit.record(
        session,
        "complaint_routed",
        "complaint",
        case.id,
        rule=found.rule,
        owner=owner.username if owner else found.owner,
        fallback=found.fallback,
    )


def report_up(
    session: Session,
    case: Complaint,
    now: dt.datetime,
    *,
    subtype: ComplaintType | None = None,
    staff: DbStaff | None = None,
) -> list[int]:
    """Raise the reminders of docs/rules.md#routing for a saved case, in the caller's
    transaction: an urgent case is reported to the receiver's direct supervisor and to the
    customer-service manager; a subtype with a notify department tells that department's
    supervisor. Returns the reminder ids created (none twice for one case and person)."""
    if subtype is None or subtype.id != case.subtype_id:
        subtype = ComplaintType.get_by_id(case.subtype_id)
    if not case.urgent and subtype.notify_department_id is None:
        return []  # nothing to tell anyone (most cases): no query
    staff = staff or DbStaff()
    wanted: list[tuple[str, str, int | None, int | None]] = []
    if case.urgent:
        boss = staff.supervisor_of(case.receiver_id)
        for target, person in (("supervisor", boss), ("manager", staff.manager())):
            wanted.append((REPORTED_UP, target, person, case.department_id))
    if subtype.notify_department_id is not None:
        wanted.append(
            (
                DEPARTMENT_NOTICE,
                "department",
                staff.department_supervisor(subtype.notify_department_id),
                subtype.notify_department_id,
            )
        )
    created: list[int] = []
    reported = False
    told: set[tuple[str, int]] = set()
    for kind, target, person, department in wanted:
        if person is None or person == case.receiver_id or (kind, person) in told:
            continue
        told.add((kind, person))
        key = f"{kind}:{target}:{case.id}:{person}"
        # Plain SQL (it runs on most saves of an urgent case); none twice per fire key.
        reminder_id = insert_row(
            database_proxy.obj,
            "reminder",
            {
                "complaint_id": case.id,
                "kind": kind,
                "target": None,
                "due_at": Reminder.due_at.db_value(case.first_response_due),
                "fire_key": key,
                "recipient_id": person,
                "department_id": department,
                "message": case.number,
                "created_at": Reminder.created_at.db_value(now),
            },
            ignore=True,
        )
        if reminder_id is not None:
            created.append(reminder_id)
            if kind == REPORTED_UP:
                reported = True
    if reported:
        # The group robot hears of an urgent case once (docs/rules.md#group-robot-notifications).
        policy = dict(staff.policy) if staff.policy is not None else settings_service.load_all()
        notify_service.enqueue(policy, "urgent", case.id, f"urgent:{case.id}", now)
    return created
