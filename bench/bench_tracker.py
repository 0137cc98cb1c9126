"""``tracker``: the tracker's case table at N demo cases, against a ``QSqlQueryModel``.

Ours: ``desktop_app.ui.tracker_model.TrackerModel`` (the window's model): ``set_query``
loads the first page through ``services.tracker.list_cases`` (keyset pages of 100, ids
from an index first, then the rows with their labels, contacts masked per docs/rules.md#masking) on
the window's worker thread (``TaskRunner``); the time includes the hop there and back.
Baseline: ``PySide6.QtSql.QSqlQueryModel`` over the same query, in the same process, on a
``QSQLITE`` connection to the same file: ``services.tracker.statement`` gives the same
SELECT (joins for the labels), WHERE (scope and filter) and ORDER BY, without the keyset
and the LIMIT, which is what a table model over a query runs.

For each case below, the time from asking for the list until the first 100 rows' cells
(every column of the model, DisplayRole) have been read, for a supervisor's session. Each
model is reused from case to case, as the window reuses its model; calls alternate
between ours and the baseline and the median of the repeats is compared.

- first page: the default view (open cases, processing order);
- filter changes on the open cases: department + level, a stage, text search, overdue
  only, sort by another column (department, customer, next deadline descending);
- reported, not judged: the clerk's default view, a next page (``fetchMore``), and all
  cases (closed too) newest first and by department.

Reported, not judged: the UI thread's own CPU time per load (``time.thread_time``) for the
first page and the overdue view: ours spends it submitting the query and showing the rows,
the baseline runs the query there too (the window is frozen meanwhile).

Memory: each model in its own fresh process (same Python, same database), after loading
the default view and scrolling through 5,000 rows (every cell read): the process RSS.

Goals (issue 5): first page at most 300 ms, each filter change at most 150 ms, ours at
most half the baseline's time in every judged case, process RSS at most 250 MB.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.common import Report, clock, ensure_cached_db, med, median_interleaved, result_line
from desktop_app.services.tracker import CaseFilter

ROWS = 100
REPEATS = 15
SCROLL_ROWS = 5_000
GOAL_FIRST_MS = 300.0
GOAL_CHANGE_MS = 150.0
GOAL_RATIO = 0.5
GOAL_RSS_MB = 250.0
SUPERVISOR = "demo_sup_customer_service"


@dataclass(frozen=True)
class Case:
    name: str
    flt: CaseFilter
    sort: str = "processing"
    descending: bool = False
    judged: bool = True
    user: str = SUPERVISOR
    first_page: bool = False  # judged against the first-page goal, else the change goal


CASES = (
    Case("first page: open cases, processing order", CaseFilter(), first_page=True),
    Case(
        "department + level",
        CaseFilter(department_codes=frozenset({"customer_service"}), levels=frozenset({2, 3})),
    ),
    Case("stage", CaseFilter(stages=frozenset({"investigating"}))),
    Case("text search (退款)", CaseFilter(text="退款")),
    Case("overdue only", CaseFilter(overdue_only=True)),
    Case("sort by department", CaseFilter(), sort="department"),
    Case("sort by customer", CaseFilter(), sort="customer"),
    Case("sort by next deadline, descending", CaseFilter(), sort="next_due", descending=True),
    Case("clerk: first page", CaseFilter(), judged=False, user="demo_clerk01"),
    Case(
        "all cases, newest first",
        CaseFilter(include_closed=True),
        sort="age",
        descending=True,
        judged=False,
    ),
    Case(
        "all cases by department", CaseFilter(include_closed=True), sort="department", judged=False
    ),
)


def _ensure_display() -> None:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    """This process's resident set size (Linux /proc; elsewhere the peak from resource)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Side:
    """One model (ours or the baseline) and how to load a case and read its cells."""

    def __init__(self, path: Path):
        from PySide6.QtGui import QGuiApplication

        _ensure_display()
        self.app = QGuiApplication.instance() or QGuiApplication(["bench"])
        self.path = path


