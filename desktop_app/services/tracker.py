"""The tracker's case list (template 2 window): filtered, sorted, scoped pages of cases.

- ``list_cases(session, flt, sort=, descending=, limit=, after=)`` returns one page; pass
  the page's ``next_cursor`` as ``after`` for the next one. Pages follow each other by
  keyset (the last row's sort-key values, ``id`` always the last tie-breaker), never by
  OFFSET, and never read more than the page (plus one row to know whether more follow).
- Scope and masking are ``services.access``'s (docs/rules.md#roles-and-access): its
  ``see`` rule is applied in the SQL, its ``contact`` rule masks each row's contact.
- ``count_cases`` counts what ``list_cases`` would list; ``standard_views`` and
  ``view_counts`` give the saved views of the window with their counts; ``owners`` the
  staff the owner filter offers; ``due_soon_window`` the "due soon" setting.

Orders (``sort`` is one of ``SORT_KEYS``; ``descending`` reverses every key of the order,
``id`` included, except where noted):

- ``processing``: docs/rules.md#processing-order, priority descending (urgent, III, II, I), next
  deadline ascending, id. ``descending`` is ignored: the processing order has one direction. When
  closed cases are included, open cases come first (their processing order), then the
  closed ones in the same order. A NULL next deadline sorts where the backend's index
  keeps it (first within its priority on SQLite, last on PostgreSQL), as in
  ``services.queue``, so the open queue is read straight from the ``complaint_queue_open`` index.
- ``next_due``: the next deadline, then id; cases without one (closed cases) come after
  all cases with one, in both directions, on both backends.
- ``age``: registration time, then id. Ascending means oldest registration first (the
  oldest case, the greatest age, on top); descending newest first.
- ``stage``: workflow order (``vocab.STAGES``), not alphabetical.
- ``type``, ``department``, ``owner``: the label shown (type then subtype; department
  name; owner's display name) in the session's language. The labels are ranked in Python
  (code-point order, ties by id), so the order is the same on every backend and collation.
- ``number``, ``customer``: the column's text in the database's collation; ``level``: level,
  then the urgent flag.

Text search (``CaseFilter.text``): a complaint number (it starts with the numbering
prefix) matches by number prefix; digits (and dashes) match a number prefix after the
prefix (``20261125-00`` finds ``TS-20261125-00..``), a contact typed in full, or a phone
ending in those digits (at least four) among the cases whose contact the session sees in
full (elsewhere only the whole number matches, so masked digits cannot be guessed); anything else matches the customer name by prefix,
a contact typed in full, or the description through the full-text index (every word /
CJK bigram of the text, ``db.search.id_subquery``).

Reading a page (measured at 1,000,000 demo cases, 28,000 open; ``bench tracker``): first
the page's ids, from the complaint table alone, then those rows with their labels. Over
the open cases the processing order walks ``complaint_queue_open``, the open cases in that
order with every column the list filters by, so a filter and the scope are tested in the
index without reading a row (a stage: 1.6 to 0.3 ms); any other order sorts the open
cases from that index or ``complaint_open_cases`` (same columns, by department first; a
few ms); on PostgreSQL a label order (department, owner, type, stage) reads its groups one
after the other in one statement instead, stopping when the page is full (``_union_sql``,
docs/rules.md#indexes). With closed cases included, each order walks an
index in its own order: number, customer name, registration time, next deadline, and for
the label and level orders one group after the other in id order (closed stage: the rows
in id order). A scoped session's scope is then tested row by row along that walk
(SQLite), which a department's share of the cases passes often. Slowest remaining: a
label order over all cases for staff who see little of some groups (e.g. a supervisor
sorting all cases by type or department), up to about a second when a page crosses such
a group, as that group is walked to its end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from peewee import Database

from desktop_app.db import prepared, search
from desktop_app.db.connection import is_sqlite, placeholders
from desktop_app.db.models import FollowUp, database_proxy
from desktop_app.domain.analysis import NO_CAUSE
from desktop_app.domain.deadlines import due_state
from desktop_app.domain.masking import mask_contact
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import STAGES
from desktop_app.services import access, audit
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.permissions import require_staff
from desktop_app.services.queue import MAX_LIMIT, QueueCursor, after_condition
from desktop_app.services.session import Session

# Column keys the table may sort by. "processing" is the order of docs/rules.md#processing-order:
# urgent, III, II, I, then earliest next deadline, then id. "age" sorts by registration time
# (ascending = the oldest registration first; see the module docstring).
SORT_KEYS = (
    "processing",
    "number",
    "customer",
    "type",
    "level",
    "stage",
    "owner",
    "department",
    "next_due",
    "age",
)

STAGE_RANK = {code: rank for rank, code in enumerate(STAGES.codes())}
MIN_SUFFIX_DIGITS = 4  # a phone matches by its last digits from this many on
_NUMBERISH = re.compile(r"[0-9][0-9\- ]*")


@dataclass(frozen=True)
class CaseFilter:
    """Every filter of the tracker; empty sets mean "any". Combined with AND."""

    include_closed: bool = False
    stages: frozenset[str] = frozenset()  # vocab.STAGES codes
    owner_ids: frozenset[int] = frozenset()
    department_codes: frozenset[str] = frozenset()
    type_codes: frozenset[str] = frozenset()  # category or subtype codes
    levels: frozenset[int] = frozenset()  # 1, 2, 3
    urgent_only: bool = False
    channel_codes: frozenset[str] = frozenset()
    registered_from: dt.date | None = None  # inclusive
    registered_to: dt.date | None = None  # inclusive
    overdue_only: bool = False  # open and next_due before now
    # owned by the session's user, or received by them (first-contact responsibility,
    # docs/rules.md#routing: a routed case stays in its receiver's "My cases")
    mine: bool = False
    awaiting_approval: bool = False  # stage "approval"
    follow_up_open: bool = False  # an unhappy customer awaits follow-up
    text: str = ""  # number (prefix), customer name (prefix), contact, or description words
    # docs/rules.md#analysis-by-product-and-cause: product or merchant containing the text
    # (any case), products equal to one of these (trimmed; "" for cases without one), and
    # root-cause codes (``NO_CAUSE`` "none" for cases without a recorded cause).
    product: str = ""
    merchant: str = ""
    products: frozenset[str] = frozenset()
    cause_codes: frozenset[str] = frozenset()


class CaseRow(NamedTuple):
    """One case of the list. A named tuple (immutable): a page builds a hundred of them,
    and a tuple is made in a tenth of a frozen dataclass's time."""

    id: int
    number: str
    customer_name: str
    contact: str  # masked unless the session is entitled
    contact_masked: bool
    type: str  # label in the session's language
    subtype: str
    level: int
    urgent: bool
    priority: int
    stage: str  # vocab.STAGES code
    owner_id: int
    owner: str  # display name
    department_code: str
    department: str  # label
    channel: str  # label
    next_due: dt.datetime | None
    registration_time: dt.datetime
    closed_at: dt.datetime | None
    is_open: bool
    version: int

    def due_state(self, now: dt.datetime, soon: dt.timedelta) -> str:
        """ "overdue", "due_soon", "on_track", or "none" (closed / no deadline): the next
        deadline by ``deadlines.due_state``."""
        return due_state(self.next_due, now, soon, is_open=self.is_open)


