"""``office``: a day in a busy office, many PCs on one database at once.

``python -m bench office --database URL --clients 20 --minutes 3``: ``--clients``
processes (multiprocessing, spawned), each a PC with its own connection and signed-in user,
doing what its role does with a think time of 1–3 s between actions, all through the
services as the program calls them:

- clerks (7 in 10): intake saves, progress entries on their open cases (the case read
  first, its version passed), survey entries from the survey queue;
- supervisors (2 in 10): tracker pages and filters, transfers, approval decisions, closing;
- managers (1 in 10): a month's KPI report, an export of a week's cases (the exchange
  workbook).

At 20 clients: 14 clerks, 4 supervisors, 2 managers. Every action's time is recorded
with its outcome: done, conflict (another PC changed the case first, a ``ConflictError``:
readable, the program offers to reload), refused (a readable refusal: the case moved on
meanwhile), or error (anything else, "busy" included). The table gives p50/p95/max per
action; the last line is JSON with "met" (intake save p95 ≤ 150 ms and tracker page p95 ≤
200 ms, no errors).

On PostgreSQL the clients write to a copy of the loaded demo data (``pg.work_database``);
without ``--database`` they share a copy of the SQLite demo database (default 20,000 cases).
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path

from bench.common import ensure_cached_db, remove_sqlite

SQLITE_CASES = 20_000
GOAL_INTAKE_P95_MS = 150.0
GOAL_TRACKER_P95_MS = 200.0
THINK_S = (1.0, 3.0)
ROLE_SHARE = (("clerk", 0.7), ("supervisor", 0.2), ("manager", 0.1))
# What each role does, with weights.
ACTIONS = {
    "clerk": (("intake save", 5), ("progress entry", 3), ("survey entry", 2)),
    "supervisor": (
        ("tracker page", 4),
        ("tracker filter", 3),
        ("transfer", 1),
        ("approval", 1),
        ("closing", 1),
    ),
    "manager": (("month report", 3), ("export", 1)),
}


def roles(clients: int) -> list[str]:
    """The role of each client: 7 in 10 clerks, 2 supervisors, 1 manager (at least one
    clerk; a supervisor from 2 clients, a manager from 3)."""
    managers = max(1, round(clients * 0.1)) if clients >= 3 else 0
    supervisors = max(1, round(clients * 0.2)) if clients >= 2 else 0
    return (
        ["clerk"] * (clients - managers - supervisors)
        + ["supervisor"] * supervisors
        + ["manager"] * managers
    )


# --- one client ---------------------------------------------------------------------------


class Idle(Exception):
    """Nothing for this action to work on just now (no case awaiting this supervisor's
    approval): counted apart, not timed."""


class Client:
    """One PC: its session, the cases it works on, its actions."""

    def __init__(self, url: str, role: str, index: int, seed: int):
        from desktop_app.bootstrap import prepare_database
        from desktop_app.db.models import Department, User
        from desktop_app.domain.clock import SystemClock
        from desktop_app.services import auth, reference

        self.db, _info, _result = prepare_database(url)
        self.role = role
        self.rng = random.Random(seed * 1000 + index)
        self.index = index
        if role == "clerk":
            clerks = [
                u.username
                for u in User.select()
                .where((User.role == "clerk") & User.username.startswith("demo_clerk"))
                .order_by(User.username)
            ]
            username = clerks[index % len(clerks)]
        elif role == "supervisor":
            sups = [
                u.username
                for u in User.select()
                .where((User.role == "supervisor") & User.username.startswith("demo_sup_"))
                .order_by(User.username)
            ]
            username = sups[index % len(sups)]
        else:
            username = "demo_manager"
        self.session = auth.session_for(User.get(User.username == username), SystemClock())
        self.username = username
        self.tree = [(t.code, c.code) for t in reference.type_tree() for c in t.children]
        self.channels = [c.code for c in reference.channels()]
        self.departments = [d.code for d in Department.select()]
        self.causes = [c.code for c in reference.causes()]
        self.candidates: list[int] = []
        self.saved = 0
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-office-"))

    def close(self) -> None:
        self.db.close()

    def pick(self) -> str:
        names, weights = zip(*ACTIONS[self.role], strict=True)
        return self.rng.choices(names, weights)[0]

    def run(self, name: str) -> None:
        getattr(self, name.replace(" ", "_"))()

    # --- clerks

    def intake_save(self) -> None:
        from desktop_app.services import intake

        type_code, subtype = self.rng.choice(self.tree)
        self.saved += 1
        form = intake.IntakeForm(
            customer_name="压测客户",
            contact=f"139{self.index:02d}{self.saved:06d}",
            channel=self.rng.choice(self.channels),
            complaint_time=self.session.now() - dt.timedelta(minutes=5),
            type=type_code,
            subtype=subtype,
            urgency=self.rng.choice(["urgent", "normal", "normal", "low"]),
            description=f"办公室压测第{self.saved}次：收到的商品与描述不符，要求退款",
            department=self.rng.choice(self.departments),
            customer_requests=["refund"],
            subject_staff="demo_clerk03" if subtype.startswith("staff_") else "",
        )
        intake.register_complaint(self.session, form)

    def _case_ids(self, flt=None) -> list[int]:
        from desktop_app.services import tracker

        if flt is None:  # the clerk's own cases (a routed case is its receiver's too)
            flt = tracker.CaseFilter(owner_ids=frozenset({self.session.user_id}))
        page = tracker.list_cases(self.session, flt, limit=50)
        return [r.id for r in page.rows]

    def progress_entry(self) -> None:
        from desktop_app.services.cases import ProgressForm, add_progress, get_case

        if not self.candidates:
            self.candidates = self._case_ids()
        if not self.candidates:
            return self.intake_save()
        detail = get_case(self.session, self.rng.choice(self.candidates))
        add_progress(
            self.session,
            detail.id,
            ProgressForm(stage=detail.stage, result="已电话联系客户，正在核实", next_action="跟进"),
            version=detail.version,
        )

    def survey_entry(self) -> None:
        from desktop_app.services import surveys

        page = surveys.survey_queue(self.session, limit=20)
        if not page.rows:
            return
        row = self.rng.choice(page.rows)
        surveys.record_survey(
            self.session,
            surveys.SurveyForm(
                complaint_number=row.number,
                customer_name=row.customer_name,
                survey_time=self.session.now(),
                method="phone",
                timeliness=4,
                effectiveness=4,
                attitude=5,
                overall=4,
            ),
        )

    # --- supervisors

    def tracker_page(self) -> None:
        from desktop_app.services import tracker

        page = tracker.list_cases(self.session, tracker.CaseFilter(), limit=100)
        self.candidates = [r.id for r in page.rows]

    def tracker_filter(self) -> None:
        from desktop_app.services import tracker

        flt = self.rng.choice(
            (
                tracker.CaseFilter(overdue_only=True),
                tracker.CaseFilter(stages=frozenset({"investigating"})),
                tracker.CaseFilter(levels=frozenset({2, 3})),
                tracker.CaseFilter(urgent_only=True),
                tracker.CaseFilter(text="退款"),
                tracker.CaseFilter(awaiting_approval=True),
            )
        )
        sort = self.rng.choice(("processing", "next_due", "customer"))
        tracker.list_cases(self.session, flt, sort=sort, limit=100)

    def _open_case(self):
        from desktop_app.services.cases import get_case

        if not self.candidates:
            self.tracker_page()
        if not self.candidates:
            return None
        return get_case(self.session, self.rng.choice(self.candidates))

    def transfer(self) -> None:
        from desktop_app.services.cases import assignees, transfer

        detail = self._open_case()
        if detail is None:
            return
        people = [p for p in assignees(self.session, detail.id) if p[1] != detail.owner]
        if not people:
            return
        to = self.rng.choice(people)[0]
        transfer(self.session, detail.id, to, "工作量调整", version=detail.version)

    def approval(self) -> None:
        from desktop_app.services import tracker
        from desktop_app.services.cases import decide_approval, get_case

        ids = self._case_ids(tracker.CaseFilter(awaiting_approval=True))
        self.rng.shuffle(ids)
        for case_id in ids[:5]:  # one this supervisor may decide (not their own request)
            detail = get_case(self.session, case_id)
            if "decide_approval" in detail.actions:
                break
        else:
            raise Idle
        decide_approval(self.session, detail.id, True, "同意方案", version=detail.version)

    def closing(self) -> None:
        from desktop_app.services.cases import close_case

        detail = self._open_case()
        if detail is None:
            return
        close_case(
            self.session,
            detail.id,
            confirmed=False,
            outcome="resolved",
            reason="客户未回电，按已解决结案",
            version=detail.version,
            root_cause=self.rng.choice(self.causes) if self.causes else None,
            root_cause_notes="压测：原因分析",
        )
        if detail.id in self.candidates:
            self.candidates.remove(detail.id)

    # --- managers

    def month_report(self) -> None:
        from desktop_app.domain import periods
        from desktop_app.services import kpi

        period = periods.period_of("month", self.session.now().date()).previous()
        kpi.to_json_dict(kpi.kpi_report(self.session, period.start, period.end))

    def export(self) -> None:
        from desktop_app.services.exchange_export import export_cases

        end = self.session.now().date() - dt.timedelta(days=1)
        path = self.tmp / f"export-{self.index}.xlsx"
        export_cases(self.session, path, start=end - dt.timedelta(days=6), end=end)
        path.unlink(missing_ok=True)


def outcome_of(exc: BaseException) -> str:
    from desktop_app.services.errors import ConflictError, DatabaseUnavailable, ServiceError

    if isinstance(exc, ConflictError):
        return "conflict"
    if isinstance(exc, DatabaseUnavailable):
        return "error"  # "busy" or the server gone: what the load must not cause
    if isinstance(exc, ServiceError):
        return "refused"
    return "error"


def client_main(url, role, index, seed, ready, start, stop_at_box, results) -> None:
    """One client process: sign in, wait for the start, act until the stop time."""
    records: list[tuple[str, str, str, float, str]] = []
    try:
        client = Client(url, role, index, seed)
    except Exception:  # noqa: BLE001 - reported as an error of the client
        results.put([(role, "sign in", "error", 0.0, traceback.format_exc(limit=3))])
        ready.release()
        return
    ready.release()
    start.wait()
    stop_at = stop_at_box.value
    # Clients do not start in step: a first think time of 0-3 s.
    time.sleep(client.rng.uniform(0, THINK_S[1]))
    first_calls: set[str] = set()
    try:
        while time.time() < stop_at:
            name = client.pick()
            started = time.perf_counter()
            try:
                client.run(name)
                result, detail = "done", ""
            except Idle:
                result, detail = "idle", ""
            except Exception as exc:  # noqa: BLE001 - counted by kind
                result = outcome_of(exc)
                detail = f"{type(exc).__name__}: {exc}"[:200]
                if result == "error":
                    detail = traceback.format_exc(limit=4)[-600:]
                client.candidates = []  # read the list again
            if name not in first_calls and result == "done":
                # A program's first call of an action warms its caches (sign-in does
                # this in the program): counted, not timed.
                first_calls.add(name)
                result = "first"
            records.append((role, name, result, time.perf_counter() - started, detail))
            time.sleep(client.rng.uniform(*THINK_S))
    finally:
        client.close()
        results.put(records)


# --- the run ------------------------------------------------------------------------------


def _p(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def run_office(url: str, clients: int, seconds: float, seed: int = 1) -> dict:
    """Run the clients against ``url`` for ``seconds``; print the table, return the
    summary (the JSON line's dict)."""
    ctx = mp.get_context("spawn")
    ready = ctx.Semaphore(0)
    start = ctx.Event()
    stop_at_box = ctx.Value("d", 0.0)
    results = ctx.Queue()
    plan = roles(clients)
    procs = [
        ctx.Process(
            target=client_main,
            args=(url, role, i, seed, ready, start, stop_at_box, results),
            daemon=True,
        )
        for i, role in enumerate(plan)
    ]
    for p in procs:
        p.start()
    for _ in procs:
        ready.acquire(timeout=300)
    stop_at_box.value = time.time() + seconds
    start.set()
    records: list[tuple[str, str, str, float, str]] = []
    for _ in procs:
        records.extend(results.get(timeout=seconds + 600))
    for p in procs:
        p.join(timeout=60)
    return summarize(records, plan, seconds)


def summarize(records, plan: list[str], seconds: float) -> dict:
    times: dict[tuple[str, str], list[float]] = defaultdict(list)
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    for role, name, result, elapsed, detail in records:
        counts[(role, name)][result] += 1
        if result == "first":
            counts[(role, name)]["done"] += 1
        elif result == "done":
            times[(role, name)].append(elapsed)
        elif result == "error":
            errors.append(f"{role} {name}: {detail}")
    header = (
        "role",
        "action",
        "done",
        "p50 ms",
        "p95 ms",
        "max ms",
        "conflicts",
        "refused",
        "errors",
        "idle",
    )
    rows = [header]
    for role, name in sorted(counts, key=lambda k: ([r for r, _ in ROLE_SHARE].index(k[0]), k[1])):
        t = times[(role, name)]
        c = counts[(role, name)]
        rows.append(
            (
                role,
                name,
                str(c["done"]),
                f"{_p(t, 50) * 1000:.1f}" if t else "-",
                f"{_p(t, 95) * 1000:.1f}" if t else "-",
                f"{max(t) * 1000:.1f}" if t else "-",
                str(c["conflict"]),
                str(c["refused"]),
                str(c["error"]),
                str(c["idle"]),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    mix = ", ".join(f"{plan.count(r)} {r}s" for r, _ in ROLE_SHARE if plan.count(r))
    print(
        f"== office: {len(plan)} clients ({mix}), {seconds:g} s, think time {THINK_S[0]:g}-"
        f"{THINK_S[1]:g} s =="
    )
    for row in rows:
        print(
            "  ".join(
                f"{cell:<{w}}" if i < 2 else f"{cell:>{w}}"
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    for text in errors[:5]:
        print("error:", text.strip().replace("\n", " | "))
    samples: dict[str, set[str]] = defaultdict(set)
    for _role, name, result, _elapsed, detail in records:
        if result in ("refused", "conflict") and len(samples[name]) < 2:
            samples[name].add(f"{result}: {detail}")
    for name, texts in sorted(samples.items()):
        for text in sorted(texts):
            print(f"{name}, {text}")

    def p95_of(name: str) -> float | None:
        values = [v for (role, n), ts in times.items() if n == name for v in ts]
        return _p(values, 95) * 1000 if values else None

    intake, page = p95_of("intake save"), p95_of("tracker page")
    total = {
        k: sum(c[k] for c in counts.values()) for k in ("done", "conflict", "refused", "error")
    }
    met = (
        intake is not None
        and intake <= GOAL_INTAKE_P95_MS
        and (page is None or page <= GOAL_TRACKER_P95_MS)
        and total["error"] == 0
    )
    print("p50/p95/max: every call but each client's first of each action (warming up)")
    print(
        f"actions: {total['done']} done, {total['conflict']} conflicts, {total['refused']} "
        f"refused, {total['error']} errors; {total['done'] / seconds:.1f} actions/s"
    )
    return {
        "benchmark": "office",
        "clients": len(plan),
        "seconds": seconds,
        "intake_save_p95_ms": None if intake is None else round(intake, 1),
        "tracker_page_p95_ms": None if page is None else round(page, 1),
        "done": total["done"],
        "conflicts": total["conflict"],
        "refused": total["refused"],
        "errors": total["error"],
        "goal": f"intake save p95 <= {GOAL_INTAKE_P95_MS:g} ms, tracker page p95 <= "
        f"{GOAL_TRACKER_P95_MS:g} ms, 0 errors",
        "met": bool(met),
    }


def main(args) -> int:
    """``python -m bench office``: on PostgreSQL (``--database``) a copy of the loaded
    demo data, else a copy of the SQLite demo database."""
    seconds = args.minutes * 60
    if args.database:
        from bench import pg

        cases = args.cases or 1_000_000
        pg.ensure_pg_data(args.database, cases, args.seed, args.cache_dir)
        print(pg.server_settings(args.database), flush=True)
        print(f"demo data: {cases:,} cases", flush=True)
        with pg.work_database(args.database) as work_url:
            summary = run_office(work_url, args.clients, seconds, args.seed)
    else:
        from bench.bench_sla_scan import _copy

        cases = args.cases or SQLITE_CASES
        cached = ensure_cached_db(args.cache_dir, cases, args.seed)
        work = Path(tempfile.mkdtemp(prefix="bench-office-")) / "office.db"
        _copy(cached, work)
        print(f"SQLite, demo data: {cases:,} cases", flush=True)
        try:
            summary = run_office(f"sqlite:///{work}", args.clients, seconds, args.seed)
        finally:
            remove_sqlite(work)
    summary["cases"] = cases
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    sys.stdout.flush()
    return 0
