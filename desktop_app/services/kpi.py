"""The KPI report (数据汇总, docs/rules.md#kpis): every figure of a period computed by aggregate SQL
in the database, the same on SQLite and PostgreSQL.

``kpi_report(session, start, end, department_code=None)`` — ``start`` and ``end`` are
calendar days, both included (``domain.periods`` gives the week, month or quarter of a
day). ``to_json_dict(report)`` is the object ``report --format json`` prints.

Definitions (where the policy leaves a choice, docs/rules.md#kpis says which):

- Cases "of the period" are those whose **registration time** falls in it.
- ``volume``: cases of the period; ``by_type``, ``by_subtype``, ``by_channel``,
  ``by_department`` are keyed by the reference tables' codes, ``by_urgency`` by the urgency
  codes (``urgent``/``normal``/``low``, the template-1 field), ``by_level`` by ``I``/``II``/
  ``III``. Every active code appears, with 0 when nothing matched (an inactive code only
  when it has cases), so charts and sheets keep a stable shape. ``urgent_cases`` counts the
  cases flagged urgent (紧急投诉: marked, batch, sensitive customer, head office, reopened),
  which is not the same as the urgency field.
- ``average_handling_hours``: mean of ``closed_at - complaint_time`` over the cases
  **closed** in the period (whenever registered), in hours, 2 decimals (half up); each
  case's time is rounded to whole seconds and summed in SQL, so both backends give the same
  figure.
- ``resolution_rate``: of the cases of the period, the share that are closed with the
  outcome "resolved" (as of the report: a case registered in the period and resolved a week
  after it ended counts). Read literally, "cases closed as resolved ÷ cases registered, in
  the period" is taken as a cohort rate, so it never exceeds 1. A reopened case has no
  outcome until it is closed again.
- ``on_time_rate`` (seed 000 §七(二).1, 按时处理数 ÷ 应处理数): of the cases of the period
  that are closed or whose (stored, possibly renegotiated) ``resolution_due`` is before
  the report's "as of" time, the share closed at or before that deadline. An open case
  past its deadline counts against the rate; an open case still within it is not counted
  yet (like the first response below).
- ``first_response_on_time_rate``: of the cases of the period whose first response is
  decided — given, or not given and already past its deadline at the time of the report —
  the share answered at or before ``first_response_due``. A case still inside its
  first-response window without an answer is not counted yet; one never answered and past
  due counts as late (counting only answered cases would hide the worst ones).
- ``satisfaction``: means of the four scores over the surveys whose ``survey_time`` falls in
  the period (2 decimals, half up); ``satisfaction_rate``: share of those surveys with an
  overall score of 4 or 5; ``surveys``: their number. With a department filter only surveys
  of that department's cases count (proactive surveys have no case and drop out).
- ``survey_coverage``: of the cases of the period that are closed (as of the report), the
  share with a survey (whenever made). ``survey_within_window``: of those surveys, the
  share made within the survey window after the case's (last) closing — from
  ``sla.survey_open_hours`` to ``sla.survey_due_hours`` (24–48 h), both ends included,
  measured in whole seconds.
- ``by_owner`` (per-person figures, seeds 000 §七 and 001 考核机制): the figures above
  restricted to the cases whose **current** owner is that user, keyed by user name:
  ``cases`` (of the period), ``closed`` (closed in the period, the denominator of their
  ``average_handling_hours``), ``on_time_rate``, ``resolution_rate``,
  ``average_handling_hours``, ``satisfaction_rate`` (surveys of the period of their cases)
  and ``overdue_open`` (now). Every owner with any of these is listed, most cases first.
- ``by_subject_staff``: the cases of the period about a staff member
  (``Complaint.subject_staff``, keyed by user name; else ``subject_staff_name``, the
  free-text name of staff without an account, keyed by that name): ``complaints`` and
  ``by_subtype`` (subtype code -> count, only those with cases), most complaints first.
- ``improvement_hot_spots``: for each "needs improvement" option code
  (``vocab.SURVEY_ASPECTS``), how many of the period's surveys ticked it (every option
  appears, 0 included); ``top_subtypes``: the ``TOP_SUBTYPES`` subtypes with the most
  cases of the period, most first, ties by code.
- ``overdue_open``: open cases whose next unmet deadline (``next_due``) is before now (the
  session clock) — a "now" figure, not one of the period; ``overdue_by_owner`` (user names)
  and ``overdue_by_department`` (codes) break it down.
- ``improvement_actions``: the actions active during the period (see
  ``services.improvements``), with their status.
- Rates are fractions 0–1 rounded half up to 4 places, ``None`` when the denominator is 0;
  averages are ``None`` when there is nothing to average.

Who may ask: managers and administrators for everything; a supervisor for one of their own
departments (``department_code`` required and theirs); clerks not at all.

Speed (measured at 1M demo cases, ``python -m bench report``): seven statements, each on an
index range (registration time, closure time, survey time, the queue index for the open
cases) in one read transaction; the per-person figures are grouped in SQL (by owner, by
staff member and subtype), never looped over in Python. The breakdowns are a single row of ``COUNT(*) FILTER``
columns, one per code, rather than a GROUP BY (SQLite has no hash aggregate, and sorting a
quarter's cases costs more than reading them); the surveys are grouped by their few distinct
"needs improvement" cells before the options are counted. No index was added for the
report: a month takes about 0.4 s, a quarter 0.9 s, within 1.15x the bare SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, SupportsInt, cast

from desktop_app.db.connection import is_sqlite, param_mark, placeholders
from desktop_app.db.models import (
    CauseCategory,
    Channel,
    ComplaintType,
    Department,
    database_proxy,
)
from desktop_app.domain import analysis
from desktop_app.domain.messages import msg
from desktop_app.domain.periods import Period
from desktop_app.domain.vocab import LEVEL_ROMAN, LEVELS, SURVEY_ASPECTS, URGENCY
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import PermissionDenied, ValidationError, service
from desktop_app.services.improvements import ImprovementInfo, actions_in_period
from desktop_app.services.permissions import require_role
from desktop_app.services.session import Session

TOP_SUBTYPES = 5
SCORES = ("timeliness", "effectiveness", "attitude", "overall")
DIMENSIONS = ("type", "subtype", "channel", "department", "urgency", "level")


@dataclass(frozen=True)
class OwnerFigures:
    """One owner's figures (``KpiReport.by_owner``), with the counts behind the rates."""

    cases: int = 0  # registered in the period
    resolved: int = 0  # of those, closed as resolved
    on_time_decided: int = 0  # of those, closed or past their resolution deadline
    closed_on_time: int = 0  # of those, closed by their resolution deadline
    closed: int = 0  # closed in the period (whenever registered)
    handling_seconds: int = 0  # summed over the cases closed in the period
    surveys: int = 0  # surveys of the period of their cases
    satisfied: int = 0  # of those, overall 4 or 5
    overdue_open: int = 0  # now

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.closed_on_time, self.on_time_decided)

    @property
    def resolution_rate(self) -> float | None:
        return ratio(self.resolved, self.cases)

    @property
    def average_handling_hours(self) -> float | None:
        return average_hours(self.handling_seconds, self.closed)

    @property
    def satisfaction_rate(self) -> float | None:
        return ratio(self.satisfied, self.surveys)

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "closed": self.closed,
            "on_time_rate": self.on_time_rate,
            "resolution_rate": self.resolution_rate,
            "average_handling_hours": self.average_handling_hours,
            "satisfaction_rate": self.satisfaction_rate,
            "overdue_open": self.overdue_open,
        }