class Ours(Side):
    def __init__(self, path: Path, url: str | None = None):
        super().__init__(path)
        from desktop_app.bootstrap import prepare_database
        from desktop_app.db.models import User
        from desktop_app.services import auth
        from desktop_app.ui.tasks import TaskRunner
        from desktop_app.ui.tracker_model import TrackerModel

        self.db, _info, _result = prepare_database(url or f"sqlite:///{path}")
        self.sessions = {
            u: auth.session_for(User.get(User.username == u), clock())
            for u in {c.user for c in CASES}
        }
        self.tasks = TaskRunner()
        self.models = {
            u: TrackerModel(s, self.tasks, page_size=ROWS) for u, s in self.sessions.items()
        }

    @staticmethod
    def _wait(model, signal, ask) -> None:
        """``ask()`` for rows and run the event loop until they (or a refusal) arrive."""
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        signal.connect(loop.quit)
        model.load_failed.connect(loop.quit)
        try:
            ask()
            if model.busy():
                loop.exec()
        finally:
            signal.disconnect(loop.quit)
            model.load_failed.disconnect(loop.quit)

    def load(self, case: Case):
        model = self.models[case.user]
        self._wait(
            model, model.loaded, lambda: model.set_query(case.flt, case.sort, case.descending)
        )
        return model

    def more(self, model) -> None:
        self._wait(model, model.page_loaded, model.fetchMore)

    def close(self) -> None:
        self.tasks.wait_for_done()
        self.db.close()


class Baseline(Side):
    def __init__(self, path: Path, ours: Ours):
        super().__init__(path)
        from PySide6.QtSql import QSqlDatabase, QSqlQueryModel

        self.connection = QSqlDatabase.addDatabase("QSQLITE", "bench-tracker-baseline")
        self.connection.setDatabaseName(str(path))
        if not self.connection.open():
            raise RuntimeError(self.connection.lastError().text())
        self.ours = ours  # for the statement: the same service builds the same SQL
        self.models = {u: QSqlQueryModel() for u in ours.sessions}

    def statement(self, case: Case) -> tuple[str, list]:
        from desktop_app.services import tracker

        return tracker.statement(
            self.ours.sessions[case.user], case.flt, sort=case.sort, descending=case.descending
        )

    def load(self, case: Case, statement: tuple[str, list] | None = None):
        from PySide6.QtSql import QSqlQuery

        sql, params = statement or self.statement(case)
        query = QSqlQuery(self.connection)
        query.setForwardOnly(False)
        if not query.prepare(sql):
            raise RuntimeError(query.lastError().text())
        for value in params:
            query.addBindValue(value)
        if not query.exec():
            raise RuntimeError(query.lastError().text())
        model = self.models[case.user]
        model.setQuery(query)
        if model.lastError().isValid():
            raise RuntimeError(model.lastError().text())
        return model

    def more(self, model) -> None:
        model.fetchMore()

    def close(self) -> None:
        from PySide6.QtSql import QSqlDatabase

        for model in self.models.values():
            model.clear()
        self.connection.close()
        del self.connection
        QSqlDatabase.removeDatabase("bench-tracker-baseline")


def read_cells(model, rows: int, first: int = 0) -> int:
    """Read every cell's DisplayRole of rows ``first``..``rows - 1`` (as a view painting
    them would); the number of rows read."""
    from PySide6.QtCore import Qt

    display = Qt.ItemDataRole.DisplayRole
    columns = model.columnCount()
    last = min(rows, model.rowCount())
    for row in range(first, last):
        for column in range(columns):
            model.data(model.index(row, column), display)
    return max(0, last - first)


def _ids(model, ours: bool) -> list[int]:
    if ours:
        return [model.case_id(r) for r in range(min(ROWS, model.rowCount()))]
    return [int(model.data(model.index(r, 0))) for r in range(min(ROWS, model.rowCount()))]


def scroll(side, model, rows: int) -> int:
    """Fetch and read rows until ``rows`` are loaded (or all are)."""
    read = read_cells(model, rows)
    while model.rowCount() < rows and model.canFetchMore():
        before = model.rowCount()
        side.more(model)
        if model.rowCount() == before:
            break
        read += read_cells(model, rows, before)
    return read


def memory_child(which: str, path: str) -> None:
    """``python -m bench.bench_tracker --rss ours|baseline PATH``: one model in a fresh
    process; prints the RSS before and after scrolling the default view."""
    side = Ours(Path(path))
    if which == "baseline":
        side = Baseline(Path(path), side)
    case = CASES[0]
    start = rss_mb()
    model = side.load(case)
    read = scroll(side, model, SCROLL_ROWS)
    print(f"{start:.1f} {rss_mb():.1f} {read}", flush=True)


