"""The open-case queue: open cases in processing order (SPEC §4), a page at a time.

Order: ``priority`` descending (urgent 4, then level III, II, I), then ``next_due``
ascending (earliest unmet deadline first), then ``id``. Pages follow each other by keyset
(the last row's ``(priority, next_due, id)``), never by offset, so the query walks the
``complaint_queue`` index (is_open, priority DESC, next_due, id) from where the previous
page stopped on both SQLite and PostgreSQL.

Scope (SPEC §1, §9), applied in the query: clerks see the cases they received or own and
those of their departments; supervisors those of their departments and those they own or
received; managers and administrators everything. Contact details are shown to the
receiver, the owner, the owner's direct supervisor, supervisors of the case's department
and managers; everyone else gets them masked.

Open cases are expected to carry a ``next_due`` (the services that change a case keep it).
Should one lack it, the queue still lists it exactly once: NULL sorts where the backend's
index keeps it (first within its priority on SQLite, last on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import Complaint, ComplaintType, Department, User, database_proxy
from desktop_app.domain.masking import mask_contact
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.permissions import require_staff
from desktop_app.services.session import Session

MAX_LIMIT = 1000


@dataclass(frozen=True)
class QueueCursor:
    """Where a page ended: the last row's sort key."""

    priority: int
    next_due: dt.datetime | None
    id: int


@dataclass(frozen=True)
class QueueRow:
    id: int
    number: str
    customer_name: str
    contact: str  # masked unless the session may see it
    contact_masked: bool
    type: str
    subtype: str
    level: int
    urgent: bool
    priority: int
    stage: str
    owner: str  # display name
    department: str
    next_due: dt.datetime | None
    registration_time: dt.datetime

    @property
    def cursor(self) -> QueueCursor:
        return QueueCursor(self.priority, self.next_due, self.id)


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    next_cursor: QueueCursor | None  # None: this was the last page


def scope_condition(session: Session):
    """The SQL condition limiting complaints to what the session may see, or None (all)."""
    C = Complaint
    if session.is_manager or session.is_admin:
        return None
    mine = (C.receiver == session.user_id) | (C.owner == session.user_id)
    if session.department_ids:
        return mine | C.department.in_(sorted(session.department_ids))
    return mine


def after_condition(cursor: QueueCursor, *, nulls_first: bool):
    """Rows after ``cursor`` in processing order, written so the queue index bounds the scan:
    ``priority <= p`` is a range on the index; the rest narrows within that priority."""
    C = Complaint
    p, due, last_id = cursor.priority, cursor.next_due, cursor.id
    same = C.priority == p
    if due is None:
        if nulls_first:  # NULLs first: after a NULL come the other NULLs, then every due
            within = (C.next_due.is_null() & (C.id > last_id)) | C.next_due.is_null(False)
        else:  # NULLs last: only the remaining NULLs
            within = C.next_due.is_null() & (C.id > last_id)
    else:
        within = (C.next_due > due) | ((C.next_due == due) & (C.id > last_id))
        if not nulls_first:
            within = within | C.next_due.is_null()
    return (C.priority <= p) & ((C.priority < p) | (same & within))


def build_query(session: Session, *, limit: int, after: QueueCursor | None, nulls_first: bool):
    C = Complaint
    Owner = User.alias("owner_user")
    Type = ComplaintType.alias("type_t")
    Sub = ComplaintType.alias("subtype_t")
    query = (C.select(
                C.id, C.number, C.customer_name, C.contact, C.level, C.urgent, C.priority,
                C.stage, C.next_due, C.registration_time, C.receiver, C.owner, C.department,
                Owner.display_name, Owner.supervisor, Type.name_zh, Type.name_en,
                Sub.name_zh, Sub.name_en, Department.name_zh, Department.name_en)
             .join(Owner, on=(C.owner == Owner.id))
             .switch(C).join(Type, on=(C.type == Type.id))
             .switch(C).join(Sub, on=(C.subtype == Sub.id))
             .switch(C).join(Department, on=(C.department == Department.id))
             .where(C.is_open == True))  # noqa: E712 - the index wants "is_open = true"
    scope = scope_condition(session)
    if scope is not None:
        query = query.where(scope)
    if after is not None:
        query = query.where(after_condition(after, nulls_first=nulls_first))
    return (query.order_by(C.priority.desc(), C.next_due.asc(), C.id.asc())
            .limit(limit).tuples())


def _may_see_contact(session: Session, receiver: int, owner: int, department: int,
                     owner_supervisor: int | None) -> bool:
    if session.is_manager:
        return True
    uid = session.user_id
    if uid is None:
        return False
    if uid in (receiver, owner):
        return True
    return session.is_supervisor and (department in session.department_ids
                                      or owner_supervisor == uid)


@service
def open_queue(session: Session, *, limit: int = 100, after: QueueCursor | None = None
               ) -> QueuePage:
    """One page of the open cases the session may see, in processing order. Pass the
    returned ``next_cursor`` as ``after`` for the next page."""
    require_staff(session)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("A page holds 1 to {max} cases.", field="limit", max=MAX_LIMIT)
    nulls_first = is_sqlite(database_proxy.obj)
    zh = session.language.startswith("zh")
    rows = []
    # One more than asked: tells whether another page follows.
    for (cid, number, name, contact, level, urgent, priority, stage, next_due, registered,
         receiver, owner, department, owner_name, owner_supervisor, type_zh, type_en,
         sub_zh, sub_en, dept_zh, dept_en) in build_query(
            session, limit=limit + 1, after=after, nulls_first=nulls_first):
        visible = _may_see_contact(session, receiver, owner, department, owner_supervisor)
        rows.append(QueueRow(
            cid, number, name, contact if visible else mask_contact(contact), not visible,
            type_zh if zh else type_en, sub_zh if zh else sub_en, level, bool(urgent),
            priority, stage, owner_name, dept_zh if zh else dept_en, next_due, registered))
    more = len(rows) > limit
    rows = rows[:limit]
    return QueuePage(tuple(rows), rows[-1].cursor if more and rows else None)
