"""Review meetings [复盘会] (seed 002 step 6, seed 000 §五(三), docs/rules.md#review-meetings):
the departments meet over a period's complaints, look at its hot spots (the report's product ×
cause pairs, kept as a snapshot) and decide what is to be done — each decision with its text,
responsible department and deadline, and optionally the improvement action it created.

Everyone on the staff reads the meetings; managers, administrators and the supervisors of a
department present record and change them. Every change is audited in its transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    CauseCategory,
    ComplaintType,
    Department,
    ImprovementAction,
    ReviewDecision,
    ReviewMeeting,
    User,
    database_proxy,
)
from desktop_app.domain.messages import msg
from desktop_app.services import audit, improvements, kpi
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError, service
from desktop_app.services.permissions import require_role, require_staff
from desktop_app.services.session import Session

MAX_TEXT = 4000
EDIT_ROLES = ("supervisor", "manager", "admin")
DEFAULT_ACTION_DAYS = 30


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    text: str
    department: str  # code
    department_zh: str
    department_en: str
    deadline: dt.date | None
    action_id: int | None  # the improvement action it created
    action_status: str  # that action's status code, "" without one


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    held_on: dt.date
    period_start: dt.date
    period_end: dt.date
    departments: tuple[str, ...]  # codes
    department_names: tuple[tuple[str, str], ...]  # (Chinese, English), same order
    attendees: str
    hot_spots: tuple[dict[str, Any], ...]  # the snapshot (``period_hot_spots``)
    notes: str
    decisions: tuple[DecisionInfo, ...]
    created_by: str  # display name
    created_at: dt.datetime
    updated_at: dt.datetime
    may_edit: bool  # whether the session may change it


# --- validation -------------------------------------------------------------------------


def _day(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(msg("Enter a date (YYYY-MM-DD)."), field=field)


def _text(value: object, field: str, *, required: bool = True) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if required and not text:
        raise ValidationError(msg("Required."), field=field)
    if len(text) > MAX_TEXT:
        raise ValidationError(msg("At most {max} characters."), field=field, max=MAX_TEXT)
    return text


def _departments(codes: Iterable[str], field: str = "departments") -> list[Department]:
    wanted = [c.strip() for c in codes if isinstance(c, str) and c.strip()]
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        raise ValidationError(msg("Choose at least one department."), field=field)
    found = {d.code: d for d in Department.select().where(Department.code.in_(wanted))}
    unknown = [c for c in wanted if c not in found]
    if unknown:
        raise ValidationError(
            msg("Unknown department {name!r}; known departments: {known}."),
            field=field,
            name=", ".join(unknown),
            known=", ".join(d.code for d in Department.select().order_by(Department.sort_order)),
        )
    return [found[c] for c in wanted]


def _may_edit(session: Session, department_ids: Iterable[int]) -> bool:
    if session.role in ("manager", "admin"):
        return True
    return session.role == "supervisor" and bool(set(department_ids) & session.department_ids)


def _require_editor(session: Session, department_ids: Iterable[int]) -> None:
    require_role(session, *EDIT_ROLES)
    if not _may_edit(session, department_ids):
        raise PermissionDenied(
            msg("Only a supervisor of a department present, or a manager, records this meeting.")
        )


# --- reading ----------------------------------------------------------------------------


def _codes(text: str) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _hot_spots(text: str) -> tuple[dict[str, Any], ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(v for v in value if isinstance(v, dict)) if isinstance(value, list) else ()


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _infos(session: Session, meetings: Sequence[ReviewMeeting]) -> list[MeetingInfo]:
    ids = [m.id for m in meetings]
    departments = {d.id: d for d in Department.select()}
    by_code = {d.code: d for d in departments.values()}
    decisions: dict[int, list[DecisionInfo]] = {i: [] for i in ids}
    if ids:
        rows = list(
            ReviewDecision.select()
            .where(ReviewDecision.meeting.in_(ids))
            .order_by(ReviewDecision.sort_order, ReviewDecision.id)
        )
        action_ids = {r.action_id for r in rows if r.action_id is not None}
        statuses = {
            a.id: a.status
            for a in ImprovementAction.select(ImprovementAction.id, ImprovementAction.status).where(
                ImprovementAction.id.in_(action_ids)
            )
        }
        for r in rows:
            dept = departments[r.department_id]
            decisions[r.meeting_id].append(
                DecisionInfo(
                    r.id,
                    r.text,
                    dept.code,
                    dept.name_zh,
                    dept.name_en,
                    _date(r.deadline) if r.deadline else None,
                    r.action_id,
                    statuses.get(r.action_id, "") if r.action_id is not None else "",
                )
            )
    names = {
        u.id: u.display_name or u.username
        for u in User.select(User.id, User.display_name, User.username).where(
            User.id.in_({m.created_by_id for m in meetings})
        )
    }
    result = []
    for m in meetings:
        codes = _codes(m.departments)
        known = [by_code[c] for c in codes if c in by_code]
        result.append(
            MeetingInfo(
                m.id,
                _date(m.held_on),
                _date(m.period_start),
                _date(m.period_end),
                tuple(codes),
                tuple((d.name_zh, d.name_en) for d in known),
                m.attendees,
                _hot_spots(m.hot_spots),
                m.notes,
                tuple(decisions[m.id]),
                names.get(m.created_by_id, ""),
                m.created_at,
                m.updated_at,
                _may_edit(session, [d.id for d in known]),
            )
        )
    return result


@service
def list_meetings(session: Session) -> list[MeetingInfo]:
    """Every review meeting, the latest first. Every staff role."""
    require_staff(session)
    meetings = list(
        ReviewMeeting.select().order_by(ReviewMeeting.held_on.desc(), ReviewMeeting.id.desc())
    )
    return _infos(session, meetings)


def _meeting(meeting_id: int) -> ReviewMeeting:
    meeting = ReviewMeeting.get_or_none(ReviewMeeting.id == meeting_id)
    if meeting is None:
        raise NotFound(msg("No review meeting has the id {id}."), id=meeting_id)
    return meeting


@service
def get_meeting(session: Session, meeting_id: int) -> MeetingInfo:
    require_staff(session)
    return _infos(session, [_meeting(meeting_id)])[0]


@service
def period_hot_spots(
    session: Session, start: dt.date, end: dt.date, *, department_code: str | None = None
) -> list[dict[str, Any]]:
    """The report's hot spots of the period (``kpi.kpi_report``: the same people may ask),
    as the meeting keeps them: ``HotSpot.to_json`` with the names of the subtype and the
    cause (``subtype_zh``, ``subtype_en``, ``cause_zh``, ``cause_en``)."""
    report = kpi.kpi_report(session, start, end, department_code=department_code)
    subtypes = {
        t.code: (t.name_zh, t.name_en)
        for t in ComplaintType.select(
            ComplaintType.code, ComplaintType.name_zh, ComplaintType.name_en
        )
    }
    causes = {
        c.code: (c.name_zh, c.name_en)
        for c in CauseCategory.select(
            CauseCategory.code, CauseCategory.name_zh, CauseCategory.name_en
        )
    }
    spots = []
    for spot in report.hot_spots:
        item = spot.to_json()
        zh, en = subtypes.get(spot.subtype or "", ("", ""))
        item["subtype_zh"], item["subtype_en"] = zh, en
        zh, en = causes.get(spot.cause, (spot.cause, spot.cause))
        item["cause_zh"], item["cause_en"] = zh, en
        spots.append(item)
    return spots


# --- writing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fields:
    held_on: dt.date
    period_start: dt.date
    period_end: dt.date
    departments: list[Department]
    attendees: str
    hot_spots: list[dict[str, Any]]
    notes: str
    decisions: list[tuple[int | None, str, Department, dt.date | None]]


def _fields(
    held_on: object,
    period_start: object,
    period_end: object,
    departments: Iterable[str],
    attendees: object,
    hot_spots: Iterable[Mapping[str, Any]],
    notes: object,
    decisions: Iterable[Mapping[str, Any]],
) -> _Fields:
    start = _day(period_start, "period_start")
    end = _day(period_end, "period_end")
    if end < start:
        raise ValidationError(msg("The period ends before it starts."), field="period_end")
    rows: list[tuple[int | None, str, Department, dt.date | None]] = []
    for number, decision in enumerate(decisions, 1):
        field = "decisions"
        text = (decision.get("text") or "").strip() if isinstance(decision, Mapping) else ""
        if not text:
            raise ValidationError(
                msg("Decision {row}: enter what was decided."), field=field, row=number
            )
        if len(text) > MAX_TEXT:
            raise ValidationError(msg("At most {max} characters."), field=field, max=MAX_TEXT)
        dept_code = decision.get("department") or ""
        if not dept_code:
            raise ValidationError(
                msg("Decision {row}: choose the responsible department."), field=field, row=number
            )
        dept = _departments([dept_code], field)[0]
        deadline = decision.get("deadline")
        day = _day(deadline, field) if deadline not in (None, "") else None
        raw_id = decision.get("id")
        rows.append((int(raw_id) if raw_id else None, text, dept, day))
    return _Fields(
        _day(held_on, "held_on"),
        start,
        end,
        _departments(departments),
        _text(attendees, "attendees"),
        [dict(s) for s in hot_spots],
        _text(notes, "notes", required=False),
        rows,
    )


def _write_decisions(meeting: ReviewMeeting, rows: _Fields) -> list[int]:
    """Replace the meeting's decisions: a row with the id of one of its decisions changes
    it (keeping its improvement action), others are added, the rest removed."""
    existing = {
        d.id: d for d in ReviewDecision.select().where(ReviewDecision.meeting == meeting.id)
    }
    kept: list[int] = []
    for order, (decision_id, text, dept, deadline) in enumerate(rows.decisions):
        row = existing.get(decision_id) if decision_id is not None else None
        if row is None:
            row = ReviewDecision(meeting=meeting.id)
        row.sort_order, row.text, row.department, row.deadline = order, text, dept, deadline
        row.save()
        kept.append(row.id)
    gone = [i for i in existing if i not in kept]
    if gone:
        ReviewDecision.delete().where(ReviewDecision.id.in_(gone)).execute()
    return kept


def _details(rows: _Fields) -> dict[str, Any]:
    return {
        "held_on": rows.held_on.isoformat(),
        "period": f"{rows.period_start.isoformat()} – {rows.period_end.isoformat()}",
        "departments": [d.code for d in rows.departments],
        "decisions": len(rows.decisions),
    }


@service
def create_meeting(
    session: Session,
    *,
    held_on: dt.date | str,
    period_start: dt.date | str,
    period_end: dt.date | str,
    departments: Iterable[str],
    attendees: str,
    hot_spots: Iterable[Mapping[str, Any]] = (),
    notes: str = "",
    decisions: Iterable[Mapping[str, Any]] = (),
) -> MeetingInfo:
    """Record a review meeting; ``decisions`` are {``text``, ``department`` (code),
    ``deadline`` (optional)}."""
    require_role(session, *EDIT_ROLES)
    if session.user_id is None:
        raise PermissionDenied(msg("Sign in to record a review meeting."))
    with write_lock(database_proxy.obj):
        rows = _fields(
            held_on, period_start, period_end, departments, attendees, hot_spots, notes, decisions
        )
        _require_editor(session, [d.id for d in rows.departments])
        now = session.now()
        meeting = ReviewMeeting.create(
            held_on=rows.held_on,
            period_start=rows.period_start,
            period_end=rows.period_end,
            departments=json.dumps([d.code for d in rows.departments]),
            attendees=rows.attendees,
            hot_spots=json.dumps(rows.hot_spots, ensure_ascii=False, default=str),
            notes=rows.notes,
            created_by=session.user_id,
            created_at=now,
            updated_at=now,
        )
        _write_decisions(meeting, rows)
        audit.record(
            session, "review_meeting_create", "review_meeting", meeting.id, **_details(rows)
        )
        return _infos(session, [meeting])[0]


@service
def update_meeting(
    session: Session,
    meeting_id: int,
    *,
    held_on: dt.date | str,
    period_start: dt.date | str,
    period_end: dt.date | str,
    departments: Iterable[str],
    attendees: str,
    hot_spots: Iterable[Mapping[str, Any]] = (),
    notes: str = "",
    decisions: Iterable[Mapping[str, Any]] = (),
) -> MeetingInfo:
    """Change a meeting (every field given again; a decision keeps its improvement action
    when given with its ``id``)."""
    require_role(session, *EDIT_ROLES)
    with write_lock(database_proxy.obj):
        meeting = _meeting(meeting_id)
        before = Department.select(Department.id).where(
            Department.code.in_(_codes(meeting.departments))
        )
        _require_editor(session, [d.id for d in before])
        rows = _fields(
            held_on, period_start, period_end, departments, attendees, hot_spots, notes, decisions
        )
        _require_editor(session, [d.id for d in rows.departments])
        meeting.held_on = rows.held_on
        meeting.period_start = rows.period_start
        meeting.period_end = rows.period_end
        meeting.departments = json.dumps([d.code for d in rows.departments])
        meeting.attendees = rows.attendees
        meeting.hot_spots = json.dumps(rows.hot_spots, ensure_ascii=False, default=str)
        meeting.notes = rows.notes
        meeting.updated_at = session.now()
        meeting.save()
        _write_decisions(meeting, rows)
        audit.record(
            session, "review_meeting_update", "review_meeting", meeting.id, **_details(rows)
        )
        return _infos(session, [meeting])[0]


@service
def create_action_from_decision(
    session: Session, decision_id: int, plan: str = "", type_codes: Iterable[str] = ()
) -> MeetingInfo:
    """Create the improvement action of a decision (``improvements.create_action``: who may
    create actions may do this): problem = the decision, the plan as given (else the
    decision again), its department, its deadline (else 30 days after the meeting)."""
    require_role(session, *EDIT_ROLES)
    with write_lock(database_proxy.obj):
        decision = ReviewDecision.get_or_none(ReviewDecision.id == decision_id)
        if decision is None:
            raise NotFound(msg("No decision has the id {id}."), id=decision_id)
        meeting = _meeting(decision.meeting_id)
        if decision.action_id is not None:
            raise ValidationError(
                msg("This decision already has its improvement action."), field="decisions"
            )
        deadline = (
            _date(decision.deadline)
            if decision.deadline
            else _date(meeting.held_on) + dt.timedelta(days=DEFAULT_ACTION_DAYS)
        )
        action = improvements.create_action(
            session,
            decision.text,
            (plan or "").strip() or decision.text,
            Department.get_by_id(decision.department_id).code,
            deadline,
            type_codes=type_codes,
        )
        ReviewDecision.update(action=action.id).where(ReviewDecision.id == decision.id).execute()
        audit.record(
            session,
            "review_decision_action",
            "review_meeting",
            meeting.id,
            decision=decision.text[:200],
            improvement_action=action.id,
        )
        return _infos(session, [meeting])[0]
