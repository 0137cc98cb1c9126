"""Who may see a case, act on it, see its customer's contact and decide its approvals:
the one home of that rule (docs/rules.md#roles-and-access).

Each rule is a :class:`Scope`: either every case, or a few terms "column in values"
joined by OR (the case's receiver, owner or department). The terms are made once from the
session (one query: the users a supervisor supervises) and the same Scope answers

- for one case in Python (``admits``), for rows already read (``admits_row``),
- as an SQL condition for the hand-written queries (``sql``, with ``{p}`` placeholders),
- as a peewee expression (``expression``),

so the check a service makes on one case and the condition a list or an export puts in its
``WHERE`` cannot drift apart. ``tests/unit/test_access.py`` holds the table of roles ×
relationships and compares the three forms on a real database.

The rules (docs/rules.md#roles-and-access):

- **see**: managers and administrators every case; everyone else the cases they received
  or own, the cases of their departments, and — supervisors — the cases owned by the
  staff they supervise (also in another department).
- **contact** (full contact and ID number, docs/rules.md#masking): managers every case;
  the receiver and the owner; supervisors the cases of their departments and of the staff
  they supervise. Clerks of the same department and administrators see them masked.
- **act** (progress, transfer, close, …): handlers only (clerks, supervisors, managers):
  managers every case; the owner; supervisors the cases of their departments and of the
  staff they supervise.
- **supervise** (decide an approval): managers every case; supervisors the cases of their
  departments and of the staff they supervise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from peewee import SQL, ColumnBase

from desktop_app.db.models import Complaint, User, database_proxy
from desktop_app.services.session import Session

HANDLER_ROLES = ("clerk", "supervisor", "manager")

# The complaint columns a scope may name (a term's column is one of these).
RECEIVER, OWNER, DEPARTMENT = "receiver_id", "owner_id", "department_id"
_COLUMNS = (RECEIVER, OWNER, DEPARTMENT)


@dataclass(frozen=True)
class Scope:
    """Every case (``everything``), or the cases whose column is in one of ``terms``'
    value sets. No terms and not everything: no case at all."""

    everything: bool = False
    terms: tuple[tuple[str, frozenset[int]], ...] = ()

    @classmethod
    def of(cls, terms: Mapping[str, Iterable[int | None]]) -> Scope:
        kept = []
        for column in _COLUMNS:
            values = frozenset(v for v in terms.get(column, ()) if v is not None)
            if values:
                kept.append((column, values))
        return cls(False, tuple(kept))

    @property
    def nothing(self) -> bool:
        return not self.everything and not self.terms

    def admits_row(self, **columns: int | None) -> bool:
        """For values already read: ``admits_row(receiver_id=…, owner_id=…,
        department_id=…)``."""
        if self.everything:
            return True
        return any(columns.get(column) in values for column, values in self.terms)

    def admits(self, case: Any) -> bool:
        """For one case (a ``Complaint`` or anything with the three ``…_id`` attributes)."""
        if self.everything:
            return True
        return any(getattr(case, column) in values for column, values in self.terms)

    def sql(self, alias: str = "c", *, unindexed: bool = False) -> tuple[str, list[int]]:
        """``(" AND (…)", params)`` with ``{p}`` placeholders, or ``("", [])`` for every
        case. ``unindexed`` writes the columns as ``+c.column`` (SQLite's way of saying "do
        not look this term up in an index"), for queries that should walk the index of
        their order and test the scope row by row."""
        if self.everything:
            return "", []
        if not self.terms:
            return " AND (1 = 0)", []
        prefix = f"+{alias}." if unindexed else f"{alias}."
        parts, params = [], []
        for column, values in self.terms:
            ordered = sorted(values)
            if len(ordered) == 1:
                parts.append(f"{prefix}{column} = {{p}}")
            else:
                parts.append(f"{prefix}{column} IN (" + ", ".join(["{p}"] * len(ordered)) + ")")
            params += ordered
        return " AND (" + " OR ".join(parts) + ")", params

    def expression(self, model: type[Complaint] = Complaint) -> ColumnBase:
        """A peewee condition on ``model`` (``Complaint`` or an alias of it)."""
        if self.everything:
            return SQL("1 = 1")
        if not self.terms:
            return SQL("1 = 0")
        fields = {f.column_name: f for f in model._meta.sorted_fields}
        condition: ColumnBase | None = None
        for column, values in self.terms:
            term = fields[column].in_(sorted(values))
            condition = term if condition is None else (condition | term)
        assert condition is not None
        return condition


@dataclass(frozen=True)
class Rules:
    """The session's four scopes, made together (one query at most)."""

    see: Scope
    contact: Scope
    act: Scope
    supervise: Scope


EVERYTHING = Scope(everything=True)
NOTHING = Scope()


def supervised_ids(session: Session) -> frozenset[int]:
    """The users whose direct supervisor is the session's user (supervisors only)."""
    if not session.is_supervisor or session.user_id is None:
        return frozenset()
    # Plain SQL: every list page of a supervisor asks (peewee's query and model rows cost
    # several times the query itself: python -m bench tracker).
    db = database_proxy.obj
    cursor = db.execute_sql(
        f'SELECT id FROM "{User._meta.table_name}" WHERE supervisor_id = {db.param}',
        (session.user_id,),
    )
    return frozenset(row[0] for row in cursor.fetchall())


def rules(session: Session) -> Rules:
    """Who the session may see, see the contact of, act on and supervise: see the module
    documentation."""
    me = {session.user_id} if session.user_id is not None else set()
    departments = session.department_ids
    if session.is_manager:
        return Rules(EVERYTHING, EVERYTHING, EVERYTHING, EVERYTHING)
    team = supervised_ids(session)
    if session.is_supervisor:
        supervise = Scope.of({OWNER: team, DEPARTMENT: departments})
        handled = {OWNER: me | team, DEPARTMENT: departments}
    else:
        supervise = NOTHING
        handled = {OWNER: me}
    contact = Scope.of({RECEIVER: me, **handled})
    act = Scope.of(handled) if session.role in HANDLER_ROLES else NOTHING
    if session.is_admin:
        see = EVERYTHING
    else:
        see = Scope.of({RECEIVER: me, OWNER: me | team, DEPARTMENT: departments})
    return Rules(see, contact, act, supervise)


def may_see(session: Session, case: Any) -> bool:
    """Whether the session may see the case at all."""
    return rules(session).see.admits(case)


def may_see_contact(session: Session, case: Any) -> bool:
    """Whether the session sees the case's contact and ID number in full."""
    return rules(session).contact.admits(case)


def may_act(session: Session, case: Any) -> bool:
    """Whether the session handles the case: its owner, a supervisor of it, a manager."""
    return rules(session).act.admits(case)


def supervises(session: Session, case: Any) -> bool:
    """A manager, or a supervisor of the case's department or of its owner."""
    return rules(session).supervise.admits(case)


def customer_in_scope(session: Session, customer_id: int) -> bool:
    """Whether the customer is within the session's reach: managers every customer, everyone
    else a customer with a case they may see (docs/rules.md#customers). Outside it, the
    intake look-up finds a customer only by an exact full number, masked."""
    if session.is_manager:
        return True
    return _has_case(customer_id, rules(session).see)


def customer_contact(session: Session, customer_id: int) -> bool:
    """Whether the session sees the customer's contacts and ID number in full: managers, and
    whoever may see the contact of one of the customer's cases (docs/rules.md#masking)."""
    if session.is_manager:
        return True
    return _has_case(customer_id, rules(session).contact)


def _has_case(customer_id: int, scope: Scope) -> bool:
    return bool(
        Complaint.select(Complaint.id)
        .where(Complaint.customer == customer_id, scope.expression())
        .exists()
    )


def see_condition(session: Session, *, unindexed: bool = False) -> tuple[str, list[int]]:
    """The ``see`` rule as SQL for a query over ``complaint AS c`` (see ``Scope.sql``)."""
    return rules(session).see.sql("c", unindexed=unindexed)