def _memory(which: str, path: Path) -> tuple[float, float, int]:
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_tracker", "--rss", which, str(path)],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    start, end, read = out.stdout.split()[-3:]
    return float(start), float(end), int(read)


@dataclass
class Result:
    case: Case
    ours: list[float]
    baseline: list[float]

    @property
    def ours_s(self) -> float:
        return med(self.ours)

    @property
    def baseline_s(self) -> float:
        return med(self.baseline)

    @property
    def ratio(self) -> float:
        return self.ours_s / self.baseline_s if self.baseline_s > 0 else float("inf")

    @property
    def goal_ms(self) -> float:
        return GOAL_FIRST_MS if self.case.first_page else GOAL_CHANGE_MS

    @property
    def met(self) -> bool:
        return self.ours_s * 1000 <= self.goal_ms and self.ratio <= GOAL_RATIO


def _timed(side, case: Case, statement=None) -> Callable[[], object]:
    if isinstance(side, Baseline):
        return lambda: read_cells(side.load(case, statement), ROWS)
    return lambda: read_cells(side.load(case), ROWS)


def run(cases: int, seed: int, cache_dir: Path) -> tuple[Report, str]:
    from desktop_app.services import tracker

    path = ensure_cached_db(cache_dir, cases, seed)
    ours = Ours(path)
    baseline = Baseline(path, ours)
    results: list[Result] = []
    service: dict[str, float] = {}
    blocked: dict[str, tuple[list[float], list[float]]] = {}
    try:
        open_cases = ours.db.execute_sql(
            "SELECT COUNT(*) FROM complaint WHERE is_open = TRUE"
        ).fetchone()[0]
        for case in CASES:
            statement = baseline.statement(case)
            a = ours.load(case)
            b = baseline.load(case, statement)
            assert _ids(a, True) == _ids(b, False), f"{case.name}: ours and the baseline disagree"
            times = median_interleaved(
                _timed(ours, case),
                _timed(baseline, case, statement),
                REPEATS if case.judged else 5,
                warmup=2,
            )
            results.append(Result(case, *times))
            service[case.name] = med(
                median_interleaved(
                    lambda case=case: tracker.list_cases(
                        ours.sessions[case.user],
                        case.flt,
                        sort=case.sort,
                        descending=case.descending,
                        limit=ROWS,
                    ),
                    lambda: None,
                    9,
                    warmup=1,
                )[0]
            )
        # Reading the cells of a loaded first page alone (no query).
        loaded_ours, loaded_base = ours.load(CASES[0]), baseline.load(CASES[0])
        cells = median_interleaved(
            lambda: read_cells(loaded_ours, ROWS),
            lambda: read_cells(loaded_base, ROWS),
            15,
            warmup=2,
        )
        # What the UI thread itself spends (its CPU time, not the wait for the worker):
        # ours hands the query to the worker; the baseline runs it on this thread.
        for case in (CASES[0], CASES[4]):
            statement = baseline.statement(case)
            blocked[case.name] = median_interleaved(
                _timed(ours, case), _timed(baseline, case, statement), 9, 1, timer=time.thread_time
            )
        # A next page: the default view's second page (fetchMore), each model reloaded.
        first = CASES[0]
        statement = baseline.statement(first)

        def next_page(side, stmt=None):
            def call():
                model = side.load(first, stmt) if stmt else side.load(first)
                rows = model.rowCount()
                if isinstance(side, Ours):
                    side.more(model)
                    return read_cells(model, rows + ROWS, rows)
                # QSqlQueryModel fetched a block at setQuery; read the rows after ours.
                while model.rowCount() < 2 * ROWS and model.canFetchMore():
                    side.more(model)
                return read_cells(model, 2 * ROWS, ROWS)

            return call

        fetch_ours, fetch_base = median_interleaved(
            next_page(ours), next_page(baseline, statement), 9, warmup=1
        )
    finally:
        baseline.close()
        ours.close()
    ours_mem = _memory("ours", path)
    base_mem = _memory("baseline", path)

    report = Report(
        f"tracker: first {ROWS} rows read (all columns) of {open_cases:,} open "
        f"cases among {cases:,}, SQLite, median of {REPEATS} "
        f"(unjudged: 5); ours = TrackerModel, baseline = QSqlQueryModel"
    )
    for r in results:
        verdict = ("PASS" if r.met else "FAIL") if r.case.judged else "(not judged)"
        report.add(f"{r.case.name} (ms)", f"{r.ours_s * 1000:.1f}", f"{r.baseline_s * 1000:.1f}")
        report.add(
            f"  ratio; goal ≤ {r.goal_ms:g} ms and ≤ {GOAL_RATIO:g}", f"{r.ratio:.2f}", verdict
        )
    report.add(
        "next page, fetchMore (ms)",
        f"{med(fetch_ours) * 1000:.1f}",
        f"{med(fetch_base) * 1000:.1f}",
    )
    report.add(
        f"RSS after scrolling {SCROLL_ROWS:,} rows (MB)", f"{ours_mem[1]:.0f}", f"{base_mem[1]:.0f}"
    )
    report.add("  RSS before loading (MB)", f"{ours_mem[0]:.0f}", f"{base_mem[0]:.0f}")
    rss_met = ours_mem[1] <= GOAL_RSS_MB
    report.add(f"  goal ≤ {GOAL_RSS_MB:g} MB", "PASS" if rss_met else "FAIL", "")
    report.note(
        f"rows read while scrolling: ours {ours_mem[2]:,}, baseline {base_mem[2]:,}; "
        "each model reads its own columns (ours 9 shown, the baseline's query 24)"
    )
    report.note(
        f"reading the cells of a loaded first page, no query: ours "
        f"{med(cells[0]) * 1000:.1f} ms ({ROWS} x 9 cells, TrackerModel.data in "
        f"Python), baseline {med(cells[1]) * 1000:.1f} ms ({ROWS} x 24 cells)"
    )
    report.note(
        "of ours, services.tracker.list_cases alone (ms): "
        + "; ".join(f"{name} {seconds * 1000:.1f}" for name, seconds in service.items())
    )
    report.note(
        "UI thread CPU time per load, ours (TrackerModel, query on the worker) vs the "
        "baseline (query on the UI thread), ms: "
        + "; ".join(
            f"{name} {med(a) * 1000:.1f} vs {med(b) * 1000:.1f}" for name, (a, b) in blocked.items()
        )
    )
    judged = [r for r in results if r.case.judged]
    worst = max(judged, key=lambda r: r.ratio)
    slowest = max((r for r in judged if not r.case.first_page), key=lambda r: r.ours_s)
    report.note(
        f"worst ratio: {worst.case.name} {worst.ratio:.2f}; slowest filter change: "
        f"{slowest.case.name} {slowest.ours_s * 1000:.1f} ms"
    )
    met = all(r.met for r in judged) and rss_met
    line = result_line(
        "tracker",
        worst.ours_s,
        worst.baseline_s,
        f"first page <= {GOAL_FIRST_MS:g} ms, filter change <= {GOAL_CHANGE_MS:g} ms, "
        f"ratio <= {GOAL_RATIO:g} (worst case reported), RSS <= {GOAL_RSS_MB:g} MB",
        met,
    )
    return report, line