@dataclass(frozen=True)
class CasePage:
    rows: tuple[CaseRow, ...]
    next_cursor: tuple[Any, ...] | None  # opaque; None when this was the last page


@dataclass(frozen=True)
class SavedView:
    key: str  # "mine", "approval", "overdue", "open", "all", "dept:<code>"
    zh: str
    en: str
    filter: CaseFilter

    def label(self, language: str = "zh") -> str:
        return self.zh if language.startswith("zh") else self.en


# ---------------------------------------------------------------------------------------
# The SQL. Written out like services.queue (the window's hottest read); identifiers are
# the models' own, values parameters (``{p}``, made ``?`` or ``%s`` at the end) except
# ``is_open = TRUE``, literal so SQLite may use the partial index of open cases.
#
# A page is read in two steps: the ids of the page (WHERE, keyset, ORDER BY, LIMIT over
# the complaint table alone: for open cases usually from an index without touching a
# row), then those rows with their labels (one query by id).

# Raw row positions of _SELECT.
(
    _ID,
    _NUMBER,
    _NAME,
    _CONTACT,
    _LEVEL,
    _URGENT,
    _PRIORITY,
    _STAGE,
    _NEXT_DUE,
    _REGISTERED,
    _CLOSED_AT,
    _IS_OPEN,
    _VERSION,
    _RECEIVER,
    _OWNER,
    _DEPARTMENT,
    _SUBTYPE,
    _OWNER_NAME,
    _TYPE_LABEL,
    _SUBTYPE_LABEL,
    _DEPARTMENT_CODE,
    _DEPARTMENT_LABEL,
    _CHANNEL_LABEL,
) = range(23)

_SELECT = """SELECT c.id, c.number, c.customer_name, c.contact, c.level, c.urgent, c.priority,
 c.stage, c.next_due, c.registration_time, c.closed_at, c.is_open, c.version, c.receiver_id,
 c.owner_id, c.department_id, c.subtype_id, o.display_name, t.{name},
 s.{name}, d.code, d.{name}, ch.{name}
FROM complaint AS c
JOIN "user" AS o ON o.id = c.owner_id
JOIN complaint_type AS t ON t.id = c.type_id
JOIN complaint_type AS s ON s.id = c.subtype_id
JOIN department AS d ON d.id = c.department_id
JOIN channel AS ch ON ch.id = c.channel_id"""
# PostgreSQL reads a page in one statement: the page chosen from the complaint table alone
# (a subquery with its own ORDER BY and LIMIT, which the planner never merges into the
# outer query), then only its rows joined to their labels. Planning the six tables as one
# flat join cost PostgreSQL more than running it (every join order against every index of
# the cases); and each statement is a round trip to the server, where SQLite's two reads
# cost microseconds (``python -m bench tracker --database …``).
_PG_COLUMNS = """c.id, c.number, c.customer_name, c.contact, c.level, c.urgent, c.priority,
 c.stage, c.next_due, c.registration_time, c.closed_at, c.is_open, c.version, c.receiver_id,
 c.owner_id, c.department_id, c.subtype_id, c.type_id, c.channel_id"""
