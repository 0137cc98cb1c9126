"""SLA reminders and automatic escalation.

``scan(now)`` is called by a timer on every running program (interval: the
``reminders.interval_seconds`` setting). A watermark shared through the database
(``scan_state``) says how far the scans got, so a tick looks only at the deadlines that
crossed a threshold since the previous tick of any PC, through the (stage, due) indexes:
its cost follows what happens per minute, not how many cases are open. The first scan of
a database, or the first after ``rewind``, catches up on the ``reminders.lookback_days``.
Each reminder is recorded with a unique ``fire_key``: it fires once, whichever PC scans
first, and never again after a restart; only the program whose insert succeeded reports it.

Kinds: "due soon" a lead time before a target (clock minutes before first response,
working time before solution and resolution), "overdue", automatic escalation one step up
the chain of docs/rules.md#reminders-and-escalation after a grace period, "progress update due",
"survey due". Outside working hours only urgent cases raise reminders; the others wait for the next
working time.

Improvement actions (docs/rules.md#improvement-actions): an open action past its deadline,
and an action open during the whole of last month without that month's follow-up after day
``reminders.improvement_follow_up_day`` of this month, remind the supervisor of the
responsible department once (``_scan_improvements``). Deadlines are days, so this look runs
at most every ``IMPROVEMENT_CHECK_EVERY`` (and on a new day), not on every tick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from peewee import JOIN, SQL, DateTimeField, ModelSelect, fn

from desktop_app.db import search
from desktop_app.db.connection import checkpoint, named_lock, write_lock
from desktop_app.db.models import (
    Complaint,
    Escalation,
    ImprovementAction,
    ImprovementFollowUp,
    Reminder,
    ScanState,
    User,
    database_proxy,
)
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import OPEN_STAGES
from desktop_app.services import access, audit
from desktop_app.services import notify as notify_service
from desktop_app.services.errors import NotFound, ValidationError, service
from desktop_app.services.improvements import OPEN_STATUSES
from desktop_app.services.permissions import require_manager, require_staff
from desktop_app.services.routing import DbStaff
from desktop_app.services.session import Session
from desktop_app.services.sla import SlaContext

C = Complaint
if TYPE_CHECKING:  # a deadline column of a case; a query's row as a dict (.dicts())
    _Due = DateTimeField[Any]
    _Row = dict[str, Any]
TARGETS: dict[str, tuple[_Due, _Due | None]] = {
    "first_response": (C.first_response_due, C.first_response_at),
    "solution": (C.solution_due, C.solution_agreed_at),
    "resolution": (C.resolution_due, None),
}
MAX_STEP = 3
# How often the improvement actions are looked at (a watermark ``improvements`` in
# ``scan_state``, shared by every PC); also on the first tick of a new day.
IMPROVEMENT_CHECK_EVERY = dt.timedelta(minutes=5)
IMPROVEMENT_KINDS = ("improvement_overdue", "improvement_follow_up")
# The English sentences stored as the reminders' messages; the panel shows them translated.
IMPROVEMENT_OVERDUE_MESSAGE = msg("Improvement action overdue since {deadline}: {problem}")
IMPROVEMENT_FOLLOW_UP_MESSAGE = msg(
    "No follow-up of {month} recorded for the improvement action: {problem}"
)
PROBLEM_SHOWN = 40  # characters of an action's problem in a reminder


@dataclass(frozen=True)
class ReminderInfo:
    id: int
    kind: str
    target: str | None
    complaint_id: int | None
    number: str
    due_at: dt.datetime | None
    recipient_id: int | None
    message: str
    created_at: dt.datetime
    improvement_action_id: int | None = None  # the action an ``improvement_*`` one is about
    problem: str = ""  # that action's problem, shortened (``short_problem``)


def fire_key(kind: str, target: str | None, complaint_id: int, due: dt.datetime) -> str:
    return f"{kind}:{target or '-'}:{complaint_id}:{due:%Y%m%d%H%M%S}"


def _leads(ctx: SlaContext, now: dt.datetime) -> dict[str, dt.datetime]:
    """For each target, the latest due time that counts as "due soon" now."""
    p, cal = ctx.policy, ctx.calendar
    day_hours = cal.day_length.total_seconds() / 3600
    return {
        "first_response": now
        + dt.timedelta(minutes=float(p["reminders.first_response_lead_minutes"])),
        "solution": cal.add_working_hours(now, float(p["reminders.solution_lead_hours"])),
        "resolution": cal.add_working_hours(
            now, float(p["reminders.resolution_lead_days"]) * day_hours
        ),
    }


def _time(value: dt.datetime | str) -> dt.datetime:
    """A time read by raw SQL: SQLite gives the stored text, PostgreSQL a datetime."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def _candidates(
    kind: str,
    target: str | None,
    due_field: _Due,
    met_field: _Due | None,
    low: dt.datetime,
    high: dt.datetime,
    urgent_only: bool,
    open_cases: bool = True,
    survey: bool = False,
) -> list[_Row]:
    """The cases whose ``due_field`` lies in (low, high] without a reminder of this kind
    for that due time yet, by due time. Written out as SQL: a tick runs eleven of these,
    and building them with peewee cost several times running them (bench sla-scan)."""
    db = database_proxy.obj
    p = db.param
    due = due_field.column_name
    params: list[Any] = [low, high, kind]
    conditions = [
        f"c.{due} > {p}",
        f"c.{due} <= {p}",
        "NOT EXISTS (SELECT 1 FROM reminder AS r WHERE r.complaint_id = c.id"
        f" AND r.kind = {p} AND r.due_at = c.{due} AND "
        + (f"r.target = {p})" if target else "r.target IS NULL)"),
    ]
    if target:
        params.append(target)
    if open_cases:
        # ``is_open = TRUE`` literally: the partial indexes of the open cases' due times
        # (docs/rules.md#indexes); the open stages are the open cases.
        conditions.append("c.is_open = TRUE")
        conditions.append(f"c.stage IN ({', '.join(p for _ in OPEN_STAGES)})")
        params.extend(OPEN_STAGES)
    if met_field is not None:
        conditions.append(f"c.{met_field.column_name} IS NULL")
    if urgent_only:
        conditions.append("c.urgent = TRUE")
    if survey:  # closed, no survey yet and no reason not to survey
        conditions.append(f"c.stage = {p}")
        params.append("closed")
        conditions.append("c.no_survey_reason IS NULL")
        conditions.append("NOT EXISTS (SELECT 1 FROM survey AS s WHERE s.complaint_id = c.id)")
    sql = (
        "SELECT c.id, c.number, c.owner_id, c.receiver_id, c.department_id, c.urgent,"
        f" c.escalation_step, c.{due} FROM complaint AS c WHERE "
        + " AND ".join(conditions)
        + f" ORDER BY c.{due}"
    )
    return [
        {
            "id": r[0],
            "number": r[1],
            "owner": r[2],
            "receiver": r[3],
            "department": r[4],
            "urgent": bool(r[5]),
            "escalation_step": r[6],
            "due": _time(r[7]),
        }
        for r in db.execute_sql(sql, params).fetchall()
    ]