class PgBaseline(Baseline):
    """``QSqlQueryModel`` on a ``QPSQL`` connection to the same PostgreSQL database."""

    def __init__(self, url: str, ours: Ours):
        Side.__init__(self, Path())
        from urllib.parse import unquote, urlsplit

        from PySide6.QtSql import QSqlDatabase, QSqlQueryModel

        parts = urlsplit(url)
        self.connection = QSqlDatabase.addDatabase("QPSQL", "bench-tracker-baseline")
        self.connection.setHostName(parts.hostname or "localhost")
        self.connection.setPort(parts.port or 5432)
        self.connection.setUserName(unquote(parts.username or ""))
        self.connection.setPassword(unquote(parts.password or ""))
        self.connection.setDatabaseName(parts.path.lstrip("/"))
        if not self.connection.open():
            error = self.connection.lastError().text()
            del self.connection
            QSqlDatabase.removeDatabase("bench-tracker-baseline")
            raise RuntimeError(error or "the QPSQL driver does not load")
        self.ours = ours
        self.models = {u: QSqlQueryModel() for u in ours.sessions}

    def statement(self, case: Case) -> tuple[str, list]:
        from bench.pg import qmark

        sql, params = super().statement(case)
        # Times as text: Qt would send a QDateTime converted to the server's time zone.
        return qmark(sql), [
            v.isoformat(sep=" ") if isinstance(v, dt.datetime) else v for v in params
        ]