_PG_INNER = f"SELECT {_PG_COLUMNS}\nFROM complaint AS c"
# ``{extra}``: more columns after the row's (``_union_sql``'s segment number).
_PG_OUTER = """SELECT c.id, c.number, c.customer_name, c.contact, c.level, c.urgent, c.priority,
 c.stage, c.next_due, c.registration_time, c.closed_at, c.is_open, c.version, c.receiver_id,
 c.owner_id, c.department_id, c.subtype_id, o.display_name, t.{name},
 s.{name}, d.code, d.{name}, ch.{name}{extra}
FROM ({inner}) AS c
JOIN "user" AS o ON o.id = c.owner_id
JOIN complaint_type AS t ON t.id = c.type_id
JOIN complaint_type AS s ON s.id = c.subtype_id
JOIN department AS d ON d.id = c.department_id
JOIN channel AS ch ON ch.id = c.channel_id
ORDER BY {order}"""
_OPEN = "c.is_open = TRUE"
# A row as the database driver returns it.
_Raw = tuple[Any, ...]
_CLOSED = "c.is_open = FALSE"


@dataclass(frozen=True)
class _Key:
    """One key of an order: its SQL, direction and how to read its value off a raw row."""

    sql: str
    desc: bool
    value: Callable[[_Raw], object]


@dataclass(frozen=True)
class _Segment:
    """A part of an order read by its own query (open before closed cases, cases with a
    deadline before those without, one group of a label order after the other): ``where``
    narrows the filter to it, ``keys`` order it."""

    where: str
    params: tuple[object, ...]
    keys: tuple[_Key, ...]
    processing: bool = False  # keyset by queue.after_condition (native NULL placement)
    # The segment's condition holds only for open cases, so on PostgreSQL the open-cases
    # condition of an open-only filter is left out of its query (``_plan``, next deadline).
    open_implied: bool = False


@dataclass(frozen=True)
class _Plan:
    sort: str
    descending: bool
    segments: tuple[_Segment, ...]
    order_sql: str  # the whole order as one ORDER BY (for ``statement``)
    # PostgreSQL, open cases by groups: every segment (key: id only) in one statement,
    # a UNION ALL of one subquery per group (``_union_sql``).
    union: bool = False
    # The scope written unindexed (``access.Scope.sql``): tested on the rows each group's
    # index gives, not looked up term by term in each group.
    scope_unindexed: bool = False


def _column(index: int) -> Callable[[_Raw], object]:
    return lambda row: row[index]


def _rank_case(column: str, ranked: Sequence[int | str]) -> str:
    """``CASE column WHEN value THEN rank ... END``; the values are integer ids from the
    database or the fixed stage codes, written as literals."""
    whens = " ".join(
        f"WHEN {v!r} THEN {rank}" if isinstance(v, str) else f"WHEN {int(v)} THEN {rank}"
        for rank, v in enumerate(ranked)
    )
    return f"(CASE {column} {whens} ELSE {len(ranked)} END)" if ranked else "0"


def _by_label(rows: Sequence[tuple[int, str]]) -> list[int]:
    """Ids ordered by (label, id)."""
    return [i for i, _label in sorted(rows, key=lambda r: (r[1] or "", r[0]))]


def _ranked(db: Database, sort: str, name: str) -> tuple[str, int, Sequence[int | str]]:
    """A label order: the column it groups by, the raw row position of that column, and
    the column's values in the order of their labels."""
    if sort == "stage":
        return "c.stage", _STAGE, list(STAGE_RANK)
    if sort == "department":
        return (
            "c.department_id",
            _DEPARTMENT,
            _by_label(db.execute_sql(f"SELECT id, {name} FROM department").fetchall()),
        )
    if sort == "owner":
        return (
            "c.owner_id",
            _OWNER,
            _by_label(db.execute_sql('SELECT id, display_name FROM "user"').fetchall()),
        )
    # type: by category label, then subtype label; the case's subtype says both.
    types = db.execute_sql(f"SELECT id, parent_id, {name} FROM complaint_type").fetchall()
    labels = {i: label or "" for i, _parent, label in types}

    def type_then_subtype(row: _Raw) -> tuple[str, int, str, int]:
        i, parent, label = row
        if parent is None:  # a category used as its own subtype
            return (label or "", i, "", -1)
        return (labels.get(parent, ""), parent, label or "", i)

    return "c.subtype_id", _SUBTYPE, [r[0] for r in sorted(types, key=type_then_subtype)]


def _open_only(flt: CaseFilter) -> bool:
    return not flt.include_closed or flt.overdue_only


def _group(
    sort: str, column: str, value: int | str, sqlite: bool
) -> tuple[str, tuple[object, ...]]:
    """The condition of one group of a label order over all cases, read by the group's
    index in id order; except closed cases (nearly all cases), read as the rows in id
    order: SQLite would otherwise take the stage index and sort a million rows (``+``
    keeps it off the index; PostgreSQL decides by its statistics)."""
    if sqlite and sort == "stage" and value == "closed":
        return "+c.stage = {p}", (value,)
    return f"{column} = {{p}}", (value,)