def _insert(
    row: _Row, kind: str, target: str | None, recipient: int | None, message: str, now: dt.datetime
) -> int | None:
    """Record a reminder unless another program already did; the id when this one did."""
    return _insert_once(
        fire_key(kind, target, row["id"], row["due"]),
        complaint=row["id"],
        kind=kind,
        target=target,
        due_at=row["due"],
        recipient=recipient,
        department=row["department"],
        message=message,
        created_at=now,
    )


def _insert_once(key: str, **fields: Any) -> int | None:
    """Insert the reminder of fire key ``key`` unless it exists; its id when this call
    inserted it."""
    query = Reminder.insert(fire_key=key, **fields).on_conflict_ignore()
    # rowcount, not the returned id: SQLite reports a stale last row id when it ignored.
    cursor = database_proxy.obj.execute(query)
    if cursor.rowcount != 1:
        return None
    return Reminder.get(Reminder.fire_key == key).id


def _escalation_target(row: _Row, step: int, ctx: SlaContext) -> int | None:
    """Who the case goes to at ``step``: 1 owner's supervisor (else a supervisor of the
    department), 2 the customer-service manager, 3 the head of operations."""
    staff = DbStaff(ctx.policy)  # the same look-ups routing makes
    if step == 1:
        owner = User.get_or_none(User.id == row["owner"])
        if owner is not None and owner.supervisor_id:
            return owner.supervisor_id
        return staff.department_supervisor(row["department"])
    manager = staff.manager()
    if step == 2:
        return manager
    return staff.named("escalation.head_of_operations_username") or manager


