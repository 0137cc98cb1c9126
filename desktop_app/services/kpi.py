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
- ``on_time_rate``: of the cases closed in the period, the share with ``closed_at`` at or
  before their (stored, possibly renegotiated) ``resolution_due``.
- ``first_response_on_time_rate``: of the cases of the period whose first response is
  decided — given, or not given and already past its deadline at the time of the report —
  the share answered at or before ``first_response_due``. A case still inside its
  first-response window without an answer is not counted yet; one never answered and past
  due counts as late (counting only answered cases would hide the worst ones).
- ``satisfaction``: means of the four scores over the surveys whose ``survey_time`` falls in
  the period (2 decimals, half up); ``satisfaction_rate``: share of those surveys with an
  overall score of 4 or 5; ``surveys``: their number. With a department filter only surveys
  of that department's cases count (proactive surveys have no case and drop out).
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

Speed (measured at 1M demo cases, ``python -m bench report``): four statements, each on an
index range (registration time, closure time, survey time, the queue index for the open
cases) in one read transaction. The breakdowns are a single row of ``COUNT(*) FILTER``
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
from typing import Any, SupportsInt

from desktop_app.db.connection import is_sqlite, param_mark, placeholders
from desktop_app.db.models import Channel, ComplaintType, Department, database_proxy
from desktop_app.domain.messages import msg
from desktop_app.domain.periods import Period
from desktop_app.domain.vocab import LEVEL_ROMAN, LEVELS, SURVEY_ASPECTS, URGENCY
from desktop_app.services.errors import PermissionDenied, ValidationError, service
from desktop_app.services.improvements import ImprovementInfo, actions_in_period
from desktop_app.services.permissions import require_role
from desktop_app.services.session import Session

TOP_SUBTYPES = 5
SCORES = ("timeliness", "effectiveness", "attitude", "overall")
DIMENSIONS = ("type", "subtype", "channel", "department", "urgency", "level")


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
    closed_on_time: int
    average_handling_hours: float | None
    resolved_cases: int  # of the period's cases, closed as resolved
    resolution_rate: float | None
    on_time_rate: float | None
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
    # Labels for display (not in the JSON): code -> (Chinese, English); owner user name ->
    # display name.
    labels: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict, repr=False)
    owner_names: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


def ratio(numerator: int, denominator: int, places: int = 4) -> float | None:
    """``numerator / denominator`` rounded half up, ``None`` for a zero denominator."""
    if not denominator:
        return None
    value = Decimal(int(numerator)) / Decimal(int(denominator))
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


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

_CLOSED_SQL = """SELECT COUNT(*),
 COUNT(*) FILTER (WHERE c.closed_at <= c.resolution_due),
 SUM({seconds})
FROM complaint AS c
WHERE c.closed_at >= {p} AND c.closed_at < {p}{department}"""

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
 WHERE c.is_open = {p} AND c.next_due < {p}{department}
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
) -> dict[str, tuple[str, Sequence[object]]]:
    """The report's four statements with their parameters, for SQLite or PostgreSQL (the
    benchmark runs the same text through a bare sqlite3 connection)."""

    def value(moment: dt.datetime) -> str | dt.datetime:
        return moment.strftime("%Y-%m-%d %H:%M:%S") if sqlite else moment

    # "+": keep SQLite on the time-range index (the department's index would read every
    # case the department ever had); PostgreSQL plans by its statistics either way.
    department = " AND +c.department_id = {p}" if department_id is not None else ""
    dept_params = [department_id] if department_id is not None else []
    period = [value(start_at), value(end_before)]

    def finish(sql: str) -> str:
        return placeholders(sql, param_mark(sqlite=sqlite))

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
        [True, value(now), *dept_params],
    )
    return {"breakdown": breakdown, "closed": closed, "surveys": surveys, "overdue": overdue}


# --- the service --------------------------------------------------------------------------


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
        queries = build_queries(
            sqlite=sqlite,
            start_at=period.start_at,
            end_before=period.end_before,
            now=now,
            department_id=department.id if department else None,
            reference=reference,
        )
        results = {
            name: db.execute_sql(sql, params).fetchall() for name, (sql, params) in queries.items()
        }
        actions = actions_in_period(
            period.start_at,
            period.end_before,
            department_id=department.id if department else None,
            today=now.date(),
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

    closed_n, closed_on_time, seconds = (_int(v) for v in results["closed"][0])
    hours = (
        None
        if not closed_n
        else float(
            (Decimal(seconds) / Decimal(closed_n) / Decimal(3600)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
        )
    )

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
    owner_names: dict[str, str] = {}
    for kind, key, name, n in results["overdue"]:
        if kind == "owner":
            by_owner[key] = _int(n)
            owner_names[key] = name
        else:
            by_department[key] = _int(n)
    by_owner = dict(sorted(by_owner.items(), key=lambda kv: (-kv[1], kv[0])))
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
        closed_on_time=closed_on_time,
        average_handling_hours=hours,
        resolved_cases=resolved_n,
        resolution_rate=ratio(resolved_n, volume),
        on_time_rate=ratio(closed_on_time, closed_n),
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
        labels=labels,
        owner_names=owner_names,
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
        "counts": {
            "registered": report.volume,
            "resolved": report.resolved_cases,
            "closed": report.closed_cases,
            "closed_on_time": report.closed_on_time,
            "first_response_decided": report.first_response_cases,
            "first_response_on_time": report.first_response_on_time,
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
    }
