"""The open-case queue: open cases in processing order (docs/rules.md#processing-order), a page at a
time.

Order: ``priority`` descending (urgent 4, then level III, II, I), then ``next_due``
ascending (earliest unmet deadline first), then ``id``. Pages follow each other by keyset
(the last row's ``(priority, next_due, id)``), never by offset, so the query walks the
``complaint_queue_open`` index (is_open, priority DESC, next_due, id, …; the open cases
only) from where the previous
page stopped on both SQLite and PostgreSQL.

Scope and masking: ``services.access`` (docs/rules.md#roles-and-access), its ``see``
rule applied in the query and its ``contact`` rule to each row read.

Open cases are expected to carry a ``next_due`` (the services that change a case keep it).
Should one lack it, the queue still lists it exactly once: NULL sorts where the backend's
index keeps it (first within its priority on SQLite, last on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import overload

from desktop_app.db import prepared
from desktop_app.db.connection import is_sqlite, param_mark, placeholders
from desktop_app.db.models import database_proxy
from desktop_app.domain.masking import mask_contact
from desktop_app.domain.messages import msg
from desktop_app.services import access, audit
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


# The query, written out: it is the hottest read of the program, and peewee's query
# building and value conversion cost several times the query itself. Identifiers are the
# models' own (checked by the tests); values always go in as parameters, except
# ``is_open = TRUE``, literal so the partial index of the open cases (``WHERE is_open``)
# matches whatever the driver does with parameters.
#
# On PostgreSQL the page is chosen from the complaint table alone (a subquery, read from
# ``complaint_queue_open``) and only its rows are joined to their labels. As one flat join
# PostgreSQL spends four times the query's own run planning it (every order of the five
# tables against every index of the cases: 1.3 ms of 1.5 ms at 1M cases); the page in a
# subquery of its own (a LIMIT is never merged into the outer query) is planned in a fifth
# of that. SQLite plans the flat join in microseconds, and would sort the subquery's rows
# again after the joins, so it keeps the flat join.
_COLUMNS = """c.id, c.number, c.customer_name, c.contact, c.level, c.urgent, c.priority,
 c.stage, c.next_due, c.registration_time, c.receiver_id, c.owner_id, c.department_id"""
# The labels in the session's language only ({name}: name_zh or name_en).
_LABELS = "o.display_name, t.{name}, s.{name}, d.{name}"
_JOINS = """JOIN "user" AS o ON o.id = c.owner_id
JOIN complaint_type AS t ON t.id = c.type_id
JOIN complaint_type AS s ON s.id = c.subtype_id
JOIN department AS d ON d.id = c.department_id"""
_ORDER_BY = "ORDER BY c.priority DESC, c.next_due ASC, c.id ASC"
_FLAT = f"SELECT {_COLUMNS},\n {_LABELS}\nFROM complaint AS c\n{_JOINS}\nWHERE c.is_open = TRUE"
_INNER = (
    f"SELECT {_COLUMNS}, c.type_id, c.subtype_id\n FROM complaint AS c\n WHERE c.is_open = TRUE"
)
_OUTER = f"SELECT {_COLUMNS},\n {_LABELS}\nFROM ({{inner}}) AS c\n{_JOINS}\n{_ORDER_BY}"


def after_condition(cursor: QueueCursor, *, sqlite: bool) -> tuple[str, list[object]]:
    """Rows after ``cursor`` in processing order. ``priority <= p`` bounds the index scan;
    the rest narrows within that priority. NULL dues sort where the index keeps them:
    first on SQLite, last on PostgreSQL."""
    due: dt.datetime | str | None
    params: list[object]
    p, due, last_id = cursor.priority, cursor.next_due, cursor.id
    nulls_first = sqlite
    if sqlite and due is not None:
        due = str(due)  # stored as text: compare as text, in the stored format
    if due is None:
        if nulls_first:  # after a NULL: the remaining NULLs, then every due
            within, params = (
                "(c.next_due IS NULL AND c.id > {p}) OR c.next_due IS NOT NULL",
                [last_id],
            )
        else:  # NULLs last: only the remaining NULLs
            within, params = "c.next_due IS NULL AND c.id > {p}", [last_id]
    else:
        within = "c.next_due > {p} OR (c.next_due = {p} AND c.id > {p})"
        params = [due, due, last_id]
        if not nulls_first:
            within += " OR c.next_due IS NULL"
    sql = " AND c.priority <= {p} AND (c.priority < {p} OR (c.priority = {p} AND (" + within + ")))"
    return sql, [p, p, p, *params]


def build_query(
    session: Session, *, limit: int, after: QueueCursor | None, sqlite: bool
) -> tuple[str, list[object]]:
    """The queue's SQL and parameters for one page, for SQLite or PostgreSQL."""
    parts: list[str] = [_FLAT if sqlite else _INNER]
    params: list[object] = []
    scope, scope_params = access.see_condition(session)
    parts.append(scope)
    params += scope_params
    if after is not None:
        sql, after_params = after_condition(after, sqlite=sqlite)
        parts.append(sql)
        params += after_params
    if sqlite:
        parts.append(f"\n {_ORDER_BY}\n LIMIT {{p}}")
        params.append(limit)
    else:
        # Literal (an int): PostgreSQL runs the page as a prepared statement with its
        # generic plan (db/prepared.py), made once per connection; a plan for an unknown
        # LIMIT would expect a tenth of the table (docs/rules.md#indexes).
        parts.append(f"\n {_ORDER_BY}\n LIMIT {int(limit)}")
    sql = "".join(parts) if sqlite else _OUTER.replace("{inner}", "".join(parts))
    sql = sql.replace("{name}", session.label_column)
    return placeholders(sql, param_mark(sqlite=sqlite)), params