def escalation_target(owner_id: int, department_id: int, step: int, ctx: SlaContext) -> int | None:
    """Who a case of this owner and department goes to at escalation ``step``."""
    return _escalation_target({"owner": owner_id, "department": department_id}, step, ctx)


def _scan_since(
    urgent_only: bool, floor: dt.datetime, now: dt.datetime
) -> tuple[dt.datetime, dt.datetime | None]:
    """Where this tick's windows start: the watermark of this kind of scan, at least
    ``floor`` (the look-back) and at most ``now``; and when the improvement actions were
    last looked at (None: never, or since a rewind). One query."""
    names = ["urgent", "all"] if urgent_only else ["all"]
    marks = {
        s.name: _time(s.until)
        for s in ScanState.select().where(ScanState.name.in_([*names, "improvements"]))
    }
    looked = marks.pop("improvements", None)
    # An urgent-only scan may start where a full scan got to, whichever is later.
    mark = max(marks.values()) if marks else None
    return (min(max(mark, floor), now) if mark else floor), looked


def _advance(urgent_only: bool, now: dt.datetime, *, improvements: bool = False) -> None:
    names = ["urgent"] if urgent_only else ["urgent", "all"]
    for name in [*names, "improvements"] if improvements else names:
        (
            ScanState.insert(name=name, until=now)
            .on_conflict(conflict_target=[ScanState.name], update={ScanState.until: now})
            .execute()
        )


@service
def rewind(session: Session) -> None:
    """Let the next scan look back over the whole look-back window again: after deadlines
    moved (policy or calendar change, a raised level), so moved deadlines are not missed.
    Managers and administrators (the services that move deadlines call ``rewind_scan``)."""
    require_manager(session)
    rewind_scan()


def rewind_scan() -> None:
    """``rewind`` for a service that has just moved deadlines under its own check."""
    with write_lock(database_proxy.obj):
        ScanState.delete().execute()


def tidy_database() -> None:
    """The upkeep saves no longer do (docs/rules.md#search-index), run by the reminder tick
    after the scan, on the worker: one bounded step of merging the search index's
    segments in its own short write transaction, then a checkpoint of the WAL."""
    db = database_proxy.obj
    with write_lock(db):
        search.merge_step(db)
    checkpoint(db)