class RawBaseline:
    """The same statement through psycopg2, every row fetched (what a table model over the
    query reads on PostgreSQL, where the driver fetches the whole result)."""

    def __init__(self, url: str, ours: Ours):
        from bench import pg

        self.conn = pg.connect(url)
        self.conn.autocommit = True
        self.ours = ours

    def statement(self, case: Case) -> tuple[str, list]:
        from desktop_app.services import tracker

        return tracker.statement(
            self.ours.sessions[case.user], case.flt, sort=case.sort, descending=case.descending
        )

    def load(self, case: Case, statement: tuple[str, list] | None = None):
        sql, params = statement or self.statement(case)
        with self.conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def close(self) -> None:
        self.conn.close()


def run_pg(cases: int, seed: int, cache_dir: Path, url: str) -> tuple[Report, str]:
    """The judged cases on PostgreSQL: ours = TrackerModel over the program's connection,
    the baseline QSqlQueryModel on a QPSQL connection (or, when Qt's PostgreSQL driver does
    not load, the same statement through psycopg2, every row fetched). Memory and the UI
    thread's CPU time are measured on SQLite only."""
    from bench import pg

    loading = pg.ensure_pg_data(url, cases, seed, cache_dir)
    settings = pg.server_settings(url)
    ours = Ours(Path(), url)
    kind = "QSqlQueryModel (QPSQL)"
    try:
        baseline: Baseline | RawBaseline = PgBaseline(url, ours)
    except RuntimeError as exc:
        kind = f"the same SQL through psycopg2 (QPSQL: {exc})"
        baseline = RawBaseline(url, ours)
    results: list[Result] = []
    try:
        open_cases = ours.db.execute_sql(
            "SELECT COUNT(*) FROM complaint WHERE is_open = TRUE"
        ).fetchone()[0]
        for case in CASES:
            statement = baseline.statement(case)
            a = ours.load(case)
            b = baseline.load(case, statement)
            if isinstance(baseline, PgBaseline):
                assert _ids(a, True) == _ids(b, False), (
                    f"{case.name}: ours and the baseline disagree"
                )
                timed_base = _timed(baseline, case, statement)
            else:
                assert _ids(a, True) == [r[0] for r in b[:ROWS]], f"{case.name}: disagree"
                timed_base = lambda case=case, statement=statement: baseline.load(case, statement)  # noqa: E731
            times = median_interleaved(
                _timed(ours, case), timed_base, REPEATS if case.judged else 5, warmup=2
            )
            results.append(Result(case, *times))
    finally:
        baseline.close()
        ours.close()
    report = Report(
        f"tracker: first {ROWS} rows read (all columns) of {open_cases:,} open cases among "
        f"{cases:,}, PostgreSQL, median of {REPEATS} (unjudged: 5); ours = TrackerModel, "
        f"baseline = {kind}"
    )
    for r in results:
        verdict = ("PASS" if r.met else "FAIL") if r.case.judged else "(not judged)"
        report.add(f"{r.case.name} (ms)", f"{r.ours_s * 1000:.1f}", f"{r.baseline_s * 1000:.1f}")
        report.add(
            f"  ratio; goal ≤ {r.goal_ms:g} ms and ≤ {GOAL_RATIO:g}", f"{r.ratio:.2f}", verdict
        )
    for what, seconds in loading.items():
        report.note(f"demo data loaded now: {what} {seconds:.1f}")
    report.note(settings)
    judged = [r for r in results if r.case.judged]
    worst = max(judged, key=lambda r: r.ratio)
    slowest = max(judged, key=lambda r: r.ours_s)
    report.note(
        f"worst ratio: {worst.case.name} {worst.ratio:.2f}; slowest: "
        f"{slowest.case.name} {slowest.ours_s * 1000:.1f} ms"
    )
    line = result_line(
        "tracker",
        worst.ours_s,
        worst.baseline_s,
        f"first page <= {GOAL_FIRST_MS:g} ms, filter change <= {GOAL_CHANGE_MS:g} ms, "
        f"ratio <= {GOAL_RATIO:g} (worst case reported)",
        all(r.met for r in judged),
    )
    return report, line


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--rss":
        memory_child(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("usage: python -m bench tracker [--cases N]")
