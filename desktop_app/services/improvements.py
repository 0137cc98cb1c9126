"""Improvement actions (持续改进, docs/rules.md#improvement-actions): a manager records what will be
done about a recurring problem (problem, plan, responsible department, deadline, status), linked to
the complaint types or cases that caused it, and tracks the actions month by month.

Managers and administrators only. Every change is written to the audit log in the same
transaction.

Statuses: ``planned`` → ``in_progress`` → ``done``, or ``cancelled``
(``vocab.IMPROVEMENT_STATUS``); a manager may set any of them at any time (a wrong
"done" can be taken back), the audit log keeps each change.

An action belongs to a period when it was active at some time during it: created before the
period ended, and either still open (planned or in progress) or last changed on or after
the period's first day (so an action finished before the period started is not listed
again). ``overdue`` means still open with its deadline before today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from peewee import JOIN

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    Complaint,
    ComplaintType,
    Department,
    ImprovementAction,
    ImprovementLink,
    User,
    database_proxy,
)
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import IMPROVEMENT_STATUS
from desktop_app.services import audit
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError, service
from desktop_app.services.permissions import require_manager
from desktop_app.services.session import Session

MAX_TEXT = 2000
OPEN_STATUSES = ("planned", "in_progress")


@dataclass(frozen=True)
class ImprovementInfo:
    id: int
    problem: str
    plan: str
    department: str  # code
    department_zh: str
    department_en: str
    deadline: dt.date | None
    status: str  # code of vocab.IMPROVEMENT_STATUS
    created_by: str  # user name
    created_at: dt.datetime
    updated_at: dt.datetime
    type_codes: tuple[str, ...]
    case_ids: tuple[int, ...]
    case_numbers: tuple[str, ...]
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "problem": self.problem,
            "plan": self.plan,
            "department": self.department,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "status": self.status,
            "overdue": self.overdue,
            "types": list(self.type_codes),
            "cases": list(self.case_numbers),
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(sep=" "),
            "updated_at": self.updated_at.isoformat(sep=" "),
        }


# --- validation -------------------------------------------------------------------------


def _text(value: object, field: str, label: str) -> str:
    text = (value or "").strip() if isinstance(value, str | type(None)) else None
    if text is None:
        raise ValidationError(msg("The {label} must be text."), field=field, label=label)
    if not text:
        raise ValidationError(msg("Enter the {label}."), field=field, label=label)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            msg("The {label} is longer than {max} characters."),
            field=field,
            label=label,
            max=MAX_TEXT,
        )
    return text


def _deadline(value: object) -> dt.date:
    if value is None or value == "":
        raise ValidationError(msg("Enter the deadline."), field="deadline")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(
        msg("The deadline {value!r} is not a date (YYYY-MM-DD)."), field="deadline", value=value
    )


def _status(value: object) -> str:
    term = IMPROVEMENT_STATUS.parse(value) if isinstance(value, str) else None
    if term is None:
        raise ValidationError(
            msg("Unknown status {value!r}; one of {known}."),
            field="status",
            value=value,
            known=", ".join(IMPROVEMENT_STATUS.codes()),
        )
    return term.code


def _department(code_or_name: object) -> Department:
    text = (code_or_name or "").strip() if isinstance(code_or_name, str) else ""
    if not text:
        raise ValidationError(msg("Choose the responsible department."), field="department")
    dept = Department.get_or_none(
        (Department.code == text) | (Department.name_zh == text) | (Department.name_en == text)
    )
    if dept is None:
        known = ", ".join(d.code for d in Department.select().order_by(Department.sort_order))
        raise ValidationError(
            msg("Unknown department {name!r}; known departments: {known}."),
            field="department",
            name=text,
            known=known,
        )
    return dept


def _types(codes: Iterable[str]) -> list[ComplaintType]:
    wanted = list(dict.fromkeys(str(c).strip() for c in codes))
    found = {t.code: t for t in ComplaintType.select().where(ComplaintType.code.in_(wanted))}
    unknown = [c for c in wanted if c not in found]
    if unknown:
        raise ValidationError(
            msg("Unknown complaint type {codes}."), field="types", codes=", ".join(unknown)
        )
    return [found[c] for c in wanted]


def _cases(ids: Iterable[int]) -> list[int]:
    try:
        wanted = list(dict.fromkeys(int(i) for i in ids))
    except (TypeError, ValueError):
        raise ValidationError(msg("Case ids must be numbers."), field="cases") from None
    found = {c.id for c in Complaint.select(Complaint.id).where(Complaint.id.in_(wanted))}
    unknown = [str(i) for i in wanted if i not in found]
    if unknown:
        raise ValidationError(
            msg("No case has the id {ids}."), field="cases", ids=", ".join(unknown)
        )
    return wanted


# --- reading ----------------------------------------------------------------------------


def _infos(actions: list[ImprovementAction], today: dt.date) -> list[ImprovementInfo]:
    """Infos for a few actions: their links come in one query."""
    ids = [a.id for a in actions]
    types: dict[int, list[str]] = {i: [] for i in ids}
    cases: dict[int, list[tuple[int, str]]] = {i: [] for i in ids}
    if ids:
        # (action id, type code, case id, case number): a link has a type or a case.
        links = cast(
            Iterable[tuple[int, str | None, int | None, str | None]],
            ImprovementLink.select(
                ImprovementLink.action, ComplaintType.code, Complaint.id, Complaint.number
            )
            .join(
                ComplaintType,
                join_type=JOIN.LEFT_OUTER,
                on=(ImprovementLink.complaint_type == ComplaintType.id),
            )
            .switch(ImprovementLink)
            .join(
                Complaint, join_type=JOIN.LEFT_OUTER, on=(ImprovementLink.complaint == Complaint.id)
            )
            .where(ImprovementLink.action.in_(ids))
            .order_by(ImprovementLink.id)
            .tuples(),
        )
        for action_id, type_code, case_id, number in links:
            if type_code is not None:
                types[action_id].append(type_code)
            if case_id is not None and number is not None:  # a case has a number
                cases[action_id].append((case_id, number))
    departments = {d.id: d for d in Department.select()}
    users: dict[int, str] = (
        dict(
            cast(
                Iterable[tuple[int, str]],
                User.select(User.id, User.username)
                .where(User.id.in_({a.created_by_id for a in actions}))
                .tuples(),
            )
        )
        if actions
        else {}
    )
    result = []
    for a in actions:
        dept = departments[a.department_id]
        deadline = a.deadline
        if isinstance(deadline, str):  # SQLite hands back text
            deadline = dt.date.fromisoformat(deadline)
        result.append(
            ImprovementInfo(
                a.id,
                a.problem,
                a.plan,
                dept.code,
                dept.name_zh,
                dept.name_en,
                deadline,
                a.status,
                users.get(a.created_by_id, ""),
                a.created_at,
                a.updated_at,
                tuple(types[a.id]),
                tuple(i for i, _ in cases[a.id]),
                tuple(n for _, n in cases[a.id]),
                a.status in OPEN_STATUSES and deadline is not None and deadline < today,
            )
        )
    return result


def actions_in_period(
    start_at: dt.datetime | None,
    end_before: dt.datetime | None,
    *,
    department_id: int | None,
    today: dt.date,
) -> list[ImprovementInfo]:
    """The actions active during ``[start_at, end_before)`` (see the module doc), deadline
    order. No permission check: for the services that already made one (the KPI report)."""
    query = ImprovementAction.select()
    if end_before is not None:
        query = query.where(ImprovementAction.created_at < end_before)
    if start_at is not None:
        query = query.where(
            ImprovementAction.status.in_(OPEN_STATUSES) | (ImprovementAction.updated_at >= start_at)
        )
    if department_id is not None:
        query = query.where(ImprovementAction.department == department_id)
    # Deadline order; actions without one (none are created so, older rows may) last.
    query = query.order_by(
        ImprovementAction.deadline.is_null(), ImprovementAction.deadline, ImprovementAction.id
    )
    return _infos(list(query), today)


def _bounds(
    start: dt.date | None, end: dt.date | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    if start is not None and end is not None and end < start:
        raise ValidationError(msg("The period ends before it starts."), field="period")
    start_at = dt.datetime.combine(start, dt.time()) if start is not None else None
    end_before = (
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time()) if end is not None else None
    )
    return start_at, end_before


@service
def list_actions(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    department_code: str | None = None,
) -> list[ImprovementInfo]:
    """The actions active during the period (both days included; an open bound is
    unlimited), optionally of one department, in deadline order."""
    require_manager(session)
    start_at, end_before = _bounds(start, end)
    dept = _department(department_code) if department_code is not None else None
    return actions_in_period(
        start_at, end_before, department_id=dept.id if dept else None, today=session.now().date()
    )


@service
def get_action(session: Session, action_id: int) -> ImprovementInfo:
    require_manager(session)
    action = ImprovementAction.get_or_none(ImprovementAction.id == action_id)
    if action is None:
        raise NotFound(msg("No improvement action has the id {id}."), id=action_id)
    return _infos([action], session.now().date())[0]


# --- writing ----------------------------------------------------------------------------


def _replace_links(
    action: ImprovementAction, types: list[ComplaintType] | None, case_ids: list[int] | None
) -> None:
    if types is not None:
        ImprovementLink.delete().where(
            ImprovementLink.action == action.id, ImprovementLink.complaint_type.is_null(False)
        ).execute()
        for t in types:
            ImprovementLink.create(action=action, complaint_type=t)
    if case_ids is not None:
        ImprovementLink.delete().where(
            ImprovementLink.action == action.id, ImprovementLink.complaint.is_null(False)
        ).execute()
        for case_id in case_ids:
            ImprovementLink.create(action=action, complaint=case_id)


@service
def create_action(
    session: Session,
    problem: str,
    plan: str,
    department_code: str,
    deadline: dt.date | str,
    status: str = "planned",
    type_codes: Iterable[str] = (),
    case_ids: Iterable[int] = (),
) -> ImprovementInfo:
    """Record an improvement action, linked to complaint types (codes of categories or
    subtypes) and/or cases (ids)."""
    require_manager(session)
    if session.user_id is None:
        raise PermissionDenied(
            msg(
                "Sign in as a manager to record improvement actions: the action keeps who recorded it."
            )
        )
    problem = _text(problem, "problem", "problem")
    plan = _text(plan, "plan", "plan")
    with write_lock(database_proxy.obj):
        dept = _department(department_code)
        day = _deadline(deadline)
        code = _status(status)
        types = _types(type_codes)
        cases = _cases(case_ids)
        now = session.now()
        action = ImprovementAction.create(
            problem=problem,
            plan=plan,
            department=dept,
            deadline=day,
            status=code,
            created_by=session.user_id,
            created_at=now,
            updated_at=now,
        )
        _replace_links(action, types, cases)
        audit.record(
            session,
            "improvement_create",
            "improvement_action",
            action.id,
            department=dept.code,
            deadline=day.isoformat(),
            status=code,
            types=[t.code for t in types],
            cases=cases,
        )
        return _infos([action], now.date())[0]


@service
def update_action(
    session: Session,
    action_id: int,
    *,
    problem: str | None = None,
    plan: str | None = None,
    department_code: str | None = None,
    deadline: dt.date | str | None = None,
    status: str | None = None,
    type_codes: Iterable[str] | None = None,
    case_ids: Iterable[int] | None = None,
) -> ImprovementInfo:
    """Change an action; ``None`` leaves a field as it is. ``type_codes`` / ``case_ids``
    replace the links of that kind (an empty list removes them)."""
    require_manager(session)
    changes: dict[str, str | dt.date | Department] = {}
    if problem is not None:
        changes["problem"] = _text(problem, "problem", "problem")
    if plan is not None:
        changes["plan"] = _text(plan, "plan", "plan")
    with write_lock(database_proxy.obj):
        action = ImprovementAction.get_or_none(ImprovementAction.id == action_id)
        if action is None:
            raise NotFound(msg("No improvement action has the id {id}."), id=action_id)
        if department_code is not None:
            changes["department"] = _department(department_code)
        if deadline is not None:
            changes["deadline"] = _deadline(deadline)
        if status is not None:
            changes["status"] = _status(status)
        types = _types(type_codes) if type_codes is not None else None
        cases = _cases(case_ids) if case_ids is not None else None
        details: dict[str, Any] = {}  # audit details by name
        for name, value in changes.items():
            old = getattr(action, name + "_id") if name == "department" else getattr(action, name)
            new = value.id if isinstance(value, Department) else value
            if isinstance(old, str) and isinstance(new, dt.date):
                old = dt.date.fromisoformat(old)
            if old != new:
                details[name] = {"old": old, "new": new}
                setattr(action, name, value)
        if "department" in details:
            details["department"] = {
                "old": Department.get_by_id(details["department"]["old"]).code,
                "new": cast(Department, changes["department"]).code,
            }
        if types is not None:
            details["types"] = [t.code for t in types]
        if cases is not None:
            details["cases"] = cases
        now = session.now()
        if details:
            action.updated_at = now
            action.save()
            _replace_links(action, types, cases)
            audit.record(session, "improvement_update", "improvement_action", action.id, **details)
        return _infos([action], now.date())[0]