@service
def scan(session: Session, ctx: SlaContext | None = None) -> list[ReminderInfo]:
    """One reminder tick: create the reminders and escalations due now (for everyone) and
    return those this call created on cases the session may see (for this program to
    announce; the program's own scanner, an administrator, gets them all)."""
    require_staff(session)
    ctx = ctx or SlaContext.load()
    now = session.now()
    p, cal = ctx.policy, ctx.calendar
    urgent_only = not cal.in_working_time(now)
    grace = dt.timedelta(minutes=float(p["reminders.escalation_grace_minutes"]))
    leads = _leads(ctx, now)
    created: list[int | None] = []
    with write_lock(database_proxy.obj):
        # One scan at a time across PCs: the watermark is read, then moved. Each reminder's
        # unique fire_key keeps it firing once in any case (docs/rules.md#several-pcs-writing-at-once).
        named_lock(database_proxy.obj, "reminder_scan")
        since, improvements_looked = _scan_since(
            urgent_only, now - dt.timedelta(days=int(p["reminders.lookback_days"])), now
        )
        leads_since = _leads(ctx, since)
        for target, (due_field, met_field) in TARGETS.items():
            for row in _candidates(
                "due_soon",
                target,
                due_field,
                met_field,
                max(now, leads_since[target]),
                leads[target],
                urgent_only,
            ):
                created.append(
                    _insert(
                        row,
                        "due_soon",
                        target,
                        row["owner"],
                        f"{row['number']}: {target} due {row['due']:%m-%d %H:%M}",
                        now,
                    )
                )
            for row in _candidates(
                "overdue", target, due_field, met_field, since, now, urgent_only
            ):
                rid = _insert(
                    row,
                    "overdue",
                    target,
                    row["owner"],
                    f"{row['number']}: {target} overdue since {row['due']:%m-%d %H:%M}",
                    now,
                )
                created.append(rid)
                if rid is not None:  # newly overdue: the group robot hears it once
                    _notify(p, "overdue", row, target, now)
            for row in _candidates(
                "escalated", target, due_field, met_field, since - grace, now - grace, urgent_only
            ):
                created.append(_escalate(session, row, target, ctx, now))
        for row in _candidates(
            "progress_update_due", None, C.next_update_due, None, since, now, urgent_only
        ):
            created.append(
                _insert(
                    row,
                    "progress_update_due",
                    None,
                    row["owner"],
                    f"{row['number']}: progress update to the customer due",
                    now,
                )
            )
        if not urgent_only:
            opens = dt.timedelta(
                hours=float(p["sla.survey_due_hours"]) - float(p["sla.survey_open_hours"])
            )
            query = _candidates(
                "survey_due",
                None,
                C.survey_due,
                None,
                since + opens,
                now + opens,
                False,
                open_cases=False,
                survey=True,
            )
            for row in query:
                created.append(
                    _insert(
                        row,
                        "survey_due",
                        None,
                        row["receiver"],
                        f"{row['number']}: satisfaction survey due by {row['due']:%m-%d %H:%M}",
                        now,
                    )
                )
        # Improvement actions: in working time, every few minutes or on a new day.
        look = not urgent_only and _improvements_due(improvements_looked, now)
        if look:
            created.extend(_scan_improvements(ctx, now))
        _advance(urgent_only, now, improvements=look)
    ids = [rid for rid in created if rid is not None]
    if not ids:
        return []
    rules = access.rules(session)
    see = rules.see.expression(C)
    raised = _reminder_query().where(
        Reminder.id.in_(ids),
        (Reminder.complaint.is_null() & _improvements_seen(session)) | see,
    )
    return [_info(r) for r in raised]


def _improvements_seen(session: Session) -> Any:
    """The condition on a reminder without a case that the session may hear of: those about
    improvement actions go to whoever reads the action (docs/rules.md#improvement-actions:
    supervisors their departments', managers, administrators and the program all)."""
    if session.is_system or session.role in ("manager", "admin"):
        return SQL("1 = 1")
    if session.is_supervisor and session.department_ids:
        return Reminder.improvement_action.is_null() | Reminder.department.in_(
            list(session.department_ids)
        )
    return Reminder.improvement_action.is_null()