def _plan(db: Database, session: Session, sort: str, descending: bool, flt: CaseFilter) -> _Plan:
    if sort not in SORT_KEYS:
        raise ValidationError(msg("Unknown sort order {sort}."), field="sort", sort=sort)
    sqlite = is_sqlite(db)
    desc = bool(descending)
    direction = " DESC" if desc else ""
    id_key = _Key("c.id", desc, _column(_ID))
    if sort == "processing":
        keys: tuple[_Key, ...] = (
            _Key("c.priority", True, _column(_PRIORITY)),
            _Key("c.next_due", False, _column(_NEXT_DUE)),
            _Key("c.id", False, _column(_ID)),
        )
        if _open_only(flt):
            # PostgreSQL: the scope tested in complaint_queue_open along the walk (it holds
            # the scope's columns). Looked up term by term, the scope's OR made it gather
            # a department's open cases by a bitmap and sort them (department + level:
            # 5 ms against 0.9 at 1M cases).
            return _Plan(
                sort,
                False,
                (_Segment("", (), keys, processing=True),),
                "c.priority DESC, c.next_due ASC, c.id ASC",
                scope_unindexed=not sqlite,
            )
        return _Plan(
            sort,
            False,
            (
                _Segment(_OPEN, (), keys, processing=True),
                _Segment(_CLOSED, (), keys, processing=True),
            ),
            "c.is_open DESC, c.priority DESC, c.next_due ASC, c.id ASC",
        )
    if sort == "next_due":
        due = _Key("c.next_due", desc, _column(_NEXT_DUE))
        # Only open cases have a next deadline (docs/rules.md#processing-order; ``check``
        # counts closed ones that would have one). Without ``is_open = TRUE`` beside it,
        # PostgreSQL walks complaint_next_due for the open cases' page and stops at the
        # page; with it, it counts that condition twice against the open cases' partial
        # indexes, expects a few hundred rows and sorts all the open ones. SQLite keeps it:
        # it sorts the open cases from their index, and walked all cases without it.
        segments = (
            _Segment("c.next_due IS NOT NULL", (), (due, id_key), open_implied=True),
            _Segment("c.next_due IS NULL", (), (id_key,)),
        )
        order = (
            f"CASE WHEN c.next_due IS NULL THEN 1 ELSE 0 END, c.next_due{direction}, "
            f"c.id{direction}"
        )
        return _Plan(sort, desc, segments, order)
    if sort in ("number", "customer", "age"):
        column, index = {
            "number": ("c.number", _NUMBER),
            "customer": ("c.customer_name", _NAME),
            "age": ("c.registration_time", _REGISTERED),
        }[sort]
        keys = (_Key(column, desc, _column(index)), id_key)
        return _Plan(sort, desc, (_Segment("", (), keys),), f"{column}{direction}, c.id{direction}")
    # Orders by a few groups: level (and urgent), or a label of a small table ranked here.
    if sort == "level":
        groups: list[tuple[str, tuple[object, ...]]] = [
            ("c.level = {p} AND c.urgent = {p}", (level, urgent))
            for level in (1, 2, 3)
            for urgent in (False, True)
        ]
        order = f"c.level{direction}, c.urgent{direction}, c.id{direction}"
        single: tuple[_Key, ...] = (
            _Key("c.level", desc, _column(_LEVEL)),
            _Key("c.urgent", desc, lambda row: bool(row[_URGENT])),
            id_key,
        )
    else:
        column, index, ranked = _ranked(db, sort, session.label_column)
        groups = [_group(sort, column, value, sqlite) for value in ranked]
        rank = {value: r for r, value in enumerate(ranked)}
        missing = len(ranked)
        case = _rank_case(column, ranked)
        order = f"{case}{direction}, c.id{direction}"
        single = (_Key(case, desc, lambda row: rank.get(row[index], missing)), id_key)
    open_only = _open_only(flt)
    if open_only and (sqlite or sort == "level"):
        # Open cases are few: one query sorts them all (from the open cases' index).
        # PostgreSQL's level order too: no index of the open cases leads with the level,
        # so each group of it would be a walk through the whole index.
        return _Plan(sort, desc, (_Segment("", (), single),), order)
    # One segment per group, in id order. With closed cases one query per group, each
    # walking an index in id order. PostgreSQL's open cases: every group in one statement,
    # each read by an index of its group and sorted (``_union_sql``); the scope tested on
    # the group's rows, except by department, whose index (complaint_open_cases) holds
    # the scope's columns right after it.
    if desc:
        groups.reverse()
    return _Plan(
        sort,
        desc,
        tuple(_Segment(where, params, (id_key,)) for where, params in groups),
        order,
        union=open_only,
        scope_unindexed=open_only and sort != "department",
    )


def _keyset(keys: Sequence[_Key], values: Sequence[object]) -> tuple[str, list[object]]:
    """Rows after ``values`` in the order of ``keys`` (one direction, no NULLs): a row-value
    comparison, with the first key also bounded alone so the index range is used."""
    op = "<" if keys[0].desc else ">"
    if len(keys) == 1:
        return f" AND {keys[0].sql} {op} {{p}}", [values[0]]
    columns = ", ".join(k.sql for k in keys)
    marks = ", ".join(["{p}"] * len(keys))
    return (f" AND {keys[0].sql} {op}= {{p}} AND ({columns}) {op} ({marks})", [values[0], *values])


def _dt_param(value: dt.datetime, sqlite: bool) -> str | dt.datetime:
    return str(value) if sqlite else value


