"""Improvement actions (持续改进, docs/rules.md#improvement-actions): a manager records what will be
done about a recurring problem (problem, plan, responsible department, deadline, status), linked to
the complaint types or cases that caused it, and tracks the actions month by month.

Managers and administrators may read and change every action; a supervisor those of their
own departments (docs/rules.md#improvement-actions). Every change is written to the audit
log in the same transaction.

An action links complaint types, cases and product names; it has a responsible department
and person, monthly follow-ups (what was done, the status then: ``record_follow_up``) and
an effect the program computes (``effect``): the linked subtypes' and products' complaint
volume and satisfaction in the three months before the action started and in each month
since.

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

from peewee import JOIN, fn

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    Complaint,
    ComplaintType,
    Department,
    ImprovementAction,
    ImprovementFollowUp,
    ImprovementLink,
    Survey,
    User,
    UserDepartment,
    database_proxy,
)
from desktop_app.domain import periods
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import IMPROVEMENT_STATUS
from desktop_app.services import access, audit
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError, service
from desktop_app.services.permissions import require_role
from desktop_app.services.session import Session

MAX_TEXT = 2000
MAX_PRODUCT = 120
OPEN_STATUSES = ("planned", "in_progress")
# How many months before the action's start the effect shows.
MONTHS_BEFORE = 3


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
    products: tuple[str, ...] = ()
    responsible: str = ""  # user name ("" when none)
    responsible_name: str = ""  # display name

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
    products: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        # (action id, type code, case id, case number, product): a link has one of them.
        links = cast(
            Iterable[tuple[int, str | None, int | None, str | None, str | None]],
            ImprovementLink.select(
                ImprovementLink.action,
                ComplaintType.code,
                Complaint.id,
                Complaint.number,
                ImprovementLink.product,
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
        for action_id, type_code, case_id, number, product in links:
            if product:
                products[action_id].append(product)
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
                .where(
                    User.id.in_(
                        {a.created_by_id for a in actions}
                        | {a.responsible_id for a in actions if a.responsible_id}
                    )
                )
                .tuples(),
            )
        )
        if actions
        else {}
    )
    responsible = {a.responsible_id for a in actions if a.responsible_id}
    names: dict[int, str] = (
        dict(
            cast(
                Iterable[tuple[int, str]],
                User.select(User.id, User.display_name).where(User.id.in_(responsible)).tuples(),
            )
        )
        if responsible
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
                tuple(products[a.id]),
                users.get(a.responsible_id, "") if a.responsible_id else "",
                names.get(a.responsible_id, "") if a.responsible_id else "",
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
    require_role(session, *READERS)
    start_at, end_before = _bounds(start, end)
    dept = _department(department_code) if department_code is not None else None
    found = actions_in_period(
        start_at, end_before, department_id=dept.id if dept else None, today=session.now().date()
    )
    if session.is_supervisor:
        own = _own_department_codes(session)
        found = [a for a in found if a.department in own]
    return found


@service
def get_action(session: Session, action_id: int) -> ImprovementInfo:
    return _infos([_readable(session, action_id)], session.now().date())[0]


# docs/rules.md#improvement-actions: who reads and changes actions.
READERS = ("supervisor", "manager", "admin")


def case_actions(session: Session, case: Complaint) -> list[ImprovementInfo]:
    """The actions linked to ``case`` that ``session`` may read (managers and
    administrators all, a supervisor those of their departments, clerks none), oldest
    first. The caller checked that the session may see the case (``access.may_see``)."""
    if session.role not in READERS:
        return []
    query = (
        ImprovementAction.select()
        .join(ImprovementLink, on=(ImprovementLink.action == ImprovementAction.id))
        .where(ImprovementLink.complaint == case.id)
        .distinct()
        .order_by(ImprovementAction.id)
    )
    if session.is_supervisor:
        query = query.where(ImprovementAction.department.in_(list(session.department_ids)))
    return _infos(list(query), session.now().date())


@service
def actions_of_case(session: Session, case_id: int) -> list[ImprovementInfo]:
    """The improvement actions linked to a case the session may see (docs/rules.md#roles-and-access),
    as ``case_actions`` filters them; a case out of sight is refused as ``cases.get_case``
    refuses it."""
    case = Complaint.get_or_none(Complaint.id == case_id)
    if case is None:
        raise NotFound(msg("No case has the id {id}."), id=case_id)
    if not access.may_see(session, case):
        raise PermissionDenied(msg("Case {number} is outside your queues."), number=case.number)
    return case_actions(session, case)


def _own_department_codes(session: Session) -> set[str]:
    return {d.code for d in Department.select().where(Department.id.in_(session.department_ids))}


def _check_department(session: Session, department_id: int) -> None:
    """Managers and admins: any department; a supervisor: their own only."""
    require_role(session, *READERS)
    if session.is_supervisor and department_id not in session.department_ids:
        raise PermissionDenied(
            msg("A supervisor may change the improvement actions of their own departments only.")
        )


def _readable(session: Session, action_id: int) -> ImprovementAction:
    require_role(session, *READERS)
    action = ImprovementAction.get_or_none(ImprovementAction.id == action_id)
    if action is None or (
        session.is_supervisor and action.department_id not in session.department_ids
    ):
        raise NotFound(msg("No improvement action has the id {id}."), id=action_id)
    return action


# --- writing ----------------------------------------------------------------------------


def _products(names: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(" ".join(str(n).split()) for n in names))
    wanted = [n for n in wanted if n]
    for name in wanted:
        if len(name) > MAX_PRODUCT:
            raise ValidationError(
                msg("A product name is longer than {max} characters."),
                field="products",
                max=MAX_PRODUCT,
            )
    return wanted


def _responsible(username: str | None, department: Department) -> int | None:
    """The responsible person's id: an active account of the department (or a manager)."""
    text = (username or "").strip()
    if not text:
        return None
    user = User.get_or_none((User.username == text) & User.active)
    member = user is not None and (
        user.role in ("manager", "admin")
        or UserDepartment.select()
        .where((UserDepartment.user == user.id) & (UserDepartment.department == department.id))
        .exists()
    )
    if user is None or not member:
        raise ValidationError(
            msg("{name!r} is not an active account of the responsible department."),
            field="responsible",
            name=text,
        )
    return user.id


def _replace_products(action: ImprovementAction, products: list[str] | None) -> None:
    if products is None:
        return
    ImprovementLink.delete().where(
        ImprovementLink.action == action.id, ImprovementLink.product.is_null(False)
    ).execute()
    for name in products:
        ImprovementLink.create(action=action, product=name)


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
    products: Iterable[str] = (),
    responsible: str | None = None,
) -> ImprovementInfo:
    """Record an improvement action, linked to complaint types (codes of categories or
    subtypes), cases (ids) and products (names); ``responsible``: a user name of the
    department. A supervisor records actions of their own departments."""
    require_role(session, *READERS)
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
        _check_department(session, dept.id)
        day = _deadline(deadline)
        code = _status(status)
        types = _types(type_codes)
        cases = _cases(case_ids)
        names = _products(products)
        person = _responsible(responsible, dept)
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
            responsible=person,
        )
        _replace_links(action, types, cases)
        _replace_products(action, names)
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
            products=names,
            responsible=(responsible or "").strip() or None,
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
    products: Iterable[str] | None = None,
    responsible: str | None = None,
) -> ImprovementInfo:
    """Change an action; ``None`` leaves a field as it is. ``type_codes`` / ``case_ids`` /
    ``products`` replace the links of that kind (an empty list removes them);
    ``responsible`` "" removes the person. A supervisor changes actions of their own
    departments (and cannot hand one to another department)."""
    require_role(session, *READERS)
    changes: dict[str, str | dt.date | Department] = {}
    if problem is not None:
        changes["problem"] = _text(problem, "problem", "problem")
    if plan is not None:
        changes["plan"] = _text(plan, "plan", "plan")
    with write_lock(database_proxy.obj):
        action = ImprovementAction.get_or_none(ImprovementAction.id == action_id)
        if action is None:
            raise NotFound(msg("No improvement action has the id {id}."), id=action_id)
        _check_department(session, action.department_id)
        if department_code is not None:
            changes["department"] = _department(department_code)
            _check_department(session, cast(Department, changes["department"]).id)
        if deadline is not None:
            changes["deadline"] = _deadline(deadline)
        if status is not None:
            changes["status"] = _status(status)
        types = _types(type_codes) if type_codes is not None else None
        cases = _cases(case_ids) if case_ids is not None else None
        names = _products(products) if products is not None else None
        details: dict[str, Any] = {}  # audit details by name
        if responsible is not None:
            dept = cast(Department, changes.get("department") or action.department)
            person = _responsible(responsible, dept)
            if person != action.responsible_id:
                details["responsible"] = {
                    "old": (
                        User.get_by_id(action.responsible_id).username
                        if action.responsible_id
                        else None
                    ),
                    "new": (responsible or "").strip() or None,
                }
                action.responsible_id = person
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
        if names is not None:
            details["products"] = names
        now = session.now()
        if details:
            action.updated_at = now
            action.save()
            _replace_links(action, types, cases)
            _replace_products(action, names)
            audit.record(session, "improvement_update", "improvement_action", action.id, **details)
        return _infos([action], now.date())[0]


