"""``python -m bench NAME [--cases N] [--seed S] [--cache-dir DIR] [--database URL]`` (from
the repo root); ``python -m bench all`` runs every benchmark in turn. ``--database
postgresql://…`` runs open-queue, tracker, report, intake-save and sla-scan on PostgreSQL
(``bench/pg.py``: the SQLite demo data copied in once and reused); ``office`` is the load
test of several clients (``bench/bench_office.py``)."""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from bench.common import CACHE_DIR

BENCHMARKS = {
    "demo": "bench.bench_demo",
    "open-queue": "bench.bench_queue",
    "sla-scan": "bench.bench_sla_scan",
    "intake-save": "bench.bench_intake",
    "tracker": "bench.bench_tracker",
    "export": "bench.bench_export",
    "report": "bench.bench_report",
    "startup": "bench.bench_startup",
    "office": "bench.bench_office",
    "backends": "bench.bench_backends",
}
# Benchmarks that run on PostgreSQL too (their module's ``run_pg``).
POSTGRES = ("open-queue", "tracker", "report", "intake-save", "sla-scan", "office", "backends")
DEFAULT_CASES = 1_000_000  # unless the benchmark's module sets its own DEFAULT_CASES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run a benchmark against its baseline; the last line is a JSON summary. "
        "'all' runs every benchmark in turn and ends with a summary table.",
    )
    parser.add_argument("name", choices=[*sorted(BENCHMARKS), "all"])
    parser.add_argument(
        "--cases",
        type=int,
        default=None,
        metavar="N",
        help=f"demo cases in the database (default {DEFAULT_CASES:,}; export: 20,000)",
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=CACHE_DIR,
        metavar="DIR",
        help=f"where demo databases are cached (default {CACHE_DIR})",
    )
    parser.add_argument(
        "--database",
        default=None,
        metavar="URL",
        help="postgresql://… : run on this PostgreSQL database (emptied and loaded with the "
        "demo data unless the benchmarks loaded it); " + ", ".join(POSTGRES),
    )
    parser.add_argument(
        "--clients", type=int, default=20, metavar="N", help="office: client processes (20)"
    )
    parser.add_argument(
        "--minutes", type=float, default=3.0, metavar="M", help="office: how long (3)"
    )
    return parser


def run_one(
    name: str, cases: int | None, seed: int, cache_dir: Path, database: str | None = None
) -> dict:
    """Run benchmark ``name``, print its table and JSON line; its result with its size and
    duration."""
    import importlib

    module = importlib.import_module(BENCHMARKS[name])
    size = cases if cases is not None else getattr(module, "DEFAULT_CASES", DEFAULT_CASES)
    started = time.perf_counter()
    if database:
        report, line = module.run_pg(size, seed, cache_dir, database)
    else:
        report, line = module.run(size, seed, cache_dir)
    report.print_table()
    print(line, flush=True)
    result = json.loads(line)
    result["cases"] = size
    result["seconds"] = time.perf_counter() - started
    return result


def run_all(cases: int | None, seed: int, cache_dir: Path) -> int:
    """Every benchmark in turn (a failure is reported and the next one runs), then a table
    of them all: size, figures, goal met, how long each took."""
    results = []
    for name in BENCHMARKS:
        if name in ("office", "backends"):  # a load test; PostgreSQL against SQLite
            continue
        print(f"\n### python -m bench {name}", flush=True)
        started = time.perf_counter()
        try:
            results.append(run_one(name, cases, seed, cache_dir))
        except Exception:  # noqa: BLE001 - the other benchmarks still run
            traceback.print_exc()
            results.append(
                {"benchmark": name, "error": True, "seconds": time.perf_counter() - started}
            )
    print("\n== all benchmarks ==")
    header = ("benchmark", "cases", "ours (s)", "baseline (s)", "ratio", "met", "took")
    rows = [header]
    for r in results:
        if r.get("error"):
            rows.append((r["benchmark"], "", "", "", "", "FAILED", f"{r['seconds']:.0f} s"))
            continue
        rows.append(
            (
                r["benchmark"],
                f"{r['cases']:,}",
                f"{r['ours_s']:.4g}",
                f"{r['baseline_s']:.4g}",
                "" if r["ratio"] is None else f"{r['ratio']:.3g}",
                "yes" if r["met"] else "NO",
                f"{r['seconds']:.0f} s",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(f"{cell:<{w}}" for cell, w in zip(row, widths, strict=True)))
    ok = all(not r.get("error") for r in results)
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.cases is not None and args.cases < 1:
        raise SystemExit("--cases must be at least 1")
    if args.database and not args.database.startswith(("postgres://", "postgresql://")):
        raise SystemExit("--database takes a postgresql:// URL (SQLite is the default)")
    if args.name == "backends" and not args.database:
        raise SystemExit("backends compares PostgreSQL with SQLite: give --database URL")
    if args.database and args.name not in POSTGRES:
        raise SystemExit(f"{args.name} runs on SQLite only; on PostgreSQL: {', '.join(POSTGRES)}")
    if args.name == "office":
        from bench import bench_office

        return bench_office.main(args)
    if args.name == "all":
        return run_all(args.cases, args.seed, args.cache_dir)
    run_one(args.name, args.cases, args.seed, args.cache_dir, args.database)
    sys.stdout.flush()
    return 0