class _Reference:
    """Codes to ids for the filter (small tables, read per call)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def ids(self, table: str, codes: Iterable[str]) -> list[int]:
        codes = sorted(codes)
        marks = ", ".join(["{p}"] * len(codes))
        sql = f"SELECT id FROM {table} WHERE code IN ({marks}) ORDER BY id"
        return [
            r[0] for r in self.db.execute_sql(placeholders(sql, self.db.param), codes).fetchall()
        ]

    def types(self, codes: Iterable[str]) -> tuple[list[int], list[int]]:
        """(category ids, subtype ids) of the codes."""
        codes = sorted(codes)
        marks = ", ".join(["{p}"] * len(codes))
        sql = f"SELECT id, parent_id FROM complaint_type WHERE code IN ({marks}) ORDER BY id"
        rows = self.db.execute_sql(placeholders(sql, self.db.param), codes).fetchall()
        return [i for i, parent in rows if parent is None], [i for i, p in rows if p is not None]


def _in(column: str, values: Sequence[object]) -> tuple[str, list[object]]:
    if not values:
        return "1 = 0", []
    return f"{column} IN ({', '.join(['{p}'] * len(values))})", list(values)


_OLDEST_OPEN = "SELECT MIN(m.id) FROM complaint AS m WHERE m.is_open = TRUE"


def _text_condition(
    db: Database, text: str, open_only: bool, contact: access.Scope = access.EVERYTHING
) -> tuple[str, list[object]] | None:
    """``contact``: the cases whose contact the session sees in full; a phone's ending
    matches only there (elsewhere the whole number: the masked digits stay hidden,
    docs/rules.md#masking)."""
    text = " ".join((text or "").split())
    if not text:
        return None
    prefix = str(settings_service.get("numbering.prefix") or "").strip()
    if prefix and text.casefold().startswith(prefix.casefold()):
        number = prefix + text[len(prefix) :].upper()
        return "(c.number >= {p} AND c.number < {p})", [number, number + "\U0010ffff"]
    parts: list[str] = []
    params: list[object] = []
    if _NUMBERISH.fullmatch(text):
        if prefix:
            number = f"{prefix}-{text.replace(' ', '')}"
            parts.append("(c.number >= {p} AND c.number < {p})")
            params += [number, number + "\U0010ffff"]
        parts.append("c.contact = {p}")
        params.append(text)
        digits = re.sub(r"\D", "", text)
        if len(digits) >= MIN_SUFFIX_DIGITS and not contact.nothing:
            scope, scope_params = contact.sql("c")
            parts.append("(c.contact LIKE {p}" + scope + ")")
            params += ["%" + digits, *scope_params]
    else:
        parts.append("(c.customer_name >= {p} AND c.customer_name < {p})")
        params += [text, text + "\U0010ffff"]
        parts.append("c.contact = {p}")
        params.append(text)
        described = search.id_subquery(db, text, open_after=_OLDEST_OPEN if open_only else None)
        if described is not None:
            parts.append(f"c.id IN ({described[0]})")
            params += described[1]
    return "(" + " OR ".join(parts) + ")", params


def _conditions(
    db: Database,
    session: Session,
    flt: CaseFilter,
    *,
    ordered: bool = True,
    rules: access.Rules | None = None,
    scope_unindexed: bool = False,
) -> tuple[list[str], list[object]]:
    """The WHERE of a filter in the session's scope, as conditions (ANDed) and params.

    ``ordered``: for a list (not a count). Over all cases, SQLite then tests the scope of
    a session with departments row by row while it walks the index of the order: a
    department's share of the cases fills a page after a few hundred rows, where
    gathering the whole scope through its indexes and sorting it takes a second.
    ``scope_unindexed``: the scope tested that way whatever the backend (``_Plan``)."""
    sqlite = is_sqlite(db)
    conds: list[str] = []
    params: list[object] = []

    def add(sql: str, values: Iterable[object] = ()) -> None:
        conds.append(sql)
        params.extend(values)

    if _open_only(flt):
        add(_OPEN)
    if flt.overdue_only:
        add("c.next_due < {p}", [_dt_param(session.now(), sqlite)])
    walk = scope_unindexed or (
        ordered and sqlite and not _open_only(flt) and bool(session.department_ids)
    )
    if rules is None:
        rules = access.rules(session)
    scope, scope_params = rules.see.sql("c", unindexed=walk)
    if scope:
        add(scope.removeprefix(" AND "), scope_params)
    ref = _Reference(db)
    if flt.stages:
        add(*_in("c.stage", sorted(flt.stages)))
    if flt.awaiting_approval:
        add("c.stage = {p}", ["approval"])
    if flt.follow_up_open:
        # Few at any time: read their case ids first, so the cases are fetched by id
        # instead of scanning every case for a match.
        ids = sorted(
            {
                f.complaint_id
                for f in FollowUp.select(FollowUp.complaint).where(FollowUp.done_at.is_null())
            }
        )
        add(*_in("c.id", ids))
    if flt.mine:
        if session.user_id is None:
            add("1 = 0")
        else:
            add("(c.owner_id = {p} OR c.receiver_id = {p})", [session.user_id, session.user_id])
    if flt.owner_ids:
        add(*_in("c.owner_id", sorted(flt.owner_ids)))
    if flt.department_codes:
        add(*_in("c.department_id", ref.ids("department", flt.department_codes)))
    if flt.type_codes:
        categories, subtypes = ref.types(flt.type_codes)
        either = []
        for column, ids in (("c.type_id", categories), ("c.subtype_id", subtypes)):
            if ids:
                sql, values = _in(column, ids)
                either.append(sql)
                params.extend(values)
        conds.append("(" + " OR ".join(either) + ")" if either else "1 = 0")
    if flt.levels:
        add(*_in("c.level", sorted(int(v) for v in flt.levels)))
    if flt.urgent_only:
        add("c.urgent = {p}", [True])
    if flt.channel_codes:
        add(*_in("c.channel_id", ref.ids("channel", flt.channel_codes)))
    if flt.registered_from is not None:
        start = dt.datetime.combine(flt.registered_from, dt.time())
        add("c.registration_time >= {p}", [_dt_param(start, sqlite)])
    if flt.registered_to is not None:
        end = dt.datetime.combine(flt.registered_to + dt.timedelta(days=1), dt.time())
        add("c.registration_time < {p}", [_dt_param(end, sqlite)])
    for column, words in (("c.product", flt.product), ("c.merchant", flt.merchant)):
        words = " ".join((words or "").split())
        if words:
            add(f"LOWER({column}) LIKE {{p}} ESCAPE '\\'", [_contains(words.lower())])
    if flt.products:
        add(*_in("COALESCE(TRIM(c.product), '')", sorted(p.strip() for p in flt.products)))
    if flt.cause_codes:
        named = sorted(code for code in flt.cause_codes if code != NO_CAUSE)
        either = []
        if named:
            sql, values = _in("c.root_cause_id", ref.ids("cause_category", named))
            either.append(sql)
            params.extend(values)
        if NO_CAUSE in flt.cause_codes:
            either.append("c.root_cause_id IS NULL")
        conds.append("(" + " OR ".join(either) + ")")
    text = _text_condition(db, flt.text, _open_only(flt), rules.contact)
    if text is not None:
        add(*text)
    return conds, params


def _contains(words: str) -> str:
    """A LIKE pattern matching text that contains ``words`` (wildcards escaped)."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(conds: Sequence[str]) -> str:
    return "\nWHERE " + " AND ".join(conds) if conds else ""


def _check_cursor(plan: _Plan, after: tuple[Any, ...] | None) -> tuple[int, tuple[Any, ...]] | None:
    if after is None:
        return None
    if (
        not isinstance(after, tuple)
        or len(after) < 4
        or after[0] != plan.sort
        or after[1] != plan.descending
        or not isinstance(after[2], int)
        or not 0 <= after[2] < len(plan.segments)
        or len(after) - 3 != len(plan.segments[after[2]].keys)
    ):
        raise ValidationError(
            msg("The list's position belongs to another order or filter; reload the list."),
            field="after",
        )
    return after[2], after[3:]


def _select(session: Session) -> str:
    return _SELECT.format(name=session.label_column)


def statement(
    session: Session,
    flt: CaseFilter = CaseFilter(),
    *,
    sort: str = "processing",
    descending: bool = False,
) -> tuple[str, list[object]]:
    """The list as one plain statement (same SELECT, WHERE and order, no keyset and no
    LIMIT) with its parameters for the bound database: what a table model that reads the
    whole result would run. The benchmark's baseline uses it; ``list_cases`` never does."""
    require_staff(session)
    db = database_proxy.obj
    plan = _plan(db, session, sort, descending, flt)
    conds, params = _conditions(db, session, flt)
    sql = _select(session) + _where(conds) + "\nORDER BY " + plan.order_sql
    return placeholders(sql, db.param), params


def _page_rows(
    db: Database,
    session: Session,
    plan: _Plan,
    conds: list[str],
    base_params: list[object],
    limit: int,
    position: tuple[int, tuple[Any, ...]] | None,
    *,
    prepare: bool = False,
) -> list[tuple[int, int, _Raw | None]]:
    """(segment, id, raw row) of up to ``limit`` rows after ``position``, segment after
    segment. On SQLite the ids only (the raw row None: ``read_page`` reads the rows by id
    after); on PostgreSQL the whole rows in the same statement (``_PG_OUTER``)."""
    sqlite = is_sqlite(db)
    if plan.union and not sqlite:
        sql, params = _union_sql(session, plan, conds, base_params, limit, position)
        rows = _pg_read(db, placeholders(sql, db.param), params, prepare)
        return [(row[-1], row[_ID], row[:-1]) for row in rows]
    found: list[tuple[int, int, _Raw | None]] = []
    first = position[0] if position else 0
    for index in range(first, len(plan.segments)):
        segment = plan.segments[index]
        implied = segment.open_implied and not sqlite  # SQLite walks the open cases' index
        seg_conds = [c for c in conds if not (implied and c == _OPEN)]
        if segment.where:
            seg_conds.append(segment.where)
        params = [*base_params, *segment.params]
        if position and index == first:
            if segment.processing:
                keyset, keyset_params = after_condition(QueueCursor(*position[1]), sqlite=sqlite)
            else:
                keyset, keyset_params = _keyset(segment.keys, position[1])
            seg_conds.append(keyset.removeprefix(" AND "))
            params += keyset_params
        order = ", ".join(k.sql + (" DESC" if k.desc else " ASC") for k in segment.keys)
        if sqlite:
            params.append(limit - len(found))
            sql = (
                f"SELECT c.id FROM complaint AS c{_where(seg_conds)}\nORDER BY {order}\nLIMIT {{p}}"
            )
            found.extend(
                (index, row[0], None)
                for row in db.execute_sql(placeholders(sql, db.param), params).fetchall()
            )
        else:
            # The LIMIT literal: the open cases' pages run as prepared statements with
            # their generic plan (db/prepared.py, docs/rules.md#indexes), which walks the
            # order's index and stops at the LIMIT; a plan for an unknown LIMIT would
            # expect a tenth of the table. A view over all cases is planned each time for
            # its values (a rare value among 1M cases is best looked up, not walked to).
            limit_sql = f"LIMIT {int(limit - len(found))}"
            inner = f"{_PG_INNER}{_where(seg_conds)}\nORDER BY {order}\n{limit_sql}"
            sql = _PG_OUTER.replace("{inner}", inner).replace("{order}", order)
            sql = sql.replace("{extra}", "")
            sql = placeholders(sql.replace("{name}", session.label_column), db.param)
            found.extend((index, row[_ID], row) for row in _pg_read(db, sql, params, prepare))
        if len(found) >= limit:
            break
    return found


def _pg_read(db: Database, sql: str, params: list[object], prepare: bool) -> list[_Raw]:
    """A page's rows on PostgreSQL: the open cases' pages as prepared statements with their
    generic plan (db/prepared.py), a view over all cases planned for its values."""
    cursor = prepared.execute(db, sql, params) if prepare else db.execute_sql(sql, params)
    return list(cursor.fetchall())


def _union_sql(
    session: Session,
    plan: _Plan,
    conds: list[str],
    base_params: list[object],
    limit: int,
    position: tuple[int, tuple[Any, ...]] | None,
) -> tuple[str, list[object]]:
    """PostgreSQL's page of the open cases in a label order: every group (segment,
    key ``id``) in one statement, ``(SELECT … WHERE <filter> AND <group> ORDER BY c.id
    LIMIT n) UNION ALL (…) … LIMIT n``, each row with its segment number. The Append runs
    its children in order and the LIMIT stops it once the page is full, so only the groups
    the page needs are read, each from the open cases' index of its group and sorted: a
    group of a few thousand rows, where one query over all groups sorted every open case
    of the scope (docs/rules.md#indexes).

    The position is a parameter, so every page of a view runs the same prepared statement:
    ``$s <= i`` leaves out the groups before the cursor's (a one-time filter, the child is
    not run), ``c.id > $x OR $s < i`` starts the cursor's group after its last id. The
    first page passes ``s = -1``."""
    direction, op = (" DESC", "<") if plan.descending else ("", ">")
    start, last = (position[0], position[1][0]) if position else (-1, 0)
    children: list[str] = []
    params: list[object] = []
    for index, segment in enumerate(plan.segments):
        where = _where(
            [
                *conds,
                segment.where,
                f"{{p}} <= {index}",
                f"(c.id {op} {{p}} OR {{p}} < {index})",
            ]
        )
        params += [*base_params, *segment.params, start, last, start]
        children.append(
            f"(SELECT {_PG_COLUMNS}, {index} AS seg\nFROM complaint AS c{where}"
            f"\nORDER BY c.id{direction}\nLIMIT {int(limit)})"
        )
    inner = "\nUNION ALL\n".join(children) + f"\nLIMIT {int(limit)}"
    sql = (
        _PG_OUTER.replace("{inner}", inner)
        .replace("{order}", f"c.seg, c.id{direction}")
        .replace("{extra}", ", c.seg")
        .replace("{name}", session.label_column)
    )
    return sql, params


@service
def list_cases(
    session: Session,
    flt: CaseFilter = CaseFilter(),
    *,
    sort: str = "processing",
    descending: bool = False,
    limit: int = 100,
    after: tuple[Any, ...] | None = None,
) -> CasePage:
    """One page of the cases the session may see that match ``flt``, in the order ``sort``
    (see the module docstring); ``after`` is the previous page's ``next_cursor``. A page
    showing contacts in full is audited once, with its cases (docs/rules.md#masking); when
    that entry cannot be written the page shows them masked."""
    require_staff(session)
    page = read_page(session, flt, sort=sort, descending=descending, limit=limit, after=after)
    shown = [r.id for r in page.rows if not r.contact_masked and r.contact]
    if audit.shown_cases(session, "tracker", shown):
        return page
    rows = tuple(
        r if r.contact_masked else r._replace(contact=mask_contact(r.contact), contact_masked=True)
        for r in page.rows
    )
    return CasePage(rows, page.next_cursor)


def read_page(
    session: Session,
    flt: CaseFilter = CaseFilter(),  # noqa: B008
    *,
    sort: str = "processing",
    descending: bool = False,
    limit: int = 100,
    after: tuple[Any, ...] | None = None,
) -> CasePage:
    """``list_cases`` without its audit entry: for callers that use the ids only (the
    tracker's export collects a view's cases, and the export audits itself)."""
    require_staff(session)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(msg("A page holds 1 to {max} cases."), field="limit", max=MAX_LIMIT)
    db = database_proxy.obj
    plan = _plan(db, session, sort, descending, flt)
    position = _check_cursor(plan, after)
    # The session's rules once (a supervisor's team is a query: a round trip on PostgreSQL).
    rules = access.rules(session)
    conds, params = _conditions(db, session, flt, rules=rules, scope_unindexed=plan.scope_unindexed)
    # One more than asked: tells whether more follow.
    found = _page_rows(
        db, session, plan, conds, params, limit + 1, position, prepare=_open_only(flt)
    )
    more = len(found) > limit
    found = found[:limit]
    if not found:
        return CasePage((), None)
    raw: dict[int, _Raw] = {cid: row for _segment, cid, row in found if row is not None}
    ids = [cid for _segment, cid, _row in found]
    if not raw:  # SQLite: the page's ids, then those rows with their labels
        sql = f"{_select(session)}\nWHERE c.id IN ({', '.join(['{p}'] * len(ids))})"
        raw = {r[_ID]: r for r in db.execute_sql(placeholders(sql, db.param), ids).fetchall()}
    # A case gone between the two reads (none are deleted) would just be left out.
    rows = _case_rows(session, [raw[cid] for cid in ids if cid in raw], rules.contact)
    cursor: tuple[Any, ...] | None = None
    if more and found[-1][1] in raw:
        index, last, _row = found[-1]
        cursor = (
            plan.sort,
            plan.descending,
            index,
            *(k.value(raw[last]) for k in plan.segments[index].keys),
        )
    return CasePage(rows, cursor)


def _case_rows(
    session: Session, raw: list[_Raw], contact_scope: access.Scope
) -> tuple[CaseRow, ...]:
    """CaseRows of raw ``_SELECT`` rows, contacts masked unless the session is entitled.
    The hot part of a page: tuples made directly, dates parsed only when text (SQLite)."""
    make = tuple.__new__
    parse = dt.datetime.fromisoformat
    may_see = contact_scope.admits_row
    rows: list[CaseRow] = []
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
        closed_at,
        is_open,
        version,
        receiver,
        owner,
        department,
        _subtype,
        owner_name,
        type_label,
        subtype_label,
        department_code,
        department_label,
        channel_label,
    ) in raw:
        visible = may_see(receiver_id=receiver, owner_id=owner, department_id=department)
        rows.append(
            make(
                CaseRow,
                (
                    cid,
                    number,
                    name,
                    contact if visible else mask_contact(contact),
                    not visible,
                    type_label,
                    subtype_label,
                    level,
                    bool(urgent),
                    priority,
                    stage,
                    owner,
                    owner_name,
                    department_code,
                    department_label,
                    channel_label,
                    parse(next_due) if next_due.__class__ is str else next_due,
                    parse(registered) if registered.__class__ is str else registered,
                    parse(closed_at) if closed_at.__class__ is str else closed_at,
                    bool(is_open),
                    version,
                ),
            )
        )
    return tuple(rows)