@overload
def _datetime(value: None) -> None: ...
@overload
def _datetime(value: dt.datetime | str) -> dt.datetime: ...
def _datetime(value: dt.datetime | str | None) -> dt.datetime | None:
    """SQLite hands back text, PostgreSQL datetimes."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


@service
def open_queue(
    session: Session, *, limit: int = 100, after: QueueCursor | None = None
) -> QueuePage:
    """One page of the open cases the session may see, in processing order. Pass the
    returned ``next_cursor`` as ``after`` for the next page. Contacts in full are audited
    once per page (masked when that entry cannot be written)."""
    require_staff(session)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(msg("A page holds 1 to {max} cases."), field="limit", max=MAX_LIMIT)
    db = database_proxy.obj
    sqlite = is_sqlite(db)
    # One more than asked: tells whether another page follows.
    sql, params = build_query(session, limit=limit + 1, after=after, sqlite=sqlite)
    contact_scope = access.rules(session).contact
    rows = []
    for (
        cid,
        number,
        name,
        contact,
        level,
        urgent,
        priority,
        stage,
        next_due,
        registered,
        receiver,
        owner,
        department,
        owner_name,
        type_name,
        subtype_name,
        department_name,
    ) in prepared.execute(db, sql, params).fetchall():
        visible = contact_scope.admits_row(
            receiver_id=receiver, owner_id=owner, department_id=department
        )
        rows.append(
            QueueRow(
                cid,
                number,
                name,
                contact if visible else mask_contact(contact),
                not visible,
                type_name,
                subtype_name,
                level,
                bool(urgent),
                priority,
                stage,
                owner_name,
                department_name,
                _datetime(next_due),
                _datetime(registered),
            )
        )
    more = len(rows) > limit
    rows = rows[:limit]
    # A page showing contacts in full: one audit entry with its cases (docs/rules.md#masking).
    shown = [r.id for r in rows if not r.contact_masked and r.contact]
    if not audit.shown_cases(session, "open_queue", shown):
        rows = [
            r
            if r.contact_masked
            else replace(r, contact=mask_contact(r.contact), contact_masked=True)
            for r in rows
        ]
    return QueuePage(tuple(rows), rows[-1].cursor if more and rows else None)