@dataclass(frozen=True)
class StaffFigures:
    """The complaints of the period about one staff member (``KpiReport.by_subject_staff``).
    ``display_name`` is the account's display name, or the free-text name (no account)."""

    complaints: int
    by_subtype: dict[str, int]
    display_name: str
    has_account: bool

    def to_json(self) -> dict[str, Any]:
        return {"complaints": self.complaints, "by_subtype": dict(self.by_subtype)}


@dataclass(frozen=True)
class KpiReport:
    start: dt.date
    end: dt.date  # included
    department: str | None  # the filter's code, None for all departments
    as_of: dt.datetime  # "now" of the overdue figures and of undecided first responses
    volume: int
    by_type: dict[str, int]
    by_subtype: dict[str, int]
    by_channel: dict[str, int]
    by_department: dict[str, int]
    by_urgency: dict[str, int]
    by_level: dict[str, int]
    urgent_cases: int
    closed_cases: int  # closed in the period
    average_handling_hours: float | None
    resolved_cases: int  # of the period's cases, closed as resolved
    resolution_rate: float | None
    on_time_cases: int  # of the period's cases, closed or past their resolution deadline
    closed_on_time: int  # of the period's cases, closed by their resolution deadline
    on_time_rate: float | None
    registered_closed: int  # of the period's cases, closed (as of the report)
    surveyed_cases: int  # of those, with a survey
    surveyed_in_window: int  # of those surveys, made within the survey window
    survey_coverage: float | None
    survey_within_window: float | None
    first_response_cases: int  # of the period's cases, first response given or past due
    first_response_on_time: int
    first_response_on_time_rate: float | None
    satisfaction: dict[str, float | None]
    satisfaction_rate: float | None
    surveys: int
    improvement_hot_spots: dict[str, int]
    top_subtypes: tuple[tuple[str, int], ...]
    overdue_open: int
    overdue_by_owner: dict[str, int]
    overdue_by_department: dict[str, int]
    improvement_actions: tuple[ImprovementInfo, ...]
    by_owner: dict[str, OwnerFigures] = field(default_factory=dict)
    by_subject_staff: dict[str, StaffFigures] = field(default_factory=dict)
    # docs/rules.md#analysis-by-product-and-cause
    by_cause: dict[str, int] = field(default_factory=dict)
    by_product: dict[str, int] = field(default_factory=dict)
    by_merchant: dict[str, int] = field(default_factory=dict)
    hot_spots: tuple[analysis.HotSpot, ...] = ()
    previous_period: tuple[dt.date, dt.date] | None = None
    # Labels for display (not in the JSON): code -> (Chinese, English); owner user name ->
    # display name.
    labels: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict, repr=False)
    owner_names: dict[str, str] = field(default_factory=dict, repr=False)
    survey_window: tuple[float, float] = (24.0, 48.0)  # hours after closing, from settings

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