@service
def count_cases(session: Session, flt: CaseFilter = CaseFilter()) -> int:
    """How many cases ``list_cases`` lists for ``flt`` (every page together)."""
    require_staff(session)
    db = database_proxy.obj
    conds, params = _conditions(db, session, flt, ordered=False)
    sql = "SELECT COUNT(*) FROM complaint AS c" + _where(conds)
    count: int = db.execute_sql(placeholders(sql, db.param), params).fetchone()[0]
    return count


def _departments_in_scope(db: Database, session: Session) -> list[tuple[int, str, str, str]]:
    rows: list[tuple[int, str, str, str]] = db.execute_sql(
        "SELECT id, code, name_zh, name_en FROM department "
        "WHERE active = " + ("1" if is_sqlite(db) else "TRUE") + " ORDER BY sort_order, id"
    ).fetchall()
    if session.is_manager or session.is_admin:
        return rows
    return [r for r in rows if r[0] in session.department_ids]


@service
def standard_views(session: Session) -> list[SavedView]:
    """我的案件 / My cases, 待审批 / Awaiting approval, 已超时 / Overdue, 全部未结 / All open,
    全部案件 / All cases, and one queue per department in the session's scope (every
    active department for managers and administrators). Each shows what the session may
    see of it; all but "all" list open cases only."""
    require_staff(session)
    views = [
        SavedView("mine", "我的案件", "My cases", CaseFilter(mine=True)),
        SavedView("approval", "待审批", "Awaiting approval", CaseFilter(awaiting_approval=True)),
        SavedView("overdue", "已超时", "Overdue", CaseFilter(overdue_only=True)),
        SavedView(
            "follow_up",
            "待跟进",
            "Follow-ups",
            CaseFilter(include_closed=True, follow_up_open=True),
        ),
        SavedView("open", "全部未结", "All open", CaseFilter()),
        SavedView("all", "全部案件", "All cases", CaseFilter(include_closed=True)),
    ]
    for _id, code, zh, en in _departments_in_scope(database_proxy.obj, session):
        views.append(
            SavedView(f"dept:{code}", zh, en, CaseFilter(department_codes=frozenset({code})))
        )
    return views