# --- monthly follow-ups (docs/rules.md#improvement-actions) -------------------------------


@dataclass(frozen=True)
class FollowUpInfo:
    month: dt.date  # the month's first day
    done: str
    status: str
    recorded_by: str  # user name
    recorded_at: dt.datetime


def _month(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.date.fromisoformat(text if len(text) > 7 else text + "-01")
        except ValueError:
            value = None
    if not isinstance(value, dt.date):
        raise ValidationError(
            msg("The month {value!r} is not a month (YYYY-MM)."), field="month", value=value
        )
    return value.replace(day=1)


def _as_date(value: object) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else cast(dt.date, value)


@service
def list_follow_ups(session: Session, action_id: int) -> list[FollowUpInfo]:
    """The action's monthly follow-ups, oldest month first."""
    action = _readable(session, action_id)
    rows = (
        ImprovementFollowUp.select(ImprovementFollowUp, User.username)
        .join(User, on=(ImprovementFollowUp.recorded_by == User.id))
        .where(ImprovementFollowUp.action == action.id)
        .order_by(ImprovementFollowUp.month)
    )
    return [
        FollowUpInfo(_as_date(r.month), r.done, r.status, r.recorded_by.username, r.recorded_at)
        for r in rows
    ]


@service
def record_follow_up(
    session: Session, action_id: int, month: dt.date | str, done: str, status: str
) -> list[FollowUpInfo]:
    """Record (or correct) the follow-up of a month: what was done and the status then;
    the action takes that status. Audited as a change of the action."""
    require_role(session, *READERS)
    if session.user_id is None:
        raise PermissionDenied(msg("Sign in to record a follow-up: it keeps who recorded it."))
    text = _text(done, "done", "what was done")
    code = _status(status)
    day = _month(month)
    if day > session.now().date():
        raise ValidationError(msg("The follow-up's month has not begun yet."), field="month")
    with write_lock(database_proxy.obj):
        action = ImprovementAction.get_or_none(ImprovementAction.id == action_id)
        if action is None:
            raise NotFound(msg("No improvement action has the id {id}."), id=action_id)
        _check_department(session, action.department_id)
        now = session.now()
        existing = ImprovementFollowUp.get_or_none(
            (ImprovementFollowUp.action == action.id) & (ImprovementFollowUp.month == day)
        )
        if existing is None:
            ImprovementFollowUp.create(
                action=action,
                month=day,
                done=text,
                status=code,
                recorded_by=session.user_id,
                recorded_at=now,
            )
        else:
            existing.done, existing.status = text, code
            existing.recorded_by_id, existing.recorded_at = session.user_id, now
            existing.save()
        details: dict[str, Any] = {"follow_up": {"month": f"{day:%Y-%m}", "done": text}}
        if action.status != code:
            details["status"] = {"old": action.status, "new": code}
            action.status = code
        action.updated_at = now
        action.save()
        audit.record(session, "improvement_update", "improvement_action", action.id, **details)
    return list_follow_ups(session, action_id)


# --- the effect (docs/rules.md#improvement-actions) ---------------------------------------


@dataclass(frozen=True)
class EffectMonth:
    month: dt.date  # the month's first day
    before: bool  # one of the MONTHS_BEFORE months before the action started
    volume: int  # cases registered in the month of the linked subtypes or products
    surveys: int  # surveys made in the month of such cases
    satisfaction: float | None  # their mean overall score (1–5), 2 decimals half up


def _add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _mean(total: int, n: int) -> float | None:
    from decimal import ROUND_HALF_UP, Decimal

    if not n:
        return None
    return float((Decimal(total) / Decimal(n)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@service
def effect(session: Session, action_id: int) -> list[EffectMonth]:
    """Month by month, the complaints of the action's linked complaint types (a category
    counts its subtypes) and products (trimmed names): the ``MONTHS_BEFORE`` months before
    the month the action was created, then that month and each one since up to the
    current month. Cases of any department."""
    action = _readable(session, action_id)
    links = list(ImprovementLink.select().where(ImprovementLink.action == action.id))
    type_ids = [link.complaint_type_id for link in links if link.complaint_type_id]
    names = [link.product for link in links if link.product]
    started = periods.month_of(action.created_at.date()).start
    this_month = periods.month_of(session.now().date()).start
    months = [_add_months(started, -n) for n in range(MONTHS_BEFORE, 0, -1)]
    day = started
    while day <= this_month:
        months.append(day)
        day = _add_months(day, 1)
    matches = None
    if type_ids:
        matches = Complaint.type.in_(type_ids) | Complaint.subtype.in_(type_ids)
    if names:
        product = fn.TRIM(Complaint.product).in_(names)
        matches = product if matches is None else (matches | product)
    result = []
    for month in months:
        start_at = dt.datetime.combine(month, dt.time())
        end_before = dt.datetime.combine(_add_months(month, 1), dt.time())
        volume = surveys = total = 0
        if matches is not None:
            volume = (
                Complaint.select()
                .where(
                    matches
                    & (Complaint.registration_time >= start_at)
                    & (Complaint.registration_time < end_before)
                )
                .count()
            )
            row = (
                Survey.select(fn.COUNT(Survey.id), fn.SUM(Survey.overall))
                .join(Complaint, on=(Survey.complaint == Complaint.id))
                .where(
                    matches & (Survey.survey_time >= start_at) & (Survey.survey_time < end_before)
                )
                .tuples()
                .first()
            )
            surveys, total = int(row[0] or 0), int(row[1] or 0)
        result.append(EffectMonth(month, month < started, volume, surveys, _mean(total, surveys)))
    return result