def ratio(numerator: int, denominator: int, places: int = 4) -> float | None:
    """``numerator / denominator`` rounded half up, ``None`` for a zero denominator."""
    if not denominator:
        return None
    value = Decimal(int(numerator)) / Decimal(int(denominator))
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def average_hours(seconds: int, n: int) -> float | None:
    """``seconds / n`` in hours, 2 decimals half up; ``None`` when ``n`` is 0."""
    if not n:
        return None
    value = Decimal(int(seconds)) / Decimal(int(n)) / Decimal(3600)
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _int(value: SupportsInt | None) -> int:
    return int(value) if value is not None else 0  # SUM over nothing is NULL


# --- SQL ----------------------------------------------------------------------------------
# Written out like services.queue: ``{p}`` is the placeholder, values always go in as
# parameters (datetimes as 'YYYY-MM-DD HH:MM:SS' text on SQLite, where they are stored so).

# The period's cases: one row, one FILTERed count per code of every breakdown (the codes'
# database values are parameters, in the order of ``Reference.columns``). No GROUP BY:
# SQLite has no hash aggregate and sorting the period's rows by six columns costs more
# than the scan itself; a FILTER clause is about as cheap as a plain COUNT (FILTER needs
# SQLite 3.30, 2019; PostgreSQL 9.4).
_BREAKDOWN_SQL = """SELECT COUNT(*),
 COUNT(*) FILTER (WHERE c.urgent),
 COUNT(*) FILTER (WHERE c.outcome = 'resolved' AND c.closed_at IS NOT NULL),
 COUNT(*) FILTER (WHERE c.first_response_at IS NOT NULL OR c.first_response_due < {p}),
 COUNT(*) FILTER (WHERE c.first_response_at <= c.first_response_due){columns}
FROM complaint AS c
WHERE c.registration_time >= {p} AND c.registration_time < {p}{department}"""
_COLUMN = {
    dimension: f",\n COUNT(*) FILTER (WHERE c.{column} = {{p}})"
    for dimension, column in (
        ("type", "type_id"),
        ("subtype", "subtype_id"),
        ("channel", "channel_id"),
        ("department", "department_id"),
        ("urgency", "urgency"),
        ("level", "level"),
    )
}

# Seconds between complaint and closure, rounded to whole seconds on both backends
# (julianday is SQLite's cheapest date arithmetic: a third faster than strftime('%s')).
_SECONDS = {
    True: "CAST(ROUND((julianday(c.closed_at) - julianday(c.complaint_time)) * 86400) AS INTEGER)",
    False: "CAST(ROUND(EXTRACT(EPOCH FROM c.closed_at - c.complaint_time)) AS BIGINT)",
}

# The cases closed in the period, per owner (the whole report's figures are the sums).
_CLOSED_SQL = """SELECT c.owner_id, COUNT(*), SUM({seconds})
FROM complaint AS c
WHERE c.closed_at >= {p} AND c.closed_at < {p}{department}
GROUP BY {g}c.owner_id"""

# Seconds from a case's closing to its survey, rounded to whole seconds (as ``_SECONDS``).
_SURVEY_SECONDS = {
    True: "CAST(ROUND((julianday(s.survey_time) - julianday(c.closed_at)) * 86400) AS INTEGER)",
    False: "CAST(ROUND(EXTRACT(EPOCH FROM s.survey_time - c.closed_at)) AS BIGINT)",
}