@service
def view_counts(session: Session, views: list[SavedView]) -> dict[str, int]:
    """Each view's count (what its list would show to this session), by view key."""
    require_staff(session)
    return {view.key: count_cases(session, view.filter) for view in views}


@service
def owners(session: Session) -> list[tuple[int, str]]:
    """(user id, display name) of active staff the filter may offer, in the session's scope:
    every active user for managers and administrators; for others the active users sharing
    one of their departments, and themselves. Sorted by name."""
    require_staff(session)
    db = database_proxy.obj
    sqlite = is_sqlite(db)
    true = "1" if sqlite else "TRUE"
    params: Sequence[object]
    if session.is_manager or session.is_admin:
        sql, params = f'SELECT id, display_name FROM "user" WHERE active = {true}', []
    else:
        departments = sorted(session.department_ids)
        member = ""
        params = []
        if departments:
            marks = ", ".join(["{p}"] * len(departments))
            member = (
                f" OR id IN (SELECT user_id FROM user_department WHERE department_id IN ({marks}))"
            )
            params = departments
        sql = f'SELECT id, display_name FROM "user" WHERE active = {true} AND (id = {{p}}{member})'
        params = [session.user_id if session.user_id is not None else -1, *params]
    rows = db.execute_sql(placeholders(sql, db.param), params).fetchall()
    return sorted(((i, name) for i, name in rows), key=lambda r: (r[1], r[0]))


@service
def due_soon_window(session: Session) -> dt.timedelta:
    """How close a deadline counts as "due soon" (setting ``tracker.due_soon_hours``)."""
    require_staff(session)
    return dt.timedelta(hours=float(settings_service.get("tracker.due_soon_hours")))
