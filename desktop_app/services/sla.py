"""The SLA engine's data side: deadlines stored on cases, levels and automatic urgency.

Pure rules live in ``desktop_app.domain.deadlines``; this module feeds them the stored
policy and calendar, writes the results on cases, and recomputes them in bulk when the
policy or the calendar changes (call it off the UI thread: it can touch every open case).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.db.connection import for_update, is_postgres, write_lock
from desktop_app.db.models import (
    CaseBatch,
    Complaint,
    ComplaintType,
    Customer,
    DaySequence,
    ScanState,
    database_proxy,
)
from desktop_app.domain.calendar import WorkCalendar, official_year
from desktop_app.domain.deadlines import (
    Deadlines,
    compute_deadlines,
    level_priority,
    next_update_due,
)
from desktop_app.domain.vocab import join_multi, split_multi
from desktop_app.services import audit
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import (
    service,
)
from desktop_app.services.permissions import require_manager
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session


@dataclass(frozen=True)
class SlaContext:
    policy: dict[str, Any]
    calendar: WorkCalendar

    @classmethod
    def load(cls) -> SlaContext:
        """The stored policy and calendar. Built again only when the rows they come from
        changed: those rows are read with plain SQL and compared on every call (a change
        made on another PC counts at once), the settings decoded and the calendar built
        once per change — every save loads the context (python -m bench intake-save)."""
        global _loaded
        rows = _context_rows()
        cached = _loaded
        if cached is not None and cached[0] == rows:
            return cls(dict(cached[1].policy), cached[1].calendar)  # the caller's own dict
        policy = settings_service.load_all()
        ctx = cls(policy, settings_service.load_calendar(policy))
        _loaded = (rows, cls(dict(policy), ctx.calendar))
        return ctx


# The last context ``SlaContext.load`` built and the rows it was built from.
_loaded: tuple[tuple[list[Any], ...], SlaContext] | None = None


def _context_rows() -> tuple[list[Any], ...]:
    """The stored rows the policy and the calendar are made of (settings, calendar
    overrides, imported holiday notices)."""
    db = database_proxy.obj
    return tuple(
        [tuple(r) for r in db.execute_sql(sql).fetchall()]
        for sql in (
            'SELECT "key", "value" FROM setting ORDER BY "key"',
            "SELECT day, kind FROM calendar_override ORDER BY id",
            "SELECT year, days_off, makeup_workdays FROM official_calendar_year ORDER BY year",
        )
    )


def default_level(subtype: ComplaintType, member_tier: str, reopened: bool) -> int:
    """The subtype's level, raised to III for VIP members and escalated complaints
    (docs/rules.md#types-and-levels)."""
    level = subtype.default_level or 1
    if member_tier == "vip" or reopened:
        level = 3
    return level


def deadlines_for(
    ctx: SlaContext,
    *,
    complaint_time: dt.datetime,
    urgency: str,
    urgent: bool,
    callback_rule: str | None,
    member_tier: str,
    reopen_count: int = 0,
) -> Deadlines:
    return compute_deadlines(
        complaint_time,
        urgency=urgency,
        urgent=urgent,
        callback_rule=callback_rule,
        escalated_or_vip=member_tier == "vip" or reopen_count > 0,
        policy=ctx.policy,
        calendar=ctx.calendar,
    )


def next_due(
    *,
    is_open: bool,
    first_response_at: dt.datetime | None,
    solution_agreed_at: dt.datetime | None,
    first_response_due: dt.datetime,
    solution_due: dt.datetime,
    resolution_due: dt.datetime,
) -> dt.datetime | None:
    """The earliest deadline not yet met: what queues sort by (None once closed)."""
    if not is_open:
        return None
    if first_response_at is None:
        return first_response_due
    if solution_agreed_at is None:
        return solution_due
    return resolution_due


def refresh_case(case: Complaint, ctx: SlaContext, callback_rule: str | None) -> bool:
    """Recompute a case's stored deadlines, priority, next due and next progress update
    in place.

    A renegotiated resolution date of a complex case stands. Returns True when anything
    changed (the caller saves)."""
    # A reopened case starts a new handling cycle: its deadlines count from the reopening.
    start = case.reopened_at or case.complaint_time
    due = deadlines_for(
        ctx,
        complaint_time=start,
        urgency=case.urgency,
        urgent=case.urgent,
        callback_rule=callback_rule,
        member_tier=case.member_tier,
        reopen_count=case.reopen_count,
    )
    resolution = case.renegotiated_due or due.resolution_due
    new = {
        "first_response_due": due.first_response_due,
        "solution_due": due.solution_due,
        "resolution_due": resolution,
        "priority": level_priority(case.level, case.urgent),
    }
    new["next_due"] = next_due(
        is_open=case.is_open,
        first_response_at=case.first_response_at,
        solution_agreed_at=case.solution_agreed_at,
        first_response_due=due.first_response_due,
        solution_due=due.solution_due,
        resolution_due=resolution,
    )
    new["next_update_due"] = (
        next_update_due(
            ctx.calendar,
            case.reopened_at or case.registration_time,
            case.last_update_at,
            ctx.policy,
        )
        if case.is_open
        else None
    )
    changed = False
    for key, value in new.items():
        if getattr(case, key) != value:
            setattr(case, key, value)
            changed = True
    return changed


def _callback_rules() -> dict[int, str | None]:
    return {
        t.id: t.callback_rule
        for t in ComplaintType.select(ComplaintType.id, ComplaintType.callback_rule)
    }


def add_urgent_reason(case: Complaint, reason: str) -> bool:
    reasons = split_multi(case.urgent_reasons)
    if reason in reasons and case.urgent:
        return False
    if reason not in reasons:
        reasons.append(reason)
    case.urgent_reasons = join_multi(reasons)
    case.urgent = True
    return True


def apply_registration_rules(case: Complaint, customer: Customer | None) -> None:
    """Urgency that follows from the facts at registration (docs/rules.md#urgency): staff marked it,
    the customer is sensitive, or head office escalated it. The batch rule runs after insert."""
    if case.urgency == "urgent":
        add_urgent_reason(case, "staff")
    if customer is not None and customer.sensitive:
        add_urgent_reason(case, "sensitive")
    if case.head_office:
        add_urgent_reason(case, "head_office")


def _day_of_subtype(case: Complaint) -> tuple[str, list[Any], str]:
    """The SQL condition (and its parameters) of the batch rule's cases: ``case``'s subtype
    registered on its calendar day, and its product or merchant where given; and that
    product (``""``: none)."""
    p = database_proxy.obj.param
    start = dt.datetime.combine(case.registration_time.date(), dt.time.min)
    params: list[Any] = [case.subtype_id, start, start + dt.timedelta(days=1)]
    where = f"subtype_id = {p} AND registration_time >= {p} AND registration_time < {p}"
    product = (case.product or case.merchant or "").strip()
    if product:
        where += f" AND (product = {p} OR merchant = {p})"
        params += [product, product]
    return where, params, product


# What the batch rule reads of an earlier member (``refresh_case``'s inputs) and writes.
_BATCH_COLUMNS = (
    Complaint.id,
    Complaint.complaint_time,
    Complaint.registration_time,
    Complaint.reopened_at,
    Complaint.reopen_count,
    Complaint.urgency,
    Complaint.urgent,
    Complaint.urgent_reasons,
    Complaint.member_tier,
    Complaint.level,
    Complaint.is_open,
    Complaint.first_response_at,
    Complaint.solution_agreed_at,
    Complaint.last_update_at,
    Complaint.renegotiated_due,
    Complaint.first_response_due,
    Complaint.solution_due,
    Complaint.resolution_due,
    Complaint.priority,
    Complaint.next_due,
    Complaint.next_update_due,
    Complaint.batch,
    Complaint.version,
    Complaint.updated_at,
)


def join_batch(
    session: Session, case: Complaint, ctx: SlaContext, callback_rule: str | None
) -> int | None:
    """The batch rule for a case about to be inserted (docs/rules.md#urgency): when it makes
    more than ``rules.batch_threshold`` complaints of its subtype (and product or merchant,
    where given) registered on its calendar day, the case is flagged (reason batch), linked
    to the day's ``case_batch`` (created now if it is the first) and its deadlines
    recomputed, as the rule's update after the insert did (version 2). Returns the batch id;
    the caller inserts the case, then calls ``flag_batch_members``. Call inside the
    registering transaction."""
    db = database_proxy.obj
    p = db.param
    where, params, product = _day_of_subtype(case)
    if is_postgres(db):
        # Two PCs registering at once must count each other: the day's sequence row, locked
        # by every registration of the day (intake.next_number, the import), makes the count
        # below see every other registration of the day committed
        # (docs/rules.md#several-pcs-writing-at-once). SQLite has one writer at a time.
        _lock_day(case.registration_time.date())
    # Written out as SQL: it runs on every save (docs/rules.md#indexes: an index answers it).
    row = db.execute_sql(f"SELECT COUNT(*) FROM complaint WHERE {where}", params).fetchone()
    if int(row[0]) + 1 <= int(ctx.policy["rules.batch_threshold"]):
        return None
    day = case.registration_time.date()
    found = db.execute_sql(
        f"SELECT id FROM case_batch WHERE subtype_id = {p} AND day = {p} AND product = {p}",
        [case.subtype_id, CaseBatch.day.db_value(day), product],
    ).fetchone()
    batch_id = (
        int(found[0])
        if found
        else CaseBatch.create(
            subtype=case.subtype_id, day=day, product=product, created_at=session.now()
        ).id
    )
    add_urgent_reason(case, "batch")
    case.batch_id = batch_id
    refresh_case(case, ctx, callback_rule)
    case.version = (case.version or 1) + 1
    case.updated_at = session.now()
    return batch_id


def flag_batch_members(
    session: Session, case: Complaint, batch_id: int, ctx: SlaContext, callback_rule: str | None
) -> None:
    """After ``case`` (which ``join_batch`` linked to ``batch_id``) is inserted: the earlier
    cases of its batch not yet in it — all of them when this case forms the batch, none
    once it is formed — are flagged (reason batch), linked and get new deadlines, each
    with an ``urgent_batch`` audit entry, then the case's own entry. Call inside the
    registering transaction."""
    db = database_proxy.obj
    p = db.param
    where, params, _product = _day_of_subtype(case)
    now = session.now()
    newcomers = [
        int(r[0])
        for r in db.execute_sql(
            f"SELECT id FROM complaint WHERE {where} AND id <> {p}"
            f" AND (batch_id IS NULL OR batch_id <> {p})"
            # The members stay locked until the save commits (PostgreSQL; row locks).
            + (" FOR UPDATE" if is_postgres(db) else ""),
            [*params, case.id, batch_id],
        ).fetchall()
    ]
    flagged: list[int] = []
    if newcomers:
        members = (
            Complaint.select(*_BATCH_COLUMNS)
            .where(Complaint.id.in_(newcomers))
            .order_by(Complaint.registration_time, Complaint.id)
        )
        for member in members:
            if add_urgent_reason(member, "batch"):
                flagged.append(member.id)
            member.batch_id = batch_id
            refresh_case(member, ctx, callback_rule)
            member.version += 1
            member.updated_at = now
            # Only the columns the rule changed, written out as SQL (one statement per
            # member; building each with peewee cost more than running it): forming the
            # batch of a busy day updates every earlier case of the subtype that day.
            fields = member.dirty_fields
            sets = ", ".join(f"{f.column_name} = {p}" for f in fields)
            values = [f.db_value(member.__data__.get(f.name)) for f in fields]
            db.execute_sql(f"UPDATE complaint SET {sets} WHERE id = {p}", [*values, member.id])
    audit.record_many(
        session,
        "urgent_batch",
        "complaint",
        [(member_id, {"batch": batch_id}) for member_id in [*flagged, case.id]],
    )


def _lock_day(day: dt.date) -> None:
    """Lock ``day``'s sequence row until the transaction ends (PostgreSQL; one writer at a
    time on SQLite). Already held by a registration of that day that took its number."""
    key = day.strftime("%Y%m%d")
    (
        DaySequence.insert(day=key, last=0)
        .on_conflict(conflict_target=[DaySequence.day], update={DaySequence.last: DaySequence.last})
        .execute()
    )


@service
def recompute_open_deadlines(
    session: Session, *, chunk: int = 2000, progress: Progress | None = None
) -> int:
    """Recompute the stored deadlines of every open case (after a policy or calendar change).

    Runs in chunks, each its own transaction, so other PCs keep working; ``progress(done,
    total)`` may return False to stop. Returns the number of cases whose deadlines changed.
    """
    require_manager(session)
    ctx = SlaContext.load()
    rules = _callback_rules()
    total = Complaint.select().where(Complaint.is_open).count()
    done = changed = 0
    last_id = 0
    db = database_proxy.obj
    while True:
        with write_lock(db):
            batch = list(
                for_update(
                    Complaint.select()
                    .where(Complaint.is_open, Complaint.id > last_id)
                    .order_by(Complaint.id)
                    .limit(chunk)
                )
            )
            if not batch:
                break
            dirty = [c for c in batch if refresh_case(c, ctx, rules.get(c.subtype_id))]
            for case in dirty:
                case.version += 1
            if dirty:
                Complaint.bulk_update(
                    dirty,
                    fields=[
                        Complaint.first_response_due,
                        Complaint.solution_due,
                        Complaint.resolution_due,
                        Complaint.priority,
                        Complaint.next_due,
                        Complaint.next_update_due,
                        Complaint.version,
                    ],
                )
            changed += len(dirty)
        done += len(batch)
        last_id = batch[-1].id
        if progress is not None and progress(done, total) is False:
            break
    with write_lock(db):
        if changed:
            # Deadlines moved, possibly behind the reminder scan's watermark: look again.
            ScanState.delete().execute()
        audit.record(
            session, "deadlines_recomputed", "complaint", None, cases=done, changed=changed
        )
    return changed


def unofficial_years(today: dt.date, *, days_ahead: int = 60) -> list[int]:
    """The years in reach (this one and the one ``days_ahead`` away) without an official
    holiday schedule, neither in the library nor imported from the notice."""
    imported = settings_service.notice_years()
    return [
        year
        for year in sorted({today.year, (today + dt.timedelta(days=days_ahead)).year})
        if not official_year(year) and year not in imported
    ]


def calendar_warnings(today: dt.date, *, days_ahead: int = 60) -> list[str]:
    """Messages (English; the calendar page words them from ``unofficial_years``) for
    managers when a year in reach has no official holiday schedule yet: deadlines there
    count weekends and manager overrides only."""
    return [
        f"The official {year} holiday schedule is not known to this program: "
        f"deadlines in {year} count weekends and your calendar overrides only. "
        f"Import the State Council's holiday notice for {year}, enter its days as "
        f"overrides, or update the program."
        for year in unofficial_years(today, days_ahead=days_ahead)
    ]