# The period's cases per owner: the on-time rate's numerator and denominator (closed by the
# resolution deadline; closed or past it at "as of"), the resolved ones, and the survey
# coverage (closed; with a survey; surveyed within the window). The survey is joined on its
# unique complaint index, only for closed cases.
_OWNER_SQL = """SELECT c.owner_id, COUNT(*),
 COUNT(*) FILTER (WHERE c.outcome = 'resolved' AND c.closed_at IS NOT NULL),
 COUNT(*) FILTER (WHERE c.closed_at IS NOT NULL OR c.resolution_due < {p}),
 COUNT(*) FILTER (WHERE c.closed_at <= c.resolution_due),
 COUNT(*) FILTER (WHERE c.closed_at IS NOT NULL),
 COUNT(s.id),
 COUNT(*) FILTER (WHERE {survey_seconds} BETWEEN {p} AND {p})
FROM complaint AS c
LEFT JOIN survey AS s ON s.complaint_id = c.id AND c.closed_at IS NOT NULL
WHERE c.registration_time >= {p} AND c.registration_time < {p}{department}
GROUP BY {g}c.owner_id"""

# The period's surveys of each owner's cases (proactive surveys have no owner).
_OWNER_SURVEY_SQL = """SELECT c.owner_id, COUNT(*), COUNT(*) FILTER (WHERE s.overall >= 4)
FROM survey AS s
JOIN complaint AS c ON c.id = s.complaint_id
WHERE s.survey_time >= {p} AND s.survey_time < {p}{department}
GROUP BY {g}c.owner_id"""

# The period's cases about a staff member: per account or free-text name, per subtype.
_STAFF_SQL = """WITH g AS (
 SELECT c.subject_staff_id AS staff_id, c.subject_staff_name AS name, c.subtype_id AS subtype_id,
  COUNT(*) AS n
 FROM complaint AS c
 WHERE c.registration_time >= {p} AND c.registration_time < {p}
  AND (c.subject_staff_id IS NOT NULL OR c.subject_staff_name IS NOT NULL){department}
 GROUP BY {g}c.subject_staff_id, {g}c.subject_staff_name, {g}c.subtype_id)
SELECT u.username, u.display_name, g.name, g.subtype_id, g.n
FROM g LEFT JOIN "user" AS u ON u.id = g.staff_id"""

# Display names of owners (a few rows: the owners the statements above found).
_USERS_SQL = 'SELECT u.id, u.username, u.display_name FROM "user" AS u'

# The surveys grouped by their "needs improvement" cell first (a few dozen distinct
# cells), then each option counted over the groups: ',a,b,' LIKE '%,b,%' (wildcards in the
# code escaped). Twice as fast as five LIKEs on every survey.
_SURVEY_SQL = """WITH h AS (
 SELECT s.needs_improvement AS cell, COUNT(*) AS n, SUM(s.timeliness) AS timeliness,
  SUM(s.effectiveness) AS effectiveness, SUM(s.attitude) AS attitude,
  SUM(s.overall) AS overall, SUM(CASE WHEN s.overall >= 4 THEN 1 ELSE 0 END) AS satisfied
 FROM survey AS s{join}
 WHERE s.survey_time >= {p} AND s.survey_time < {p}
 GROUP BY s.needs_improvement)
SELECT SUM(n), SUM(timeliness), SUM(effectiveness), SUM(attitude), SUM(overall),
 SUM(satisfied){hot_spots}
FROM h"""
_HOT_SPOT = ",\n SUM(CASE WHEN ',' || cell || ',' LIKE {p} ESCAPE '!' THEN n ELSE 0 END)"

_OVERDUE_SQL = """WITH g AS (
 SELECT c.owner_id, c.department_id, COUNT(*) AS n
 FROM complaint AS c
 WHERE c.is_open = TRUE AND c.next_due < {p}{department}
 GROUP BY c.owner_id, c.department_id)
SELECT 'owner', u.username, u.display_name, SUM(g.n)
 FROM g JOIN "user" AS u ON u.id = g.owner_id GROUP BY u.username, u.display_name
UNION ALL SELECT 'department', d.code, d.name_en, SUM(g.n)
 FROM g JOIN department AS d ON d.id = g.department_id GROUP BY d.code, d.name_en"""


def _like_option(code: str) -> str:
    escaped = code.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%,{escaped},%"


@dataclass(frozen=True)
class RefItem:
    """One code of a breakdown: its value in the complaint column, labels, whether active."""

    value: object
    code: str
    zh: str
    en: str
    active: bool = True


def load_reference() -> dict[str, tuple[RefItem, ...]]:
    """Every code of each breakdown, in display order (inactive ones included: old cases
    may carry them)."""
    types = list(ComplaintType.select().order_by(ComplaintType.sort_order, ComplaintType.id))
    parents: dict[int | None, tuple[int, int]] = {
        t.id: (t.sort_order, t.id) for t in types if t.parent_id is None
    }
    subtypes = sorted(
        (t for t in types if t.parent_id is not None),
        key=lambda t: (parents.get(t.parent_id, (0, 0)), t.sort_order, t.id),
    )

    def items(rows: Iterable[ComplaintType | Channel | Department]) -> tuple[RefItem, ...]:
        return tuple(RefItem(r.id, r.code, r.name_zh, r.name_en, r.active) for r in rows)

    return {
        "type": items(t for t in types if t.parent_id is None),
        "subtype": items(subtypes),
        "channel": items(Channel.select().order_by(Channel.sort_order, Channel.id)),
        "department": items(Department.select().order_by(Department.sort_order, Department.id)),
        "urgency": tuple(RefItem(t.code, t.code, t.zh, t.en) for t in URGENCY),
        "level": tuple(
            RefItem(level, roman, LEVELS.get(str(level)).zh, roman)
            for level, roman in LEVEL_ROMAN.items()
        ),
    }


