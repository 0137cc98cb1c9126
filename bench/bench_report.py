"""``report``: the KPI report (docs/rules.md#kpis) of a month and of a quarter, at N demo cases.

Ours: ``services.kpi.kpi_report`` for a manager plus ``to_json_dict`` (what
``report --format json`` does: permission check, reference codes and settings, the seven
aggregate statements (per-person figures included) in one read transaction through peewee,
improvement actions, the report object and its JSON dict). Baseline: the same statements (``kpi.build_queries``, parameters
built once beforehand) through a plain ``sqlite3`` connection, rows fetched. Both read the
same cached database; calls are interleaved and the medians compared.

The periods are the last complete month and quarter before the benchmarks' "now"
(October 2026 and Q3 2026; at 1M demo cases about 47,000 and 140,000 registered cases).
Also reported, not judged: one department's month, the first (cold) call, the query plans.

Goal: ours at most 1.5x the raw SQL and at most 3 s, for the month and the quarter.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import (
    BENCH_NOW,
    Report,
    clock,
    ensure_cached_db,
    med,
    median_interleaved,
    result_line,
)
from desktop_app.bootstrap import prepare_database
from desktop_app.db.models import Department, User
from desktop_app.domain import periods
from desktop_app.services import auth, kpi
from desktop_app.services.session import Session

REPEATS = {"month": 9, "quarter": 7}
GOAL_RATIO = 1.5
GOAL_S = 3.0


def _period(kind: str) -> periods.Period:
    return periods.period_of(kind, BENCH_NOW.date()).previous()


def _measure_period(
    kind: str,
    manager: Session,
    reference: Any,
    *,
    sqlite: bool,
    run_statements: Callable[[dict[str, tuple[str, list]]], dict[str, list]],
) -> tuple[dict[str, tuple[str, list]], tuple[float, float], list[tuple[str, str, str]], float]:
    """One period's report, ours against ``run_statements`` over the same statements
    (checked to agree first), interleaved: the statements, the medians (ours, baseline),
    the table's rows and the first (cold) call's time."""
    period = _period(kind)
    queries = kpi.build_queries(
        sqlite=sqlite,
        start_at=period.start_at,
        end_before=period.end_before,
        now=BENCH_NOW,
        department_id=None,
        reference=reference,
    )

    def ours():
        report = kpi.kpi_report(manager, period.start, period.end)
        return report, kpi.to_json_dict(report)

    def baseline():
        return run_statements(queries)

    started = time.perf_counter()
    report, _json = ours()
    first_call = time.perf_counter() - started
    raw_rows = baseline()
    assert raw_rows["breakdown"][0][0] == report.volume, "ours and the baseline disagree"
    assert sum(r[1] for r in raw_rows["closed"]) == report.closed_cases
    assert sum(r[1] for r in raw_rows["owners"]) == report.volume
    assert raw_rows["surveys"][0][0] == report.surveys
    assert sum(r[3] for r in raw_rows["overdue"] if r[0] == "owner") == report.overdue_open
    a, b = median_interleaved(ours, baseline, REPEATS[kind], warmup=1)
    rows = [
        (
            f"{kind} {period.label()}: {report.volume:,} cases, "
            f"{report.closed_cases:,} closed, {report.surveys:,} surveys (s)",
            f"{med(a):.3f}",
            f"{med(b):.3f}",
        ),
        ("  min / max (s)", f"{min(a):.3f} / {max(a):.3f}", f"{min(b):.3f} / {max(b):.3f}"),
    ]
    return queries, (med(a), med(b)), rows, first_call


def _goal_line(judged: dict[str, tuple[float, float]]) -> str:
    met = all(o <= GOAL_S and o / b <= GOAL_RATIO for o, b in judged.values())
    ours_s, base_s = judged["quarter"]
    return result_line(
        "report",
        ours_s,
        base_s,
        f"month and quarter: ratio <= {GOAL_RATIO:g} and ours <= {GOAL_S:g} s "
        f"(figures: the quarter)",
        met,
    )


def measure(path: Path) -> tuple[Report, str]:
    """Run the benchmark on an existing demo database file."""
    db, _info, _result = prepare_database(f"sqlite:///{path}")
    raw = sqlite3.connect(path)
    try:
        manager = auth.session_for(User.get(User.username == "demo_manager"), clock())
        cases = db.execute_sql("SELECT COUNT(*) FROM complaint").fetchone()[0]
        reference = kpi.load_reference()
        rows: list[tuple[str, str, str]] = []
        judged: dict[str, tuple[float, float]] = {}
        plans: list[str] = []
        first_call = 0.0

        def statements(queries):
            return {
                name: raw.execute(sql, params).fetchall() for name, (sql, params) in queries.items()
            }

        for kind in ("month", "quarter"):
            queries, judged[kind], kind_rows, cold = _measure_period(
                kind, manager, reference, sqlite=True, run_statements=statements
            )
            rows += kind_rows
            if kind == "month":
                first_call = cold
            if kind == "quarter":
                for name, (sql, params) in queries.items():
                    plan = "; ".join(
                        str(r[-1])
                        for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
                    )
                    plans.append(f"{name}: {plan}")
        month = _period("month")
        dept = Department.get(Department.code == "customer_service")
        dept_times = median_interleaved(
            lambda: kpi.kpi_report(manager, month.start, month.end, department_code=dept.code),
            lambda: None,
            5,
            warmup=1,
        )[0]
    finally:
        raw.close()
        db.close()
    report = Report(
        f"report: KPI report over {cases:,} cases, SQLite, medians "
        f"(month of {REPEATS['month']}, quarter of {REPEATS['quarter']})"
    )
    for row in rows:
        report.add(*row)
    report.add("month, customer_service only (s)", f"{med(dept_times):.3f}", "")
    report.add("first call, month (s)", f"{first_call:.3f}", "")
    for kind, (ours_s, base_s) in judged.items():
        report.note(f"{kind}: ratio {ours_s / base_s:.3f}")
    for plan in plans:
        report.note(f"plan, {plan}")
    return report, _goal_line(judged)


def run(cases: int, seed: int, cache_dir: Path) -> tuple[Report, str]:
    return measure(ensure_cached_db(cache_dir, cases, seed))


def run_pg(cases: int, seed: int, cache_dir: Path, url: str) -> tuple[Report, str]:
    """The same on PostgreSQL: the baseline runs ``kpi.build_queries(sqlite=False)``
    through a plain psycopg2 connection."""
    from bench import pg

    loading = pg.ensure_pg_data(url, cases, seed, cache_dir)
    db, _info, _result = prepare_database(url)
    raw = pg.connect(url)
    raw.autocommit = True
    cur = raw.cursor()
    try:
        manager = auth.session_for(User.get(User.username == "demo_manager"), clock())
        reference = kpi.load_reference()
        rows: list[tuple[str, str, str]] = []
        judged: dict[str, tuple[float, float]] = {}

        def statements(queries):
            result = {}
            for name, (sql, params) in queries.items():
                cur.execute(sql, params)
                result[name] = cur.fetchall()
            return result

        for kind in ("month", "quarter"):
            _queries, judged[kind], kind_rows, _cold = _measure_period(
                kind, manager, reference, sqlite=False, run_statements=statements
            )
            rows += kind_rows
    finally:
        raw.close()
        db.close()
    out = Report(
        f"report: KPI report over {cases:,} cases, PostgreSQL, medians (month of "
        f"{REPEATS['month']}, quarter of {REPEATS['quarter']}); baseline = the same "
        "statements through psycopg2"
    )
    for row in rows:
        out.add(*row)
    for kind, (ours_s, base_s) in judged.items():
        out.note(f"{kind}: ratio {ours_s / base_s:.3f}")
    for what, seconds in loading.items():
        out.note(f"demo data loaded now: {what} {seconds:.1f}")
    out.note(pg.server_settings(url))
    return out, _goal_line(judged)