def _improvements_due(looked: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether this tick looks at the improvement actions: never looked (or rewound), a new
    day, or ``IMPROVEMENT_CHECK_EVERY`` since (either way: a PC whose clock is behind)."""
    return (
        looked is None
        or looked.date() != now.date()
        or abs(now - looked) >= IMPROVEMENT_CHECK_EVERY
    )


def short_problem(text: str, limit: int = PROBLEM_SHOWN) -> str:
    """An action's problem for a reminder: its first line, at most ``limit`` characters."""
    line = " ".join((text or "").strip().splitlines()[:1]).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _add_month(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _as_date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _scan_improvements(ctx: SlaContext, now: dt.datetime) -> list[int | None]:
    """Remind of the improvement actions that are overdue, or whose follow-up of last month
    is missing after day ``reminders.improvement_follow_up_day`` of this month
    (docs/rules.md#improvement-actions); each once (``fire_key``), to the supervisor of the
    responsible department (the manager when it has none). One query over the open actions
    not reminded of yet; the ids of the reminders this call recorded."""
    today = now.date()
    this_month = today.replace(day=1)
    last_month = _add_month(this_month, -1)
    last_month_at = dt.datetime.combine(last_month, dt.time())
    late = today.day > int(ctx.policy["reminders.improvement_follow_up_day"])
    A = ImprovementAction
    R = Reminder.alias("r")
    overdue_fired = (  # the latest deadline already reminded of
        R.select(fn.MAX(R.due_at)).where(
            (R.improvement_action == A.id) & (R.kind == "improvement_overdue")
        )
    )
    F = ImprovementFollowUp.alias("f")
    followed_up = fn.EXISTS(F.select(SQL("1")).where((F.action == A.id) & (F.month == last_month)))
    R2 = Reminder.alias("r2")
    follow_up_fired = fn.EXISTS(
        R2.select(SQL("1")).where(
            (R2.improvement_action == A.id)
            & (R2.kind == "improvement_follow_up")
            & (R2.due_at == last_month_at)
        )
    )
    wanted = A.deadline < today
    if late:  # open during the whole of last month: created before it began
        wanted |= A.created_at < last_month_at
    # (id, problem, department id, deadline, created, latest deadline reminded of,
    # followed up last month, reminded of last month); SQLite gives dates and times as text.
    rows = cast(
        Iterable[tuple[int, str, int, Any, Any, Any, Any, Any]],
        A.select(
            A.id,
            A.problem,
            A.department,
            A.deadline,
            A.created_at,
            overdue_fired.alias("overdue_fired"),
            followed_up.alias("followed_up"),
            follow_up_fired.alias("follow_up_fired"),
        )
        .where(A.status.in_(OPEN_STATUSES), wanted)
        .order_by(A.id)
        .tuples(),
    )
    staff = DbStaff(ctx.policy)
    created: list[int | None] = []
    for action_id, problem, department, deadline, created_at, fired, followed, told in rows:
        deadline = _as_date(deadline) if deadline else None
        shown = short_problem(problem)
        to = None
        if (
            deadline is not None
            and deadline < today
            and (fired is None or _time(fired).date() != deadline)
        ):
            to = staff.department_supervisor(department) or staff.manager()
            created.append(
                _insert_improvement(
                    action_id,
                    "improvement_overdue",
                    f"{deadline:%Y-%m-%d}",
                    dt.datetime.combine(deadline, dt.time()),
                    to,
                    department,
                    IMPROVEMENT_OVERDUE_MESSAGE.format(
                        deadline=f"{deadline:%Y-%m-%d}", problem=shown
                    ),
                    now,
                )
            )
        if late and _time(created_at) < last_month_at and not followed and not told:
            if to is None:
                to = staff.department_supervisor(department) or staff.manager()
            created.append(
                _insert_improvement(
                    action_id,
                    "improvement_follow_up",
                    f"{last_month:%Y-%m}",
                    last_month_at,
                    to,
                    department,
                    IMPROVEMENT_FOLLOW_UP_MESSAGE.format(
                        month=f"{last_month:%Y-%m}", problem=shown
                    ),
                    now,
                )
            )
    return created


def _insert_improvement(
    action_id: int,
    kind: str,
    key: str,
    due: dt.datetime,
    recipient: int | None,
    department: int,
    message: str,
    now: dt.datetime,
) -> int | None:
    """``_insert`` for a reminder about an improvement action (fire_key
    ``<kind>:action:<id>:<deadline or month>``)."""
    return _insert_once(
        f"{kind}:action:{action_id}:{key}",
        improvement_action=action_id,
        kind=kind,
        due_at=due,
        recipient=recipient,
        department=department,
        message=message,
        created_at=now,
    )


def _escalate(
    session: Session, row: _Row, target: str, ctx: SlaContext, now: dt.datetime
) -> int | None:
    """Escalate a case one step for a missed target (once per target and due time)."""
    step = min(row["escalation_step"] + 1, MAX_STEP)
    to_user = _escalation_target(row, step, ctx)
    rid = _insert(
        row,
        "escalated",
        target,
        to_user,
        f"{row['number']}: escalated to step {step} ({target} overdue)",
        now,
    )
    if rid is not None:
        _notify(ctx.policy, "escalated", row, target, now, step=step)
    if rid is not None and row["escalation_step"] < MAX_STEP:
        Escalation.create(
            complaint=row["id"],
            from_step=row["escalation_step"],
            to_step=step,
            to_user=to_user,
            automatic=True,
            at=now,
            reason=f"{target} deadline {row['due']:%Y-%m-%d %H:%M} missed",
        )
        (
            C.update(escalation_step=step, version=C.version + 1, updated_at=now)
            .where(C.id == row["id"])
            .execute()
        )
        audit.record(
            session,
            "escalate_auto",
            "complaint",
            row["id"],
            target=target,
            to_step=step,
            to_user=to_user,
        )
    return rid


def _notify(
    policy: dict[str, Any],
    kind: str,
    row: _Row,
    target: str,
    now: dt.datetime,
    step: int | None = None,
) -> None:
    """Queue the group robot's message for a reminder this scan fired (an outbox row in
    the scan's transaction; posted afterwards, docs/rules.md#group-robot-notifications)."""
    notify_service.enqueue(
        policy,
        kind,
        row["id"],
        fire_key(kind, target, row["id"], row["due"]),
        now,
        target=target,
        step=step,
        deadline=row["due"],
    )


def _reminder_query() -> ModelSelect[Reminder]:
    A = ImprovementAction
    return (
        Reminder.select(Reminder, C.number, A.problem)
        .join(C, JOIN.LEFT_OUTER, on=(Reminder.complaint == C.id), attr="case_row")
        .switch(Reminder)
        .join(A, JOIN.LEFT_OUTER, on=(Reminder.improvement_action == A.id), attr="action_row")
        .order_by(Reminder.created_at.desc(), Reminder.id.desc())
    )


def _info(r: Reminder) -> ReminderInfo:
    case_row: Complaint | None = getattr(r, "case_row", None)  # the query's join
    number = case_row.number if case_row is not None else ""
    action_row: ImprovementAction | None = getattr(r, "action_row", None)
    return ReminderInfo(
        r.id,
        r.kind,
        r.target,
        r.complaint_id,
        number,
        r.due_at,
        r.recipient_id,
        r.message,
        r.created_at,
        r.improvement_action_id,
        short_problem(action_row.problem) if action_row is not None else "",
    )


@service
def my_reminders(session: Session, *, limit: int = 200) -> list[ReminderInfo]:
    """Open reminders for the reminders panel: addressed to the user; supervisors also see
    overdue and escalated cases and the overdue or unfollowed improvement actions of their
    departments; managers every escalation."""
    require_staff(session)
    now = session.now()
    mine = Reminder.recipient == session.user_id
    if session.role == "supervisor" and session.department_ids:
        mine |= Reminder.department.in_(list(session.department_ids)) & Reminder.kind.in_(
            ["overdue", "escalated", *IMPROVEMENT_KINDS]
        )
    elif session.role in ("manager", "admin"):
        mine |= Reminder.kind == "escalated"
    query = (
        _reminder_query()
        .where(
            mine,
            Reminder.acknowledged_at.is_null(),
            Reminder.snoozed_until.is_null() | (Reminder.snoozed_until <= now),
        )
        .limit(limit)
    )
    return [_info(r) for r in query]


def _own_reminder(session: Session, reminder_id: int) -> Reminder:
    require_staff(session)
    reminder = Reminder.get_or_none(Reminder.id == reminder_id)
    if reminder is None or reminder_id not in {r.id for r in my_reminders(session, limit=10000)}:
        raise NotFound(msg("This reminder is not in your list any more."))
    return reminder


@service
def acknowledge(session: Session, reminder_id: int) -> None:
    with write_lock(database_proxy.obj):
        reminder = _own_reminder(session, reminder_id)
        reminder.acknowledged_at = session.now()
        reminder.acknowledged_by_id = session.user_id
        reminder.save()
        audit.record(session, "reminder_ack", "reminder", reminder.id)


@service
def snooze(session: Session, reminder_id: int, minutes: int) -> dt.datetime:
    if not 1 <= int(minutes) <= 7 * 24 * 60:
        raise ValidationError(msg("Snooze between 1 minute and 7 days."), field="minutes")
    with write_lock(database_proxy.obj):
        reminder = _own_reminder(session, reminder_id)
        reminder.snoozed_until = session.now() + dt.timedelta(minutes=int(minutes))
        reminder.save()
        audit.record(
            session, "reminder_snooze", "reminder", reminder.id, until=reminder.snoozed_until
        )
        return reminder.snoozed_until