def build_queries(
    *,
    sqlite: bool,
    start_at: dt.datetime,
    end_before: dt.datetime,
    now: dt.datetime,
    department_id: int | None,
    reference: dict[str, tuple[RefItem, ...]],
    survey_window: tuple[float, float] = (24.0, 48.0),
) -> dict[str, tuple[str, Sequence[object]]]:
    """The report's statements with their parameters, for SQLite or PostgreSQL (the
    benchmark runs the same text through a bare sqlite3 connection). ``survey_window``:
    (opens, due) in hours after closing (``sla.survey_open_hours``, ``sla.survey_due_hours``)."""

    def value(moment: dt.datetime) -> str | dt.datetime:
        return moment.strftime("%Y-%m-%d %H:%M:%S") if sqlite else moment

    # "+": keep SQLite on the time-range index (the department's index would read every
    # case the department ever had); PostgreSQL plans by its statistics either way.
    department = " AND +c.department_id = {p}" if department_id is not None else ""
    dept_params = [department_id] if department_id is not None else []
    period = [value(start_at), value(end_before)]

    def finish(sql: str) -> str:
        # "+" on SQLite: group by sorting the range's rows, not by reading a whole index in
        # order (PostgreSQL plans by its statistics, and wants the plain column).
        return placeholders(sql.replace("{g}", "+" if sqlite else ""), param_mark(sqlite=sqlite))

    columns = "".join(_COLUMN[d] for d in DIMENSIONS for _ in reference[d])
    breakdown = (
        finish(_BREAKDOWN_SQL.replace("{columns}", columns).replace("{department}", department)),
        [value(now), *(i.value for d in DIMENSIONS for i in reference[d]), *period, *dept_params],
    )
    closed = (
        finish(
            _CLOSED_SQL.replace("{seconds}", _SECONDS[sqlite]).replace("{department}", department)
        ),
        [*period, *dept_params],
    )
    options = SURVEY_ASPECTS.codes()
    join = (
        " JOIN complaint AS c ON c.id = s.complaint_id AND +c.department_id = {p}"
        if department_id is not None
        else ""
    )
    surveys = (
        finish(
            _SURVEY_SQL.replace("{hot_spots}", _HOT_SPOT * len(options)).replace("{join}", join)
        ),
        [*dept_params, *period, *(_like_option(c) for c in options)],
    )
    overdue = (
        finish(_OVERDUE_SQL.replace("{department}", department)),
        [value(now), *dept_params],
    )
    window = [round(float(hours) * 3600) for hours in survey_window]
    owners = (
        finish(
            _OWNER_SQL.replace("{survey_seconds}", _SURVEY_SECONDS[sqlite]).replace(
                "{department}", department
            )
        ),
        [value(now), *window, *period, *dept_params],
    )
    owner_surveys = (
        finish(_OWNER_SURVEY_SQL.replace("{department}", department)),
        [*period, *dept_params],
    )
    staff = (finish(_STAFF_SQL.replace("{department}", department)), [*period, *dept_params])
    return {
        "breakdown": breakdown,
        "closed": closed,
        "surveys": surveys,
        "overdue": overdue,
        "owners": owners,
        "owner_surveys": owner_surveys,
        "staff": staff,
    }


# --- the service --------------------------------------------------------------------------


# The period's cases by product, merchant, subtype and root cause. Grouped by the ids (the
# codes are looked up after): joined to the code tables first, PostgreSQL expected a group
# per case and sorted a quarter's rows on disk (0.2 s) instead of hashing its few hundred
# groups (0.07 s); SQLite sorts either way, 10 % faster without the joins.
_CAUSE_SQL = """SELECT c.product, c.merchant, c.subtype_id, c.root_cause_id, COUNT(*)
FROM complaint AS c
WHERE c.registration_time >= {p} AND c.registration_time < {p}{department}
GROUP BY c.product, c.merchant, c.subtype_id, c.root_cause_id"""


def cause_groups(
    start_at: dt.datetime,
    end_before: dt.datetime,
    department_id: int | None,
    *,
    type_codes: dict[int, str] | None = None,
    cause_codes: dict[int, str] | None = None,
) -> tuple[list[analysis.Group], int]:
    """The cases registered from ``start_at`` to before ``end_before`` grouped by product,
    merchant, subtype and root cause (docs/rules.md#analysis-by-product-and-cause), and
    their number. ``type_codes`` and ``cause_codes`` (id -> code) are read when not given."""
    db = database_proxy.obj
    sqlite = is_sqlite(db)
    if type_codes is None:
        type_codes = {
            t.id: t.code for t in ComplaintType.select(ComplaintType.id, ComplaintType.code)
        }
    if cause_codes is None:
        cause_codes = {
            c.id: c.code for c in CauseCategory.select(CauseCategory.id, CauseCategory.code)
        }

    def value(moment: dt.datetime) -> str | dt.datetime:
        return moment.strftime("%Y-%m-%d %H:%M:%S") if sqlite else moment

    sql = _CAUSE_SQL.replace(
        "{department}", " AND +c.department_id = {p}" if department_id is not None else ""
    )
    params: list[object] = [value(start_at), value(end_before)]
    if department_id is not None:
        params.append(department_id)
    rows = cast(
        list[tuple[str | None, str | None, int, int | None, int]],
        db.execute_sql(placeholders(sql, db.param), params).fetchall(),
    )
    groups = sorted(
        (
            analysis.Group(
                (product or "").strip(),
                (merchant or "").strip(),
                type_codes.get(subtype_id, str(subtype_id)),
                cause_codes.get(cause_id, "") if cause_id is not None else "",
                int(n),
            )
            for product, merchant, subtype_id, cause_id, n in rows
        ),
        key=lambda g: (g.product, g.merchant, g.subtype, g.cause),
    )
    return groups, sum(g.count for g in groups)


def _check_access(session: Session, department: Department | None) -> None:
    if session.is_supervisor and (
        department is None or department.id not in session.department_ids
    ):
        raise PermissionDenied(
            msg("A supervisor sees the figures of their own departments: choose one of them.")
        )


def _find_department(code: str) -> Department:
    text = (code or "").strip()
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


@service
def kpi_report(
    session: Session, start: dt.date, end: dt.date, *, department_code: str | None = None
) -> KpiReport:
    """Every KPI of docs/rules.md#kpis for the days ``start`` to ``end`` (both included), of all
    departments or of one."""
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise ValidationError(msg("The period needs a first and a last day."), field="period")
    if isinstance(start, dt.datetime):
        start = start.date()
    if isinstance(end, dt.datetime):
        end = end.date()
    if end < start:
        raise ValidationError(
            msg("The period ends ({end}) before it starts ({start})."),
            field="period",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    require_role(session, "supervisor", "manager", "admin")
    department = _find_department(department_code) if department_code is not None else None
    _check_access(session, department)
    period = Period(start, end)
    now = session.now()
    db = database_proxy.obj
    sqlite = is_sqlite(db)
    with db.atomic():
        if not sqlite and db.transaction_depth() == 1:
            # One snapshot for all the statements (PostgreSQL reads committed per statement).
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        reference = load_reference()
        policy = settings_service.load_all()
        window = (float(policy["sla.survey_open_hours"]), float(policy["sla.survey_due_hours"]))
        queries = build_queries(
            sqlite=sqlite,
            start_at=period.start_at,
            end_before=period.end_before,
            now=now,
            department_id=department.id if department else None,
            reference=reference,
            survey_window=window,
        )
        results = {
            name: db.execute_sql(sql, params).fetchall() for name, (sql, params) in queries.items()
        }
        owner_ids = {
            row[0] for name in ("owners", "closed", "owner_surveys") for row in results[name]
        }
        users: dict[int, tuple[str, str]] = {}
        if owner_ids:
            ids = sorted(owner_ids)
            rows = db.execute_sql(
                placeholders(
                    f"{_USERS_SQL} WHERE u.id IN ({', '.join(['{p}'] * len(ids))})", db.param
                ),
                ids,
            ).fetchall()
            users = {row[0]: (row[1], row[2]) for row in rows}
        actions = actions_in_period(
            period.start_at,
            period.end_before,
            department_id=department.id if department else None,
            today=now.date(),
        )
        # docs/rules.md#analysis-by-product-and-cause: this period and the one before it.
        previous = Period(start - dt.timedelta(days=period.days), start - dt.timedelta(days=1))
        cause_rows = list(
            CauseCategory.select().order_by(CauseCategory.sort_order, CauseCategory.id)
        )
        type_codes = {cast(int, i.value): i.code for d in ("type", "subtype") for i in reference[d]}
        cause_codes = {c.id: c.code for c in cause_rows}
        department_id = department.id if department else None
        groups, _n = cause_groups(
            period.start_at,
            period.end_before,
            department_id,
            type_codes=type_codes,
            cause_codes=cause_codes,
        )
        previous_groups, previous_volume = cause_groups(
            previous.start_at,
            previous.end_before,
            department_id,
            type_codes=type_codes,
            cause_codes=cause_codes,
        )

    # The breakdowns: one row, the totals then a count per code in reference order. Every
    # active code is listed, an inactive one only when it has cases.
    row = [_int(v) for v in results["breakdown"][0]]
    volume, urgent_n, resolved_n, fr_n, fr_on_time = row[:5]
    column = iter(row[5:])
    counts: dict[str, dict[str, int]] = {}
    labels: dict[str, dict[str, tuple[str, str]]] = {}
    for dimension in DIMENSIONS:
        counts[dimension] = {}
        labels[dimension] = {}
        for item in reference[dimension]:
            n = next(column)
            if item.active or n:
                counts[dimension][item.code] = n
            labels[dimension][item.code] = (item.zh, item.en)
    labels["improvement_hot_spots"] = {t.code: (t.zh, t.en) for t in SURVEY_ASPECTS}
    labels["cause"] = {c.code: (c.name_zh, c.name_en) for c in cause_rows}
    cause_counts = analysis.by_cause(groups, [c.code for c in cause_rows if c.active])

    # Per owner, then the whole report's sums.
    figures: dict[str, dict[str, int]] = {}
    owner_names: dict[str, str] = {}

    def owner(owner_id: int) -> dict[str, int]:
        username, display_name = users[owner_id]
        owner_names[username] = display_name
        return figures.setdefault(username, {})

    for owner_id, *values in results["owners"]:
        names = ("cases", "resolved", "on_time_decided", "closed_on_time")
        owner(owner_id).update(zip(names, (_int(v) for v in values[:4]), strict=True))
    for owner_id, n, seconds_sum in results["closed"]:
        owner(owner_id).update(closed=_int(n), handling_seconds=_int(seconds_sum))
    for owner_id, n, satisfied_n in results["owner_surveys"]:
        owner(owner_id).update(surveys=_int(n), satisfied=_int(satisfied_n))

    def total(rows: Sequence[Sequence[Any]], column: int) -> int:
        return sum(_int(r[column]) for r in rows)

    closed_n, seconds = total(results["closed"], 1), total(results["closed"], 2)
    hours = average_hours(seconds, closed_n)
    on_time_decided, closed_on_time = total(results["owners"], 3), total(results["owners"], 4)
    registered_closed = total(results["owners"], 5)
    surveyed, surveyed_in_window = total(results["owners"], 6), total(results["owners"], 7)

    survey_row = results["surveys"][0]
    surveys = _int(survey_row[0])
    score_sums = [_int(v) for v in survey_row[1:5]]
    satisfied = _int(survey_row[5])
    hot_spots = {
        code: _int(v) for code, v in zip(SURVEY_ASPECTS.codes(), survey_row[6:], strict=True)
    }
    satisfaction = {
        name: ratio(total_score, surveys, 2)
        for name, total_score in zip(SCORES, score_sums, strict=True)
    }

    by_owner: dict[str, int] = {}
    by_department: dict[str, int] = {}
    for kind, key, name, n in results["overdue"]:
        if kind == "owner":
            by_owner[key] = _int(n)
            owner_names[key] = name
            figures.setdefault(key, {})["overdue_open"] = _int(n)
        else:
            by_department[key] = _int(n)
    by_owner = dict(sorted(by_owner.items(), key=lambda kv: (-kv[1], kv[0])))
    person = {username: OwnerFigures(**values) for username, values in figures.items()}
    person = dict(sorted(person.items(), key=lambda kv: (-kv[1].cases, kv[0])))

    subtype_codes = {item.value: item.code for item in reference["subtype"]}
    staff_counts: dict[str, dict[str, int]] = {}
    staff_names: dict[str, tuple[str, bool]] = {}
    for username, display_name, free_name, subtype_id, n in results["staff"]:
        if username is not None:
            key, label, account = username, display_name, True
        else:
            key = label = (free_name or "").strip()
            account = False
            if not key:
                continue
        code = subtype_codes.get(subtype_id, str(subtype_id))
        counts_of = staff_counts.setdefault(key, {})
        counts_of[code] = counts_of.get(code, 0) + _int(n)
        if key not in staff_names or account:
            staff_names[key] = (label, account)
    staff = {
        key: StaffFigures(
            complaints=sum(by_code.values()),
            by_subtype=dict(sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))),
            display_name=staff_names[key][0],
            has_account=staff_names[key][1],
        )
        for key, by_code in staff_counts.items()
    }
    staff = dict(sorted(staff.items(), key=lambda kv: (-kv[1].complaints, kv[0])))
    by_department = dict(sorted(by_department.items(), key=lambda kv: (-kv[1], kv[0])))

    top = sorted(
        ((code, n) for code, n in counts["subtype"].items() if n), key=lambda kv: (-kv[1], kv[0])
    )[:TOP_SUBTYPES]
    return KpiReport(
        start=start,
        end=end,
        department=department.code if department else None,
        as_of=now,
        volume=volume,
        by_type=counts["type"],
        by_subtype=counts["subtype"],
        by_channel=counts["channel"],
        by_department=counts["department"],
        by_urgency=counts["urgency"],
        by_level=counts["level"],
        urgent_cases=urgent_n,
        closed_cases=closed_n,
        average_handling_hours=hours,
        resolved_cases=resolved_n,
        resolution_rate=ratio(resolved_n, volume),
        on_time_cases=on_time_decided,
        closed_on_time=closed_on_time,
        on_time_rate=ratio(closed_on_time, on_time_decided),
        registered_closed=registered_closed,
        surveyed_cases=surveyed,
        surveyed_in_window=surveyed_in_window,
        survey_coverage=ratio(surveyed, registered_closed),
        survey_within_window=ratio(surveyed_in_window, surveyed),
        first_response_cases=fr_n,
        first_response_on_time=fr_on_time,
        first_response_on_time_rate=ratio(fr_on_time, fr_n),
        satisfaction=satisfaction,
        satisfaction_rate=ratio(satisfied, surveys),
        surveys=surveys,
        improvement_hot_spots=hot_spots,
        top_subtypes=tuple(top),
        overdue_open=sum(by_owner.values()),
        overdue_by_owner=by_owner,
        overdue_by_department=by_department,
        improvement_actions=tuple(actions),
        by_owner=person,
        by_subject_staff=staff,
        by_cause=cause_counts,
        by_product=analysis.by_text(groups, "product"),
        by_merchant=analysis.by_text(groups, "merchant"),
        hot_spots=tuple(analysis.hot_spots(groups, volume, previous_groups, previous_volume)),
        previous_period=(previous.start, previous.end),
        labels=labels,
        owner_names=owner_names,
        survey_window=window,
    )


def to_json_dict(report: KpiReport) -> dict[str, Any]:
    """The object of ``report --format json`` (docs/rules.md#report-json), plus the extra keys
    documented in the module: ``department``, ``as_of``, ``urgent_cases``, ``counts`` (the
    numerators and denominators of the rates), ``top_subtypes``, ``overdue_by_owner``,
    ``overdue_by_department``, ``improvement_actions``."""
    return {
        "period": {"from": report.start.isoformat(), "to": report.end.isoformat()},
        "department": report.department,
        "as_of": report.as_of.isoformat(sep=" "),
        "volume": report.volume,
        "by_type": dict(report.by_type),
        "by_subtype": dict(report.by_subtype),
        "by_channel": dict(report.by_channel),
        "by_department": dict(report.by_department),
        "by_urgency": dict(report.by_urgency),
        "by_level": dict(report.by_level),
        "urgent_cases": report.urgent_cases,
        "average_handling_hours": report.average_handling_hours,
        "resolution_rate": report.resolution_rate,
        "on_time_rate": report.on_time_rate,
        "first_response_on_time_rate": report.first_response_on_time_rate,
        "survey_coverage": report.survey_coverage,
        "survey_within_window": report.survey_within_window,
        "counts": {
            "registered": report.volume,
            "resolved": report.resolved_cases,
            "closed": report.closed_cases,
            "on_time_decided": report.on_time_cases,
            "closed_on_time": report.closed_on_time,
            "first_response_decided": report.first_response_cases,
            "first_response_on_time": report.first_response_on_time,
            "registered_closed": report.registered_closed,
            "surveyed": report.surveyed_cases,
            "surveyed_in_window": report.surveyed_in_window,
        },
        "satisfaction": dict(report.satisfaction),
        "satisfaction_rate": report.satisfaction_rate,
        "surveys": report.surveys,
        "improvement_hot_spots": dict(report.improvement_hot_spots),
        "top_subtypes": [{"code": code, "count": n} for code, n in report.top_subtypes],
        "overdue_open": report.overdue_open,
        "overdue_by_owner": dict(report.overdue_by_owner),
        "overdue_by_department": dict(report.overdue_by_department),
        "improvement_actions": [a.to_json() for a in report.improvement_actions],
        "by_owner": {name: f.to_json() for name, f in report.by_owner.items()},
        "by_subject_staff": {name: f.to_json() for name, f in report.by_subject_staff.items()},
        "by_cause": dict(report.by_cause),
        "by_product": dict(report.by_product),
        "by_merchant": dict(report.by_merchant),
        "hot_spots": [h.to_json() for h in report.hot_spots],
        "previous_period": {
            "from": report.previous_period[0].isoformat(),
            "to": report.previous_period[1].isoformat(),
        }
        if report.previous_period
        else None,
    }
